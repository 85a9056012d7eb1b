#pragma once

#include "analysis/content_checks/link_extractor.h"

#include <QAbstractTableModel>
#include <QList>

namespace Awb {

// The links of one message (extractLinks()), one row each, in body order: what a reader sees,
// where it really goes, and what kind of link it is. Nothing is fetched or resolved.
//
// An anchor whose visible text shows a domain in another organisational domain than its
// target ("https://mail.lakeside.example.org/owa" on a link to harbourbakery.example) is
// flagged: MismatchRole is true and ShownDomainRole names the domain the text shows. This reads
// the text as the content.link-text-mismatch check does; views choose how to show the flag.
class LinkTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Text, Host, Url, Kind, Count };
    enum Role {
        KindRole = Qt::UserRole + 1, // int, MessageLink::Kind
        UrlRole,                     // QString, the URL as a browser would follow it
        HostRole,                    // QString, the target host, lower case
        ShownDomainRole,             // QString, the domain the anchor text shows when it mismatches
        MismatchRole,                // bool, the text shows another organisation than the target
        LocationRole, // QVariantList {offset, length} in the message's bytes, or empty
        SortRole,     // typed: kind as an int, text otherwise (lower case)
    };

    explicit LinkTableModel(QObject *parent = nullptr);

    void setLinks(const QList<MessageLink> &links);
    void clear();

    const QList<MessageLink> &links() const { return m_rows; }
    int mismatchCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Link", "Image", "Form", "URL in text", "URL in HTML text", translated.
    static QString kindLabel(MessageLink::Kind kind);
    // The domain an anchor's text shows when it lies in another organisational domain than
    // host; empty when the text shows none, the same organisation, or no registrable name.
    static QString mismatchedShownDomain(const QString &text, const QString &host);

private:
    QVariant displayData(int row, Column column) const;

    QList<MessageLink> m_rows;
    QStringList m_shownDomains; // per row, mismatchedShownDomain() of anchors, else empty
};

} // namespace Awb
