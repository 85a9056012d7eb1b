#include "desk_identity.h"

#include <QSettings>

namespace Awb {

namespace {

const QString kAnalystName = QStringLiteral("desk/analystName");
const QString kLegacyAnalyst = QStringLiteral("cases/analyst");

} // namespace

QString analystName(const QSettings &settings)
{
    const QString name = settings.value(kAnalystName).toString().trimmed();
    if (!name.isEmpty())
        return name;
    return settings.value(kLegacyAnalyst).toString().trimmed();
}

QString osUserName()
{
    for (const char *name : {"USER", "USERNAME"}) {
        const QString user = qEnvironmentVariable(name).trimmed();
        if (!user.isEmpty())
            return user;
    }
    return QStringLiteral("unknown");
}

QString analystOrUser(const QSettings &settings)
{
    const QString configured = analystName(settings);
    return configured.isEmpty() ? osUserName() : configured;
}

void setAnalystName(QSettings &settings, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        settings.remove(kAnalystName);
    else
        settings.setValue(kAnalystName, trimmed);
}

} // namespace Awb
