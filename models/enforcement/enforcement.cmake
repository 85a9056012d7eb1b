# The advisor and the notices over the store. Included from models/enforcement/CMakeLists.txt.
target_sources(awb_enforcement PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/case_advice.h ${CMAKE_CURRENT_LIST_DIR}/case_advice.cpp)
target_sources(awb_enforcement PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/case_notice.h ${CMAKE_CURRENT_LIST_DIR}/case_notice.cpp)
target_sources(awb_enforcement PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/case_deadlines.h ${CMAKE_CURRENT_LIST_DIR}/case_deadlines.cpp)
