#include "policy/liability.h"

#include "policy/json_fields_p.h"
#include "policy/money.h"

#include <QCoreApplication>

#include <algorithm>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::Liability)
};

bool isForfeit(const LiabilityLine &line)
{
    return line.kind.startsWith(QStringLiteral("forfeit-"));
}

// Column widths of the table, so that every amount (totals too) ends in the same column.
struct Columns
{
    qsizetype description = 0;
    qsizetype quantity = 0;
    qsizetype unit = 0;
    qsizetype amount = 0;

    QString row(const QString &d, const QString &q, const QString &u, const QString &a) const
    {
        return d.leftJustified(description) + QStringLiteral("  ") + q.rightJustified(quantity) +
               QStringLiteral("  ") + u.rightJustified(unit) + QStringLiteral("  ") +
               a.rightJustified(amount);
    }
    QString rule() const
    {
        return QString(description + quantity + unit + amount + 6, QLatin1Char('-'));
    }
};

QJsonObject incidentToJson(const LiabilityIncident &i)
{
    QJsonArray ids;
    for (qint64 id : i.sourceIds)
        ids.append(id);
    return QJsonObject{
        {QStringLiteral("kind"), i.kind},
        {QStringLiteral("list_name"), i.listName},
        {QStringLiteral("address_or_range"), i.addressOrRange},
        {QStringLiteral("reference"), i.reference},
        {QStringLiteral("first_seen"),
         i.firstSeen.isValid() ? i.firstSeen.toUTC().toString(Qt::ISODateWithMs) : QString()},
        {QStringLiteral("description"), i.description},
        {QStringLiteral("source_ids"), ids},
    };
}

QJsonObject lineToJson(const LiabilityLine &l)
{
    return QJsonObject{
        {QStringLiteral("kind"), l.kind},
        {QStringLiteral("description"), l.description},
        {QStringLiteral("quantity"), l.quantity},
        {QStringLiteral("unit_cents"), l.unitCents},
        {QStringLiteral("amount_cents"), l.amountCents},
    };
}

Result<LiabilityIncident> incidentFromJson(const QJsonValue &value, qsizetype index)
{
    const QString where = Tr::tr("liability statement, incident %1").arg(index);
    if (!value.isObject())
        return Error{Tr::tr("%1: not an object.").arg(where)};
    const QJsonObject json = value.toObject();
    LiabilityIncident i;
    JsonFieldReader read(json, where);
    read.text("kind", i.kind, true);
    read.text("list_name", i.listName);
    read.text("address_or_range", i.addressOrRange);
    read.text("reference", i.reference);
    QString firstSeen;
    read.text("first_seen", firstSeen);
    read.text("description", i.description);
    const QJsonArray ids = read.array("source_ids");
    if (!read.ok())
        return Error{read.error()};
    for (const QJsonValue &id : ids) {
        if (!id.isDouble() || id.toInteger(0) != id.toInteger(1))
            return Error{
                Tr::tr("%1: \"source_ids\" holds something other than whole numbers.").arg(where)};
        i.sourceIds.append(id.toInteger());
    }
    if (!firstSeen.isEmpty()) {
        i.firstSeen = QDateTime::fromString(firstSeen, Qt::ISODateWithMs);
        if (!i.firstSeen.isValid())
            return Error{Tr::tr("%1: \"first_seen\" is \"%2\", not an ISO 8601 time.")
                             .arg(where, firstSeen)};
    }
    return i;
}

Result<LiabilityLine> lineFromJson(const QJsonValue &value, qsizetype index)
{
    const QString where = Tr::tr("liability statement, line %1").arg(index);
    if (!value.isObject())
        return Error{Tr::tr("%1: not an object.").arg(where)};
    LiabilityLine l;
    JsonFieldReader read(value.toObject(), where);
    read.text("kind", l.kind, true);
    read.text("description", l.description);
    read.integer64("quantity", l.quantity, true);
    read.integer64("unit_cents", l.unitCents, true);
    read.integer64("amount_cents", l.amountCents, true);
    if (!read.ok())
        return Error{read.error()};
    Result<qint64> amount = multiplyMoney(l.unitCents, l.quantity);
    if (!amount || *amount != l.amountCents)
        return Error{Tr::tr("%1: %2 x %3 is not %4.")
                         .arg(where, QString::number(l.quantity), formatMoney(l.unitCents),
                              formatMoney(l.amountCents))};
    return l;
}

// The totals must be what the lines add up to: a stored statement that was edited by hand, or
// written by a broken program, is refused rather than shown with totals it does not support.
Status checkTotals(const LiabilityStatement &s)
{
    QList<qint64> incidents, charges, forfeits;
    for (const LiabilityLine &line : s.lines)
        (line.kind == u"incident" ? incidents
         : isForfeit(line)        ? forfeits
                                  : charges)
            .append(line.amountCents);
    const struct
    {
        const char *name;
        const QList<qint64> &amounts;
        qint64 total;
    } checks[] = {{"incident_total_cents", incidents, s.incidentTotalCents},
                  {"charges_total_cents", charges, s.chargesTotalCents},
                  {"forfeit_total_cents", forfeits, s.forfeitTotalCents}};
    for (const auto &check : checks) {
        Result<qint64> sum = sumMoney(check.amounts);
        if (!sum || *sum != check.total)
            return Error{Tr::tr("liability statement: \"%1\" is %2, but its lines add up to %3.")
                             .arg(QLatin1String(check.name), formatMoney(check.total),
                                  sum ? formatMoney(*sum) : sum.error())};
    }
    Result<qint64> due = addMoney(s.incidentTotalCents, s.chargesTotalCents);
    if (!due || *due != s.totalDueCents)
        return Error{Tr::tr("liability statement: \"total_due_cents\" is %1, not incidents plus "
                            "charges.")
                         .arg(formatMoney(s.totalDueCents))};
    return Status::success();
}

} // namespace

QStringList liabilityStatementLines(const LiabilityStatement &s)
{
    const QString dueLabel = Tr::tr("Total due");
    const QString forfeitLabel = Tr::tr("Total forfeited");
    Columns c;
    c.description = std::max({Tr::tr("Description").size(), dueLabel.size(), forfeitLabel.size()});
    c.quantity = Tr::tr("Qty").size();
    c.unit = Tr::tr("Unit").size();
    c.amount = std::max({Tr::tr("Amount").size(), formatMoney(s.totalDueCents).size(),
                         formatMoney(s.forfeitTotalCents).size()});
    for (const LiabilityLine &line : s.lines) {
        c.description = std::max(c.description, line.description.size());
        c.quantity = std::max(c.quantity, QString::number(line.quantity).size());
        c.unit = std::max(c.unit, formatMoney(line.unitCents).size());
        c.amount = std::max(c.amount, formatMoney(line.amountCents).size());
    }

    QStringList out;
    out << Tr::tr("Liability statement (Anti-Spam Policy, sections 6.2 and 6.3)");
    out << s.incidentDefinition;
    out << Tr::tr("Incidents: %1").arg(s.incidents.size());
    for (qsizetype i = 0; i < s.incidents.size(); ++i)
        out << QStringLiteral("  %1. %2")
                   .arg(QString::number(i + 1), s.incidents.at(i).description);
    out << QString();
    out << Tr::tr("Billed under policy 6.2:");
    out << c.row(Tr::tr("Description"), Tr::tr("Qty"), Tr::tr("Unit"), Tr::tr("Amount"));
    for (const LiabilityLine &line : s.lines) {
        if (!isForfeit(line))
            out << c.row(line.description, QString::number(line.quantity),
                         formatMoney(line.unitCents), formatMoney(line.amountCents));
    }
    out << c.rule();
    out << c.row(dueLabel, QString(), QString(), formatMoney(s.totalDueCents));
    out << QString();
    out << Tr::tr(
        "Forfeited under policy 6.3 (retained by the provider, not billed, not part of the "
        "total due):");
    for (const LiabilityLine &line : s.lines) {
        if (isForfeit(line))
            out << c.row(line.description, QString(), QString(), formatMoney(line.amountCents));
    }
    out << c.rule();
    out << c.row(forfeitLabel, QString(), QString(), formatMoney(s.forfeitTotalCents));
    out << QString();
    out << Tr::tr("Notes:");
    for (const QString &note : s.notes)
        out << QStringLiteral("- ") + note;
    return out;
}

QJsonObject liabilityStatementToJson(const LiabilityStatement &s)
{
    QJsonArray incidents;
    for (const LiabilityIncident &i : s.incidents)
        incidents.append(incidentToJson(i));
    QJsonArray lines;
    for (const LiabilityLine &l : s.lines)
        lines.append(lineToJson(l));
    return QJsonObject{
        {QStringLiteral("incident_definition"), s.incidentDefinition},
        {QStringLiteral("per_incident_cents"), s.perIncidentCents},
        {QStringLiteral("incidents"), incidents},
        {QStringLiteral("lines"), lines},
        {QStringLiteral("incident_total_cents"), s.incidentTotalCents},
        {QStringLiteral("charges_total_cents"), s.chargesTotalCents},
        {QStringLiteral("forfeit_total_cents"), s.forfeitTotalCents},
        {QStringLiteral("total_due_cents"), s.totalDueCents},
        {QStringLiteral("notes"), QJsonArray::fromStringList(s.notes)},
    };
}

Result<LiabilityStatement> liabilityStatementFromJson(const QJsonObject &json)
{
    LiabilityStatement s;
    JsonFieldReader read(json, Tr::tr("liability statement"));
    read.text("incident_definition", s.incidentDefinition, true);
    read.integer64("per_incident_cents", s.perIncidentCents, true);
    read.integer64("incident_total_cents", s.incidentTotalCents, true);
    read.integer64("charges_total_cents", s.chargesTotalCents, true);
    read.integer64("forfeit_total_cents", s.forfeitTotalCents, true);
    read.integer64("total_due_cents", s.totalDueCents, true);
    read.strings("notes", s.notes);
    const QJsonArray incidents = read.array("incidents", true);
    const QJsonArray lines = read.array("lines", true);
    if (!read.ok())
        return Error{read.error()};
    for (qsizetype i = 0; i < incidents.size(); ++i) {
        Result<LiabilityIncident> incident = incidentFromJson(incidents.at(i), i);
        if (!incident)
            return Error{incident.error()};
        s.incidents.append(*incident);
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        Result<LiabilityLine> line = lineFromJson(lines.at(i), i);
        if (!line)
            return Error{line.error()};
        s.lines.append(*line);
    }
    if (Status totals = checkTotals(s); !totals)
        return Error{totals.error()};
    return s;
}

} // namespace Awb
