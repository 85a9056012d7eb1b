# The message overview (views/overview): decoded headers, authentication badges, the body as
# text, links and attachments; and what the window hands the source viewer (finding marks,
# decoded header fields). Included from views/CMakeLists.txt.
target_sources(awb_views PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/message_overview.h
  ${CMAKE_CURRENT_LIST_DIR}/message_overview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/auth_verdict_bar.h
  ${CMAKE_CURRENT_LIST_DIR}/auth_verdict_bar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/verdict_badge.h
  ${CMAKE_CURRENT_LIST_DIR}/verdict_badge.cpp
  ${CMAKE_CURRENT_LIST_DIR}/overview_item_delegate.h
  ${CMAKE_CURRENT_LIST_DIR}/overview_item_delegate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/source_view_data.h
  ${CMAKE_CURRENT_LIST_DIR}/source_view_data.cpp)
