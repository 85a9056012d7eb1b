#pragma once

// Private to models/mail: the one place GMime is initialised and configured.

// GMime's own typedef, repeated so that this header needs no GMime header at all.
typedef struct _GMimeParserOptions GMimeParserOptions;

namespace Awb {

// Calls g_mime_init() exactly once per process (std::call_once), whichever thread comes first.
// Every function of this room that touches GMime calls this first.
void ensureGMimeInitialised();

// The parser options this room uses: loose RFC compliance, fallback charsets UTF-8 then
// Windows-1252 for raw 8-bit text. Created once after initialisation and never modified
// afterwards, so concurrent parsers on different threads may share it. Borrowed: do not unref.
GMimeParserOptions *gmimeParserOptions();

} // namespace Awb
