// Advise and Decide, and the notice editor, on the demo's northwind campaign: the proposal is
// shown with its factors, an override cannot be recorded without a reason, the decision lands,
// and the notice announcing it is composed, edited and saved as the recipient will get it.
#include "../cases_views/demo_cases.h"

#include "cases/decision_dialog.h"
#include "cases/notice_dialog.h"
#include "mail/mail_message.h"
#include "store/case_repository.h"
#include "store/decision_repository.h"
#include "store/notice_repository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Awb;

class TestEnforcementDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noticeWithoutDecisionSaysWhy(); // first: before any decision exists
    void overrideNeedsAReason();
    void noticeIsEditedAndSaved();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
    qint64 m_case = 0;
    QDateTime m_now;
};

void TestEnforcementDialogs::initTestCase()
{
    auto store = CaseStore::open(m_dir.filePath(QStringLiteral("dialogs.awbcase")));
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    QCOMPARE(DemoCases::importDemo(*m_store), QString());
    m_now = QDateTime::currentDateTimeUtc().addSecs(60);
    QCOMPARE(DemoCases::groupDemo(*m_store, m_now), QString());
    const auto cases = CaseRepository(*m_store).cases();
    QVERIFY(cases);
    for (const CaseRecord &record : *cases) {
        if (record.accountId == u"IXC-10042" && record.reports.size() == 5)
            m_case = record.id;
    }
    QVERIFY(m_case > 0);
}

void TestEnforcementDialogs::noticeWithoutDecisionSaysWhy()
{
    NoticeDialog dialog(*m_store, m_case, QStringLiteral("Ada"), nullptr, m_now);
    dialog.setType(QStringLiteral("warning"));
    QVERIFY(!dialog.prepared());
    QVERIFY2(dialog.problem().contains(QLatin1String("decide")), qPrintable(dialog.problem()));
    // A reporter notice needs no decision.
    dialog.setType(QStringLiteral("acknowledgement"));
    QVERIFY2(dialog.prepared(), qPrintable(dialog.problem()));
}

void TestEnforcementDialogs::overrideNeedsAReason()
{
    DecisionDialog dialog(*m_store, m_case, QStringLiteral("Ada"), nullptr, m_now);
    QVERIFY2(dialog.hasAdvice(), qPrintable(dialog.loadError()));
    // The northwind account has a legacy warning within the window: repeated (rule R2).
    QCOMPARE(dialog.advice().recommendation.action, QStringLiteral("termination"));
    QCOMPARE(dialog.actionBox()->currentData().toString(), QStringLiteral("termination"));
    auto *factors = dialog.findChild<QTreeWidget *>();
    QVERIFY(factors && factors->topLevelItemCount() >= 3);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled()); // as proposed

    dialog.actionBox()->setCurrentIndex(dialog.actionBox()->findData(QStringLiteral("suspension")));
    dialog.daysBox()->setValue(14);
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog.problem().isEmpty());
    QTest::keyClicks(dialog.reasonBox(), QStringLiteral("Customer cooperated; first case here"));
    QVERIFY2(ok->isEnabled(), qPrintable(dialog.problem()));
    if (qEnvironmentVariableIsSet("AWB_SCREENSHOT_DIR"))
        dialog.grab().save(qEnvironmentVariable("AWB_SCREENSHOT_DIR") + "/decision-dialog.png");
    ok->click();
    QVERIFY(dialog.recorded().has_value());

    auto latest = DecisionRepository(*m_store).latest(m_case);
    QVERIFY(latest && latest->has_value());
    QCOMPARE((*latest)->chosenAction, QStringLiteral("suspension"));
    QCOMPARE((*latest)->chosenDays, 14);
    QVERIFY((*latest)->overridden);
    QCOMPARE((*latest)->who, QStringLiteral("Ada"));
    QCOMPARE(CaseRepository(*m_store).caseById(m_case)->status, QStringLiteral("actioned"));
}

void TestEnforcementDialogs::noticeIsEditedAndSaved()
{
    NoticeDialog dialog(*m_store, m_case, QStringLiteral("Ada"), nullptr, m_now);
    // The decision in force (a suspension) picks the notice that announces it.
    QVERIFY2(dialog.prepared(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.prepared()->data.type, QStringLiteral("suspension"));
    const QString text = dialog.textEditor()->toPlainText();
    QVERIFY(text.contains(QLatin1String("IXC-10042")));
    QVERIFY(text.contains(QLatin1String("Deceptive Practices")));
    if (qEnvironmentVariableIsSet("AWB_SCREENSHOT_DIR"))
        dialog.grab().save(qEnvironmentVariable("AWB_SCREENSHOT_DIR") + "/notice-dialog.png");
    dialog.textEditor()->setPlainText(text + QStringLiteral("\nA note added by the analyst.\n"));

    const QString path = m_dir.filePath(QStringLiteral("suspension.eml"));
    const Status saved = dialog.saveTo(path);
    QVERIFY2(saved, qPrintable(saved.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray eml = file.readAll();
    auto parsed = MailMessage::parse(eml);
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QVERIFY(eml.contains("X-Abuse-Case: "));
    // The analyst's words are in the message; the complainant's address is not.
    QVERIFY(eml.contains("A note added by the analyst."));
    for (const char *personal : {"victim", "fbl-noreply@fbl.example.net"})
        QVERIFY2(!eml.contains(personal), personal);

    auto notices = NoticeRepository(*m_store).forCase(m_case, true);
    QVERIFY(notices);
    QCOMPARE(notices->size(), 1);
    QCOMPARE(notices->first().eml, eml);
    QCOMPARE(notices->first().type, QStringLiteral("suspension"));
}

QTEST_MAIN(TestEnforcementDialogs)
#include "tst_enforcement_dialogs.moc"
