#include "itemmodels/hop_table_model.h"

#include <QStringDecoder>

#include <limits>

namespace Awb {

HopTableModel::HopTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HopTableModel::setAnalysis(const ChainAnalysis &chain, const QList<Finding> &findings)
{
    beginResetModel();
    m_chain = chain;
    m_findings = QList<HopFindings>(m_chain.hops.size());
    for (const Finding &finding : findings) {
        if (finding.hop < 0 || finding.hop >= m_findings.size())
            continue;
        HopFindings &hop = m_findings[finding.hop];
        if (hop.count == 0 || finding.severity > hop.highest)
            hop.highest = finding.severity;
        ++hop.count;
        hop.titles.append(finding.title);
    }
    endResetModel();
}

void HopTableModel::clear()
{
    beginResetModel();
    m_chain = {};
    m_findings.clear();
    endResetModel();
}

const ChainHop *HopTableModel::hopAt(int row) const
{
    if (row < 0 || row >= m_chain.hops.size())
        return nullptr;
    return &m_chain.hops.at(row);
}

std::optional<Severity> HopTableModel::highestSeverity(int hop) const
{
    if (hop < 0 || hop >= m_findings.size() || m_findings.at(hop).count == 0)
        return std::nullopt;
    return m_findings.at(hop).highest;
}

int HopTableModel::findingCount(int hop) const
{
    if (hop < 0 || hop >= m_findings.size())
        return 0;
    return m_findings.at(hop).count;
}

int HopTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chain.hops.size());
}

int HopTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant HopTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const auto column = Column(index.column());
    const ChainHop &hop = m_chain.hops.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        return toolTip(row);
    case Qt::TextAlignmentRole:
        if (column == Column::Index || column == Column::Delay || column == Column::Findings)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case TrustRole:
        return QVariant::fromValue(hop.trust);
    case SeverityRole:
        if (const auto severity = highestSeverity(row))
            return QVariant::fromValue(*severity);
        return {};
    case HopIndexRole:
        return row;
    case SortRole:
        return sortData(row, column);
    case FindingCountRole:
        return findingCount(row);
    case OursRole:
        return hop.inOurs;
    case RawRole:
        return rawText(hop.parsed);
    case DelayNegativeRole:
        return hop.parsed.delayNegative;
    default:
        return {};
    }
}

QVariant HopTableModel::displayData(int row, Column column) const
{
    const ChainHop &hop = m_chain.hops.at(row);
    const ReceivedHop &parsed = hop.parsed;
    switch (column) {
    case Column::Index:
        return row;
    case Column::Trust:
        return trustLabel(hop.trust);
    case Column::Helo:
        return parsed.claimedName();
    case Column::Rdns:
        return parsed.fromRdns;
    case Column::Ip:
        return hop.inOurs ? tr("%1 (ours)").arg(parsed.fromIp) : parsed.fromIp;
    case Column::By:
        return parsed.by;
    case Column::With: {
        QStringList parts;
        parts << (parsed.protocol.isEmpty() ? parsed.with : parsed.protocol);
        if (parsed.tls)
            parts << (parsed.tlsVersion.isEmpty() ? tr("TLS") : parsed.tlsVersion);
        if (parsed.authenticated)
            parts << tr("AUTH");
        parts.removeAll(QString());
        return parts.join(QStringLiteral(" · "));
    }
    case Column::Date:
        return dateText(parsed);
    case Column::Delay:
        return parsed.delayValid ? delayText(parsed.delaySeconds) : QString();
    case Column::Findings:
        return findingCount(row) > 0 ? QVariant(findingCount(row)) : QVariant(QString());
    case Column::Count:
        break;
    }
    return {};
}

QVariant HopTableModel::sortData(int row, Column column) const
{
    const ChainHop &hop = m_chain.hops.at(row);
    switch (column) {
    case Column::Index:
        return row;
    case Column::Trust:
        return int(hop.trust);
    case Column::Ip: {
        // Hex of the 16 bytes sorts as the 128-bit number; unread addresses sort first.
        if (!hop.ip)
            return QString();
        const IpAddress::Bytes &bytes = hop.ip->bytes();
        return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(bytes.data()), int(bytes.size())).toHex());
    }
    case Column::Date:
        return hop.parsed.date;
    case Column::Delay:
        return hop.parsed.delayValid ? hop.parsed.delaySeconds : std::numeric_limits<qint64>::min();
    case Column::Findings:
        if (const auto severity = highestSeverity(row))
            return int(*severity) * 100000 + findingCount(row);
        return -1;
    default:
        return displayData(row, column).toString().toLower();
    }
}

QString HopTableModel::toolTip(int row) const
{
    const ChainHop &hop = m_chain.hops.at(row);
    QString text = tr("Received: %1").arg(rawText(hop.parsed));
    const QStringList &titles = m_findings.at(row).titles;
    if (!titles.isEmpty())
        text += QStringLiteral("\n\n") + titles.join(QLatin1Char('\n'));
    return text;
}

QVariant HopTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= int(Column::Count))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Index:
        return tr("#");
    case Column::Trust:
        return tr("Trust");
    case Column::Helo:
        return tr("Claimed name");
    case Column::Rdns:
        return tr("rDNS");
    case Column::Ip:
        return tr("IP");
    case Column::By:
        return tr("By");
    case Column::With:
        return tr("With");
    case Column::Date:
        return tr("Date");
    case Column::Delay:
        return tr("Delay");
    case Column::Findings:
        return tr("Findings");
    case Column::Count:
        break;
    }
    return {};
}

QString HopTableModel::trustLabel(HopTrust trust)
{
    switch (trust) {
    case HopTrust::Receiver:
        return tr("recorded");
    case HopTrust::Boundary:
        return tr("boundary");
    case HopTrust::Claimed:
        return tr("claimed");
    }
    return {};
}

QString HopTableModel::delayText(qint64 seconds)
{
    if (seconds == 0)
        return tr("0 s");
    const QString sign = seconds < 0 ? QString(QChar(0x2212)) : QStringLiteral("+");
    // Written without qAbs so that the most negative value cannot overflow.
    const quint64 value = seconds < 0 ? quint64(-(seconds + 1)) + 1 : quint64(seconds);
    QString body;
    if (value < 60) {
        body = tr("%1 s").arg(value);
    } else if (value < 3600) {
        body = tr("%1 min %2 s").arg(value / 60).arg(value % 60, 2, 10, QLatin1Char('0'));
    } else if (value < 86400) {
        body = tr("%1 h %2 min").arg(value / 3600).arg(value % 3600 / 60, 2, 10, QLatin1Char('0'));
    } else {
        body = tr("%1 d %2 h").arg(value / 86400).arg(value % 86400 / 3600);
    }
    return sign + body;
}

QString HopTableModel::dateText(const ReceivedHop &hop)
{
    if (!hop.dateValid || !hop.date.isValid())
        return {};
    return hop.date.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           QStringLiteral(" UTC");
}

QString HopTableModel::rawText(const ReceivedHop &hop)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(hop.raw);
    if (decoder.hasError())
        text = QString::fromLatin1(hop.raw);
    return text;
}

} // namespace Awb
