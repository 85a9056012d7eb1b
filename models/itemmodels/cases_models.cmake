# Item models of the case views (views/cases): the case list and one case's reports, QtCore only.
# Included from models/itemmodels/CMakeLists.txt.
target_sources(awb_itemmodels PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/case_list_model.h ${CMAKE_CURRENT_LIST_DIR}/case_list_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/case_report_model.h ${CMAKE_CURRENT_LIST_DIR}/case_report_model.cpp)
target_link_libraries(awb_itemmodels PUBLIC awb_cases)
