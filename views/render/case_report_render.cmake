# The printable case report (QTextDocument with vector drawings) and the page decoration shared
# with the notice PDF.
target_sources(awb_render PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/paged_document.h ${CMAKE_CURRENT_LIST_DIR}/paged_document.cpp
  ${CMAKE_CURRENT_LIST_DIR}/case_report.h ${CMAKE_CURRENT_LIST_DIR}/case_report_p.h
  ${CMAKE_CURRENT_LIST_DIR}/case_report.cpp
  ${CMAKE_CURRENT_LIST_DIR}/case_report_html.cpp
  ${CMAKE_CURRENT_LIST_DIR}/case_report_sections.cpp
  ${CMAKE_CURRENT_LIST_DIR}/case_report_objects.h ${CMAKE_CURRENT_LIST_DIR}/case_report_objects.cpp)
target_link_libraries(awb_render PUBLIC awb_enforcement)
# The text object handler of the drawings is a QObject (QTextObjectInterface needs moc).
set_target_properties(awb_render PROPERTIES AUTOMOC ON)
