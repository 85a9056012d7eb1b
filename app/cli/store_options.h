#pragma once

#include "common/result.h"

#include <QString>

#include <memory>

class QCommandLineParser;

namespace Awb {
class CaseStore;
}

namespace Awb::Cli {

// The analyst every command that writes to a case database records as "who": --analyst NAME,
// else [desk] analystName (or the older [cases] analyst) of --settings FILE when the command
// takes one, else of the window's settings, else the OS user.
void addAnalystOption(QCommandLineParser &parser);
QString analystFromOptions(const QCommandLineParser &parser);

// Opens (or creates) the case database at `path` with the analyst of the options as the
// store's actor, so that imports, listings and their audit entries name them.
Result<std::unique_ptr<CaseStore>> openStoreAsAnalyst(const QString &path,
                                                      const QCommandLineParser &parser);

} // namespace Awb::Cli
