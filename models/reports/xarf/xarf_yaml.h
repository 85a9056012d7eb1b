#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// One top-level entry of an X-ARF 0.1/0.2 report.txt.
struct XarfYamlEntry
{
    QString key;        // as written ("Reported-From")
    QStringList values; // one value for a scalar, the items for a list
    bool isList = false;
    int line = 0; // 1-based line of the key
};

// The flat YAML subset X-ARF 0.1 and 0.2 use, read tolerantly: "key: value" lines, values
// plain, 'single' or "double" quoted, "|" and ">" block scalars, lists as indented "- item"
// lines or "[a, b]", comments, and the "---" / "..." document markers. Nothing nests deeper.
// Reading never fails: a line that is none of these is skipped and described in `problems`
// ("line 7: ..."), so a damaged report still yields every field that could be read.
struct XarfYamlDocument
{
    QList<XarfYamlEntry> entries;
    QStringList problems;

    // The first entry with that key (case-insensitive: reporters differ), or nullptr.
    const XarfYamlEntry *find(QStringView key) const;
    // The first value of that key; empty when absent.
    QString value(QStringView key) const;
};

XarfYamlDocument readXarfYaml(const QString &text);

} // namespace Awb
