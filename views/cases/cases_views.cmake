# The cases view: case list, one case's fields (owner and notes editable), reports, the matched
# account's history beside them, the case history, and the analyst's actions.
# Included from views/CMakeLists.txt.
target_sources(awb_views PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/cases_panel.h ${CMAKE_CURRENT_LIST_DIR}/cases_panel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cases_panel_side.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cases_panel_actions.cpp)
# Advise and Decide, and the notice editor: dialogs over the enforcement room.
target_sources(awb_views PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/decision_dialog.h ${CMAKE_CURRENT_LIST_DIR}/decision_dialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_dialog.h ${CMAKE_CURRENT_LIST_DIR}/notice_dialog.cpp)
target_link_libraries(awb_views PUBLIC awb_enforcement awb_render)
# Print, Print Preview and Export PDF of the case report (QtPrintSupport: the dialogs; the
# drawing itself stays in awb_render, QtGui only).
find_package(Qt6 REQUIRED COMPONENTS PrintSupport)
target_sources(awb_views PRIVATE ${CMAKE_CURRENT_LIST_DIR}/case_report_actions.cpp)
target_link_libraries(awb_views PUBLIC Qt6::PrintSupport)
