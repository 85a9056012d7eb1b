#pragma once

#include "analysis/check.h"

#include <QList>

namespace Awb {

// Appends the header checks to the registry's list: the Date field ("date.*"), the Message-ID
// ("message-id.*"), the identity fields From, Sender, Reply-To and Return-Path ("from.*",
// "reply-to.*", "sender.*"), the header block as a whole ("header.*") and the Subject
// ("subject.*"). The checks are stateless function-local statics: they live for the whole
// program and serve every thread.
void appendHeaderChecks(QList<const Check *> &list);

} // namespace Awb
