#include "itemmodels/attachment_table_model.h"

#include "mail/mail_message.h"
#include "mail/sha256.h"

#include <QLocale>

namespace Awb {

AttachmentTableModel::AttachmentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QList<AttachmentRow> AttachmentTableModel::rowsFor(const MailMessage &message)
{
    QList<AttachmentRow> rows;
    const QList<MimePartInfo> parts = message.mimeParts();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const MimePartInfo &part = parts.at(i);
        if (!part.isAttachment)
            continue;
        AttachmentRow row;
        row.partIndex = int(i);
        row.depth = part.depth;
        row.filename = part.filename;
        row.contentType = part.contentType;
        row.size = part.decodedSize;
        row.sha256Hex = part.sha256Hex;
        row.isMessage = part.isContainer && part.contentType == QLatin1String("message/rfc822");
        if (row.isMessage) {
            const QByteArray content = message.partContent(i);
            row.size = content.size();
            row.sha256Hex = sha256Hex(content);
        }
        rows.append(row);
    }
    return rows;
}

void AttachmentTableModel::setAttachments(const QList<AttachmentRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void AttachmentTableModel::clear()
{
    setAttachments({});
}

QString AttachmentTableModel::visibleName(const QString &name, bool *found)
{
    QString shown;
    bool hidden = false;
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Format) {
            hidden = true;
            shown += QStringLiteral("[U+%1]").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
        } else {
            shown += c;
        }
    }
    if (found)
        *found = hidden;
    return shown;
}

int AttachmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttachmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant AttachmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttachmentRow &row = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        if (column == Column::Size && row.size >= 0)
            return tr("%1 bytes").arg(QLocale().toString(row.size));
        if (column == Column::Name && data(index, HiddenCharactersRole).toBool())
            return tr("The name holds invisible formatting characters, shown as [U+…]: they can "
                      "make a name read differently from what it is.");
        return displayData(row, column);
    case Qt::TextAlignmentRole:
        if (column == Column::Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case FileNameRole:
        return row.filename;
    case ContentTypeRole:
        return row.contentType;
    case SizeRole:
        return row.size;
    case Sha256Role:
        return QString::fromLatin1(row.sha256Hex);
    case PartIndexRole:
        return row.partIndex;
    case HiddenCharactersRole: {
        bool hidden = false;
        visibleName(row.filename, &hidden);
        return hidden;
    }
    case SortRole:
        if (column == Column::Size)
            return row.size;
        return displayData(row, column).toString().toLower();
    default:
        return {};
    }
}

QVariant AttachmentTableModel::displayData(const AttachmentRow &row, Column column) const
{
    switch (column) {
    case Column::Name:
        return row.filename.isEmpty() ? tr("(no name)") : visibleName(row.filename);
    case Column::Type:
        return row.contentType;
    case Column::Size:
        return row.size < 0 ? tr("unknown") : QLocale().formattedDataSize(row.size);
    case Column::Sha256:
        return QString::fromLatin1(row.sha256Hex);
    case Column::Count:
        break;
    }
    return {};
}

QVariant AttachmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Type:
        return tr("Type");
    case Column::Size:
        return tr("Size");
    case Column::Sha256:
        return tr("SHA-256");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace Awb
