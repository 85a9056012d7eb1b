#pragma once

#include <QString>

namespace Awb {

// A finding marked in place in the source viewer: the bytes [offset, offset + length) of the
// message last shown, drawn with a wave underline over the syntax highlighting, a glyph in the
// line-number margin and the title in a tooltip.
//
// The source viewer does not depend on the analysis room, so the severity is an int with the
// values of Awb::Severity (analysis/finding.h): 0 info, 1 low, 2 medium, 3 high, 4 critical.
// Values outside that range are clamped. The window builds marks from findings with
// sourceMarksFromFindings() (views/overview/source_view_data.h), which checks the mapping at
// compile time.
struct SourceMark
{
    qsizetype offset = 0; // in the message's bytes, as Finding::location
    qsizetype length = 0;
    int severity = 0;
    QString title; // shown in the tooltip over the marked characters

    static constexpr int MinSeverity = 0; // Severity::Info
    static constexpr int MaxSeverity = 4; // Severity::Critical
};

} // namespace Awb
