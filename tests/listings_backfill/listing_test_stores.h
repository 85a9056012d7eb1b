#pragma once

// Shared by the listing attribution tests: case databases built from the demo data and the
// listing notices of tests/data/enforcement, the way a desk builds them (AccountImporter,
// ImportPipeline with the demo's analysis settings, case grouping), in either order, with fixed
// clocks.

#include "../accounts_views/demo_account_store.h"

#include "accounts/account_history.h"
#include "store/audit_log.h"
#include "store/evidence_repository.h"
#include "store/listing_repository.h"

#include <QDir>
#include <QHash>
#include <QStringList>

namespace Awb::Test {

inline QString demoDir()
{
    return QStringLiteral(AWB_SOURCE_DIR "/resources/demo");
}

// Three Spamhaus notices of ranges and a domain (two range listings of 203.0.113.32/27, before
// and after 203.0.113.40 changed hands; an SBL, a PBL and a DBL listing in one notice).
inline QString noticeDir()
{
    return QStringLiteral(AWB_TEST_DATA "/enforcement");
}

inline QString demoReport(const char *name)
{
    return demoDir() + QStringLiteral("/reports/") + QLatin1String(name);
}

// The demo reports but `except` (file names).
inline QStringList demoReportsExcept(const QStringList &except)
{
    QStringList paths;
    const QDir dir(demoDir() + QStringLiteral("/reports"));
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        if (!except.contains(name))
            paths << dir.filePath(name);
    }
    return paths;
}

inline QStringList demoAccountCsvs()
{
    QStringList csvs;
    for (const char *name : {"customers.csv", "ip_assignments.csv", "domains.csv", "history.csv"})
        csvs << demoDir() + QStringLiteral("/accounts/") + QLatin1String(name);
    return csvs;
}

inline TrustSettings demoTrust()
{
    return TrustSettings::fromSettings(
        QSettings(demoDir() + QStringLiteral("/analysis.ini"), QSettings::IniFormat));
}

// Each returns an empty string when it worked, else what failed.
inline QString importReports(CaseStore &store, const QStringList &paths)
{
    ImportPipeline::Options options;
    options.parserThreads = 1;
    options.trust = ImportPipeline::withAccountNetworks(demoTrust(), store);
    auto run = ImportPipeline(options).run(store, paths);
    return run ? QString() : run.error();
}

inline QString importAccounts(CaseStore &store, const QDateTime &now,
                              AccountImportSummary *summary = nullptr,
                              const QStringList &csvs = demoAccountCsvs())
{
    AccountRepository accounts(store);
    auto imported = AccountImporter(accounts).importFiles(csvs, now);
    if (!imported)
        return imported.error();
    if (summary)
        *summary = *imported;
    return imported->rejected.isEmpty() ? QString() : imported->rejected.first().reason;
}

inline QString groupReports(CaseStore &store, const QDateTime &now,
                            CaseAssignmentSummary *summary = nullptr)
{
    AccountRepository accounts(store);
    CaseSettings settings;
    settings.analyst = QStringLiteral("tester");
    const TrustSettings trust = ImportPipeline::withAccountNetworks(demoTrust(), store);
    auto grouped =
        assignNewReports(store, correlationAttribution(store, accounts, trust), settings, now);
    if (!grouped)
        return grouped.error();
    if (summary)
        *summary = *grouped;
    return QString();
}

inline qint64 evidenceWithMessageId(CaseStore &store, const QString &messageId)
{
    const auto summaries = EvidenceRepository(store).summaries();
    if (!summaries)
        return 0;
    for (const MessageSummary &s : *summaries) {
        if (s.messageId == messageId)
            return s.id;
    }
    return 0;
}

// The blacklisting events of an account's history, in its order.
inline QList<AccountEvent> blacklistings(const AccountHistory &history)
{
    QList<AccountEvent> found;
    for (const AccountEvent &e : history.events) {
        if (e.kind == AccountEvent::Kind::Blacklisting)
            found << e;
    }
    return found;
}

inline int auditEntryCount(CaseStore &store)
{
    auto entries = AuditLog(store).entries();
    return entries ? int(entries->size()) : -1;
}

inline QList<AuditEntry> auditEntries(CaseStore &store, const QString &action)
{
    QList<AuditEntry> found;
    auto entries = AuditLog(store).entries();
    if (entries) {
        for (const AuditEntry &e : *entries) {
            if (e.action == action)
                found << e;
        }
    }
    return found;
}

// A listing as one line, for comparing two stores: what was observed, by which notice (its
// Message-ID, ids differ between stores) and for which account; sorted.
inline QStringList listingLines(CaseStore &store, const QList<StoredListing> &listings)
{
    QHash<qint64, QString> messageIds;
    if (auto summaries = EvidenceRepository(store).summaries()) {
        for (const MessageSummary &s : *summaries)
            messageIds.insert(s.id, s.messageId);
    }
    QStringList lines;
    for (const StoredListing &l : listings) {
        lines << QStringList{l.accountId.isEmpty() ? QStringLiteral("-") : l.accountId,
                             l.listName,
                             l.zone,
                             l.addressOrRange,
                             l.verdict,
                             l.checkedAt.toUTC().toString(Qt::ISODate),
                             l.source,
                             l.evidenceId ? messageIds.value(*l.evidenceId) : QString()}
                     .join(QLatin1Char('|'));
    }
    lines.sort();
    return lines;
}

} // namespace Awb::Test
