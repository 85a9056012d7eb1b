#pragma once

// Is this message bulk or commercial mail? The message standards of policy section 4.2 apply
// to email marketing, so every 4.2 finding first asks this and says why the answer was yes.

#include "analysis/finding.h"

#include <QList>
#include <QString>

namespace Awb {

class MailMessage;

struct BulkSign
{
    enum class Kind {
        List,           // List-Id, List-Unsubscribe and the other list headers: bulk by itself
        Campaign,       // a bulk-mail service's campaign header or bulk-mail software: bulk
        Automated,      // Precedence: bulk/list/junk: asks for no auto-replies, which report
                        // senders and notifiers also do, so it needs another sign
        Infrastructure, // a sending service's tracking header or a per-recipient bounce
                        // address: also on transactional mail, so it needs another sign
        Marketing,      // promotional wording in the subject or body
    };
    Kind kind = Kind::Marketing;
    QString text;            // what was seen, quoted: "Precedence: bulk", "the words \"voucher\""
    SourceLocation location; // where it stands in the message
};

struct BulkVerdict
{
    // The message is bulk or commercial: a List or Campaign sign, or two of the weaker kinds
    // (Automated and Infrastructure count once each however many of their headers there are,
    // each kind of marketing wording once).
    bool isBulk = false;
    QList<BulkSign> signs; // everything seen, the strongest first
    // "it was judged bulk or commercial because of: List-Id: ...; Precedence: bulk", for
    // evidence; empty when isBulk is false.
    QString reason() const;
};

BulkVerdict detectBulk(const MailMessage &message);

// What a reader of the message sees as text: the text/plain body and the HTML body as text.
QString readableBody(const MailMessage &message);

} // namespace Awb
