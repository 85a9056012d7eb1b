#pragma once

// Private to the content checks: what they know about the world, as data kept in one place and
// built once. Adding a shortener, a bulk-mail service or a mail client is an edit here only.

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace Awb::ContentChecks {

// Public URL shorteners: a link through one hides its destination from the reader.
const QStringList &urlShortenerDomains();
// Click-tracking hosts of bulk-mail services: links through them also hide the destination,
// but every tracked newsletter has them, so a text/target mismatch through one weighs less.
const QStringList &clickTrackingDomains();
// The shortener or tracking domain the host is or lies under, or empty.
QString matchingDomain(const QString &host, const QStringList &domains);

// A header that a bulk-mail service (ESP) or bulk-mail software writes.
struct BulkFingerprint
{
    QString header;  // field name, or a prefix ending in '*' ("X-Mailgun-*")
    QString service; // who writes it, for evidence
    bool campaign;   // it names a campaign or a list: bulk by itself; else infrastructure
};
const QList<BulkFingerprint> &bulkFingerprints();
// X-Mailer values of bulk-mail software ("phpList", "Sendy"...).
const QRegularExpression &bulkMailerPattern();

// A mail client whose Message-ID and MIME boundary formats are known.
struct MuaFormat
{
    QString name;                         // "Microsoft Outlook"
    QRegularExpression claim;             // matched against X-Mailer and User-Agent
    QList<QRegularExpression> ids;        // Message-ID (without <>) formats it writes
    QStringList idExamples;               // for evidence
    QList<QRegularExpression> boundaries; // multipart boundary formats; empty: not checked
    QStringList boundaryExamples;
};
const QList<MuaFormat> &muaFormats();
// Message-IDs that a provider rewrites on submission whatever the client wrote (Outlook.com
// and Exchange Online): they say nothing about the client.
const QRegularExpression &providerRewrittenIdPattern();

// Hong Kong districts and areas that appear in postal addresses (English and Chinese).
const QStringList &hongKongDistricts();

} // namespace Awb::ContentChecks
