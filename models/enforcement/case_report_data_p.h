#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace Awb {

class CaseStore;
class Redactor;
struct CaseFacts;
struct CaseReportData;

// The case report's redaction: a no-op for the desk's own reader, else the notices' Redactor
// with the desk key, told every reporter and complainant of the case.
class CaseReportRedaction
{
public:
    CaseReportRedaction(bool active, const QByteArray &key);
    ~CaseReportRedaction();

    void learn(const QStringList &identities, const QByteArray &headerBlock);
    void keepVisible(const QString &value);
    QString text(const QString &value) const;
    // A whole value replaced by its token (an address keeps the @redacted.invalid form).
    QString address(const QString &value) const;
    bool active() const { return m_active; }

private:
    bool m_active = false;
    std::unique_ptr<Redactor> m_redactor;
};

// The decision in force, the superseded ones, the advice and the liability statement.
Status loadCaseReportDecision(CaseStore &store, CaseReportData &data);
// Notices, deadlines, timeline, account history and audit entries (case_report_records.cpp).
Status loadCaseReportRecords(CaseStore &store, const CaseFacts &facts,
                             const CaseReportRedaction &redaction, CaseReportData &data);

} // namespace Awb
