# The desk's dashboard (Qt Charts). Included from views/CMakeLists.txt.
if(NOT TARGET Qt6::Charts)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Charts)
endif()
target_sources(awb_views PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dashboard_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/dashboard_panel.cpp)
target_link_libraries(awb_views PUBLIC Qt6::Charts awb_enforcement)
