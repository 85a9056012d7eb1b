#include "notices/notice_values.h"

#include "notices/notice_blocks.h"
#include "notices/notice_fields.h"
#include "policy/hong_kong_time.h"
#include "notices/redaction_p.h"

namespace Awb {

namespace {

class Redacting
{
public:
    Redacting(Redactor &redactor, QList<Redaction> *log)
        : m_redactor(redactor)
        , m_log(log)
    {}

    void operator()(QString &text)
    {
        if (text.isEmpty())
            return;
        RedactedText r = m_redactor.redactText(text);
        text = r.text;
        record(r.redactions);
    }
    void operator()(QStringList &texts)
    {
        for (QString &text : texts)
            (*this)(text);
    }
    void record(const QList<Redaction> &redactions)
    {
        for (const Redaction &r : redactions)
            m_log.add(r.original, r.token, r.where);
    }

private:
    Redactor &m_redactor;
    RedactionLog m_log;
};

} // namespace

NoticeData redactedNoticeData(const NoticeData &data, Redactor &redactor,
                              QList<Redaction> *redactions)
{
    NoticeData d = data;
    redactor.keepVisible(data.deskAddress);
    redactor.keepVisible(data.recipientAddress);
    for (const QString &identity : data.reporterIdentities)
        redactor.addIdentity(identity);
    Redacting redact(redactor, redactions);

    // The header excerpt first: it teaches the redactor who the recipients were.
    if (!d.headerExcerpt.isEmpty()) {
        RedactedText headers = redactor.redactHeaders(d.headerExcerpt);
        d.headerExcerpt = headers.text;
        redact.record(headers.redactions);
    }
    redact(d.originSummary);
    for (NoticeFinding &f : d.findings) {
        redact(f.title);
        redact(f.evidence);
    }
    for (NoticeEvidenceItem &e : d.evidence) {
        redact(e.description);
        redact(e.reference);
    }
    for (NoticeDeadline &deadline : d.deadlines) {
        redact(deadline.label);
        redact(deadline.basis);
    }
    redact(d.reportReferences);
    redact(d.requiredAction);
    redact(d.consequences);
    redact(d.howToRespond);
    redact(d.suspensionScope);
    redact(d.reinstatementConditions);
    redact(d.liabilityLines);
    redact(d.outcome);
    return d;
}

NoticeValues noticeValues(const NoticeData &data)
{
    NoticeValues all;
    const auto put = [&all](const QString &name, const QString &text) {
        if (!text.trimmed().isEmpty())
            all.insert(name, NoticeValue{text, {}});
    };
    const auto putBlock = [&all](const QString &name, bool filled, const NoticeValue &value) {
        if (filled)
            all.insert(name, value);
    };

    put(QStringLiteral("case_id"), data.caseId);
    put(QStringLiteral("date"), formatHongKongAndUtc(data.now));
    put(QStringLiteral("desk_name"), data.deskName);
    put(QStringLiteral("desk_address"), data.deskAddress);
    put(QStringLiteral("recipient_name"), data.recipientName);
    put(QStringLiteral("recipient_address"), data.recipientAddress);
    put(QStringLiteral("account_id"), data.accountId);
    put(QStringLiteral("customer_name"), data.customerName);
    put(QStringLiteral("policy_title"), data.policyTitle);
    put(QStringLiteral("policy_version_label"), data.policyVersionLabel);
    put(QStringLiteral("policy_version"), data.policyVersion);
    if (!data.policyTitle.isEmpty() && !data.policyVersionLabel.isEmpty())
        put(QStringLiteral("policy_reference"),
            QStringLiteral("%1, version of %2").arg(data.policyTitle, data.policyVersionLabel));
    put(QStringLiteral("governing_law"), data.governingLaw);
    put(QStringLiteral("origin"), data.originSummary);
    put(QStringLiteral("required_action"), data.requiredAction);
    put(QStringLiteral("consequences"), data.consequences);
    put(QStringLiteral("how_to_respond"), data.howToRespond);
    put(QStringLiteral("suspension_scope"), data.suspensionScope);
    put(QStringLiteral("suspension_start"), formatHongKongAndUtc(data.suspensionStart));
    put(QStringLiteral("suspension_earliest_end"), formatHongKongAndUtc(data.suspensionEarliestEnd));
    put(QStringLiteral("effective_date"), formatHongKongAndUtc(data.effectiveAt));
    put(QStringLiteral("provide_how"), data.provideHow);
    put(QStringLiteral("provide_by"), formatHongKongAndUtc(data.provideBy));
    put(QStringLiteral("outcome"), data.outcome);

    putBlock(QStringLiteral("clauses"), !data.clauses.isEmpty(), clausesValue(data.clauses));
    putBlock(QStringLiteral("findings"), !data.findings.isEmpty(), findingsValue(data.findings));
    putBlock(QStringLiteral("header_excerpt"), !data.headerExcerpt.trimmed().isEmpty(),
             headerExcerptValue(data.headerExcerpt));
    putBlock(QStringLiteral("evidence"), !data.evidence.isEmpty(), evidenceValue(data.evidence));
    putBlock(QStringLiteral("report_references"), !data.reportReferences.isEmpty(),
             listValue(data.reportReferences));
    putBlock(QStringLiteral("deadlines"), !data.deadlines.isEmpty(),
             deadlinesValue(data.deadlines));
    putBlock(QStringLiteral("liability"), !data.liabilityLines.isEmpty(),
             listValue(data.liabilityLines));
    putBlock(QStringLiteral("missing_items"), !data.missingItems.isEmpty(),
             listValue(data.missingItems));
    putBlock(QStringLiteral("reinstatement_conditions"), !data.reinstatementConditions.isEmpty(),
             listValue(data.reinstatementConditions));

    // Only what the type offers: a reporter notice never holds the customer's fields, even
    // for a template that was not checked.
    NoticeValues values;
    for (const QString &name : noticeFieldsForType(data.type)) {
        if (all.contains(name))
            values.insert(name, all.value(name));
    }
    return values;
}

} // namespace Awb
