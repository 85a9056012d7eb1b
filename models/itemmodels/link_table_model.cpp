#include "itemmodels/link_table_model.h"

#include "analysis/host_names.h"
#include "network/ip_address.h"

#include <QRegularExpression>

#include <algorithm>

namespace Awb {

LinkTableModel::LinkTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LinkTableModel::setLinks(const QList<MessageLink> &links)
{
    beginResetModel();
    m_rows = links;
    m_shownDomains.clear();
    m_shownDomains.reserve(links.size());
    for (const MessageLink &link : links) {
        const bool anchor = link.kind == MessageLink::Kind::Anchor;
        m_shownDomains.append(anchor ? mismatchedShownDomain(link.text, link.host) : QString());
    }
    endResetModel();
}

void LinkTableModel::clear()
{
    setLinks({});
}

int LinkTableModel::mismatchCount() const
{
    return int(std::count_if(m_shownDomains.cbegin(), m_shownDomains.cend(),
                             [](const QString &domain) { return !domain.isEmpty(); }));
}

QString LinkTableModel::mismatchedShownDomain(const QString &text, const QString &host)
{
    if (host.isEmpty())
        return {};
    // A domain as it is written in link text: "www.bank.example", "https://a.b.example/x".
    static const QRegularExpression shownDomain(
        QStringLiteral("(?:^|[\\s(<\"'/@])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+"
                       "[a-z][a-z0-9-]*[a-z0-9])(?=$|[\\s/:?#)>\"',;!])"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression lettersTld(QStringLiteral("\\.[a-z]{2,}$"));
    const QRegularExpressionMatch match = shownDomain.match(text);
    if (!match.hasMatch())
        return {};
    const QString shown = match.captured(1).toLower();
    const QString shownOrg = organisationalDomain(shown);
    // "4.8" or "v2.1" in a text is no site; an address names no organisation.
    if (shownOrg.isEmpty() || IpAddress::parse(shown) || !lettersTld.match(shownOrg).hasMatch())
        return {};
    return shownOrg == organisationalDomain(host) ? QString() : shown;
}

int LinkTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LinkTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant LinkTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const MessageLink &link = m_rows.at(row);
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        if (!m_shownDomains.at(row).isEmpty()) {
            return tr("The text shows %1, but the link goes to %2.")
                .arg(m_shownDomains.at(row), link.host);
        }
        return column == Column::Text ? displayData(row, column) : link.url;
    case KindRole:
        return int(link.kind);
    case UrlRole:
        return link.url;
    case HostRole:
        return link.host;
    case ShownDomainRole:
        return m_shownDomains.at(row);
    case MismatchRole:
        return !m_shownDomains.at(row).isEmpty();
    case LocationRole:
        if (!link.location.isValid())
            return QVariantList();
        return QVariantList{qlonglong(link.location.offset), qlonglong(link.location.length)};
    case SortRole:
        if (column == Column::Kind)
            return int(link.kind);
        return displayData(row, column).toString().toLower();
    default:
        return {};
    }
}

QVariant LinkTableModel::displayData(int row, Column column) const
{
    const MessageLink &link = m_rows.at(row);
    switch (column) {
    case Column::Text:
        // Only anchors have text of their own; a written URL is its own text.
        return link.kind == MessageLink::Kind::Anchor ? link.text : link.written;
    case Column::Host:
        return link.host;
    case Column::Url:
        return link.url;
    case Column::Kind:
        if (!m_shownDomains.at(row).isEmpty())
            return tr("%1, text shows %2").arg(kindLabel(link.kind), m_shownDomains.at(row));
        return kindLabel(link.kind);
    case Column::Count:
        break;
    }
    return {};
}

QVariant LinkTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Text:
        return tr("Visible text");
    case Column::Host:
        return tr("Target host");
    case Column::Url:
        return tr("Full URL");
    case Column::Kind:
        return tr("Kind");
    case Column::Count:
        break;
    }
    return {};
}

QString LinkTableModel::kindLabel(MessageLink::Kind kind)
{
    switch (kind) {
    case MessageLink::Kind::TextUrl:
        return tr("URL in text");
    case MessageLink::Kind::HtmlTextUrl:
        return tr("URL in HTML text");
    case MessageLink::Kind::Anchor:
        return tr("Link");
    case MessageLink::Kind::Image:
        return tr("Image");
    case MessageLink::Kind::Form:
        return tr("Form");
    }
    return {};
}

} // namespace Awb
