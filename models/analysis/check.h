#pragma once

#include "analysis/finding.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <any>
#include <map>

namespace Awb {

class MailMessage;
struct ChainAnalysis;
struct TrustSettings;

// What a check is, for `awb checks`, the findings panel and the case report.
struct CheckInfo
{
    QString id;          // stable; never changes once released
    Severity severity;   // the default severity of its findings
    QString clause;      // the policy clause its findings engage
    QString title;       // the finding's one-line title
    QString description; // one line on what it looks for
};

// Facts about one message that several checks need (the bulk verdict, the links, the readable
// body): computed by the first check that asks, then shared for the rest of the analysis. Keys
// are the addresses of statics in the code that computes the fact, so two facts never collide.
class AnalysisCache
{
public:
    template <typename T, typename Make> const T &get(const void *key, Make make)
    {
        auto it = m_values.find(key);
        if (it == m_values.end())
            it = m_values.emplace(key, std::make_any<T>(make())).first;
        return std::any_cast<const T &>(it->second);
    }

private:
    std::map<const void *, std::any> m_values;
};

// Everything a check may look at. Borrowed: valid for the duration of one run() call.
struct AnalysisContext
{
    const MailMessage &message;
    const ChainAnalysis &chain;
    const TrustSettings &trust;
    QDateTime referenceTime; // "now" for the message: when it was received (UTC)
    // Where each hop's Received field stands in the message, by hop index.
    QList<SourceLocation> hopLocations;
    // Shared facts for this one analysis (see AnalysisCache); never null during run().
    AnalysisCache *cache = nullptr;
};

// Collects one check's findings, filling in what CheckInfo already says and, for a finding
// about a hop, the location of that hop's Received field.
class FindingSink
{
public:
    FindingSink(const CheckInfo &info, QList<Finding> &out,
                const QList<SourceLocation> &hopLocations = {})
        : m_info(info)
        , m_out(out)
        , m_hopLocations(hopLocations)
    {}

    void add(int hop, const QString &evidence) { add(hop, evidence, m_info.severity); }
    void add(int hop, const QString &evidence, Severity severity)
    {
        const SourceLocation location =
            hop >= 0 && hop < m_hopLocations.size() ? m_hopLocations.at(hop) : SourceLocation{};
        add(hop, evidence, severity, location);
    }
    void add(int hop, const QString &evidence, Severity severity, const SourceLocation &location)
    {
        m_out.append(
            Finding{m_info.id, severity, m_info.clause, m_info.title, evidence, hop, location});
    }

private:
    const CheckInfo &m_info;
    QList<Finding> &m_out;
    // A copy: the sink may outlive a temporary list passed by a caller.
    const QList<SourceLocation> m_hopLocations;
};

// A check: stateless, so one instance serves every thread.
class Check
{
public:
    virtual ~Check() = default;
    virtual CheckInfo info() const = 0;
    virtual void run(const AnalysisContext &context, FindingSink &sink) const = 0;
};

} // namespace Awb
