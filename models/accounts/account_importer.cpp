#include "account_importer.h"

#include "account_csv.h"
#include "csv_reader.h"
#include "listing_attribution.h"
#include "store/case_store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::AccountImporter)
};

// A file read and recognised, waiting for its turn (customers first).
struct LoadedFile
{
    QString path;
    QByteArray sha256Hex;
    AccountFileLayout layout;
    QList<CsvRecord> rows; // after the header
};

QString describe(const IpAssignmentRecord &a)
{
    const QString where = a.source.toString();
    return where.isEmpty() ? Tr::tr("%1 (%2)").arg(a.accountId, a.validity.toString())
                           : Tr::tr("%1 (%2, %3)").arg(a.accountId, a.validity.toString(), where);
}

// Imports the rows of one file inside the caller's transaction. Store failures end the file;
// bad rows are counted and named.
class FileImport
{
public:
    FileImport(AccountRepository &repository, const LoadedFile &file, AccountImportSummary &summary,
               QSet<QPair<qint64, qint64>> &reportedConflicts)
        : m_repository(repository)
        , m_file(file)
        , m_summary(summary)
        , m_reportedConflicts(reportedConflicts)
    {
        m_result.file = file.path;
        m_result.kind = accountFileKindName(file.layout.kind);
    }

    Status run()
    {
        for (const CsvRecord &row : m_file.rows) {
            Status status = importRow(row);
            if (!status)
                return status;
        }
        m_summary.imported += m_result.imported;
        m_summary.unchanged += m_result.unchanged;
        m_summary.files.append(m_result);
        return Status::success();
    }

private:
    void reject(int line, const QString &reason)
    {
        m_summary.rejected.append({m_file.path, line, reason});
        ++m_result.rejected;
    }

    void count(UpsertOutcome outcome)
    {
        if (outcome == UpsertOutcome::Unchanged)
            ++m_result.unchanged;
        else
            ++m_result.imported;
    }

    template <typename T> bool accept(const CsvRecord &row, const Result<CheckedRow<T>> &checked)
    {
        if (!checked) {
            reject(row.line, checked.error());
            return false;
        }
        for (const QString &warning : checked->warnings)
            m_summary.notes.append({m_file.path, row.line, warning});
        return true;
    }

    // Rows of the other files must name a known account (also a foreign key in the schema; the
    // check here gives the row a reason instead of failing the file).
    Result<bool> knownAccount(const CsvRecord &row, const QString &accountId)
    {
        Result<bool> known = m_repository.hasCustomer(accountId);
        if (known && !*known)
            reject(row.line, Tr::tr("account %1 is not among the customers").arg(accountId));
        return known;
    }

    Status importRow(const CsvRecord &row)
    {
        if (!row.error.isEmpty()) {
            reject(row.line, row.error);
            return Status::success();
        }
        const AccountFileLayout &layout = m_file.layout;
        if (row.fields.size() != layout.columnCount) {
            reject(row.line, Tr::tr("%1 fields where the header has %2")
                                 .arg(row.fields.size())
                                 .arg(layout.columnCount));
            return Status::success();
        }
        switch (layout.kind) {
        case AccountFileKind::Customers: {
            const auto checked = customerFromCsv(layout, row.fields);
            return accept(row, checked) ? store(m_repository.upsertCustomer(checked->record))
                                        : Status::success();
        }
        case AccountFileKind::IpAssignments: {
            auto checked = assignmentFromCsv(layout, row.fields);
            if (!accept(row, checked))
                return Status::success();
            checked->record.source = {m_file.path, row.line};
            return importAssignment(row, checked->record);
        }
        case AccountFileKind::Domains: {
            auto checked = domainFromCsv(layout, row.fields);
            if (!accept(row, checked))
                return Status::success();
            checked->record.source = {m_file.path, row.line};
            Result<bool> known = knownAccount(row, checked->record.accountId);
            if (!known || !*known)
                return known ? Status::success() : Status(Error{known.error()});
            return store(m_repository.upsertDomain(checked->record));
        }
        case AccountFileKind::History: {
            const auto checked = enforcementFromCsv(layout, row.fields);
            if (!accept(row, checked))
                return Status::success();
            Result<bool> known = knownAccount(row, checked->record.accountId);
            if (!known || !*known)
                return known ? Status::success() : Status(Error{known.error()});
            return store(m_repository.upsertEnforcement(checked->record));
        }
        }
        return Status::success();
    }

    Status store(const Result<UpsertOutcome> &outcome)
    {
        if (!outcome)
            return Error{outcome.error()};
        count(*outcome);
        return Status::success();
    }

    Status importAssignment(const CsvRecord &row, IpAssignmentRecord &assignment)
    {
        Result<bool> known = knownAccount(row, assignment.accountId);
        if (!known || !*known)
            return known ? Status::success() : Status(Error{known.error()});
        Status status = store(m_repository.upsertAssignment(assignment, &assignment.id));
        if (!status)
            return status;
        // Checked for unchanged rows too, so that a re-import still reports the contradiction.
        Result<QList<IpAssignmentRecord>> conflicts =
            m_repository.conflictingAssignments(assignment);
        if (!conflicts)
            return Error{conflicts.error()};
        for (const IpAssignmentRecord &other : *conflicts) {
            const QPair<qint64, qint64> key{qMin(other.id, assignment.id),
                                            qMax(other.id, assignment.id)};
            if (m_reportedConflicts.contains(key))
                continue;
            m_reportedConflicts.insert(key);
            const IpNetwork &shared = other.prefix.prefixLength() > assignment.prefix.prefixLength()
                                          ? other.prefix
                                          : assignment.prefix;
            m_summary.dataErrors.append(
                {Tr::tr("%1 is assigned to two accounts at the same time: %2 and %3")
                     .arg(shared.toString(), describe(other), describe(assignment)),
                 other.source, assignment.source});
        }
        return Status::success();
    }

    AccountRepository &m_repository;
    const LoadedFile &m_file;
    AccountImportSummary &m_summary;
    QSet<QPair<qint64, qint64>> &m_reportedConflicts;
    AccountFileSummary m_result;
};

// Reads and recognises one file; a file that cannot be used is rejected whole (line 0, or the
// header's line).
std::optional<LoadedFile> loadFile(const QString &path, AccountImportSummary &summary)
{
    auto reject = [&](int line, const QString &reason) {
        summary.rejected.append({path, line, reason});
        summary.files.append({path, QString(), 0, 0, 1});
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return reject(0, Tr::tr("cannot read the file: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    Result<QString> text = decodeCsvText(bytes);
    if (!text)
        return reject(0, text.error());
    QList<CsvRecord> records = parseCsv(*text);
    if (records.isEmpty())
        return reject(0, Tr::tr("the file is empty: no header row"));
    const CsvRecord header = records.takeFirst();
    if (!header.error.isEmpty())
        return reject(header.line, Tr::tr("header row: %1").arg(header.error));
    Result<AccountFileLayout> layout = detectAccountFile(header.fields);
    if (!layout)
        return reject(header.line, layout.error());
    if (!layout->ignoredColumns.isEmpty())
        summary.notes.append({path, header.line,
                              Tr::tr("columns ignored (not part of %1.csv): %2")
                                  .arg(accountFileKindName(layout->kind),
                                       layout->ignoredColumns.join(QLatin1String(", ")))});
    return LoadedFile{path, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex(),
                      *layout, records};
}

// The files that say who held an address or a domain, which a listing may name.
bool holdsListedThings(AccountFileKind kind)
{
    return kind == AccountFileKind::IpAssignments || kind == AccountFileKind::Domains;
}

} // namespace

AccountImporter::AccountImporter(AccountRepository &repository)
    : m_repository(repository)
{}

Result<AccountImportSummary> AccountImporter::importFiles(const QStringList &paths,
                                                          const QDateTime &now)
{
    AccountImportSummary summary;
    QList<LoadedFile> files;
    for (const QString &path : paths) {
        if (std::optional<LoadedFile> file = loadFile(path, summary))
            files.append(std::move(*file));
    }
    // Customers before the files whose rows refer to them; otherwise the order given.
    std::stable_sort(files.begin(), files.end(), [](const LoadedFile &a, const LoadedFile &b) {
        return a.layout.kind < b.layout.kind;
    });

    CaseStore &store = m_repository.store();
    QSet<QPair<qint64, qint64>> reportedConflicts;
    for (const LoadedFile &file : files) {
        Status status = store.begin();
        if (status)
            status = FileImport(m_repository, file, summary, reportedConflicts).run();
        if (status) {
            Result<bool> recorded = m_repository.recordImport(
                file.path, file.sha256Hex, accountFileKindName(file.layout.kind));
            if (!recorded)
                status = Error{recorded.error()};
        }
        if (status && holdsListedThings(file.layout.kind)) {
            Result<int> attributed = attributeRecordedListings(
                store,
                Tr::tr("the account file %1 was imported").arg(QFileInfo(file.path).fileName()),
                now);
            if (attributed)
                summary.listingsAttributed += *attributed;
            else
                status = Error{attributed.error()};
        }
        if (status)
            status = store.commit();
        if (!status) {
            store.rollback();
            return Error{Tr::tr("%1: %2").arg(file.path, status.error())};
        }
    }
    return summary;
}

} // namespace Awb
