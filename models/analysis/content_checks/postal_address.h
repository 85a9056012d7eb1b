#pragma once

// Private to the content checks: does a text hold a physical postal address (policy 4.2)? A
// heuristic that looks for the parts an address is made of, in the forms of the countries most
// mail comes from; it cannot tell a real address from an invented one.

#include <QString>

namespace Awb::ContentChecks {

struct PostalAddressMatch
{
    QString text; // the text that looks like (part of) an address
    QString kind; // which pattern matched, for evidence: "a street number and street name"
};

// The first address-like text, or an empty text when there is none.
PostalAddressMatch findPostalAddress(const QString &text);

// One sentence listing what findPostalAddress() looks for, for evidence when it finds nothing.
QString postalAddressPatternsDescription();

} // namespace Awb::ContentChecks
