#include "common/data_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Awb {

QString dataDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("AWB_DATA_DIR");
    if (!fromEnvironment.isEmpty() && QFileInfo(fromEnvironment).isDir())
        return QDir(fromEnvironment).absolutePath();

    const QString installed =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/abuse-workbench");
    if (QFileInfo(installed + QStringLiteral("/demo")).isDir())
        return QDir(installed).absolutePath();

    const QString sourceTree = QStringLiteral(AWB_SOURCE_RESOURCES_DIR);
    if (QFileInfo(sourceTree).isDir())
        return sourceTree;
    return {};
}

QString demoDirectory()
{
    const QString base = dataDirectory();
    return base.isEmpty() ? QString() : base + QStringLiteral("/demo");
}

QStringList demoInputs()
{
    const QString demo = demoDirectory();
    if (demo.isEmpty())
        return {};
    QStringList inputs;
    const QDir dir(demo);
    for (const QString &name : {QStringLiteral("reports"), QStringLiteral("maildir")}) {
        if (dir.exists(name))
            inputs << dir.filePath(name);
    }
    for (const QString &mbox : dir.entryList({QStringLiteral("*.mbox")}, QDir::Files, QDir::Name))
        inputs << dir.filePath(mbox);
    if (dir.exists(QStringLiteral("malformed")))
        inputs << dir.filePath(QStringLiteral("malformed"));
    return inputs;
}

} // namespace Awb
