# The chain diagram and the hop and finding views (views/chain); they draw with the QtGui-only
# chain renderer of views/render (awb_render). Included from views/CMakeLists.txt.
target_sources(awb_views PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/chain_diagram_view.h
  ${CMAKE_CURRENT_LIST_DIR}/chain_diagram_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hop_item_delegate.h
  ${CMAKE_CURRENT_LIST_DIR}/hop_item_delegate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/finding_item_delegate.h
  ${CMAKE_CURRENT_LIST_DIR}/finding_item_delegate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analysis_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/analysis_panel.cpp)
