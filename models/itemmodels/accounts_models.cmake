# Item models of the accounts view (views/accounts): the account list and one account's
# history events and listings, QtCore only. Included from models/itemmodels/CMakeLists.txt.
target_sources(awb_itemmodels PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/account_list_model.h ${CMAKE_CURRENT_LIST_DIR}/account_list_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/account_event_model.h
  ${CMAKE_CURRENT_LIST_DIR}/account_event_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/account_listing_model.h
  ${CMAKE_CURRENT_LIST_DIR}/account_listing_model.cpp)
target_link_libraries(awb_itemmodels PUBLIC awb_accounts)
