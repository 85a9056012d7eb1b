#pragma once

#include <QJsonObject>
#include <QString>
#include <QTextStream>

class QCommandLineParser;

namespace Awb::Cli {

// Exit status of every command (DESIGN.md, "Command line").
enum Exit : int {
    ExitOk = 0,       // all done
    ExitRejected = 1, // some inputs rejected (each named on stderr), the rest processed
    ExitUsage = 2,    // the command line itself is wrong
};

QTextStream &out();
QTextStream &err();
bool stderrIsTerminal();

// Prints "awb COMMAND: MESSAGE" and the command's help to stderr; returns ExitUsage.
int usageError(const QCommandLineParser &parser, const QString &command, const QString &message);

// Prints "awb COMMAND: MESSAGE" to stderr; returns ExitRejected (the input named in the message
// was not processed).
int rejected(const QString &command, const QString &message);

// One JSON object on one line (JSON Lines).
void printJsonLine(const QJsonObject &object);

// A line on stderr that rewrites itself on a terminal ("\r...") and is silent elsewhere.
class TerminalProgress
{
public:
    void update(const QString &text);
    void finish();

private:
    qint64 m_lastUpdate = 0;
    int m_lastLength = 0;
};

} // namespace Awb::Cli
