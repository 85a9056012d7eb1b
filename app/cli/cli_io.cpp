#include "cli/cli_io.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace Awb::Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

int usageError(const QCommandLineParser &parser, const QString &command, const QString &message)
{
    err() << "awb " << command << ": " << message << "\n\n" << parser.helpText();
    err().flush();
    return ExitUsage;
}

void printJsonLine(const QJsonObject &object)
{
    out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    out().flush();
}

void TerminalProgress::update(const QString &text)
{
    if (!stderrIsTerminal())
        return;
    // A terminal redraw costs more than an import step; ten times a second is enough.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastUpdate < 100)
        return;
    m_lastUpdate = now;
    const int pad = qMax(0, m_lastLength - int(text.size()));
    err() << '\r' << text << QString(pad, QLatin1Char(' '));
    err().flush();
    m_lastLength = int(text.size());
}

void TerminalProgress::finish()
{
    if (!stderrIsTerminal() || m_lastLength == 0)
        return;
    err() << '\r' << QString(m_lastLength, QLatin1Char(' ')) << '\r';
    err().flush();
    m_lastLength = 0;
}

int rejected(const QString &command, const QString &message)
{
    err() << "awb " << command << ": " << message << '\n';
    err().flush();
    return ExitRejected;
}

} // namespace Awb::Cli
