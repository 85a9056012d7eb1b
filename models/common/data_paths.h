#pragma once

#include <QString>
#include <QStringList>

namespace Awb {

// Where the bundled data lives (demo set, policy packs, templates): $AWB_DATA_DIR when set,
// else <prefix>/share/abuse-workbench next to the installed binary, else the source tree's
// resources/ folder (a build that was not installed). Empty when none of them exists.
QString dataDirectory();

// The demo data set: dataDirectory()/demo.
QString demoDirectory();

// The demo's inputs in the order an analyst would drop them: the reports one by one, the maildir,
// the abuse mailbox export (*.mbox), then the deliberately broken files in malformed/.
QStringList demoInputs();

} // namespace Awb
