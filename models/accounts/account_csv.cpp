#include "account_csv.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <initializer_list>

namespace Awb {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Awb::AccountCsv)
};

struct KindSpec
{
    AccountFileKind kind;
    std::initializer_list<const char *> identifying; // all present: the file is of this kind
    std::initializer_list<const char *> required;
    std::initializer_list<const char *> optional;
};

// suspended_until is not in issue 6's list, but a billing system that knows the end of a
// suspension may export it; it is read when present.
const KindSpec kSpecs[] = {
    {AccountFileKind::Customers,
     {"name", "status"},
     {"account_id", "name", "status"},
     {"email", "created_at", "country", "prepaid_usd", "suspended_until"}},
    {AccountFileKind::IpAssignments,
     {"prefix"},
     {"account_id", "prefix", "valid_from"},
     {"valid_to", "service_id"}},
    {AccountFileKind::Domains, {"domain"}, {"account_id", "domain", "valid_from"}, {"valid_to"}},
    {AccountFileKind::History,
     {"action"},
     {"account_id", "date", "action"},
     {"clause", "reference", "notes"}},
};

const QStringList &statuses()
{
    static const QStringList list{QStringLiteral("active"), QStringLiteral("suspended"),
                                  QStringLiteral("terminated")};
    return list;
}

const QStringList &actions()
{
    static const QStringList list{QStringLiteral("warning"), QStringLiteral("suspension"),
                                  QStringLiteral("termination"), QStringLiteral("liability"),
                                  QStringLiteral("blacklisting")};
    return list;
}

QString requiredValue(const AccountFileLayout &layout, const QStringList &fields,
                      const char *column, QString *error)
{
    const QString value = layout.value(fields, column);
    if (value.isEmpty() && error->isEmpty())
        *error = Tr::tr("%1 is empty").arg(QLatin1String(column));
    return value;
}

// An optional timestamp column: empty gives an invalid QDateTime, a bad value an error.
QDateTime timestampValue(const AccountFileLayout &layout, const QStringList &fields,
                         const char *column, bool endOfDay, QString *error)
{
    const QString text = layout.value(fields, column);
    if (text.isEmpty())
        return QDateTime();
    const std::optional<QDateTime> value = parseIsoTimestamp(text, endOfDay);
    if (!value && error->isEmpty())
        *error = Tr::tr("%1 “%2” is not an ISO 8601 date or date-time (2026-05-31, "
                        "2026-05-31T14:00:00+08:00)")
                     .arg(QLatin1String(column), text);
    return value.value_or(QDateTime());
}

Result<Validity> validityValue(const AccountFileLayout &layout, const QStringList &fields)
{
    QString error;
    requiredValue(layout, fields, "valid_from", &error);
    Validity validity{timestampValue(layout, fields, "valid_from", false, &error),
                      timestampValue(layout, fields, "valid_to", true, &error)};
    if (error.isEmpty() && validity.to.isValid() && validity.to < validity.from)
        error = Tr::tr("valid_to %1 is before valid_from %2")
                    .arg(layout.value(fields, "valid_to"), layout.value(fields, "valid_from"));
    if (!error.isEmpty())
        return Error{error};
    return validity;
}

bool isDomainName(const QString &name)
{
    static const QRegularExpression label(QStringLiteral("^[^\\s@/\\\\:\\[\\]\"]+$"));
    if (name.size() > 253 || !label.match(name).hasMatch())
        return false;
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString &part : labels) {
        if (part.isEmpty() || part.size() > 63)
            return false;
    }
    return labels.size() >= 2;
}

} // namespace

QString accountFileKindName(AccountFileKind kind)
{
    switch (kind) {
    case AccountFileKind::Customers:
        return QStringLiteral("customers");
    case AccountFileKind::IpAssignments:
        return QStringLiteral("ip_assignments");
    case AccountFileKind::Domains:
        return QStringLiteral("domains");
    case AccountFileKind::History:
        break;
    }
    return QStringLiteral("history");
}

QString AccountFileLayout::value(const QStringList &fields, const char *column) const
{
    const int index = columns.value(QLatin1String(column), -1);
    return index >= 0 && index < fields.size() ? fields.at(index).trimmed() : QString();
}

Result<AccountFileLayout> detectAccountFile(const QStringList &header)
{
    QHash<QString, int> named;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        if (named.contains(name))
            return Error{Tr::tr("the header names the column “%1” twice").arg(name)};
        named.insert(name, i);
    }
    QList<const KindSpec *> fits;
    for (const KindSpec &spec : kSpecs) {
        bool all = true;
        for (const char *column : spec.identifying)
            all = all && named.contains(QLatin1String(column));
        if (all)
            fits.append(&spec);
    }
    if (fits.isEmpty())
        return Error{Tr::tr("not an account file: the header “%1” fits none of customers.csv, "
                            "ip_assignments.csv, domains.csv and history.csv")
                         .arg(header.join(QLatin1Char(',')))};
    if (fits.size() > 1)
        return Error{Tr::tr("the header “%1” fits more than one kind of account file")
                         .arg(header.join(QLatin1Char(',')))};

    const KindSpec &spec = *fits.first();
    AccountFileLayout layout;
    layout.kind = spec.kind;
    layout.columnCount = int(header.size());
    QSet<QString> known;
    for (const auto &list : {spec.required, spec.optional}) {
        for (const char *column : list) {
            known.insert(QLatin1String(column));
            const int index = named.value(QLatin1String(column), -1);
            if (index >= 0)
                layout.columns.insert(QLatin1String(column), index);
        }
    }
    for (const char *column : spec.required) {
        if (!layout.columns.contains(QLatin1String(column)))
            return Error{Tr::tr("looks like %1.csv but has no “%2” column")
                             .arg(accountFileKindName(spec.kind), QLatin1String(column))};
    }
    for (const QString &column : header) {
        if (!known.contains(column.trimmed().toLower()))
            layout.ignoredColumns.append(column.trimmed());
    }
    return layout;
}

std::optional<QDateTime> parseIsoTimestamp(const QString &text, bool endOfDay)
{
    static const QRegularExpression dateOnly(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression dateTime(
        QStringLiteral(
            "^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?"
            "(Z|[+-]\\d{2}(?::?\\d{2})?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed();
    if (const QRegularExpressionMatch m = dateOnly.match(trimmed); m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        if (!date.isValid())
            return std::nullopt;
        return QDateTime(date, endOfDay ? QTime(23, 59, 59, 999) : QTime(0, 0), Qt::UTC);
    }
    const QRegularExpressionMatch m = dateTime.match(trimmed);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int ms =
        m.captured(7).isEmpty() ? 0 : (m.captured(7) + QStringLiteral("00")).left(3).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    int offset = 0;
    const QString zone = m.captured(8).toUpper();
    if (!zone.isEmpty() && zone != u"Z") {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2).toInt() : 0;
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offset = (hours * 60 + minutes) * 60 * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, offset).toUTC();
}

std::optional<qint64> parseMoneyCents(const QString &text)
{
    static const QRegularExpression money(QStringLiteral("^([+-]?)(\\d{1,13})(?:\\.(\\d{1,2}))?$"));
    const QRegularExpressionMatch m = money.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    qint64 cents = m.captured(2).toLongLong() * 100;
    const QString fraction = m.captured(3);
    if (!fraction.isEmpty())
        cents += fraction.size() == 1 ? fraction.toLongLong() * 10 : fraction.toLongLong();
    return m.captured(1) == u"-" ? -cents : cents;
}

Result<CheckedRow<CustomerRecord>> customerFromCsv(const AccountFileLayout &layout,
                                                   const QStringList &fields)
{
    QString error;
    CheckedRow<CustomerRecord> row;
    CustomerRecord &c = row.record;
    c.accountId = requiredValue(layout, fields, "account_id", &error);
    c.name = requiredValue(layout, fields, "name", &error);
    c.status = requiredValue(layout, fields, "status", &error).toLower();
    if (error.isEmpty() && !statuses().contains(c.status))
        error = Tr::tr("status “%1” is not one of %2")
                    .arg(layout.value(fields, "status"), statuses().join(QLatin1String(", ")));
    c.email = layout.value(fields, "email");
    c.country = layout.value(fields, "country");
    c.createdAt = timestampValue(layout, fields, "created_at", false, &error);
    c.suspendedUntil = timestampValue(layout, fields, "suspended_until", true, &error);
    const QString prepaid = layout.value(fields, "prepaid_usd");
    if (!prepaid.isEmpty()) {
        c.prepaidCents = parseMoneyCents(prepaid);
        if (!c.prepaidCents && error.isEmpty())
            error = Tr::tr("prepaid_usd “%1” is not an amount like 120.50 (digits, an optional "
                           "point and at most two decimals, no currency sign or thousands "
                           "separator)")
                        .arg(prepaid);
    }
    if (error.isEmpty() && c.suspendedUntil.isValid() && c.status != u"suspended")
        row.warnings << Tr::tr("suspended_until is set but the status is %1").arg(c.status);
    if (!error.isEmpty())
        return Error{error};
    return row;
}

Result<CheckedRow<IpAssignmentRecord>> assignmentFromCsv(const AccountFileLayout &layout,
                                                         const QStringList &fields)
{
    QString error;
    CheckedRow<IpAssignmentRecord> row;
    IpAssignmentRecord &a = row.record;
    a.accountId = requiredValue(layout, fields, "account_id", &error);
    const QString prefix = requiredValue(layout, fields, "prefix", &error);
    if (!error.isEmpty())
        return Error{error};
    const std::optional<IpNetwork> network = IpNetwork::parse(prefix);
    if (!network)
        return Error{
            Tr::tr("prefix “%1” is not an IPv4 or IPv6 address or CIDR prefix").arg(prefix)};
    a.prefix = *network;
    if (network->hadHostBits())
        row.warnings
            << Tr::tr("prefix %1 has host bits set; stored as %2").arg(prefix, network->toString());
    Result<Validity> validity = validityValue(layout, fields);
    if (!validity)
        return Error{validity.error()};
    a.validity = *validity;
    a.serviceId = layout.value(fields, "service_id");
    return row;
}

Result<CheckedRow<HostedDomainRecord>> domainFromCsv(const AccountFileLayout &layout,
                                                     const QStringList &fields)
{
    QString error;
    CheckedRow<HostedDomainRecord> row;
    HostedDomainRecord &d = row.record;
    d.accountId = requiredValue(layout, fields, "account_id", &error);
    const QString written = requiredValue(layout, fields, "domain", &error);
    if (!error.isEmpty())
        return Error{error};
    d.domain = written.toLower();
    while (d.domain.endsWith(QLatin1Char('.')))
        d.domain.chop(1);
    if (!isDomainName(d.domain))
        return Error{Tr::tr("domain “%1” is not a domain name").arg(written)};
    Result<Validity> validity = validityValue(layout, fields);
    if (!validity)
        return Error{validity.error()};
    d.validity = *validity;
    return row;
}

Result<CheckedRow<EnforcementRecord>> enforcementFromCsv(const AccountFileLayout &layout,
                                                         const QStringList &fields)
{
    QString error;
    CheckedRow<EnforcementRecord> row;
    EnforcementRecord &e = row.record;
    e.accountId = requiredValue(layout, fields, "account_id", &error);
    requiredValue(layout, fields, "date", &error);
    e.date = timestampValue(layout, fields, "date", false, &error);
    e.action = requiredValue(layout, fields, "action", &error).toLower();
    if (error.isEmpty() && !actions().contains(e.action))
        error = Tr::tr("action “%1” is not one of %2")
                    .arg(layout.value(fields, "action"), actions().join(QLatin1String(", ")));
    e.clause = layout.value(fields, "clause");
    e.reference = layout.value(fields, "reference");
    e.notes = layout.value(fields, "notes");
    e.source = QStringLiteral("import");
    if (!error.isEmpty())
        return Error{error};
    return row;
}

} // namespace Awb
