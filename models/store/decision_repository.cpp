#include "decision_repository.h"

#include "case_repository_p.h"

#include <QCryptographicHash>

namespace Awb {

using namespace CaseRepositoryDetail;

namespace {

constexpr const char kCase[] = "SELECT public_id, policy_version FROM cases WHERE id = ?1";
constexpr const char kInsert[] =
    "INSERT INTO case_decisions (case_id, proposed_action, proposed_days, advice_json,"
    " chosen_action, chosen_days, overridden, reason, who, decided_at, policy_version,"
    " suspension_start, suspension_end)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr const char kInsertLine[] =
    "INSERT INTO liability_lines (decision_id, position, kind, description, quantity, unit_cents,"
    " amount_cents) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char kDecisions[] =
    "SELECT id, case_id, proposed_action, proposed_days, advice_json, chosen_action, chosen_days,"
    " overridden, reason, who, decided_at, policy_version, suspension_start, suspension_end"
    " FROM case_decisions WHERE case_id = ?1 ORDER BY id";
constexpr const char kLines[] =
    "SELECT l.decision_id, l.id, l.position, l.kind, l.description, l.quantity, l.unit_cents,"
    " l.amount_cents FROM liability_lines l JOIN case_decisions d ON d.id = l.decision_id"
    " WHERE d.case_id = ?1 ORDER BY l.decision_id, l.position";

// Not Tr: CaseRepositoryDetail::Tr is in view here, in the case repository's context.
struct DecisionTr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::DecisionRepository)
};

// "suspension of 14 days", "termination".
QString actionText(const QString &action, int days)
{
    if (action == u"suspension" && days > 0)
        return DecisionTr::tr("suspension of %1 days").arg(days);
    return action;
}

void bindDays(SqliteStatement &s, int index, int days)
{
    if (days > 0)
        s.bindInt64(index, days);
    else
        s.bindNull(index);
}

// The checks the table's constraints make too, made first so that the message names the case
// and says what to do rather than quoting a CHECK.
Status validate(const DecisionRecord &d, const QString &publicId)
{
    const QStringList keys = DecisionRepository::actionKeys();
    const QString known = keys.join(QStringLiteral(", "));
    if (!keys.contains(d.chosenAction))
        return Error{
            DecisionTr::tr("Case %1: unknown enforcement action \u201c%2\u201d (one of: %3).")
                .arg(publicId, d.chosenAction, known)};
    if (!d.proposedAction.isEmpty() && !keys.contains(d.proposedAction))
        return Error{DecisionTr::tr("Case %1: unknown proposed action \u201c%2\u201d (one of: %3).")
                         .arg(publicId, d.proposedAction, known)};
    if (d.overridden && d.reason.trimmed().isEmpty())
        return Error{
            DecisionTr::tr("Case %1: overriding the proposed %2 with %3 needs a reason, which the "
                           "record keeps.")
                .arg(publicId, actionText(d.proposedAction, d.proposedDays),
                     actionText(d.chosenAction, d.chosenDays))};
    if (!d.overridden && !d.proposedAction.isEmpty() && d.proposedAction != d.chosenAction)
        return Error{
            DecisionTr::tr("Case %1: %2 is not the proposed %3; record it as an override, with the "
                           "reason.")
                .arg(publicId, actionText(d.chosenAction, d.chosenDays),
                     actionText(d.proposedAction, d.proposedDays))};
    if (d.proposedDays < 0 || d.chosenDays < 0)
        return Error{DecisionTr::tr("Case %1: a suspension cannot last a negative number of days.")
                         .arg(publicId)};
    const bool dates = d.suspensionStart.isValid() || d.suspensionEnd.isValid();
    if (dates && d.chosenAction != u"suspension")
        return Error{DecisionTr::tr("Case %1: suspension dates belong to a suspension, not to %2.")
                         .arg(publicId, d.chosenAction)};
    if (d.suspensionStart.isValid() && d.suspensionEnd.isValid() &&
        d.suspensionEnd < d.suspensionStart)
        return Error{DecisionTr::tr("Case %1: the suspension ends (%2) before it starts (%3).")
                         .arg(publicId, d.suspensionEnd.toUTC().toString(Qt::ISODate),
                              d.suspensionStart.toUTC().toString(Qt::ISODate))};
    for (qsizetype i = 0; i < d.lines.size(); ++i) {
        const LiabilityLineRecord &line = d.lines.at(i);
        qint64 product = 0;
        const bool overflow = __builtin_mul_overflow(line.quantity, line.unitCents, &product);
        if (line.kind.trimmed().isEmpty() || line.quantity < 0 || line.unitCents < 0 || overflow ||
            product != line.amountCents)
            return Error{
                DecisionTr::tr("Case %1: liability line %2 (%3) does not add up: %4 x %5 cents is "
                               "not %6 cents (each line needs a kind, and non-negative whole "
                               "numbers).")
                    .arg(publicId)
                    .arg(i + 1)
                    .arg(line.kind)
                    .arg(line.quantity)
                    .arg(line.unitCents)
                    .arg(line.amountCents)};
    }
    return Status::success();
}

DecisionRecord readDecision(const SqliteStatement &row)
{
    DecisionRecord d;
    d.id = row.int64(0);
    d.caseId = row.int64(1);
    d.proposedAction = row.text(2);
    d.proposedDays = row.isNull(3) ? 0 : int(row.int64(3));
    d.adviceJson = row.blob(4);
    d.chosenAction = row.text(5);
    d.chosenDays = row.isNull(6) ? 0 : int(row.int64(6));
    d.overridden = row.int64(7) != 0;
    d.reason = row.text(8);
    d.who = row.text(9);
    d.decidedAt = row.timestamp(10);
    d.policyVersion = row.text(11);
    d.suspensionStart = row.timestamp(12);
    d.suspensionEnd = row.timestamp(13);
    return d;
}

} // namespace

qint64 DecisionRecord::totalCents() const
{
    qint64 total = 0;
    for (const LiabilityLineRecord &line : lines)
        total += line.amountCents;
    return total;
}

DecisionRepository::DecisionRepository(CaseStore &store)
    : m_store(store)
{}

QStringList DecisionRepository::actionKeys()
{
    return {QStringLiteral("warning"), QStringLiteral("suspension"), QStringLiteral("termination"),
            QStringLiteral("termination-liability")};
}

Result<qint64> DecisionRepository::record(const DecisionRecord &input)
{
    return inTransaction<qint64>(m_store, [&]() -> Result<qint64> {
        DecisionRecord d = input;
        d.who = d.who.trimmed().isEmpty() ? m_store.actor() : d.who.trimmed();
        CaseRepositoryOps ops(m_store, d.who, d.reason, d.decidedAt);
        d.decidedAt = ops.now();
        QString publicId;
        QString casePolicy;
        Status status = ops.rows(
            kCase, [&](SqliteStatement &s) { s.bindInt64(1, d.caseId); },
            [&](const SqliteStatement &row) {
                publicId = row.text(0);
                casePolicy = row.text(1);
            });
        if (status && publicId.isEmpty())
            status = Error{
                DecisionTr::tr("Cannot record a decision on case %1: there is no such case in "
                               "\u201c%2\u201d.")
                    .arg(d.caseId)
                    .arg(m_store.path())};
        if (status)
            status = validate(d, publicId);
        if (!status)
            return Error{status.error()};
        if (d.policyVersion.isEmpty())
            d.policyVersion = casePolicy;
        if (d.adviceJson.isEmpty())
            d.adviceJson = "{}";

        status = ops.exec(kInsert, [&](SqliteStatement &s) {
            s.bindInt64(1, d.caseId);
            bindOptional(s, 2, d.proposedAction);
            bindDays(s, 3, d.proposedDays);
            s.bindText(4, QString::fromUtf8(d.adviceJson));
            s.bindText(5, d.chosenAction);
            bindDays(s, 6, d.chosenDays);
            s.bindInt64(7, d.overridden ? 1 : 0);
            s.bindText(8, d.reason.trimmed().isNull() ? QStringLiteral("") : d.reason.trimmed());
            s.bindText(9, d.who);
            s.bindTimestamp(10, d.decidedAt);
            s.bindText(11, d.policyVersion);
            s.bindTimestamp(12, d.suspensionStart);
            s.bindTimestamp(13, d.suspensionEnd);
        });
        if (!status)
            return Error{status.error()};
        const qint64 id = (*m_store.statementCache().get(kInsert))->lastInsertId();
        for (qsizetype i = 0; i < d.lines.size() && status; ++i) {
            const LiabilityLineRecord &line = d.lines.at(i);
            status = ops.exec(kInsertLine, [&](SqliteStatement &s) {
                s.bindInt64(1, id);
                s.bindInt64(2, line.position > 0 ? line.position : i + 1);
                s.bindText(3, line.kind.trimmed());
                s.bindText(4, line.description.isNull() ? QStringLiteral("") : line.description);
                s.bindInt64(5, line.quantity);
                s.bindInt64(6, line.unitCents);
                s.bindInt64(7, line.amountCents);
            });
        }
        const QString proposed = actionText(d.proposedAction, d.proposedDays);
        const QString chosen = actionText(d.chosenAction, d.chosenDays);
        QString what;
        if (d.proposedAction.isEmpty())
            what = DecisionTr::tr("Decided %1 in case %2 (no proposal).").arg(chosen, publicId);
        else if (d.overridden)
            what = DecisionTr::tr("Decided %1 in case %2, overriding the proposed %3.")
                       .arg(chosen, publicId, proposed);
        else
            what = DecisionTr::tr("Decided %1 in case %2, as proposed.").arg(chosen, publicId);
        QJsonObject details{
            {QStringLiteral("decision"), id},
            {QStringLiteral("proposed"), d.proposedAction},
            {QStringLiteral("proposed_days"), d.proposedDays},
            {QStringLiteral("chosen"), d.chosenAction},
            {QStringLiteral("chosen_days"), d.chosenDays},
            {QStringLiteral("overridden"), d.overridden},
            {QStringLiteral("policy_version"), d.policyVersion},
            {QStringLiteral("advice_sha256"),
             QString::fromLatin1(
                 QCryptographicHash::hash(d.adviceJson, QCryptographicHash::Sha256).toHex())}};
        if (d.suspensionStart.isValid())
            details.insert(QStringLiteral("suspension_start"), toStoreTimestamp(d.suspensionStart));
        if (d.suspensionEnd.isValid())
            details.insert(QStringLiteral("suspension_end"), toStoreTimestamp(d.suspensionEnd));
        if (!d.lines.isEmpty()) {
            details.insert(QStringLiteral("liability_lines"), int(d.lines.size()));
            details.insert(QStringLiteral("liability_cents"), d.totalCents());
        }
        if (status)
            status = ops.event({d.caseId, "decision", 0, 0, proposed, chosen});
        if (status)
            status = ops.audit(d.overridden ? "override" : "decision", d.caseId, publicId, what,
                               details);
        if (!status)
            return Error{status.error()};
        return id;
    });
}

Result<QList<DecisionRecord>> DecisionRepository::forCase(qint64 caseId) const
{
    QList<DecisionRecord> list;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    auto bindCase = [caseId](SqliteStatement &s) { s.bindInt64(1, caseId); };
    Status status = ops.rows(kDecisions, bindCase,
                             [&](const SqliteStatement &row) { list.append(readDecision(row)); });
    if (status)
        status = ops.rows(kLines, bindCase, [&](const SqliteStatement &row) {
            for (DecisionRecord &d : list) {
                if (d.id == row.int64(0))
                    d.lines.append({row.int64(1), int(row.int64(2)), row.text(3), row.text(4),
                                    row.int64(5), row.int64(6), row.int64(7)});
            }
        });
    if (!status)
        return Error{status.error()};
    return list;
}

Result<std::optional<DecisionRecord>> DecisionRepository::latest(qint64 caseId) const
{
    Result<QList<DecisionRecord>> all = forCase(caseId);
    if (!all)
        return Error{all.error()};
    if (all->isEmpty())
        return std::optional<DecisionRecord>();
    return std::optional<DecisionRecord>(all->last());
}

} // namespace Awb
