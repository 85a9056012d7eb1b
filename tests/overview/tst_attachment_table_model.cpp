#include "overview_test_data.h"

#include "itemmodels/attachment_table_model.h"
#include "mail/mail_message.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QTest>

using namespace Awb;
using OverviewTest::TestAttachment;

class TestAttachmentTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTester();
    void rows_data();
    void rows();
    void attachedMessageIsHashed();
    void visibleName_data();
    void visibleName();
};

namespace {

QByteArray binary(int size, int seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + seed * 7) & 0xff);
    return bytes;
}

struct RowCase
{
    TestAttachment attachment;
    QString shownName;
    bool hiddenCharacters = false;
};

} // namespace

Q_DECLARE_METATYPE(RowCase)

void TestAttachmentTableModel::modelTester()
{
    auto message = MailMessage::parse(
        OverviewTest::messageWithAttachments({{"=\"a.pdf\"", "application/pdf", binary(1000, 1)},
                                              {"=\"b.zip\"", "application/zip", binary(50, 2)}}));
    QVERIFY(message);
    AttachmentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAttachments(AttachmentTableModel::rowsFor(*message));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(AttachmentTableModel::Column::Count));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestAttachmentTableModel::rows_data()
{
    QTest::addColumn<RowCase>("row");
    QTest::newRow("pdf") << RowCase{{"=\"invoice.pdf\"", "application/pdf", binary(4096, 3)},
                                    QStringLiteral("invoice.pdf"),
                                    false};
    QTest::newRow("empty file") << RowCase{
        {"=\"empty.bin\"", "application/octet-stream", QByteArray()}, "empty.bin", false};
    // RFC 2231: "invoice" RIGHT-TO-LEFT OVERRIDE "fdp.exe" reads as "invoiceexe.pdf".
    QTest::newRow("bidi override in the name")
        << RowCase{{"*=UTF-8''invoice%E2%80%AEfdp.exe", "application/x-msdownload", binary(300, 4)},
                   QStringLiteral("invoice[U+202E]fdp.exe"),
                   true};
}

void TestAttachmentTableModel::rows()
{
    QFETCH(RowCase, row);
    auto message = MailMessage::parse(OverviewTest::messageWithAttachments({row.attachment}));
    QVERIFY(message);
    AttachmentTableModel model;
    model.setAttachments(AttachmentTableModel::rowsFor(*message));
    QCOMPARE(model.rowCount(), 1);

    const auto cell = [&](AttachmentTableModel::Column column) {
        return model.index(0, int(column));
    };
    const QByteArray expected =
        QCryptographicHash::hash(row.attachment.content, QCryptographicHash::Sha256).toHex();
    QCOMPARE(cell(AttachmentTableModel::Column::Sha256).data().toString(),
             QString::fromLatin1(expected));
    QCOMPARE(cell(AttachmentTableModel::Column::Name).data(AttachmentTableModel::Sha256Role),
             QVariant(QString::fromLatin1(expected)));
    QCOMPARE(cell(AttachmentTableModel::Column::Size).data(AttachmentTableModel::SizeRole),
             QVariant(qint64(row.attachment.content.size())));
    QCOMPARE(cell(AttachmentTableModel::Column::Size).data(AttachmentTableModel::SortRole),
             QVariant(qint64(row.attachment.content.size())));
    QCOMPARE(cell(AttachmentTableModel::Column::Type).data().toString(),
             QString::fromLatin1(row.attachment.contentType));
    QCOMPARE(cell(AttachmentTableModel::Column::Name).data().toString(), row.shownName);
    QCOMPARE(cell(AttachmentTableModel::Column::Name)
                 .data(AttachmentTableModel::HiddenCharactersRole)
                 .toBool(),
             row.hiddenCharacters);
    const int partIndex =
        cell(AttachmentTableModel::Column::Name).data(AttachmentTableModel::PartIndexRole).toInt();
    QCOMPARE(message->partContent(partIndex), row.attachment.content);
}

void TestAttachmentTableModel::attachedMessageIsHashed()
{
    auto forward = MailMessage::parse(OverviewTest::demoForward());
    QVERIFY(forward);
    const QList<AttachmentRow> rows = AttachmentTableModel::rowsFor(*forward);
    QCOMPARE(rows.size(), 1);
    const AttachmentRow &row = rows.first();
    QVERIFY(row.isMessage);
    QCOMPARE(row.filename, QStringLiteral("Mailbox storage 98% full.eml"));
    QCOMPARE(row.contentType, QStringLiteral("message/rfc822"));
    const QByteArray original = OverviewTest::demoOriginal();
    QVERIFY(original.startsWith("Received: from mailgw.lakeside.example.org"));
    QCOMPARE(row.size, qint64(original.size()));
    QCOMPARE(row.sha256Hex, QCryptographicHash::hash(original, QCryptographicHash::Sha256).toHex());
}

void TestAttachmentTableModel::visibleName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("found");
    QTest::newRow("plain") << "report.pdf"
                           << "report.pdf" << false;
    QTest::newRow("zero width space")
        << QStringLiteral("pay\u200Bpal.html") << "pay[U+200B]pal.html" << true;
    QTest::newRow("isolate") << QStringLiteral("a\u2067b") << "a[U+2067]b" << true;
    QTest::newRow("accented letters stay")
        << QStringLiteral("Gr\u00FC\u00DFe.txt") << QStringLiteral("Gr\u00FC\u00DFe.txt") << false;
}

void TestAttachmentTableModel::visibleName()
{
    QFETCH(QString, name);
    QFETCH(QString, shown);
    QFETCH(bool, found);
    bool hidden = !found;
    QCOMPARE(AttachmentTableModel::visibleName(name, &hidden), shown);
    QCOMPARE(hidden, found);
}

QTEST_GUILESS_MAIN(TestAttachmentTableModel)
#include "tst_attachment_table_model.moc"
