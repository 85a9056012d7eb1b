// The case report's HTML: account history, decision, liability, notices, audit and sign-off.
#include "render/case_report_p.h"

#include "policy/money.h"

namespace Awb::CaseReportHtml {

QString historySection(const CaseReportData &data, int number)
{
    QString html = heading(number, Tr::tr("Account history"));
    if (data.record.accountId.isEmpty())
        return html + QStringLiteral("<p>%1</p>\n")
                          .arg(esc(Tr::tr("The case is not attributed to an account: there is no "
                                          "account history to show.")));
    int reports = 0;
    for (const CaseReportHistoryDay &day : data.historyDays)
        reports += day.reports;
    html +=
        QStringLiteral("<p>%1</p>\n")
            .arg(esc(Tr::tr("Account %1 (%2, %3) from %4 to %5 (%6 months): %7 reports received, "
                            "%8 account events, confirmed prior offences: %9.")
                         .arg(data.record.accountId, data.accountName, data.accountStatus,
                              shortTime(data.windowStart), shortTime(data.generatedAt))
                         .arg(data.options.lookBackMonths)
                         .arg(reports)
                         .arg(data.historyRows.size())
                         .arg(data.confirmedOffences)));
    html += QStringLiteral("<p>[[history]]</p>\n");
    if (!data.offenceRule.isEmpty())
        html += QStringLiteral("<p><small>%1</small></p>\n").arg(esc(data.offenceRule));
    QList<QStringList> rows;
    for (const CaseReportHistoryRow &row : data.historyRows)
        rows.append({esc(shortTime(row.at)), esc(row.kind), esc(row.reference), esc(row.detail),
                     row.counted ? esc(Tr::tr("yes")) : esc(Tr::tr("no"))});
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(Tr::tr("Account events in the window")));
    html += rows.isEmpty() ? QStringLiteral("<p>%1</p>\n").arg(esc(Tr::tr("None.")))
                           : table({Tr::tr("When"), Tr::tr("Kind"), Tr::tr("Reference"),
                                    Tr::tr("Details"), Tr::tr("Counted")},
                                   rows, {18, 12, 22, 37, 11});
    QList<QStringList> days;
    for (const CaseReportHistoryDay &day : data.historyDays) {
        if (day.reports > 0 || day.events > 0)
            days.append({esc(day.day.toString(Qt::ISODate)), QString::number(day.reports),
                         QString::number(day.events)});
    }
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(Tr::tr("Days with reports or events (UTC)")));
    html += days.isEmpty()
                ? QStringLiteral("<p>%1</p>\n").arg(esc(Tr::tr("None.")))
                : table({Tr::tr("Day"), Tr::tr("Reports"), Tr::tr("Events")}, days, {40, 30, 30});
    return html;
}

QString decisionSection(const CaseReportData &data, int number)
{
    QString html = heading(number, Tr::tr("Decision"));
    if (!data.decision) {
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(Tr::tr("No enforcement decision has been recorded for this case.")));
    } else {
        const DecisionRecord &decision = data.decision->record;
        const std::optional<Recommendation> &advice = data.decision->recommendation;
        QList<QPair<QString, QString>> pairs;
        pairs.append({esc(Tr::tr("Advisor proposed")),
                      esc(advice ? actionLabel(advice->action, advice->suspensionDays)
                                 : actionLabel(decision.proposedAction, decision.proposedDays))});
        if (advice) {
            pairs.append({esc(Tr::tr("Rule applied")), esc(advice->ruleApplied)});
            pairs.append({esc(Tr::tr("Score")), QString::number(advice->score)});
        }
        pairs.append({esc(Tr::tr("Analyst chose")),
                      QStringLiteral("<b>%1</b>")
                          .arg(esc(actionLabel(decision.chosenAction, decision.chosenDays)))});
        pairs.append({esc(Tr::tr("Decided")),
                      esc(Tr::tr("%1 by %2").arg(longTime(decision.decidedAt), decision.who))});
        pairs.append({esc(Tr::tr("Override")),
                      decision.overridden ? esc(Tr::tr("yes: the analyst departed from the "
                                                       "proposal"))
                                          : esc(Tr::tr("no"))});
        pairs.append({esc(decision.overridden ? Tr::tr("Override reason") : Tr::tr("Reason")),
                      decision.reason.isEmpty()
                          ? esc(Tr::tr("(none given: the proposal was accepted)"))
                          : esc(decision.reason)});
        if (decision.suspensionStart.isValid())
            pairs.append(
                {esc(Tr::tr("Suspension")), esc(Tr::tr("%1 to %2")
                                                    .arg(longTime(decision.suspensionStart),
                                                         longTime(decision.suspensionEnd)))});
        pairs.append({esc(Tr::tr("Policy version")), esc(decision.policyVersion)});
        html += keyValues(pairs);
        if (advice && !advice->explanation.isEmpty()) {
            html += QStringLiteral("<h3>%1</h3>\n").arg(esc(Tr::tr("The advisor's reasoning")));
            for (const QString &line : advice->explanation)
                html += QStringLiteral("<p>%1</p>\n").arg(esc(line));
        }
        if (advice && !advice->factors.isEmpty()) {
            QList<QStringList> rows;
            for (const AdvisorFactor &factor : advice->factors)
                rows.append({esc(factor.label), QString::number(factor.weight),
                             factor.counted ? esc(Tr::tr("yes")) : esc(Tr::tr("no")),
                             esc(factor.source)});
            html += QStringLiteral("<h3>%1</h3>\n").arg(esc(Tr::tr("Factors")));
            html += table({Tr::tr("Factor"), Tr::tr("Weight"), Tr::tr("Counted"), Tr::tr("Source")},
                          rows, {30, 9, 10, 51});
        }
        if (!data.decision->earlier.isEmpty()) {
            QList<QStringList> rows;
            for (const DecisionRecord &earlier : data.decision->earlier)
                rows.append({esc(shortTime(earlier.decidedAt)),
                             esc(actionLabel(earlier.chosenAction, earlier.chosenDays)),
                             esc(earlier.who), esc(earlier.reason)});
            html += QStringLiteral("<h3>%1</h3>\n").arg(esc(Tr::tr("Superseded decisions")));
            html += table({Tr::tr("When"), Tr::tr("Action"), Tr::tr("Who"), Tr::tr("Reason")}, rows,
                          {19, 22, 17, 42});
        }
    }
    html += QStringLiteral("<h3>%1</h3>\n").arg(esc(Tr::tr("Policy clauses engaged")));
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(Tr::tr("Quoted from the %1, version of %2 (the version the case was "
                                "opened under; file SHA-256 %3).")
                             .arg(data.policyTitle, data.policyVersionLabel,
                                  QString::fromLatin1(data.policySha256Hex))));
    for (const CaseReportClause &clause : data.clauses) {
        html += QStringLiteral("<h4>%1 %2</h4>\n").arg(esc(clause.id), esc(clause.title));
        html += QStringLiteral("<blockquote>");
        for (const QString &paragraph :
             clause.text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
            html += QStringLiteral("<p>%1</p>")
                        .arg(esc(paragraph).replace(u'\n', QStringLiteral("<br>")));
        html +=
            QStringLiteral("</blockquote>\n<p><small>%1</small></p>\n").arg(esc(clause.citation));
    }
    return html;
}

QString liabilitySection(const CaseReportData &data, int number)
{
    QString html = heading(number, Tr::tr("Liability statement"));
    if (!data.decision || !data.decision->liability)
        return html + QStringLiteral("<p>%1</p>\n")
                          .arg(esc(Tr::tr("Not applicable: the decision in force is not a "
                                          "termination with liability (policy 6.2).")));
    const LiabilityStatement &statement = *data.decision->liability;
    html += QStringLiteral("<p>%1</p>\n").arg(esc(statement.incidentDefinition));
    QList<QStringList> incidents;
    for (const LiabilityIncident &incident : statement.incidents)
        incidents.append({esc(incident.kind),
                          esc(incident.listName.isEmpty() ? incident.reference : incident.listName),
                          esc(incident.addressOrRange), esc(shortTime(incident.firstSeen))});
    html += table({Tr::tr("Incident"), Tr::tr("List or case"), Tr::tr("Address or range"),
                   Tr::tr("First seen")},
                  incidents, {14, 36, 26, 24});
    QList<QStringList> lines;
    for (const LiabilityLine &line : statement.lines)
        lines.append(
            {esc(line.description), QString::number(line.quantity),
             QStringLiteral("<div align=\"right\">%1</div>").arg(esc(formatMoney(line.unitCents))),
             QStringLiteral("<div align=\"right\">%1</div>")
                 .arg(esc(formatMoney(line.amountCents)))});
    html += QStringLiteral("<p></p>") +
            table({Tr::tr("Line"), Tr::tr("Quantity"), Tr::tr("Unit"), Tr::tr("Amount")}, lines,
                  {52, 10, 19, 19});
    html += keyValues({{esc(Tr::tr("Total due")),
                        QStringLiteral("<b>%1</b>").arg(esc(formatMoney(statement.totalDueCents)))},
                       {esc(Tr::tr("Retained (policy 6.3)")),
                        esc(formatMoney(statement.forfeitTotalCents)) +
                            esc(Tr::tr(" \u2014 retained by the provider, not billed"))}});
    for (const QString &note : statement.notes)
        html += QStringLiteral("<p><small>%1</small></p>\n").arg(esc(note));
    return html;
}

QString noticesSection(const CaseReportData &data, int number)
{
    QString html = heading(number, Tr::tr("Notices sent"));
    if (data.notices.isEmpty())
        return html + QStringLiteral("<p>%1</p>\n").arg(esc(Tr::tr("No notice has been sent.")));
    QList<QStringList> rows;
    for (const NoticeRecord &notice : data.notices)
        rows.append({esc(notice.type), esc(shortTime(notice.createdAt)),
                     esc(notice.recipient) +
                         QStringLiteral("<br><small>%1</small>").arg(esc(notice.recipientRole)),
                     QStringLiteral("<small>%1<br>%2</small>")
                         .arg(esc(notice.messageId),
                              QStringLiteral("<span class=\"mono\">%1</span>")
                                  .arg(esc(QString::fromLatin1(notice.sha256Hex))))});
    return html + table({Tr::tr("Type"), Tr::tr("Sent"), Tr::tr("Recipient"),
                         Tr::tr("Message-ID and SHA-256")},
                        rows, {15, 18, 25, 42});
}

QString auditSection(const CaseReportData &data, int number)
{
    QString html = heading(number, Tr::tr("Audit"));
    html += keyValues(
        {{esc(Tr::tr("Audit chain")),
          data.auditIntact
              ? esc(Tr::tr("intact when this report was made"))
              : QStringLiteral("<b>%1</b>").arg(esc(Tr::tr("BROKEN: %1").arg(data.auditProblem)))},
         {esc(Tr::tr("Entries in the log")), QString::number(data.auditEntryCount)},
         {esc(Tr::tr("Head hash")), mono(QString::fromLatin1(data.auditHeadHash))},
         {esc(Tr::tr("Pinned at")), esc(longTime(data.generatedAt))}});
    html += QStringLiteral("<p><small>%1</small></p>\n")
                .arg(esc(Tr::tr("A later `awb audit verify` that shows this head hash at entry %1 "
                                "proves that no entry up to this report was edited, removed or "
                                "reordered since.")
                             .arg(data.auditEntryCount)));
    QList<QStringList> rows;
    for (const AuditEntry &entry : data.audit)
        rows.append(
            {QString::number(entry.id), esc(shortTime(entry.at)), esc(entry.who), esc(entry.action),
             esc(entry.what) + (entry.why.isEmpty()
                                    ? QString()
                                    : QStringLiteral("<br><i>%1</i>").arg(esc(entry.why)))});
    return html +
           table({Tr::tr("#"), Tr::tr("When"), Tr::tr("Who"), Tr::tr("Action"), Tr::tr("What")},
                 rows, {5, 17, 12, 13, 53});
}

QString signOffSection(const CaseReportData &data, int number)
{
    QString html = heading(number, Tr::tr("Sign-off"));
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(Tr::tr("This report was generated from the case database on %1. The "
                                "signatures below confirm that it was reviewed.")
                             .arg(longTime(data.generatedAt))));
    const QString line = QStringLiteral("______________________________");
    QList<QPair<QString, QString>> pairs;
    for (const QString &role : {Tr::tr("Prepared by"), Tr::tr("Reviewed by"), Tr::tr("Date")}) {
        pairs.append({esc(role), line});
        pairs.append({QString(), QStringLiteral("&nbsp;")});
    }
    return html + keyValues(pairs);
}

} // namespace Awb::CaseReportHtml
