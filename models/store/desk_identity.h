#pragma once

#include <QString>

class QSettings;

namespace Awb {

// The analyst's name, which the case history and the audit log record as "who": [desk]
// analystName of the settings (the window's, or an INI file given to the command line). Older
// settings named it [cases] analyst; that is read when [desk] analystName is not set. Empty when
// neither is set (the caller then falls back to the OS user, as CaseStore::actor() does).
QString analystName(const QSettings &settings);
// The OS user ($USER, else $USERNAME), else "unknown": who a write is recorded as when nobody
// named the analyst (the store's default actor).
QString osUserName();

// analystName(), else osUserName().
QString analystOrUser(const QSettings &settings);

// Stores the name trimmed; an empty name removes the key.
void setAnalystName(QSettings &settings, const QString &name);

} // namespace Awb
