# Item models over one message's analysis (the hop chain and the findings), QtCore only.
# Included from models/itemmodels/CMakeLists.txt.
target_sources(awb_itemmodels PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/hop_table_model.h ${CMAKE_CURRENT_LIST_DIR}/hop_table_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/finding_list_model.h ${CMAKE_CURRENT_LIST_DIR}/finding_list_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/finding_filter_proxy.h
  ${CMAKE_CURRENT_LIST_DIR}/finding_filter_proxy.cpp)
target_link_libraries(awb_itemmodels PUBLIC awb_analysis)
