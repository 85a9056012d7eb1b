#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

// Runs the built awb with arguments and collects what it printed.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline QString awbPath()
{
    return QStringLiteral(AWB_BINARY_DIR "/bin/awb");
}

inline CliRun runAwb(const QStringList &arguments, const QString &program = awbPath(),
                     const QStringList &prefix = {})
{
    QProcess process;
    process.setProgram(prefix.isEmpty() ? program : prefix.first());
    process.setArguments(prefix.isEmpty() ? arguments
                                          : prefix.mid(1) + QStringList{program} + arguments);
    process.start();
    process.waitForFinished(120000);
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}
