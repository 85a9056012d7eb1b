# Item models of the message overview (views/overview): its links and attachments, QtCore only.
# Included from models/itemmodels/CMakeLists.txt.
target_sources(awb_itemmodels PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/link_table_model.h ${CMAKE_CURRENT_LIST_DIR}/link_table_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/attachment_table_model.h
  ${CMAKE_CURRENT_LIST_DIR}/attachment_table_model.cpp)
target_link_libraries(awb_itemmodels PUBLIC awb_analysis)
