# The chain diagram and the hop and finding views (views/chain), and the QtGui-only chain
# renderer they share with the case report (views/render). Included from views/CMakeLists.txt.
target_sources(awb_views PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../render/chain_colors.h
  ${CMAKE_CURRENT_LIST_DIR}/../render/chain_colors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../render/severity_glyph.h
  ${CMAKE_CURRENT_LIST_DIR}/../render/severity_glyph.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../render/chain_renderer.h
  ${CMAKE_CURRENT_LIST_DIR}/../render/chain_renderer_p.h
  ${CMAKE_CURRENT_LIST_DIR}/../render/chain_renderer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../render/chain_renderer_box.cpp
  ${CMAKE_CURRENT_LIST_DIR}/chain_diagram_view.h
  ${CMAKE_CURRENT_LIST_DIR}/chain_diagram_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hop_item_delegate.h
  ${CMAKE_CURRENT_LIST_DIR}/hop_item_delegate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/finding_item_delegate.h
  ${CMAKE_CURRENT_LIST_DIR}/finding_item_delegate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analysis_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/analysis_panel.cpp)
