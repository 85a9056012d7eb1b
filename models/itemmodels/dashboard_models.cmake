# The dashboard's list behind each number (views/dashboard). Included from
# models/itemmodels/CMakeLists.txt.
target_sources(awb_itemmodels PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dashboard_list_model.h
  ${CMAKE_CURRENT_LIST_DIR}/dashboard_list_model.cpp)
