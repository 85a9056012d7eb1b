#include "notice_repository.h"

#include "case_repository_p.h"

#include <QCryptographicHash>

namespace Awb {

using namespace CaseRepositoryDetail;

namespace {

constexpr const char kCase[] = "SELECT public_id, policy_version FROM cases WHERE id = ?1";
constexpr const char kMessageIdTaken[] = "SELECT id FROM notices WHERE message_id = ?1";
constexpr const char kInsert[] =
    "INSERT INTO notices (case_id, type, recipient_role, recipient, subject, message_id,"
    " created_at, who, policy_version, response_due, eml, sha256)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
// The bytes column last, so that the lists can leave it out (X'' is read, the blob is not).
#define AWB_NOTICE_COLUMNS                                                                         \
    "SELECT id, case_id, type, recipient_role, recipient, subject, message_id, created_at, who,"   \
    " policy_version, response_due, sha256, "
constexpr const char kForCase[] =
    AWB_NOTICE_COLUMNS "X'' FROM notices WHERE case_id = ?1 ORDER BY id";
constexpr const char kForCaseWithBytes[] =
    AWB_NOTICE_COLUMNS "eml FROM notices WHERE case_id = ?1 ORDER BY id";
constexpr const char kById[] = AWB_NOTICE_COLUMNS "eml FROM notices WHERE id = ?1";
#undef AWB_NOTICE_COLUMNS

// Not Tr: CaseRepositoryDetail::Tr is in view here, in the case repository's context.
struct NoticeTr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::NoticeRepository)
};

NoticeRecord readNotice(const SqliteStatement &row)
{
    NoticeRecord n;
    n.id = row.int64(0);
    n.caseId = row.int64(1);
    n.type = row.text(2);
    n.recipientRole = row.text(3);
    n.recipient = row.text(4);
    n.subject = row.text(5);
    n.messageId = row.text(6);
    n.createdAt = row.timestamp(7);
    n.who = row.text(8);
    n.policyVersion = row.text(9);
    n.responseDue = row.timestamp(10);
    n.sha256Hex = row.blob(11);
    n.eml = row.blob(12);
    return n;
}

QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

NoticeRepository::NoticeRepository(CaseStore &store)
    : m_store(store)
{}

QStringList NoticeRepository::typeKeys()
{
    return {QStringLiteral("acknowledgement"), QStringLiteral("information-request"),
            QStringLiteral("warning"),         QStringLiteral("suspension"),
            QStringLiteral("termination"),     QStringLiteral("termination-liability"),
            QStringLiteral("reinstatement"),   QStringLiteral("outcome")};
}

Result<qint64> NoticeRepository::add(const NoticeRecord &input)
{
    return inTransaction<qint64>(m_store, [&]() -> Result<qint64> {
        NoticeRecord n = input;
        n.who = n.who.trimmed().isEmpty() ? m_store.actor() : n.who.trimmed();
        CaseRepositoryOps ops(m_store, n.who, {}, n.createdAt);
        n.createdAt = ops.now();
        QString publicId;
        QString casePolicy;
        Status status = ops.rows(
            kCase, [&](SqliteStatement &s) { s.bindInt64(1, n.caseId); },
            [&](const SqliteStatement &row) {
                publicId = row.text(0);
                casePolicy = row.text(1);
            });
        if (!status)
            return Error{status.error()};
        if (publicId.isEmpty())
            return Error{NoticeTr::tr("Cannot save a notice for case %1: there is no such case in "
                                      "\u201c%2\u201d.")
                             .arg(n.caseId)
                             .arg(m_store.path())};
        const QByteArray sha256 =
            QCryptographicHash::hash(n.eml, QCryptographicHash::Sha256).toHex();
        QString problem;
        if (!typeKeys().contains(n.type))
            problem = NoticeTr::tr("unknown notice type \u201c%1\u201d (one of: %2)")
                          .arg(n.type, typeKeys().join(QStringLiteral(", ")));
        else if (n.recipientRole != u"customer" && n.recipientRole != u"reporter")
            problem = NoticeTr::tr("unknown recipient role \u201c%1\u201d (customer or reporter)")
                          .arg(n.recipientRole);
        else if (n.messageId.trimmed().isEmpty())
            problem = NoticeTr::tr("the notice has no Message-ID");
        else if (n.eml.isEmpty())
            problem = NoticeTr::tr("the notice has no bytes");
        else if (!n.sha256Hex.isEmpty() && n.sha256Hex.toLower() != sha256)
            problem = NoticeTr::tr("the given SHA-256 %1 is not that of the bytes (%2)")
                          .arg(QString::fromLatin1(n.sha256Hex), QString::fromLatin1(sha256));
        qint64 taken = 0;
        if (problem.isEmpty())
            status = ops.rows(
                kMessageIdTaken, [&](SqliteStatement &s) { s.bindText(1, n.messageId); },
                [&](const SqliteStatement &row) { taken = row.int64(0); });
        if (!status)
            return Error{status.error()};
        if (taken > 0)
            problem = NoticeTr::tr("a notice with the Message-ID %1 is saved already (notice %2)")
                          .arg(n.messageId)
                          .arg(taken);
        if (!problem.isEmpty())
            return Error{NoticeTr::tr("Cannot save the %1 notice of case %2: %3.")
                             .arg(n.type, publicId, problem)};
        n.sha256Hex = sha256;
        if (n.policyVersion.isEmpty())
            n.policyVersion = casePolicy;

        status = ops.exec(kInsert, [&](SqliteStatement &s) {
            s.bindInt64(1, n.caseId);
            s.bindText(2, n.type);
            s.bindText(3, n.recipientRole);
            s.bindText(4, nonNull(n.recipient));
            s.bindText(5, nonNull(n.subject));
            s.bindText(6, n.messageId);
            s.bindTimestamp(7, n.createdAt);
            s.bindText(8, n.who);
            s.bindText(9, n.policyVersion);
            s.bindTimestamp(10, n.responseDue);
            s.bindBlob(11, n.eml);
            s.bindText(12, QString::fromLatin1(n.sha256Hex));
        });
        if (!status)
            return Error{status.error()};
        const qint64 id = (*m_store.statementCache().get(kInsert))->lastInsertId();
        QJsonObject details{{QStringLiteral("notice"), id},
                            {QStringLiteral("type"), n.type},
                            {QStringLiteral("recipient_role"), n.recipientRole},
                            {QStringLiteral("recipient"), nonNull(n.recipient)},
                            {QStringLiteral("subject"), nonNull(n.subject)},
                            {QStringLiteral("message_id"), n.messageId},
                            {QStringLiteral("sha256"), QString::fromLatin1(n.sha256Hex)},
                            {QStringLiteral("size"), n.eml.size()},
                            {QStringLiteral("policy_version"), n.policyVersion}};
        if (n.responseDue.isValid())
            details.insert(QStringLiteral("response_due"), toStoreTimestamp(n.responseDue));
        status =
            steps({[&] {
                       return ops.event({n.caseId, "notice", 0, 0, n.recipientRole, n.type});
                   },
                   [&] {
                       return ops.audit("notice", n.caseId, n.messageId,
                                        NoticeTr::tr("Saved the %1 notice to the %2 of case %3.")
                                            .arg(n.type, n.recipientRole, publicId),
                                        details);
                   }});
        if (!status)
            return Error{status.error()};
        return id;
    });
}

Result<QList<NoticeRecord>> NoticeRepository::forCase(qint64 caseId, bool withBytes) const
{
    QList<NoticeRecord> list;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = ops.rows(
        withBytes ? kForCaseWithBytes : kForCase,
        [caseId](SqliteStatement &s) { s.bindInt64(1, caseId); },
        [&](const SqliteStatement &row) { list.append(readNotice(row)); });
    if (!status)
        return Error{status.error()};
    return list;
}

Result<NoticeRecord> NoticeRepository::byId(qint64 id) const
{
    std::optional<NoticeRecord> found;
    CaseRepositoryOps ops(m_store, {}, {}, {});
    Status status = ops.rows(
        kById, [id](SqliteStatement &s) { s.bindInt64(1, id); },
        [&](const SqliteStatement &row) { found = readNotice(row); });
    if (!status)
        return Error{status.error()};
    if (!found)
        return Error{
            NoticeTr::tr("There is no notice %1 in \u201c%2\u201d.").arg(id).arg(m_store.path())};
    return *found;
}

} // namespace Awb
