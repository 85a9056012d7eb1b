// libFuzzer target for the Received and mail-date parsers. Built only with clang (see
// CMakeLists.txt), never run by ctest. Run: fuzz_received -max_len=4096 CORPUS_DIR
// Any crash, sanitizer report or hang is a bug: the parsers must accept every byte string.

#include "analysis/mail_date.h"
#include "analysis/received_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    const Awb::ReceivedHop hop = Awb::parseReceived(raw);
    if (hop.dateValid && !hop.date.isValid())
        __builtin_trap(); // dateValid must imply a usable date
    const auto date = Awb::parseMailDate(QString::fromUtf8(raw));
    if (date && !date->toUtc().isValid())
        __builtin_trap();
    Awb::parseReceivedChain({raw, raw});
    return 0;
}
