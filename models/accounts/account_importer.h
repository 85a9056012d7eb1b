#pragma once

#include "common/result.h"
#include "store/account_repository.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// A row (or, with line 0, a whole file) that was not imported, and why.
struct AccountImportRejection
{
    QString file;
    int line = 0;
    QString reason;
};

// Imported, but worth a look: a prefix written with host bits, columns that were ignored.
struct AccountImportNote
{
    QString file;
    int line = 0; // 0 for the whole file
    QString text;
};

// A contradiction in the data itself: one address assigned to two accounts at the same time.
// Both rows are stored, as the billing system says: the directory records what it was told, and
// correlation then offers both accounts as candidates for that address and time instead of
// silently picking one. The error names both rows so that the billing data can be corrected.
struct AccountDataError
{
    QString message;
    SourceRow first;  // the row stored earlier
    SourceRow second; // the row that conflicts with it
};

struct AccountFileSummary
{
    QString file;
    QString kind; // accountFileKindName(); empty when the file was rejected whole
    int imported = 0;
    int unchanged = 0;
    int rejected = 0;
};

struct AccountImportSummary
{
    int imported = 0;  // rows added or changed
    int unchanged = 0; // rows already stored exactly so (a re-import gives only these)
    QList<AccountImportRejection> rejected;
    QList<AccountDataError> dataErrors;
    QList<AccountImportNote> notes;
    QList<AccountFileSummary> files; // in the order they were imported
    // Listings recorded earlier that the new assignments or domains attributed to accounts
    // (attributeRecordedListings()).
    int listingsAttributed = 0;
};

// Imports the billing system's CSV exports into the account directory. Which file is which is
// told from its header row, not its name; customers are imported before the files that refer
// to them, whatever order the paths are given in. Each file is one transaction: a file lands
// whole (its good rows) or, when the store fails, not at all. A bad row is rejected with its file,
// line and reason; the other rows still import. A row that names an account missing from the
// customers is rejected too. Importing the same files again changes nothing.
//
// A file of assignments or domains also attributes, in its transaction, the listings recorded
// before the directory knew who held what they list (attributeRecordedListings()), so that a
// desk that imports reports first and accounts later still sees those blacklistings on the
// account.
class AccountImporter
{
public:
    explicit AccountImporter(AccountRepository &repository);

    // Fails only when the store fails; bad input of any kind is in the summary. `now` is the
    // time attributions of listings record (invalid: the current time).
    Result<AccountImportSummary> importFiles(const QStringList &paths, const QDateTime &now = {});

private:
    AccountRepository &m_repository;
};

} // namespace Awb
