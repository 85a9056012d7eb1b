#include "case_repository_p.h"

// The case repository's reads; its writes are in case_repository.cpp.

namespace Awb {

using namespace CaseRepositoryDetail;

namespace {

CaseRecord readCase(const SqliteStatement &row)
{
    CaseRecord c;
    c.id = row.int64(0);
    c.publicId = row.text(1);
    c.accountId = row.text(2);
    c.originKey = row.text(3);
    c.kind = row.text(4);
    c.status = row.text(5);
    c.severity = row.text(6);
    c.owner = row.text(7);
    c.policyVersion = row.text(8);
    c.openedAt = row.timestamp(9);
    c.responseDue = row.timestamp(10);
    c.notes = row.text(11);
    c.mergedInto = row.text(12);
    return c;
}

CaseReportRecord readCaseReport(const SqliteStatement &row)
{
    CaseReportRecord r;
    r.evidenceId = row.int64(1);
    r.sha256Hex = row.text(2).toLatin1();
    r.messageId = row.text(3);
    r.subject = row.text(4);
    r.format = row.text(5);
    r.originIp = row.text(6);
    r.receivedAt = row.timestamp(7);
    r.addedAt = row.timestamp(8);
    r.reason = row.text(9);
    return r;
}

} // namespace

CaseRepository::CaseRepository(CaseStore &store, QString casePrefix)
    : m_store(store)
    , m_prefix(std::move(casePrefix))
{}

Result<QList<qint64>> CaseRepository::unassignedReports() const
{
    QList<qint64> ids;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = ops.rows(
        kUnassigned, [](SqliteStatement &) {},
        [&](const SqliteStatement &row) { ids.append(row.int64(0)); });
    if (!status)
        return Error{status.error()};
    return ids;
}

Result<QList<CaseMember>> CaseRepository::openCaseMembers(const QDateTime &since) const
{
    QList<CaseMember> members;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = ops.rows(
        kOpenMembers, [&](SqliteStatement &s) { s.bindTimestamp(1, since); },
        [&](const SqliteStatement &row) {
            members.append({row.int64(0), row.int64(1), row.text(2), row.text(3)});
        });
    if (!status)
        return Error{status.error()};
    return members;
}

Result<QList<CaseRecord>> CaseRepository::cases() const
{
    QList<CaseRecord> list;
    QHash<qint64, qsizetype> index;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = ops.rows(
        kAllCases, [](SqliteStatement &) {},
        [&](const SqliteStatement &row) {
            index.insert(row.int64(0), list.size());
            list.append(readCase(row));
        });
    if (status)
        status = ops.rows(
            kCaseReports, [](SqliteStatement &s) { s.bindNull(1); },
            [&](const SqliteStatement &row) {
                if (auto it = index.constFind(row.int64(0)); it != index.cend())
                    list[*it].reports.append(readCaseReport(row));
            });
    if (!status)
        return Error{status.error()};
    return list;
}

Result<CaseRecord> CaseRepository::caseById(qint64 caseId) const
{
    std::optional<CaseRecord> found;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    auto bindId = [caseId](SqliteStatement &s) { s.bindInt64(1, caseId); };
    Status status =
        ops.rows(kCaseById, bindId, [&](const SqliteStatement &row) { found = readCase(row); });
    if (status && !found)
        return Error{
            Tr::tr("There is no case %1 in \u201c%2\u201d.").arg(caseId).arg(m_store.path())};
    if (status)
        status = ops.rows(kCaseReports, bindId, [&](const SqliteStatement &row) {
            found->reports.append(readCaseReport(row));
        });
    if (status)
        status = ops.rows(kEvents, bindId, [&](const SqliteStatement &row) {
            found->events.append({row.int64(0), row.text(1), row.isNull(2) ? 0 : row.int64(2),
                                  row.text(3), row.text(4), row.text(5), row.text(6),
                                  row.timestamp(7), row.text(8)});
        });
    if (!status)
        return Error{status.error()};
    return *found;
}

Result<qint64> CaseRepository::resolve(const QString &idText) const
{
    bool numeric = false;
    const qint64 rowId = idText.toLongLong(&numeric);
    qint64 found = 0;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = numeric
                        ? Status::success()
                        : ops.rows(
                              kResolvePublic, [&](SqliteStatement &s) { s.bindText(1, idText); },
                              [&](const SqliteStatement &row) { found = row.int64(0); });
    if (!status)
        return Error{status.error()};
    if (numeric) {
        Result<CaseRecord> c = caseById(rowId);
        if (!c)
            return Error{c.error()};
        return rowId;
    }
    if (found == 0)
        return Error{Tr::tr("There is no case \u201c%1\u201d in \u201c%2\u201d.")
                         .arg(idText, m_store.path())};
    return found;
}

Result<std::optional<qint64>> CaseRepository::caseOfReport(qint64 evidenceId) const
{
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Result<qint64> caseId = ops.caseOfReport(evidenceId);
    if (!caseId)
        return Error{caseId.error()};
    return *caseId > 0 ? std::optional<qint64>(*caseId) : std::nullopt;
}

} // namespace Awb
