#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QString>

namespace Awb {

class MailMessage;

// One attachment of a message, as listed: never opened, never executed, only measured.
struct AttachmentRow
{
    int partIndex = -1;     // index into MailMessage::mimeParts()
    int depth = 0;          // MIME depth (attachments of an attached message are deeper)
    QString filename;       // decoded, exactly as the sender named it (may be empty)
    QString contentType;    // declared, lower case
    qint64 size = -1;       // bytes after transfer decoding; -1 when unknown
    QByteArray sha256Hex;   // SHA-256 of those bytes, lower-case hex; empty when unknown
    bool isMessage = false; // an attached message (message/rfc822): hashed as it is stored
};

// The attachments of one message, one row each, in MIME order. Names are shown with
// bidirectional-override and other invisible formatting characters made visible ("[U+202E]"):
// "invoice[U+202E]fdp.exe" must not read as "invoiceexe.pdf". The exact name stays in
// FileNameRole.
class AttachmentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Name, Type, Size, Sha256, Count };
    enum Role {
        FileNameRole = Qt::UserRole + 1, // QString, the name exactly as sent
        ContentTypeRole,                 // QString
        SizeRole,                        // qint64, -1 when unknown
        Sha256Role,                      // QString, lower-case hex, empty when unknown
        PartIndexRole,                   // int, index into MailMessage::mimeParts()
        HiddenCharactersRole,            // bool, the name holds invisible formatting characters
        SortRole,                        // typed: size as qint64, text otherwise (lower case)
    };

    explicit AttachmentTableModel(QObject *parent = nullptr);

    // The attachment parts of message (MimePartInfo::isAttachment). An attached message is a
    // container without a hash of its own: its stored form (MailMessage::partContent()) is
    // measured and hashed here, which parses the message once more per attached message.
    static QList<AttachmentRow> rowsFor(const MailMessage &message);

    void setAttachments(const QList<AttachmentRow> &rows);
    void clear();
    const QList<AttachmentRow> &attachments() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // name with invisible formatting characters (Unicode category Cf, bidi controls among them)
    // written as "[U+XXXX]"; *found is set when there was one.
    static QString visibleName(const QString &name, bool *found = nullptr);

private:
    QVariant displayData(const AttachmentRow &row, Column column) const;

    QList<AttachmentRow> m_rows;
};

} // namespace Awb
