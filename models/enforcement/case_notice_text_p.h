#pragma once

// Private to the enforcement room: the desk's own wording in notices of a case (what the customer
// must do, what follows, how to answer), apart from the code that fills the notice. The policy's
// words are never here: clauses are quoted from the policy pack.
#include "enforcement/case_facts.h"
#include "enforcement/case_notice.h"

#include <QString>
#include <QStringList>

#include <utility>

namespace Awb {

// What a customer notice calls a report; never the reporter's name.
QString neutralFormatName(const QString &format);
// "Name <address>" or a bare address, split into name and address.
std::pair<QString, QString> splitMailbox(const QString &mailbox);
// The items of policy section V a report lacks.
QStringList missingItems(const CaseReportFacts &report);
QString requiredAction(const QString &type, const CaseFacts &facts);
QString consequences(const QString &type, int lookBackMonths);
QString howToRespond(const NoticeRequest &request, const QString &caseId, bool reporter);

} // namespace Awb
