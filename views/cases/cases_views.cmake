# The cases view: case list, one case's fields (owner and notes editable), reports, the matched
# account's history beside them, the case history, and the analyst's actions.
# Included from views/CMakeLists.txt.
target_sources(awb_views PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/cases_panel.h ${CMAKE_CURRENT_LIST_DIR}/cases_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cases_panel_side.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cases_panel_actions.cpp)
