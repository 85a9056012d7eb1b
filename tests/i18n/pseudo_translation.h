#pragma once

// A pseudo-translation of what lupdate extracted, for tests that check every string reaches the
// translator: each translation is "⟦" + source + "⟧", in both English plural forms.

#include <QList>
#include <QString>

namespace AwbTest {

// The texts of a .ts file as lupdate wrote it.
struct TsMessage
{
    QString source;
    QString comment;
    bool numerus = false;
};

struct TsContext
{
    QString name;
    QList<TsMessage> messages;
};

// The contexts and messages of a .ts file; `error` names the file and the reason.
QList<TsContext> readTs(const QString &path, QString *error);

// Writes them as a .ts of language "en" (two plural forms) with every message translated.
bool writePseudoTs(const QList<TsContext> &contexts, const QString &path);

QString pseudo(const QString &text);

} // namespace AwbTest
