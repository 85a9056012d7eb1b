# The notice as a printable document and a PDF (QTextDocument + QPdfWriter), for `awb notice`
# and the window's preview.
target_sources(awb_render PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/notice_pdf.h ${CMAKE_CURRENT_LIST_DIR}/notice_pdf.cpp)
