#include "header_test_support.h"
#include <QDirIterator>
#include <QTest>
using namespace Awb;
class Sweep : public QObject { Q_OBJECT
private Q_SLOTS:
void run() {
  QStringList files;
  for (const char *dir : {"/work/shared/samples/arf", AWB_SOURCE_DIR "/resources/demo/reports", AWB_SOURCE_DIR "/resources/demo/maildir"}) {
    QDirIterator it(QString::fromLatin1(dir), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) { const QString p = it.next(); if (!p.endsWith(".txt") && !p.contains("LICENSE") && !p.endsWith(".md")) files << p; }
  }
  files.sort();
  for (const QString &f : files) {
    const QByteArray bytes = HeaderTest::readFile(f);
    for (int pass = 0; pass < 2; ++pass) {
      const QByteArray b = pass ? HeaderTest::embeddedOriginal(bytes) : bytes;
      if (b.isEmpty()) continue;
      auto m = MailMessage::parse(b); if (!m) continue;
      const auto a = analyzeMessage(*m, HeaderTest::demoTrust(), {}, HeaderTest::headerChecks());
      if (a.findings.isEmpty()) continue;
      qWarning().noquote() << "==" << f.section('/', -3) << (pass ? "(original)" : "") << "\n  " << HeaderTest::describe(a.findings).left(4000);
    }
  }
}};
QTEST_GUILESS_MAIN(Sweep)
#include "zz_sweep_tmp.moc"
