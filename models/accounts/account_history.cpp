#include "accounts/account_history.h"

#include "store/case_repository.h"
#include "store/decision_repository.h"
#include "store/evidence_repository.h"
#include "store/notice_repository.h"

#include <QCoreApplication>
#include <QHash>
#include <QSettings>

#include <algorithm>
#include <functional>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::AccountHistory)
};

AccountEvent::Kind kindOfAction(const QString &action)
{
    if (action == u"warning")
        return AccountEvent::Kind::Warning;
    if (action == u"suspension")
        return AccountEvent::Kind::Suspension;
    if (action == u"termination")
        return AccountEvent::Kind::Termination;
    if (action == u"liability")
        return AccountEvent::Kind::Liability;
    if (action == u"blacklisting")
        return AccountEvent::Kind::Blacklisting;
    return AccountEvent::Kind::Other;
}

// A case that went into another one is not an offence of its own: its reports now belong to
// the surviving case, which is counted instead.
bool isMerged(const CaseRecord &c)
{
    return !c.mergedInto.isEmpty();
}

bool isOpenCase(const CaseRecord &c)
{
    return c.status != u"closed" && !isMerged(c);
}

// The rule of offenceRuleText(): only what the provider itself established. Open cases are
// still allegations, a third party's blacklisting is that party's finding, and an opt-out case
// is a request, not a complaint.
bool isConfirmedEnforcement(AccountEvent::Kind kind)
{
    return kind == AccountEvent::Kind::Warning || kind == AccountEvent::Kind::Suspension ||
           kind == AccountEvent::Kind::Termination || kind == AccountEvent::Kind::Liability;
}

bool isConfirmedCase(const CaseRecord &c)
{
    return c.kind == u"complaint" && !isMerged(c) &&
           (c.status == u"actioned" || c.status == u"closed");
}

// The sanction a decision chose, as the history names it ("termination-liability" is the
// history's "liability").
AccountEvent::Kind kindOfDecision(const QString &action)
{
    return kindOfAction(action == u"termination-liability" ? QStringLiteral("liability") : action);
}

// A case's decision in force and its notices. A decided case counts as one confirmed offence,
// dated when it was decided (not when the case was opened), so the event of its opening no
// longer counts; an undecided actioned or closed complaint counts from its opening, as before.
Status addDecisionAndNotices(CaseStore &store, const CaseRecord &c,
                             const std::function<bool(const QDateTime &)> &inWindow,
                             AccountEvent &opened, QList<AccountEvent> &events)
{
    auto decision = DecisionRepository(store).latest(c.id);
    if (!decision)
        return Error{decision.error()};
    if (decision->has_value() && !isMerged(c)) {
        const DecisionRecord &d = **decision;
        AccountEvent e;
        e.at = d.decidedAt;
        e.kind = kindOfDecision(d.chosenAction);
        e.source = AccountEvent::Source::Case;
        e.action = d.chosenAction;
        e.reference = c.publicId;
        e.notes = d.overridden ? Tr::tr("decided against the proposal (%1): %2")
                                     .arg(d.proposedAction.isEmpty() ? Tr::tr("no sanction")
                                                                     : d.proposedAction,
                                          d.reason)
                               : Tr::tr("decided as proposed");
        e.endsAt = d.suspensionEnd;
        e.caseId = c.id;
        e.inWindow = inWindow(e.at);
        e.confirmedOffence = c.kind == u"complaint" && isConfirmedEnforcement(e.kind);
        if (e.confirmedOffence)
            opened.confirmedOffence = false;
        events.append(e);
    }
    auto notices = NoticeRepository(store).forCase(c.id);
    if (!notices)
        return Error{notices.error()};
    for (const NoticeRecord &n : *notices) {
        AccountEvent e;
        e.at = n.createdAt;
        e.kind = AccountEvent::Kind::Notice;
        e.source = AccountEvent::Source::Case;
        e.action = n.type;
        e.reference = c.publicId;
        e.notes = Tr::tr("%1 notice to the %2, %3").arg(n.type, n.recipientRole, n.messageId);
        e.endsAt = n.responseDue;
        e.caseId = c.id;
        e.inWindow = inWindow(e.at);
        events.append(e);
    }
    return Status::success();
}

// The listings of the account, and the blacklisting events among them: each listing a notice
// states, and each DNSBL "listed" answer for an address and zone whose previous check was not
// one (a daily check of a listed address is one blacklisting, not one a day).
template <typename InWindow>
Status addListingEvents(CaseStore &store, const QString &accountId, const QList<CaseRecord> &cases,
                        const InWindow &inWindow, AccountHistory *h)
{
    auto listings = ListingRepository(store).forAccount(accountId);
    if (!listings)
        return Error{listings.error()};
    h->listings = *listings;
    // A notice's case may belong to another account or none (a range spanning two customers).
    QHash<qint64, qint64> caseOfNotice;
    for (const CaseRecord &c : cases) {
        for (const CaseReportRecord &r : c.reports)
            caseOfNotice.insert(r.evidenceId, c.id);
    }
    EvidenceRepository evidence(store);
    QHash<QString, bool> lastCheckListed; // "address zone" -> the previous DNSBL verdict
    for (const StoredListing &l : *listings) {
        const bool isListed = l.verdict == u"listed";
        AccountEvent e;
        if (l.source == u"dnsbl") {
            const QString key = l.addressOrRange + QLatin1Char(' ') + l.zone;
            const bool wasListed = lastCheckListed.value(key, false);
            lastCheckListed.insert(key, isListed);
            if (!isListed || wasListed)
                continue;
            e.source = AccountEvent::Source::Dnsbl;
            e.reference = l.zone;
        } else if (l.source == u"report" && isListed) {
            e.source = AccountEvent::Source::Report;
            if (l.evidenceId) {
                auto summary = evidence.summary(*l.evidenceId);
                if (!summary)
                    return Error{summary.error()};
                e.reference = summary->messageId.isEmpty() ? Tr::tr("message %1").arg(*l.evidenceId)
                                                           : summary->messageId;
                e.caseId = caseOfNotice.value(*l.evidenceId);
            }
        } else {
            // Policy listings are no blacklisting; imported ones are the enforcement history's.
            continue;
        }
        e.at = l.checkedAt;
        e.kind = AccountEvent::Kind::Blacklisting;
        e.action = QStringLiteral("blacklisting");
        e.notes = Tr::tr("%1: %2 — %3").arg(l.listName, l.addressOrRange, l.meaning);
        e.inWindow = inWindow(e.at);
        h->events.append(e);
    }
    return Status::success();
}

QDateTime effectiveNow(const QDateTime &now)
{
    return now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
}

} // namespace

int accountLookBackMonths(const QSettings &settings)
{
    bool ok = false;
    const int months = settings.value(QStringLiteral("accounts/lookBackMonths"), 12).toInt(&ok);
    return ok ? std::clamp(months, 1, 120) : 12;
}

QString offenceRuleText(const QDateTime &windowStart, const QDateTime &now, int lookBackMonths)
{
    const QString from = windowStart.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
    const QString to = now.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
    return Tr::tr("Counted: warnings, suspensions, terminations and liability entries of the "
                  "enforcement history dated within the %1 months before %2 (from %3); the "
                  "sanctions decided on complaint cases in that period, dated when decided; and "
                  "complaint cases opened in that period that were actioned or closed without a "
                  "recorded decision, unless merged into another case. Not counted: open cases, "
                  "notices, opt-out requests and blacklistings by third parties.")
        .arg(lookBackMonths)
        .arg(to, from);
}

QString accountEventKindLabel(AccountEvent::Kind kind)
{
    switch (kind) {
    case AccountEvent::Kind::Warning:
        return Tr::tr("Warning");
    case AccountEvent::Kind::Suspension:
        return Tr::tr("Suspension");
    case AccountEvent::Kind::Termination:
        return Tr::tr("Termination");
    case AccountEvent::Kind::Liability:
        return Tr::tr("Liability");
    case AccountEvent::Kind::Blacklisting:
        return Tr::tr("Blacklisting");
    case AccountEvent::Kind::CaseOpened:
        return Tr::tr("Case opened");
    case AccountEvent::Kind::Notice:
        return Tr::tr("Notice sent");
    case AccountEvent::Kind::Other:
        break;
    }
    return Tr::tr("Other action");
}

Result<AccountHistory> loadAccountHistory(CaseStore &store, const QString &accountId,
                                          const QDateTime &now, int lookBackMonths)
{
    AccountRepository accounts(store);
    auto customer = accounts.customer(accountId);
    if (!customer)
        return Error{customer.error()};
    if (!customer->has_value())
        return Error{Tr::tr("No account %1 in the account directory.").arg(accountId)};

    AccountHistory h;
    h.customer = **customer;
    h.now = effectiveNow(now);
    h.lookBackMonths = std::max(1, lookBackMonths);
    h.windowStart = h.now.addMonths(-h.lookBackMonths);
    h.offenceRule = offenceRuleText(h.windowStart, h.now, h.lookBackMonths);
    const auto inWindow = [&h](const QDateTime &at) {
        return at.isValid() && at >= h.windowStart && at <= h.now;
    };

    auto assignments = accounts.assignments(accountId);
    if (!assignments)
        return Error{assignments.error()};
    h.assignments = *assignments;
    auto domains = accounts.domains(accountId);
    if (!domains)
        return Error{domains.error()};
    h.domains = *domains;

    auto history = accounts.history(accountId);
    if (!history)
        return Error{history.error()};
    int lastSuspension = -1;
    for (const EnforcementRecord &r : *history) {
        AccountEvent e;
        e.at = r.date;
        e.kind = kindOfAction(r.action);
        e.source = AccountEvent::Source::History;
        e.action = r.action;
        e.clause = r.clause;
        e.reference = r.reference;
        e.notes = r.notes;
        e.inWindow = inWindow(e.at);
        e.confirmedOffence = isConfirmedEnforcement(e.kind);
        if (e.kind == AccountEvent::Kind::Suspension)
            lastSuspension = int(h.events.size());
        h.events.append(e);
    }
    // The directory keeps one end date, the customer's; it belongs to the latest suspension.
    if (lastSuspension >= 0 && h.customer.suspendedUntil.isValid())
        h.events[lastSuspension].endsAt = h.customer.suspendedUntil;

    auto cases = CaseRepository(store).cases();
    if (!cases)
        return Error{cases.error()};
    for (const CaseRecord &c : *cases) {
        if (c.accountId != accountId)
            continue;
        ++h.caseCount;
        if (isOpenCase(c))
            ++h.openCaseCount;
        AccountEvent e;
        e.at = c.openedAt;
        e.kind = AccountEvent::Kind::CaseOpened;
        e.source = AccountEvent::Source::Case;
        e.action = QStringLiteral("case");
        e.reference = c.publicId;
        e.status = c.status;
        e.severity = c.severity;
        e.notes = isMerged(c) ? Tr::tr("merged into %1").arg(c.mergedInto) : c.notes;
        e.caseId = c.id;
        e.inWindow = inWindow(e.at);
        e.confirmedOffence = isConfirmedCase(c);
        QList<AccountEvent> decided;
        if (Status read = addDecisionAndNotices(store, c, inWindow, e, decided); !read)
            return Error{read.error()};
        h.events.append(e);
        h.events += decided;

        for (const CaseReportRecord &r : c.reports) {
            ++h.reportCount;
            if (!r.receivedAt.isValid())
                ++h.reportsWithoutReceipt;
            else
                ++h.reportsPerDay[r.receivedAt.toUTC().date()];
        }
    }
    Status listed = addListingEvents(store, accountId, *cases, inWindow, &h);
    if (!listed)
        return Error{listed.error()};
    // Stable: entries of one time keep history, case, listing order.
    std::stable_sort(h.events.begin(), h.events.end(),
                     [](const AccountEvent &a, const AccountEvent &b) { return a.at < b.at; });
    h.confirmedOffencesInWindow =
        int(std::count_if(h.events.cbegin(), h.events.cend(),
                          [](const AccountEvent &e) { return e.confirmedOffence && e.inWindow; }));
    return h;
}

Result<QList<AccountSummary>> loadAccountSummaries(CaseStore &store, const QDateTime &now)
{
    const QDateTime asOf = effectiveNow(now);
    const QDateTime weekAgo = asOf.addDays(-7);
    auto customers = AccountRepository(store).customers();
    if (!customers)
        return Error{customers.error()};
    auto cases = CaseRepository(store).cases();
    if (!cases)
        return Error{cases.error()};

    QList<AccountSummary> rows;
    QHash<QString, qsizetype> rowOf;
    for (const CustomerRecord &c : *customers) {
        rowOf.insert(c.accountId, rows.size());
        rows.append({c.accountId, c.name, c.status, 0, 0, {}});
    }
    for (const CaseRecord &c : *cases) {
        const auto it = rowOf.constFind(c.accountId);
        if (c.accountId.isEmpty() || it == rowOf.cend())
            continue;
        AccountSummary &row = rows[*it];
        if (isOpenCase(c))
            ++row.openCases;
        for (const CaseReportRecord &r : c.reports) {
            if (!r.receivedAt.isValid())
                continue;
            if (r.receivedAt > weekAgo && r.receivedAt <= asOf)
                ++row.reportsLast7Days;
            if (!row.lastReportAt.isValid() || r.receivedAt > row.lastReportAt)
                row.lastReportAt = r.receivedAt;
        }
    }
    return rows;
}

} // namespace Awb
