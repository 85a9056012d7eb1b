#pragma once

#include <QString>
#include <QStringList>

namespace Awb {

// The blocklists one observation shows an address (or range) on, named the way the incidents of
// policy 6.2 are counted: "one listing of one address or range on one blocklist".
//
// A combined zone is not a blocklist of its own. Spamhaus ZEN answering 127.0.0.2 reports the
// SBL listing, the same listing a Spamhaus SBL notice or an sbl.spamhaus.org answer reports, so
// all three are "Spamhaus SBL" (the family of the zone's name and the code's documented
// sublist); ZEN answering 127.0.0.2 and 127.0.0.4 shows two listings, "Spamhaus SBL" and
// "Spamhaus XBL". Policy and error codes show none. An observation whose list is not known,
// has no sublists, gave no codes (a notice) or an undocumented code keeps its own list name.
QStringList listedBlocklists(const QString &listName, const QString &zone,
                             const QStringList &returnCodes);

} // namespace Awb
