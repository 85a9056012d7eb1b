// Verdicts that receivers recorded: Authentication-Results (RFC 8601), Received-SPF (RFC 7208)
// and ARC sets (RFC 8617). A verdict counts only when a receiver we believe wrote it (see
// StampTrust in auth_check_support.h); everything the sending side wrote is a claim, and the
// only finding a claim gives is auth.untrusted-results.

#include "auth_check_support.h"

#include "analysis/auth/arc_set.h"

namespace Awb::AuthChecks {

namespace {

QString methodResults(const AuthenticationResults &results)
{
    QStringList parts;
    for (const AuthResult &r : results.results)
        parts.append(r.method + QLatin1Char('=') + r.result);
    return parts.isEmpty() ? Tr::tr("no results") : parts.join(QStringLiteral(", "));
}

// Low by default, High when the field uses a trusted authserv-id or a receiving host's name,
// clause 3.2: an Authentication-Results field is a receiver's record of what it verified.
// Written by the sending side it proves nothing; written in a receiver's name, it is a forged
// header ("Forging email headers") meant to make the message look verified.
class UntrustedResultsCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("auth.untrusted-results"), Severity::Low, QStringLiteral("3.2"),
                Tr::tr("Authentication results not written by a trusted receiver"),
                Tr::tr("An Authentication-Results field stands where the sending side wrote it, or "
                       "names an authserv-id that is not trusted: its verdicts are claims.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        for (const ResultsField &f : resultsFields(context)) {
            if (f.trust.trusted)
                continue;
            const bool forged = f.trust.namesReceiver;
            QString evidence = Tr::tr("%1 It claims %2; these are not a receiver's verdicts.")
                                   .arg(f.trust.reason, methodResults(f.results));
            if (forged)
                evidence += Tr::tr(" It uses the name of a receiver the analysis trusts: a header "
                                   "forged to make the message look verified.");
            sink.add(-1, Tr::tr("%1 Field: \"%2\"").arg(evidence, fieldText(f.field)),
                     forged ? Severity::High : Severity::Low, fieldLocation(f.field));
        }
    }
};

struct VerdictSpec
{
    const char *id;
    Severity severity;
    const char *title;
    const char *description;
    const char *method; // "spf", "dkim", "dmarc"
    const char *result; // "fail", "softfail"
};

// A trusted receiver's verdict `method=result`, from Authentication-Results and (for SPF)
// Received-SPF. Every one of them is clause 3.2: the receiver could not authenticate the
// sender identity the message claims (the envelope sender for SPF, the signing domain for
// DKIM, the visible From domain for DMARC), which is the mark of a forged sender address.
class VerdictCheck final : public Check
{
public:
    explicit VerdictCheck(const VerdictSpec &spec)
        : m_spec(spec)
    {}
    CheckInfo info() const override
    {
        return {QLatin1String(m_spec.id), m_spec.severity, QStringLiteral("3.2"),
                Tr::tr(m_spec.title), Tr::tr(m_spec.description)};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const QLatin1String method(m_spec.method);
        const QLatin1String result(m_spec.result);
        for (const ResultsField &f : resultsFields(context)) {
            if (!f.trust.trusted)
                continue;
            for (const AuthResult &r : f.results.resultsFor(method)) {
                if (r.result != result)
                    continue;
                sink.add(-1,
                         Tr::tr("%1 recorded %2=%3: \"%4\". A trusted receiver's verdict: %5 "
                                "Field: \"%6\"")
                             .arg(f.results.authservId.isEmpty() ? Tr::tr("A receiver")
                                                                 : f.results.authservId,
                                  method, result, r.text, f.trust.reason, fieldText(f.field)),
                         m_spec.severity, fieldLocation(f.field));
            }
        }
        if (method != QLatin1String("spf"))
            return;
        for (const SpfField &f : receivedSpfFields(context)) {
            if (f.trust.trusted && f.spf.result == result)
                sink.add(-1,
                         Tr::tr("Received-SPF says %1 for %2. %3 Field: "
                                "\"%4\"")
                             .arg(result,
                                  f.spf.value(QStringLiteral("envelope-from")).isEmpty()
                                      ? Tr::tr("the envelope sender")
                                      : f.spf.value(QStringLiteral("envelope-from")),
                                  f.trust.reason, fieldText(f.field)),
                         m_spec.severity, fieldLocation(f.field));
        }
    }

private:
    VerdictSpec m_spec;
};

// Low, clause 3.2: an ARC set is a chain of intermediaries' seals over their authentication
// results. A set that is structurally broken (gaps, duplicates, a seal that contradicts the
// chain) or that a trusted receiver found failing was forged or damaged on the way; either way
// the results it carries cannot be relied on. Low because mailing lists and forwarders break
// ARC sets without any fault of the sender.
class ArcInvalidCheck final : public Check
{
public:
    CheckInfo info() const override
    {
        return {QStringLiteral("auth.arc-invalid"), Severity::Low, QStringLiteral("3.2"),
                Tr::tr("ARC chain broken"),
                Tr::tr("The ARC sets are not a valid chain (RFC 8617: instances 1 to N, one seal, "
                       "signature and results each, cv=none only at 1, no cv=fail), or a trusted "
                       "receiver recorded arc=fail.")};
    }
    void run(const AnalysisContext &context, FindingSink &sink) const override
    {
        const QList<RawHeaderField> headers = context.message.rawHeaders();
        const ArcChain chain = parseArcChain(headers);
        if (chain.isPresent() && !chain.problems.isEmpty()) {
            // The latest seal speaks for the chain; without one, the first field found.
            ArcField first = chain.unnumbered.value(0);
            if (!chain.instances.isEmpty() && !chain.instances.last().seals.isEmpty())
                first = chain.instances.last().seals.first();
            else if (!chain.instances.isEmpty() && chain.unnumbered.isEmpty())
                first = chain.instances.last().messageSignatures.value(
                    0, chain.instances.last().authResults.value(0));
            SourceLocation location;
            if (first.headerIndex >= 0 && first.headerIndex < headers.size())
                location = fieldLocation(headers.at(first.headerIndex));
            sink.add(-1,
                     Tr::tr("The ARC sets (%1 instance(s)) are not a valid chain: %2. First field: "
                            "\"%3\"")
                         .arg(chain.instances.size())
                         .arg(chain.problems.join(QStringLiteral("; ")), first.text.left(600)),
                     Severity::Low, location);
        }
        for (const ResultsField &f : resultsFields(context)) {
            if (!f.trust.trusted)
                continue;
            for (const AuthResult &r : f.results.resultsFor(QStringLiteral("arc"))) {
                if (r.result == QLatin1String("fail"))
                    sink.add(-1,
                             Tr::tr("%1 recorded arc=fail: \"%2\". %3 Field: \"%4\"")
                                 .arg(f.results.authservId.isEmpty() ? Tr::tr("A receiver")
                                                                     : f.results.authservId,
                                      r.text, f.trust.reason, fieldText(f.field)),
                             Severity::Low, fieldLocation(f.field));
            }
        }
    }
};

} // namespace

void appendResultChecks(QList<const Check *> &list)
{
    static const UntrustedResultsCheck untrusted;
    // Medium: the domain owner's SPF record says this host may not send for the envelope
    // sender domain, so the envelope sender address is forged (or the sender's SPF is wrong).
    static const VerdictCheck spfFail(
        {"auth.spf-fail", Severity::Medium,
         QT_TRANSLATE_NOOP("Awb::AuthChecks", "SPF fail: sending host not permitted"),
         QT_TRANSLATE_NOOP("Awb::AuthChecks", "A trusted receiver recorded spf=fail: the envelope "
                                              "sender's domain does not permit the sending host."),
         "spf", "fail"});
    // Low: "~all" is the owner saying "probably not mine", weaker than a fail.
    static const VerdictCheck spfSoftfail(
        {"auth.spf-softfail", Severity::Low,
         QT_TRANSLATE_NOOP("Awb::AuthChecks", "SPF softfail: sending host probably not permitted"),
         QT_TRANSLATE_NOOP("Awb::AuthChecks", "A trusted receiver recorded spf=softfail: the "
                                              "envelope sender's domain does not vouch for the "
                                              "sending host."),
         "spf", "softfail"});
    // Medium: a signature in a domain's name did not verify: forged, or altered on the way.
    static const VerdictCheck dkimFail(
        {"auth.dkim-fail", Severity::Medium,
         QT_TRANSLATE_NOOP("Awb::AuthChecks", "DKIM signature failed at the receiver"),
         QT_TRANSLATE_NOOP("Awb::AuthChecks", "A trusted receiver recorded dkim=fail: a signature "
                                              "in a domain's name did not verify."),
         "dkim", "fail"});
    // High: DMARC is the From domain's owner saying which mail is theirs; a fail means the
    // visible sender address was not authenticated by any aligned method: the address the
    // recipient reads is the one most likely forged, the core of "forging sender addresses".
    static const VerdictCheck dmarcFail(
        {"auth.dmarc-fail", Severity::High,
         QT_TRANSLATE_NOOP("Awb::AuthChecks", "DMARC fail: the From address is not authenticated"),
         QT_TRANSLATE_NOOP("Awb::AuthChecks", "A trusted receiver recorded dmarc=fail: neither "
                                              "SPF nor DKIM authenticated the From domain in "
                                              "alignment."),
         "dmarc", "fail"});
    static const ArcInvalidCheck arcInvalid;
    list << &untrusted << &spfFail << &spfSoftfail << &dkimFail << &dmarcFail << &arcInvalid;
}

} // namespace Awb::AuthChecks
