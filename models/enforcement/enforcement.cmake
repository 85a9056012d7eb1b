# The advisor and the notices over the store. Included from models/enforcement/CMakeLists.txt.
target_sources(awb_enforcement PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/case_advice.h ${CMAKE_CURRENT_LIST_DIR}/case_advice.cpp)
target_sources(awb_enforcement PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/case_notice.h ${CMAKE_CURRENT_LIST_DIR}/case_notice.cpp)
target_sources(awb_enforcement PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/case_deadlines.h ${CMAKE_CURRENT_LIST_DIR}/case_deadlines.cpp)
# The evidence package of `awb export` (libzip for the .zip, private to this room).
target_sources(awb_enforcement PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/evidence_package.h ${CMAKE_CURRENT_LIST_DIR}/evidence_package.cpp)
target_link_libraries(awb_enforcement PRIVATE PkgConfig::LIBZIP)
# The printable case report's data (the drawing is views/render/case_report.*).
target_sources(awb_enforcement PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/case_report_data.h ${CMAKE_CURRENT_LIST_DIR}/case_report_data_p.h
  ${CMAKE_CURRENT_LIST_DIR}/case_report_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/case_report_records.cpp
  ${CMAKE_CURRENT_LIST_DIR}/case_report_summary.cpp)
target_sources(awb_enforcement PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/case_notice_text_p.h ${CMAKE_CURRENT_LIST_DIR}/case_notice_text.cpp)
