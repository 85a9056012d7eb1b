#include "notices/notice_fields.h"

#include <QHash>

namespace Awb {

namespace {

const QStringList &blockFields()
{
    static const QStringList fields = {
        QStringLiteral("clauses"),
        QStringLiteral("findings"),
        QStringLiteral("header_excerpt"),
        QStringLiteral("evidence"),
        QStringLiteral("report_references"),
        QStringLiteral("deadlines"),
        QStringLiteral("liability"),
        QStringLiteral("missing_items"),
        QStringLiteral("reinstatement_conditions"),
    };
    return fields;
}

// Fields every notice may use: who writes, to whom, about which case, under which policy.
const QStringList &commonFields()
{
    static const QStringList fields = {
        QStringLiteral("case_id"),           QStringLiteral("date"),
        QStringLiteral("desk_name"),         QStringLiteral("desk_address"),
        QStringLiteral("recipient_name"),    QStringLiteral("recipient_address"),
        QStringLiteral("policy_title"),      QStringLiteral("policy_version_label"),
        QStringLiteral("policy_version"),    QStringLiteral("policy_reference"),
        QStringLiteral("governing_law"),     QStringLiteral("how_to_respond"),
        QStringLiteral("report_references"), QStringLiteral("deadlines"),
    };
    return fields;
}

// What a customer may read about its own case. None of these is offered to reporter notices:
// that is what keeps the customer's identity and the evidence out of them.
const QStringList &customerFields()
{
    static const QStringList fields = {
        QStringLiteral("account_id"),   QStringLiteral("customer_name"),
        QStringLiteral("clauses"),      QStringLiteral("origin"),
        QStringLiteral("findings"),     QStringLiteral("header_excerpt"),
        QStringLiteral("evidence"),     QStringLiteral("required_action"),
        QStringLiteral("consequences"),
    };
    return fields;
}

const QHash<QString, QStringList> &typeSpecificFields()
{
    static const QHash<QString, QStringList> fields = {
        {QStringLiteral("acknowledgement"), {}},
        {QStringLiteral("information-request"),
         {QStringLiteral("missing_items"), QStringLiteral("provide_how"),
          QStringLiteral("provide_by")}},
        {QStringLiteral("outcome"), {QStringLiteral("outcome"), QStringLiteral("clauses")}},
        {QStringLiteral("warning"), {}},
        {QStringLiteral("suspension"),
         {QStringLiteral("suspension_scope"), QStringLiteral("suspension_start"),
          QStringLiteral("suspension_earliest_end"), QStringLiteral("reinstatement_conditions")}},
        {QStringLiteral("termination"),
         {QStringLiteral("effective_date"), QStringLiteral("liability")}},
        {QStringLiteral("termination-liability"),
         {QStringLiteral("effective_date"), QStringLiteral("liability")}},
        {QStringLiteral("reinstatement"),
         {QStringLiteral("effective_date"), QStringLiteral("reinstatement_conditions"),
          QStringLiteral("outcome")}},
    };
    return fields;
}

} // namespace

const QStringList &noticeTypes()
{
    static const QStringList types = {
        QStringLiteral("acknowledgement"), QStringLiteral("information-request"),
        QStringLiteral("warning"),         QStringLiteral("suspension"),
        QStringLiteral("termination"),     QStringLiteral("termination-liability"),
        QStringLiteral("reinstatement"),   QStringLiteral("outcome"),
    };
    return types;
}

bool isNoticeType(const QString &type)
{
    return noticeTypes().contains(type);
}

bool isReporterNotice(const QString &type)
{
    return type == u"acknowledgement" || type == u"information-request" || type == u"outcome";
}

bool isNoticeField(const QString &name, NoticeFieldKind *kind)
{
    bool known = commonFields().contains(name) || customerFields().contains(name);
    for (auto it = typeSpecificFields().cbegin(); !known && it != typeSpecificFields().cend(); ++it)
        known = it.value().contains(name);
    if (known && kind)
        *kind = blockFields().contains(name) ? NoticeFieldKind::Block : NoticeFieldKind::Inline;
    return known;
}

QStringList noticeFieldsForType(const QString &type)
{
    if (!isNoticeType(type))
        return {};
    QStringList fields = commonFields();
    if (!isReporterNotice(type))
        fields += customerFields();
    for (const QString &name : typeSpecificFields().value(type)) {
        if (!fields.contains(name))
            fields.append(name);
    }
    return fields;
}

QStringList requiredNoticeFields(const QString &type)
{
    // A sanction must say what was breached (clauses with their text), on which evidence, what
    // to do by when, what happens otherwise and how to answer or dispute it.
    const QStringList sanction = {
        QStringLiteral("case_id"),        QStringLiteral("clauses"),
        QStringLiteral("origin"),         QStringLiteral("findings"),
        QStringLiteral("header_excerpt"), QStringLiteral("required_action"),
        QStringLiteral("deadlines"),      QStringLiteral("consequences"),
        QStringLiteral("how_to_respond"),
    };
    if (type == u"warning" || type == u"termination")
        return sanction;
    if (type == u"suspension")
        return sanction + QStringList{QStringLiteral("suspension_scope"),
                                      QStringLiteral("suspension_start"),
                                      QStringLiteral("suspension_earliest_end"),
                                      QStringLiteral("reinstatement_conditions")};
    if (type == u"termination-liability")
        return sanction + QStringList{QStringLiteral("liability")};
    if (type == u"reinstatement")
        return {QStringLiteral("case_id"), QStringLiteral("effective_date"),
                QStringLiteral("how_to_respond")};
    if (type == u"acknowledgement")
        return {QStringLiteral("case_id"), QStringLiteral("report_references")};
    if (type == u"information-request")
        return {QStringLiteral("case_id"), QStringLiteral("missing_items"),
                QStringLiteral("provide_how"), QStringLiteral("provide_by")};
    if (type == u"outcome")
        return {QStringLiteral("case_id"), QStringLiteral("outcome")};
    return {};
}

} // namespace Awb
