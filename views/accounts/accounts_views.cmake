# The accounts view (views/accounts): the account list, the account page (its history view,
# shared with the case view, and its timeline chart, Qt Charts) and the blocklist check. Included from views/CMakeLists.txt.
if(NOT TARGET Qt6::Charts)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Charts)
endif()
target_sources(awb_views PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/account_timeline_view.h
  ${CMAKE_CURRENT_LIST_DIR}/account_timeline_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/account_history_view.h
  ${CMAKE_CURRENT_LIST_DIR}/account_history_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/accounts_panel.h
  ${CMAKE_CURRENT_LIST_DIR}/accounts_panel.cpp)
target_link_libraries(awb_views PUBLIC Qt6::Charts)
