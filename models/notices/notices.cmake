# The notices room: data, placeholder catalogue, templates, redaction, composition, .eml.
list(APPEND AWB_NOTICES_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/notice_data.h
  ${CMAKE_CURRENT_LIST_DIR}/notice_fields.h ${CMAKE_CURRENT_LIST_DIR}/notice_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_text.h ${CMAKE_CURRENT_LIST_DIR}/notice_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_template.h ${CMAKE_CURRENT_LIST_DIR}/notice_template.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_template_render.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_blocks.h ${CMAKE_CURRENT_LIST_DIR}/notice_blocks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/redaction.h ${CMAKE_CURRENT_LIST_DIR}/redaction_p.h
  ${CMAKE_CURRENT_LIST_DIR}/redaction.cpp ${CMAKE_CURRENT_LIST_DIR}/redaction_text.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_values.h ${CMAKE_CURRENT_LIST_DIR}/notice_values.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_composer.h ${CMAKE_CURRENT_LIST_DIR}/notice_composer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_eml.h ${CMAKE_CURRENT_LIST_DIR}/notice_eml.cpp)
