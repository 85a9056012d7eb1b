# The policy pack (clauses, versions), the Hong Kong holiday calendar and deadline arithmetic.
list(APPEND AWB_POLICY_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/hong_kong_time.h ${CMAKE_CURRENT_LIST_DIR}/hong_kong_time.cpp
  ${CMAKE_CURRENT_LIST_DIR}/policy_pack.h ${CMAKE_CURRENT_LIST_DIR}/policy_pack.cpp
  ${CMAKE_CURRENT_LIST_DIR}/policy_markdown_p.h ${CMAKE_CURRENT_LIST_DIR}/policy_markdown.cpp
  ${CMAKE_CURRENT_LIST_DIR}/policy_library.h ${CMAKE_CURRENT_LIST_DIR}/policy_library.cpp
  ${CMAKE_CURRENT_LIST_DIR}/holiday_calendar.h ${CMAKE_CURRENT_LIST_DIR}/holiday_calendar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ics_reader_p.h ${CMAKE_CURRENT_LIST_DIR}/ics_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/year_list_p.h
  ${CMAKE_CURRENT_LIST_DIR}/deadlines.h ${CMAKE_CURRENT_LIST_DIR}/deadlines.cpp)
