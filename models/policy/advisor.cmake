# The enforcement advisor of policy section 6.1 and the liability statement of sections 6.2 and
# 6.3: plain data in, plain data out (the enforcement room loads the inputs from the store).
list(APPEND AWB_POLICY_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/money.h ${CMAKE_CURRENT_LIST_DIR}/money.cpp
  ${CMAKE_CURRENT_LIST_DIR}/enforcement_rules.h ${CMAKE_CURRENT_LIST_DIR}/enforcement_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/advisor_settings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/enforcement_advisor.h ${CMAKE_CURRENT_LIST_DIR}/enforcement_advisor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/advisor_explanation_p.h
  ${CMAKE_CURRENT_LIST_DIR}/advisor_explanation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/enforcement_decision.cpp
  ${CMAKE_CURRENT_LIST_DIR}/advisor_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/advisor_text_p.h
  ${CMAKE_CURRENT_LIST_DIR}/json_fields_p.h
  ${CMAKE_CURRENT_LIST_DIR}/liability.h ${CMAKE_CURRENT_LIST_DIR}/liability.cpp
  ${CMAKE_CURRENT_LIST_DIR}/liability_text.cpp)
