#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Awb {

// A Received-SPF field (RFC 7208 section 9.1):
//   Received-SPF: softfail (mx.example.net: domain of x@example.com does not designate
//       192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from="x@example.com";
struct ReceivedSpf
{
    struct Pair
    {
        QString key; // lower case
        QString value;
    };

    QString result;  // lower case; one of pass fail softfail neutral none temperror permerror
    QString comment; // the first comment after the result, as written (simplified)
    QList<Pair> pairs;
    // Named deviations: "empty field", "unknown result \"x\"", "key without value: \"k\"".
    QStringList problems;
    QString text; // the whole field value, white space simplified, for evidence

    QString value(const QString &key) const; // case-insensitive; empty when absent
    bool isKnownResult() const;
};

// Never fails; a field that is not Received-SPF at all gives an empty result with problems.
ReceivedSpf parseReceivedSpf(const QByteArray &rawValue);

} // namespace Awb
