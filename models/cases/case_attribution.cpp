#include "cases/case_attribution.h"

#include "store/case_repository.h"
#include "store/case_store.h"

#include <QCoreApplication>
#include <QSet>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::CaseAttribution)
};

bool canTakeAnAccount(const CaseRecord &c)
{
    return c.accountId.isEmpty() && c.mergedInto.isEmpty() && !c.reports.isEmpty() &&
           (c.status == u"open" || c.status == u"awaiting-customer");
}

} // namespace

Result<QList<CaseAttributed>> attributeOpenCases(CaseStore &store,
                                                 const AccountAttribution &attribution,
                                                 const QString &who, const QDateTime &now)
{
    CaseRepository cases(store);
    const Result<QList<CaseRecord>> all = cases.cases();
    if (!all)
        return Error{all.error()};
    QList<CaseAttributed> attributed;
    for (const CaseRecord &c : *all) {
        if (!canTakeAnAccount(c))
            continue;
        QSet<QString> accounts;
        bool everyReport = true;
        for (const CaseReportRecord &report : c.reports) {
            const Result<QString> account = attribution(report.evidenceId);
            if (!account)
                return Error{account.error()};
            if (account->isEmpty()) {
                everyReport = false;
                break;
            }
            accounts.insert(*account);
        }
        if (!everyReport || accounts.size() != 1)
            continue;
        const QString accountId = *accounts.cbegin();
        const QString why =
            Tr::tr("The account directory now gives every report of the case (%n) to %1: the "
                   "address the mail came from was assigned to it when the mail was sent.",
                   nullptr, int(c.reports.size()))
                .arg(accountId);
        if (Status status = cases.attributeToAccount(c.id, accountId, who, why, now); !status)
            return Error{status.error()};
        attributed.append({c.id, c.publicId, accountId});
    }
    return attributed;
}

} // namespace Awb
