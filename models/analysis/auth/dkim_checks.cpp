// What the analysis itself finds in the DKIM signatures: it parses every DKIM-Signature,
// computes the body hash (no network needed) and, when the program has a key source
// (dkim_key.h), verifies the signature over the headers.

#include "auth_check_support.h"

#include "analysis/chain_analysis.h"

namespace Awb::AuthChecks {

namespace {

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

// Low, clause 3.2: a signature that cannot even be read (missing tags, a From left unsigned,
// i= outside d=) cannot authenticate anyone; in a message claiming to be signed it is a
// damaged or fabricated header.
class SignatureMalformedCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {
            QStringLiteral("dkim.signature-malformed"), Severity::Low, QStringLiteral("3.2"),
            Tr::tr("DKIM signature unreadable"),
            Tr::tr("A DKIM-Signature field breaks RFC 6376 (missing or invalid tags) and cannot "
                   "be verified.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        for (const SignatureReport &r : dkimSignatures(context.message)) {
            if (r.signature.isUsable())
                continue;
            QStringList names;
            for (const DkimSignatureProblem &p : r.signature.problems)
                names.append(dkimSignatureErrorName(p.error));
            names.removeDuplicates();
            sink.add(-1,
                     Tr::tr("The DKIM-Signature cannot be used (%1): %2. Field: \"%3\"")
                         .arg(names.join(QStringLiteral(", ")), r.signature.problemText(),
                              fieldText(r.field)),
                     Severity::Low, fieldLocation(r.field));
        }
    }
};

// Info, clause 3.2: the body we hold is not the body that was signed. Someone changed it after
// signing: a mailing list footer, a gateway's rewrite, or a reporter redacting a personal
// token before forwarding the copy (demo report 04). It weighs on the evidence, not against
// the signer: a signer does not forge its own body. It is recorded so that nobody relies on
// the signature to prove what the body said.
class BodyHashMismatchCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("dkim.body-hash-mismatch"), Severity::Info, QStringLiteral("3.2"),
                Tr::tr("Body changed after DKIM signing"),
                Tr::tr("The body hash computed from the message does not match the bh= of its "
                       "DKIM-Signature: the body was altered after signing.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        for (const SignatureReport &r : dkimSignatures(context.message)) {
            const DkimVerification &v = r.verification;
            if (v.bodyHash != DkimBodyHashStatus::Mismatch)
                continue;
            const QString headers =
                v.signature == DkimSignatureStatus::Valid
                    ? Tr::tr("The signature over the headers is valid (key from %1): the headers "
                             "are as signed and only the body differs.")
                          .arg(v.keySource)
                : v.signature == DkimSignatureStatus::Invalid
                    ? Tr::tr("The signature over the headers does not verify either: %1.")
                          .arg(v.signatureProblem)
                    : Tr::tr("The signature over the headers was not checked: %1.")
                          .arg(v.signatureProblem);
            sink.add(-1,
                     Tr::tr("DKIM-Signature %1 says bh=%2, the body we hold hashes to %3. %4 A "
                            "changed body is typical of a reporter redacting a personal token, a "
                            "list footer or a gateway's rewrite, and by itself does not show that "
                            "the signer forged anything. Field: \"%5\"")
                         .arg(describeSignature(r.signature), r.signature.bodyHashText,
                              base64(v.computedBodyHash), headers, fieldText(r.field)),
                     Severity::Info, fieldLocation(r.field));
        }
    }
};

// Info, clause 3.2: the copy has no body (an ARF text/rfc822-headers part, a headers-only
// export), so the body hash cannot be judged. Said so that nobody reads it as a mismatch.
class BodyNotIncludedCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("dkim.body-not-included"), Severity::Info, QStringLiteral("3.2"),
                Tr::tr("DKIM body hash not checkable: no body"),
                Tr::tr("The message is a copy without its body, so the DKIM body hash cannot be "
                       "compared (this is not a mismatch).")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        for (const SignatureReport &r : dkimSignatures(context.message)) {
            if (r.verification.bodyHash != DkimBodyHashStatus::BodyNotIncluded)
                continue;
            sink.add(-1,
                     Tr::tr("DKIM-Signature %1: the body is not included in this copy, so its hash "
                            "(bh=%2) cannot be checked. Field: \"%3\"")
                         .arg(describeSignature(r.signature), r.signature.bodyHashText,
                              fieldText(r.field)),
                     Severity::Info, fieldLocation(r.field));
        }
    }
};

// Medium, clause 3.2: with the domain's published key at hand, the signature over the headers
// does not verify (or the key is revoked). Either the signed headers (From, Subject, Date...)
// were changed after signing or the signature never came from the domain: a header made to
// look as if that domain vouched for the message, "Forging email headers".
class SignatureInvalidCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("dkim.signature-invalid"), Severity::Medium, QStringLiteral("3.2"),
                Tr::tr("DKIM signature does not verify"),
                Tr::tr("Checked with the signing domain's public key, the DKIM signature over the "
                       "headers is not valid: signed headers were altered or the signature is "
                       "forged.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        for (const SignatureReport &r : dkimSignatures(context.message)) {
            if (r.verification.signature != DkimSignatureStatus::Invalid)
                continue;
            sink.add(-1,
                     Tr::tr("DKIM-Signature %1 checked with the key from %2: %3. Field: \"%4\"")
                         .arg(describeSignature(r.signature), r.verification.keySource,
                              r.verification.signatureProblem, fieldText(r.field)),
                     Severity::Medium, fieldLocation(r.field));
        }
    }
};

// Info, clause 3.2: the signature verifies, body and headers: the signing domain took
// responsibility for this message as it stands. The opposite of forgery, and attribution
// evidence: a customer whose domain signed it cannot say it was not theirs.
class SignatureValidCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("dkim.signature-valid-info"), Severity::Info, QStringLiteral("3.2"),
                Tr::tr("DKIM signature verified"),
                Tr::tr("The DKIM signature verifies (body hash and header signature) with the "
                       "signing domain's public key: that domain vouches for the message.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        for (const SignatureReport &r : dkimSignatures(context.message)) {
            if (!r.verification.passes())
                continue;
            QString note;
            if (r.signature.algorithm == DkimAlgorithm::RsaSha1)
                note = Tr::tr(" Note: rsa-sha1 is obsolete (RFC 8301) and weak.");
            if (r.signature.bodyLength)
                note += Tr::tr(" Only the first %1 octets of the body are signed (l=).")
                            .arg(*r.signature.bodyLength);
            sink.add(-1,
                     Tr::tr("DKIM-Signature %1 verifies with the key from %2: %3 signed this "
                            "message.%4 Field: \"%5\"")
                         .arg(describeSignature(r.signature), r.verification.keySource,
                              r.signature.domain, note, fieldText(r.field)),
                     Severity::Info, fieldLocation(r.field));
        }
    }
};

// Low, clause 3.2: DMARC counts a DKIM signature for the From address only when its d= has the
// same organisational domain as the From domain (relaxed alignment, RFC 7489 3.1.1). When no
// signature is aligned, no signature vouches for the address the recipient sees: the signer
// may be an ESP sending on a customer's behalf (legitimate, hence Low) or a domain lending its
// reputation to a From it does not own.
class UnalignedCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("dkim.unaligned"), Severity::Low, QStringLiteral("3.2"),
                Tr::tr("DKIM signer is not the From domain"),
                Tr::tr("No DKIM signature has a signing domain (d=) aligned with the From domain, "
                       "so none vouches for the visible sender address.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const QString from = fromDomain(context.message);
        if (from.isEmpty())
            return;
        const QList<SignatureReport> reports = dkimSignatures(context.message);
        QStringList domains;
        const SignatureReport *first = nullptr;
        for (const SignatureReport &r : reports) {
            if (!r.signature.isUsable() || r.signature.domain.isEmpty())
                continue;
            if (alignedRelaxed(r.signature.domain, from))
                return;
            domains.append(QStringLiteral("d=") + r.signature.domain);
            if (!first)
                first = &r;
        }
        if (!first)
            return;
        sink.add(
            -1,
            Tr::tr("The message is signed by %1, but From is on %2 (organisational domain %3): "
                   "no signature is aligned with the visible sender. Field: \"%4\"")
                .arg(domains.join(QStringLiteral(", ")), from, organisationalDomain(from),
                     fieldText(first->field)),
            Severity::Low, fieldLocation(first->field));
    }
};

} // namespace

void appendDkimChecks(QList<const Check *> &list)
{
    static const SignatureMalformedCheck malformed;
    static const BodyHashMismatchCheck bodyHash;
    static const BodyNotIncludedCheck bodyMissing;
    static const SignatureInvalidCheck invalid;
    static const SignatureValidCheck valid;
    static const UnalignedCheck unaligned;
    list << &malformed << &bodyHash << &bodyMissing << &invalid << &valid << &unaligned;
}

} // namespace Awb::AuthChecks
