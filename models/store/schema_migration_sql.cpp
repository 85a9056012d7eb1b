#include "schema_migration_sql_p.h"

#include "schema_migrations.h"

#include <iterator>

// The SQL of every schema version, apart from the code that runs it (schema_migrations.cpp).

namespace Awb {

namespace {

// Migration N takes a version N-1 database to version N. Each text ends by setting
// user_version, so the bump commits in the same transaction as the change it records.
// Append new migrations; never edit one that has shipped.
//
// Version 1: the evidence. Blobs live in their own table so that listing and counting the
// evidence never reads message bytes. mbox_index is -1 for a single-message file (never NULL:
// NULLs are distinct in a UNIQUE constraint and would let the same source be recorded twice).
// The "from" column is called from_header because FROM is an SQL keyword.
constexpr const char kMigration1[] = R"sql(
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE
        CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size INTEGER NOT NULL CHECK (size >= 0),
    message_id TEXT,
    subject TEXT,
    from_header TEXT,
    date_text TEXT,
    date_utc TEXT,
    imported_at TEXT NOT NULL
);
CREATE TABLE evidence_blobs (
    evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id),
    bytes BLOB NOT NULL
);
CREATE TABLE evidence_sources (
    id INTEGER PRIMARY KEY,
    evidence_id INTEGER NOT NULL REFERENCES evidence(id),
    path TEXT NOT NULL,
    mbox_index INTEGER NOT NULL,
    envelope_from BLOB,
    import_run_id INTEGER,
    imported_at TEXT NOT NULL,
    UNIQUE (evidence_id, path, mbox_index)
);
PRAGMA application_id = 1096963938;
PRAGMA user_version = 1;
)sql";

// Version 2: import runs and their rejections, and the date index for the message list.
// evidence_sources.import_run_id becomes a foreign key to import_runs. SQLite cannot add a
// constraint to an existing column, so the table is rebuilt (the documented 12-step procedure,
// shortened: no other table, index, view or trigger refers to it). Version 1 had no
// import_runs table, so the run numbers it stored point nowhere: migrated rows get NULL
// ("imported before runs were recorded") instead of a dangling reference.
constexpr const char kMigration2[] = R"sql(
CREATE TABLE import_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    paths TEXT NOT NULL,
    imported INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))
);
CREATE TABLE import_rejections (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES import_runs(id),
    path TEXT NOT NULL,
    mbox_index INTEGER NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX import_rejections_run ON import_rejections(run_id);
CREATE INDEX evidence_date_utc ON evidence(date_utc);
CREATE TABLE evidence_sources_v2 (
    id INTEGER PRIMARY KEY,
    evidence_id INTEGER NOT NULL REFERENCES evidence(id),
    path TEXT NOT NULL,
    mbox_index INTEGER NOT NULL,
    envelope_from BLOB,
    import_run_id INTEGER REFERENCES import_runs(id),
    imported_at TEXT NOT NULL,
    UNIQUE (evidence_id, path, mbox_index)
);
INSERT INTO evidence_sources_v2
    (id, evidence_id, path, mbox_index, envelope_from, import_run_id, imported_at)
    SELECT id, evidence_id, path, mbox_index, envelope_from, NULL, imported_at
    FROM evidence_sources;
DROP TABLE evidence_sources;
ALTER TABLE evidence_sources_v2 RENAME TO evidence_sources;
CREATE INDEX evidence_sources_run ON evidence_sources(import_run_id);
PRAGMA user_version = 2;
)sql";

// Version 3: what the analysis made of each message at import: the report's format and
// reporter, the origin, the section V receipt and 72-hour due time (the queue sorts by it), the
// completeness, and the whole analysis as the `awb analyze --json` object, so that a later
// program version can show what this one concluded. Evidence from version 2 has no row here
// yet: importing the same files again adds it (the evidence itself is never rewritten).
constexpr const char kMigration3[] = R"sql(
CREATE TABLE reports (
    evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id),
    format TEXT NOT NULL,
    format_version TEXT,
    reporter TEXT,
    feedback_type TEXT,
    claimed_source_ip TEXT,
    claimed_arrival_utc TEXT,
    origin_ip TEXT,
    origin_ours INTEGER NOT NULL DEFAULT 0 CHECK (origin_ours IN (0, 1)),
    received_at TEXT NOT NULL,
    receipt_source TEXT NOT NULL CHECK (receipt_source IN ('our-server', 'import')),
    receipt_explanation TEXT NOT NULL,
    response_due TEXT NOT NULL,
    completeness INTEGER NOT NULL CHECK (completeness BETWEEN 0 AND 15),
    completeness_summary TEXT NOT NULL,
    finding_count INTEGER NOT NULL DEFAULT 0,
    top_severity TEXT,
    analysis_json TEXT NOT NULL,
    analysed_at TEXT NOT NULL
);
CREATE INDEX reports_response_due ON reports(response_due);
CREATE INDEX reports_origin_ip ON reports(origin_ip);
PRAGMA user_version = 3;
)sql";

// Version 4: the account directory, imported from the billing system's CSV exports.
// - Money is integer cents (prepaid_cents); the CSV's "120.50" is parsed exactly, never through
//   a float.
// - An assignment's block is stored as an inclusive integer range of 128-bit numbers (IPv4
//   mapped, see network/ip_range.h), each number as two 64-bit words with the sign bit flipped
//   (word XOR 0x8000000000000000) so that SQLite's signed INTEGER order is the unsigned order.
//   A CIDR block's first address is the looked-up address with the host bits cleared, so "which
//   block holds this address" is one equality probe of ip_assignments_first per prefix length in
//   use (ip_assignments_lengths finds those lengths by skip-scan), whatever the row count.
// - Validity: valid_from and valid_to are store timestamps (UTC text, text order is time order),
//   both inclusive; a whole-day valid_to is stored as the last millisecond of that day. NULL
//   valid_to means still assigned.
// - Natural keys make a re-import of the same files a no-op: (account, prefix, valid_from) for
//   assignments, (account, domain, valid_from) for domains, (account, date, action, reference)
//   for history (reference is '' rather than NULL, as NULLs are distinct in UNIQUE).
// - source_file/source_line say which CSV row a stored row came from, so that a data error (an
//   address assigned to two accounts at once) can name both rows.
constexpr const char kMigration4[] = R"sql(
CREATE TABLE customers (
    account_id TEXT PRIMARY KEY NOT NULL CHECK (length(account_id) > 0),
    name TEXT NOT NULL,
    email TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'terminated')),
    suspended_until TEXT,
    created_at TEXT,
    country TEXT,
    prepaid_cents INTEGER,
    imported_at TEXT NOT NULL
);
CREATE TABLE ip_assignments (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES customers(account_id),
    prefix TEXT NOT NULL,
    family INTEGER NOT NULL CHECK (family IN (4, 6)),
    prefix_length INTEGER NOT NULL CHECK (prefix_length BETWEEN 0 AND 128),
    first_hi INTEGER NOT NULL,
    first_lo INTEGER NOT NULL,
    last_hi INTEGER NOT NULL,
    last_lo INTEGER NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
    service_id TEXT,
    source_file TEXT,
    source_line INTEGER,
    UNIQUE (account_id, prefix, valid_from)
);
CREATE INDEX ip_assignments_first ON ip_assignments(family, first_hi, first_lo);
CREATE INDEX ip_assignments_lengths ON ip_assignments(family, prefix_length);
CREATE INDEX ip_assignments_account ON ip_assignments(account_id);
CREATE TABLE hosted_domains (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES customers(account_id),
    domain TEXT NOT NULL CHECK (domain = lower(domain) AND length(domain) > 0),
    valid_from TEXT NOT NULL,
    valid_to TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
    source_file TEXT,
    source_line INTEGER,
    UNIQUE (account_id, domain, valid_from)
);
CREATE INDEX hosted_domains_domain ON hosted_domains(domain);
CREATE TABLE enforcement_history (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES customers(account_id),
    date TEXT NOT NULL,
    action TEXT NOT NULL
        CHECK (action IN ('warning', 'suspension', 'termination', 'liability', 'blacklisting')),
    clause TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'import',
    UNIQUE (account_id, date, action, reference)
);
CREATE INDEX enforcement_history_account ON enforcement_history(account_id, date);
CREATE TABLE account_imports (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE
        CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    kind TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
PRAGMA user_version = 4;
)sql";

// Version 5: cases. A case groups the reports about one account and campaign (models/cases);
// account_id is NULL for an unattributed case, which origin_key (the origin network) keys
// instead. public_id is PREFIX-YEAR-SEQUENCE ("IXCM-ABUSE-2026-000123"), numbered per year of
// opening; policy_version is the policy in force when the case was opened, kept for good
// (policy section IX). response_due is the earliest report's receipt + 72 hours (section V),
// kept current by the repository; NULL while a case holds no report. A report is in at most one
// case (evidence_id UNIQUE). Cases are never deleted: a merged case is closed and points at the
// case it went into. case_events is append-only (the triggers refuse UPDATE and DELETE): every
// opening, grouping, merge, split, move and status change with who, when and why.
constexpr const char kMigration5[] = R"sql(
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL CHECK (year BETWEEN 1970 AND 9999),
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    account_id TEXT REFERENCES customers(account_id),
    origin_key TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'complaint' CHECK (kind IN ('complaint', 'opt-out')),
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'awaiting-customer', 'actioned', 'closed')),
    severity TEXT NOT NULL DEFAULT 'info'
        CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
    owner TEXT,
    policy_version TEXT NOT NULL CHECK (length(policy_version) > 0),
    opened_at TEXT NOT NULL,
    response_due TEXT,
    notes TEXT NOT NULL DEFAULT '',
    merged_into INTEGER REFERENCES cases(id),
    UNIQUE (year, sequence),
    CHECK (merged_into IS NULL OR (merged_into <> id AND status = 'closed'))
);
CREATE INDEX cases_account ON cases(account_id);
CREATE INDEX cases_response_due ON cases(response_due);
CREATE TABLE case_reports (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    evidence_id INTEGER NOT NULL UNIQUE REFERENCES evidence(id),
    added_at TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX case_reports_case ON case_reports(case_id);
CREATE TABLE case_events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL
        CHECK (kind IN ('opened', 'report-added', 'merge', 'split', 'move', 'status')),
    evidence_id INTEGER REFERENCES evidence(id),
    other_case_id INTEGER REFERENCES cases(id),
    old_value TEXT,
    new_value TEXT,
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    why TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
PRAGMA user_version = 5;
)sql";

// Version 6: blacklist listings of an account's addresses. One row per observation, never
// updated: a later check that finds the address clean is a new row, so the history of when an
// address was (and was not) listed stays readable. account_id is NULL when the address belonged
// to no known account at the time. address_or_range is an address's canonical text or a block
// ("203.0.113.0/24", as a Spamhaus notice names it). return_codes are the answer's A records
// joined by ',' in ascending order, '' when there were none. verdict uses the names of
// dnsblVerdictName(). source says where the row came from: 'dnsbl' (a check this program made),
// 'report' (a listing notice among the evidence, evidence_id set), 'history' (imported
// enforcement history). The index serves the account page's listings, newest last.
constexpr const char kMigration6[] = R"sql(
CREATE TABLE listings (
    id INTEGER PRIMARY KEY,
    account_id TEXT REFERENCES customers(account_id),
    list_name TEXT NOT NULL,
    zone TEXT NOT NULL DEFAULT '',
    address_or_range TEXT NOT NULL CHECK (length(address_or_range) > 0),
    return_codes TEXT NOT NULL DEFAULT '',
    meaning TEXT NOT NULL DEFAULT '',
    verdict TEXT NOT NULL
        CHECK (verdict IN ('not-listed', 'listed', 'policy-listed', 'error-reply', 'timeout',
                           'lookup-failed')),
    checked_at TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('dnsbl', 'report', 'history')),
    evidence_id INTEGER REFERENCES evidence(id)
);
CREATE INDEX listings_account ON listings(account_id, checked_at);
PRAGMA user_version = 6;
)sql";

// Version 7: enforcement and the audit log.
// - audit_log is the desk's hash-chained record of every write (who, when, what, why), see
//   audit_log.h for the canonical form each hash covers. Ids are assigned by the writer (the
//   previous id + 1, under the write lock), because the hash covers the id. The triggers refuse
//   UPDATE and DELETE; they stop mistakes, not an attacker with the file, which is what the
//   chain is for.
// - case_events takes the new kinds owner, notes, decision, notice and customer-response.
//   SQLite cannot alter a CHECK, so the table is rebuilt keeping its ids and rows; DROP TABLE
//   drops the old index and triggers (its implicit DELETE fires no trigger), which are made
//   again on the new table.
// - case_decisions is append-only: a new decision supersedes, the latest (highest id) is in
//   force. An override needs a reason; suspension dates only on a suspension.
// - liability_lines are a decision's section 6.2 statement in integer cents.
// - notices keep the exact bytes of every notice saved, with their SHA-256.
// - desk_secrets holds this database's secrets (the redaction key of reporter tokens).
constexpr const char kMigration7[] = R"sql(
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL CHECK (length(trim(who)) > 0),
    action TEXT NOT NULL CHECK (length(action) > 0),
    case_id INTEGER REFERENCES cases(id),
    subject TEXT NOT NULL DEFAULT '',
    what TEXT NOT NULL,
    why TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL
        CHECK (length(prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*'),
    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
);
CREATE INDEX audit_log_case ON audit_log(case_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TABLE case_events_v7 (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL
        CHECK (kind IN ('opened', 'report-added', 'merge', 'split', 'move', 'status', 'owner',
                        'notes', 'decision', 'notice', 'customer-response')),
    evidence_id INTEGER REFERENCES evidence(id),
    other_case_id INTEGER REFERENCES cases(id),
    old_value TEXT,
    new_value TEXT,
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    why TEXT NOT NULL DEFAULT ''
);
INSERT INTO case_events_v7
    (id, case_id, kind, evidence_id, other_case_id, old_value, new_value, who, at, why)
    SELECT id, case_id, kind, evidence_id, other_case_id, old_value, new_value, who, at, why
    FROM case_events;
DROP TABLE case_events;
ALTER TABLE case_events_v7 RENAME TO case_events;
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TABLE case_decisions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    proposed_action TEXT
        CHECK (proposed_action IS NULL OR proposed_action IN ('warning', 'suspension',
                                                              'termination',
                                                              'termination-liability')),
    proposed_days INTEGER CHECK (proposed_days IS NULL OR proposed_days >= 0),
    advice_json TEXT NOT NULL DEFAULT '{}',
    chosen_action TEXT NOT NULL
        CHECK (chosen_action IN ('warning', 'suspension', 'termination',
                                 'termination-liability')),
    chosen_days INTEGER CHECK (chosen_days IS NULL OR chosen_days >= 0),
    overridden INTEGER NOT NULL DEFAULT 0 CHECK (overridden IN (0, 1)),
    reason TEXT NOT NULL DEFAULT '',
    who TEXT NOT NULL CHECK (length(trim(who)) > 0),
    decided_at TEXT NOT NULL,
    policy_version TEXT NOT NULL CHECK (length(policy_version) > 0),
    suspension_start TEXT,
    suspension_end TEXT,
    CHECK (overridden = 0 OR length(trim(reason)) > 0),
    CHECK (chosen_action = 'suspension'
           OR (suspension_start IS NULL AND suspension_end IS NULL)),
    CHECK (suspension_start IS NULL OR suspension_end IS NULL
           OR suspension_end >= suspension_start)
);
CREATE INDEX case_decisions_case ON case_decisions(case_id, id);
CREATE TRIGGER case_decisions_no_update BEFORE UPDATE ON case_decisions
BEGIN SELECT RAISE(ABORT, 'case_decisions is append-only'); END;
CREATE TRIGGER case_decisions_no_delete BEFORE DELETE ON case_decisions
BEGIN SELECT RAISE(ABORT, 'case_decisions is append-only'); END;
CREATE TABLE liability_lines (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES case_decisions(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (length(kind) > 0),
    description TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity >= 0),
    unit_cents INTEGER NOT NULL CHECK (typeof(unit_cents) = 'integer' AND unit_cents >= 0),
    amount_cents INTEGER NOT NULL
        CHECK (typeof(amount_cents) = 'integer' AND amount_cents = quantity * unit_cents),
    UNIQUE (decision_id, position)
);
CREATE TRIGGER liability_lines_no_update BEFORE UPDATE ON liability_lines
BEGIN SELECT RAISE(ABORT, 'liability_lines is append-only'); END;
CREATE TRIGGER liability_lines_no_delete BEFORE DELETE ON liability_lines
BEGIN SELECT RAISE(ABORT, 'liability_lines is append-only'); END;
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    type TEXT NOT NULL
        CHECK (type IN ('acknowledgement', 'information-request', 'warning', 'suspension',
                        'termination', 'termination-liability', 'reinstatement', 'outcome')),
    recipient_role TEXT NOT NULL CHECK (recipient_role IN ('customer', 'reporter')),
    recipient TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL UNIQUE CHECK (length(message_id) > 0),
    created_at TEXT NOT NULL,
    who TEXT NOT NULL CHECK (length(trim(who)) > 0),
    policy_version TEXT NOT NULL CHECK (length(policy_version) > 0),
    response_due TEXT,
    eml BLOB NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')
);
CREATE INDEX notices_case ON notices(case_id, id);
CREATE TRIGGER notices_no_update BEFORE UPDATE ON notices
BEGIN SELECT RAISE(ABORT, 'notices is append-only'); END;
CREATE TRIGGER notices_no_delete BEFORE DELETE ON notices
BEGIN SELECT RAISE(ABORT, 'notices is append-only'); END;
CREATE TABLE desk_secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value BLOB NOT NULL
);
PRAGMA user_version = 7;
)sql";

// Version 8: listings attributed after they were recorded, and the notices whose listings were
// never recorded.
// - listing_accounts: an account that, by the account directory as imported later, held a
//   listed address, range or domain when it was listed (reports imported before the customer
//   directory). The listing row stays as observed, its account_id what was known then; each
//   attribution says when it was made and why. Append-only, as the listings are; an account
//   is named once per listing, recorded or attributed.
// - listings_unsettled: the rows a directory import may still attribute: those without an
//   account, and those of notices (a range may also cover blocks imported later). A DNSBL
//   answer is about an address of the account it was asked for, settled when it is recorded.
// - listings_notice: which notices have their rows, without reading every DNSBL answer.
// - listing_backfill: reports already in a case that state listings (the same field that
//   statesListings() reads, report.listings) but have no listing row, grouped before grouping
//   recorded listings. The next grouping records them and takes them off.
constexpr const char kMigration8[] = R"sql(
CREATE TABLE listing_accounts (
    id INTEGER PRIMARY KEY,
    listing_id INTEGER NOT NULL REFERENCES listings(id),
    account_id TEXT NOT NULL REFERENCES customers(account_id),
    attributed_at TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    UNIQUE (listing_id, account_id)
);
CREATE INDEX listing_accounts_account ON listing_accounts(account_id);
CREATE TRIGGER listing_accounts_no_update BEFORE UPDATE ON listing_accounts
BEGIN SELECT RAISE(ABORT, 'listing_accounts is append-only'); END;
CREATE TRIGGER listing_accounts_no_delete BEFORE DELETE ON listing_accounts
BEGIN SELECT RAISE(ABORT, 'listing_accounts is append-only'); END;
CREATE TRIGGER listing_accounts_not_recorded BEFORE INSERT ON listing_accounts
WHEN NEW.account_id IS (SELECT account_id FROM listings WHERE id = NEW.listing_id)
BEGIN SELECT RAISE(ABORT, 'the listing was recorded for that account'); END;
CREATE INDEX listings_unsettled ON listings(id) WHERE account_id IS NULL OR source <> 'dnsbl';
CREATE INDEX listings_notice ON listings(evidence_id) WHERE evidence_id IS NOT NULL;
CREATE TABLE listing_backfill (
    evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id)
);
INSERT INTO listing_backfill (evidence_id)
    SELECT r.evidence_id FROM reports r
    WHERE r.evidence_id IN (SELECT evidence_id FROM case_reports)
      AND CASE WHEN json_valid(r.analysis_json)
               THEN coalesce(json_array_length(r.analysis_json, '$.report.listings'), 0) > 0
               ELSE 0 END
      AND NOT EXISTS (SELECT 1 FROM listings l
                      WHERE l.evidence_id = r.evidence_id AND l.source = 'report');
PRAGMA user_version = 8;
)sql";

// Version 9: case_events takes the kind "attributed": an unattributed case given the account
// that the account directory, imported after its reports were grouped, names for every report
// of it (cases/case_attribution.h). SQLite cannot alter a CHECK: the table is rebuilt keeping
// its ids and rows, as version 7 did.
constexpr const char kMigration9[] = R"sql(
CREATE TABLE case_events_v9 (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL
        CHECK (kind IN ('opened', 'report-added', 'merge', 'split', 'move', 'status', 'owner',
                        'notes', 'decision', 'notice', 'customer-response', 'attributed')),
    evidence_id INTEGER REFERENCES evidence(id),
    other_case_id INTEGER REFERENCES cases(id),
    old_value TEXT,
    new_value TEXT,
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    why TEXT NOT NULL DEFAULT ''
);
INSERT INTO case_events_v9
    (id, case_id, kind, evidence_id, other_case_id, old_value, new_value, who, at, why)
    SELECT id, case_id, kind, evidence_id, other_case_id, old_value, new_value, who, at, why
    FROM case_events;
DROP TABLE case_events;
ALTER TABLE case_events_v9 RENAME TO case_events;
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
PRAGMA user_version = 9;
)sql";

constexpr const char *kMigrations[] = {kMigration1, kMigration2, kMigration3,
                                       kMigration4, kMigration5, kMigration6,
                                       kMigration7, kMigration8, kMigration9};
static_assert(std::size(kMigrations) == kLatestSchemaVersion, "one migration per schema version");

} // namespace

const char *schemaMigrationSql(int version)
{
    return version >= 1 && version <= kLatestSchemaVersion ? kMigrations[version - 1] : nullptr;
}

} // namespace Awb
