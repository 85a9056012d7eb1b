#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Awb {
class CaseStore;
struct AuditEntry;
struct CaseRecord;
struct CaseSettings;
struct TrustSettings;
} // namespace Awb

namespace Awb::Cli {

// Each command takes its arguments without the program and command names, and returns an Exit.
int importCommand(const QStringList &arguments);
int accountsCommand(const QStringList &arguments);
int casesCommand(const QStringList &arguments);
int messagesCommand(const QStringList &arguments);
int demoCommand(const QStringList &arguments);
int analyzeCommand(const QStringList &arguments);
int checksCommand(const QStringList &arguments);
int dnsblCommand(const QStringList &arguments);
int adviseCommand(const QStringList &arguments);
int decideCommand(const QStringList &arguments);
int noticeCommand(const QStringList &arguments);
int exportCommand(const QStringList &arguments);
int reportCommand(const QStringList &arguments);
int policyCommand(const QStringList &arguments);
int auditCommand(const QStringList &arguments);

// Shared by `import` and `demo`: imports the paths with terminal progress, prints the summary
// (text, or one JSON object with `json`) and every rejection on stderr. Returns ExitOk, or
// ExitRejected when some inputs were rejected or the store failed (`storeFailed` tells which).
int importInto(CaseStore &store, const QStringList &paths, const TrustSettings &trust, bool json,
               bool *storeFailed = nullptr);

// Shared by `messages` and `demo`: the stored messages as a table (or JSON Lines).
int listMessages(CaseStore &store, bool json);

// Shared by `accounts import` and `demo`: imports account CSV files, names every rejected row.
int importAccountsInto(CaseStore &store, const QStringList &paths, bool json);
// Shared by `cases` and `demo`: groups the reports that are in no case yet; lists the cases.
int groupCasesIn(CaseStore &store, const TrustSettings &trust, const CaseSettings &settings,
                 bool json);
int listCasesIn(CaseStore &store, bool json);

// The JSON objects of `awb cases --json` and `awb audit list --json`, shared with `awb export`.
QJsonObject caseJson(const CaseRecord &c);
QJsonObject auditEntryJson(const AuditEntry &e);
// What `awb cases show` adds: deadlines with their state, the decision in force, the notices.
QJsonObject caseEnforcementJson(CaseStore &store, const CaseRecord &c);
void printCaseEnforcement(CaseStore &store, const CaseRecord &c);

} // namespace Awb::Cli
