#pragma once

// Private to the notices room: from NoticeData to the values of the placeholders.

#include "common/result.h"
#include "notices/notice_data.h"
#include "notices/notice_template.h"
#include "notices/redaction.h"

namespace Awb {

// The data of a customer notice with the header excerpt and every text that came from a
// report or an analyst redacted (see composeNotice()). The policy's clauses, the customer's
// own name, address and account, and the desk's fields are left as they are. `redactor`
// learns the recipients of the header excerpt on the way.
NoticeData redactedNoticeData(const NoticeData &data, Redactor &redactor,
                              QList<Redaction> *redactions);

// The values of every placeholder offered to data.type that the data fills; a placeholder
// the data leaves empty has no value (rendering it is then an error).
NoticeValues noticeValues(const NoticeData &data);

} // namespace Awb
