#include "case_repository_p.h"

// The case repository's edits of a case's own fields (owner, notes) and the customer's response;
// each is a case_events row of its kind and an audit entry, in one transaction.

namespace Awb {

using namespace CaseRepositoryDetail;

namespace {

// An edit of one column with its event and audit entry (the callers skip an unchanged value).
struct FieldEdit
{
    const char *sql;    // UPDATE cases SET <column> = ?2 WHERE id = ?1
    const char *kind;   // the event kind
    const char *action; // the audit action
    QString oldValue;
    QString newValue;
    QString what;
};

Status applyEdit(CaseRepositoryOps &ops, qint64 caseId, const QString &publicId,
                 const FieldEdit &edit, bool nullWhenEmpty)
{
    return steps({[&] {
                      return ops.exec(edit.sql, [&](SqliteStatement &s) {
                          s.bindInt64(1, caseId);
                          if (nullWhenEmpty)
                              bindOptional(s, 2, edit.newValue);
                          else
                              s.bindText(2, edit.newValue);
                      });
                  },
                  [&] {
                      return ops.event({caseId, edit.kind, 0, 0, edit.oldValue, edit.newValue});
                  },
                  [&] {
                      return ops.audit(edit.action, caseId, publicId, edit.what,
                                       QJsonObject{{QStringLiteral("old"), edit.oldValue},
                                                   {QStringLiteral("new"), edit.newValue}});
                  }});
}

QString actorOr(const CaseStore &store, const QString &who)
{
    return who.trimmed().isEmpty() ? store.actor() : who.trimmed();
}

} // namespace

Status CaseRepository::setOwner(qint64 caseId, const QString &owner, const QString &who,
                                const QDateTime &now)
{
    return toStatus(inTransaction<bool>(m_store, [&]() -> Result<bool> {
        Result<CaseRecord> c = caseById(caseId);
        if (!c)
            return Error{c.error()};
        const QString next = owner.trimmed();
        if (c->owner == next)
            return true;
        QString what;
        if (next.isEmpty())
            what = Tr::tr("Case %1 no longer has an owner (was %2).").arg(c->publicId, c->owner);
        else if (c->owner.isEmpty())
            what = Tr::tr("Owner of case %1 set to %2.").arg(c->publicId, next);
        else
            what =
                Tr::tr("Owner of case %1 changed from %2 to %3.").arg(c->publicId, c->owner, next);
        CaseRepositoryOps ops(m_store, actorOr(m_store, who), {}, now);
        return toResult(applyEdit(ops, caseId, c->publicId,
                                  {kSetOwner, "owner", "case-owner", c->owner, next, what}, true));
    }));
}

Status CaseRepository::setNotes(qint64 caseId, const QString &notes, const QString &who,
                                const QDateTime &now)
{
    return toStatus(inTransaction<bool>(m_store, [&]() -> Result<bool> {
        Result<CaseRecord> c = caseById(caseId);
        if (!c)
            return Error{c.error()};
        const QString next = notes.isNull() ? QStringLiteral("") : notes;
        if (c->notes == next)
            return true;
        CaseRepositoryOps ops(m_store, actorOr(m_store, who), {}, now);
        return toResult(applyEdit(ops, caseId, c->publicId,
                                  {kSetNotes, "notes", "case-notes", c->notes, next,
                                   Tr::tr("Notes of case %1 changed (%2 characters, were %3).")
                                       .arg(c->publicId)
                                       .arg(next.size())
                                       .arg(c->notes.size())},
                                  false));
    }));
}

Status CaseRepository::attributeToAccount(qint64 caseId, const QString &accountId,
                                          const QString &who, const QString &why,
                                          const QDateTime &now)
{
    return toStatus(inTransaction<bool>(m_store, [&]() -> Result<bool> {
        Result<CaseRecord> c = caseById(caseId);
        if (!c)
            return Error{c.error()};
        const QString account = accountId.trimmed();
        if (account.isEmpty())
            return Error{Tr::tr("Case %1 cannot be attributed to no account.").arg(c->publicId)};
        if (!c->accountId.isEmpty())
            return Error{Tr::tr("Case %1 is already the case of account %2.")
                             .arg(c->publicId, c->accountId)};
        if (!c->mergedInto.isEmpty() || (c->status != u"open" && c->status != u"awaiting-customer"))
            return Error{Tr::tr("Case %1 is %2: only an open case is attributed.")
                             .arg(c->publicId, c->mergedInto.isEmpty()
                                                   ? c->status
                                                   : Tr::tr("merged into %1").arg(c->mergedInto))};
        if (why.trimmed().isEmpty())
            return Error{Tr::tr("Attributing case %1 needs a reason.").arg(c->publicId)};
        CaseRepositoryOps ops(m_store, actorOr(m_store, who), why.trimmed(), now);
        return toResult(
            applyEdit(ops, caseId, c->publicId,
                      {kSetAccount, "attributed", "case-attributed", QString(), account,
                       Tr::tr("Case %1 attributed to account %2.").arg(c->publicId, account)},
                      false));
    }));
}

Status CaseRepository::recordCustomerResponse(qint64 caseId, const QString &summary,
                                              const QString &who, const QDateTime &at)
{
    return toStatus(inTransaction<bool>(m_store, [&]() -> Result<bool> {
        Result<CaseRecord> c = caseById(caseId);
        if (!c)
            return Error{c.error()};
        const QString text = summary.trimmed();
        if (text.isEmpty())
            return Error{Tr::tr("The customer's response in case %1 needs a summary of what they "
                                "said.")
                             .arg(c->publicId)};
        CaseRepositoryOps ops(m_store, actorOr(m_store, who), {}, at);
        return toResult(
            steps({[&] {
                       return ops.event({caseId, "customer-response", 0, 0, {}, text});
                   },
                   [&] {
                       return ops.audit(
                           "customer-response", caseId, c->publicId,
                           Tr::tr("Recorded the customer's response in case %1.").arg(c->publicId),
                           QJsonObject{{QStringLiteral("summary"), text}});
                   }}));
    }));
}

} // namespace Awb
