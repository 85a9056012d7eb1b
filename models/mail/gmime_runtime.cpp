#include "gmime_runtime.h"

#include <gmime/gmime.h>

#include <mutex>

namespace Awb {

namespace {

std::once_flag s_initOnce;
GMimeParserOptions *s_options = nullptr;

void initialise()
{
    g_mime_init();

    // Our own options object rather than the library default, so nothing else in the process
    // that changes GMime's defaults can change how evidence is read. It is intentionally never
    // freed: it lives as long as GMime does, and g_mime_shutdown() is never called because
    // other threads may still be parsing at exit.
    s_options = g_mime_parser_options_new();
    const char *fallbacks[] = {"UTF-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(s_options, fallbacks);
    g_mime_parser_options_set_rfc2047_compliance_mode(s_options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(s_options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(s_options, GMIME_RFC_COMPLIANCE_LOOSE);
    // Parsing is for reading evidence: no callback should print warnings for broken input.
    g_mime_parser_options_set_warning_callback(s_options, nullptr, nullptr);
}

} // namespace

void ensureGMimeInitialised()
{
    std::call_once(s_initOnce, initialise);
}

GMimeParserOptions *gmimeParserOptions()
{
    ensureGMimeInitialised();
    return s_options;
}

} // namespace Awb
