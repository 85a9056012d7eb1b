#include "pipeline/import_pipeline.h"

#include "mail/mail_message.h"
#include "mail/message_sources.h"
#include "mail/sha256.h"
#include "network/ip_address.h"
#include "pipeline/bounded_queue.h"
#include "reports/report_analysis.h"
#include "reports/report_json.h"
#include "store/account_repository.h"
#include "store/case_store.h"

#include <QJsonDocument>
#include <QThread>
#include <QtAlgorithms>

#include <map>
#include <thread>
#include <vector>

namespace Awb {

namespace {

// A message (or an unreadable input) as it leaves the reader, numbered so that the writer can
// restore input order after the parsers have worked on it out of order.
struct RawItem
{
    quint64 seq = 0;
    RawMessage message;
    std::optional<SourceError> error;
};

struct ParsedItem
{
    quint64 seq = 0;
    std::optional<EvidenceInput> evidence;
    std::optional<RejectionRecord> rejection;
};

RejectionRecord toRejection(const SourceError &error)
{
    return RejectionRecord{error.path, error.index, error.reason};
}

QString topSeverity(const QList<Finding> &findings)
{
    std::optional<Severity> top;
    for (const Finding &f : findings) {
        if (!top || f.severity > *top)
            top = f.severity;
    }
    return top ? severityName(*top) : QString();
}

// What the store keeps of the analysis: the columns the queue sorts and filters by, and the
// whole `awb analyze --json` object.
ReportRecord recordOf(const ReportAnalysis &a, const TrustSettings &trust, const QByteArray &json)
{
    ReportRecord r;
    r.format = reportFormatKey(a.report.format);
    r.formatVersion = a.report.formatVersion;
    r.reporter = a.report.reporter;
    r.feedbackType = a.report.feedbackType;
    r.claimedSourceIp = a.report.sourceIp;
    r.claimedArrival = a.report.arrivalDate;
    const MessageAnalysis &shown = a.original ? *a.original : a.message;
    r.originIp = shown.chain.origin.ip;
    r.originOurs = shown.chain.origin.ours;
    if (!a.original && a.report.format != ReportFormat::Message && !a.report.sourceIp.isEmpty()) {
        // A report without the message (a blacklist listing): the address it is about is the
        // one the reporter names, not the notice's own sender.
        r.originIp = a.report.sourceIp;
        const auto ip = IpAddress::parse(a.report.sourceIp);
        r.originOurs = ip && trust.ours.contains(*ip);
    }
    r.receivedAt = a.receipt.at;
    r.receiptSource = receiptSourceKey(a.receipt.source);
    r.receiptExplanation = a.receipt.explanation;
    r.responseDue = a.responseDeadline;
    const ReportCompleteness &c = a.completeness;
    r.completenessMask = (c.fullHeaders ? 1 : 0) | (c.completeMessage ? 2 : 0) |
                         (c.receiptTimestamp ? 4 : 0) | (c.description ? 8 : 0);
    r.completenessSummary = c.summary();
    const QList<Finding> findings = shown.findings + a.reportFindings;
    r.findingCount = int(findings.size());
    r.topSeverity = topSeverity(findings);
    r.analysisJson = json;
    return r;
}

ParsedItem parseItem(RawItem &&raw, const TrustSettings &trust, const QDateTime &importTime)
{
    ParsedItem out;
    out.seq = raw.seq;
    if (raw.error) {
        out.rejection = toRejection(*raw.error);
        return out;
    }
    RawMessage &message = raw.message;
    auto parsed = MailMessage::parse(message.bytes);
    if (!parsed) {
        out.rejection = RejectionRecord{message.path, message.index, parsed.error()};
        return out;
    }
    EvidenceInput input;
    input.sha256Hex = sha256Hex(message.bytes);
    const ReportAnalysis analysis = analyzeReport(*parsed, trust, importTime);
    const QJsonObject json =
        reportAnalysisToJson({message.path, message.index, input.sha256Hex}, *parsed, analysis);
    input.report = recordOf(analysis, trust, QJsonDocument(json).toJson(QJsonDocument::Compact));
    input.sourcePath = message.path;
    input.sourceIndex = message.index;
    input.envelopeFrom = message.envelopeFrom;
    input.messageId = parsed->messageId();
    input.subject = parsed->subject();
    input.from = parsed->from();
    input.dateText = parsed->dateText();
    input.date = parsed->date();
    input.bytes = std::move(message.bytes);
    out.evidence = std::move(input);
    return out;
}

qint64 weightOf(const RawItem &item)
{
    return item.message.bytes.size() + 256;
}
qint64 weightOf(const ParsedItem &item)
{
    return (item.evidence ? item.evidence->bytes.size() : 0) + 256;
}

// Collects parsed items in input order and commits them in batches. Lives on the calling thread.
class BatchWriter
{
public:
    BatchWriter(CaseStore &store, qint64 runId, const ImportPipeline::Options &options)
        : m_evidence(store)
        , m_runs(store)
        , m_runId(runId)
        , m_options(options)
    {}

    // Takes one item in any order; commits whenever a full batch is ready in order.
    Status add(ParsedItem &&item)
    {
        m_pending.emplace(item.seq, std::move(item));
        while (!m_pending.empty() && m_pending.begin()->first == m_nextSeq) {
            ParsedItem next = std::move(m_pending.begin()->second);
            m_pending.erase(m_pending.begin());
            ++m_nextSeq;
            if (next.evidence) {
                m_batchBytes += next.evidence->bytes.size();
                m_batch.append(std::move(*next.evidence));
            } else if (next.rejection) {
                m_rejections.append(std::move(*next.rejection));
            }
            if (m_batch.size() >= m_options.batchSize || m_batchBytes >= m_options.batchBytes) {
                if (Status s = flush(); !s)
                    return s;
            }
        }
        return {};
    }

    Status flush()
    {
        if (!m_batch.isEmpty()) {
            auto outcomes = m_evidence.insertBatch(m_batch, m_runId);
            if (!outcomes)
                return Error{outcomes.error()};
            QList<MessageSummary> added;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (qsizetype i = 0; i < m_batch.size(); ++i) {
                const EvidenceInsertOutcome &outcome = outcomes->at(i);
                if (outcome.duplicate) {
                    ++m_summary.duplicates;
                    continue;
                }
                ++m_summary.imported;
                added.append(summaryOf(m_batch.at(i), outcome.evidenceId, now));
            }
            m_batch.clear();
            m_batchBytes = 0;
            if (m_committed && !added.isEmpty())
                m_committed(added);
        }
        if (!m_rejections.isEmpty()) {
            if (Status s = m_runs.addRejections(m_runId, m_rejections); !s)
                return s;
            m_summary.rejected += m_rejections;
            m_rejections.clear();
        }
        return {};
    }

    void setCommittedCallback(const ImportPipeline::CommittedCallback &callback)
    {
        m_committed = callback;
    }
    ImportSummary &summary() { return m_summary; }

private:
    static MessageSummary summaryOf(const EvidenceInput &input, qint64 id, const QDateTime &now)
    {
        MessageSummary s;
        s.id = id;
        s.sha256Hex = input.sha256Hex;
        s.size = input.bytes.size();
        s.messageId = input.messageId;
        s.subject = input.subject;
        s.from = input.from;
        s.dateText = input.dateText;
        s.date = input.date;
        s.sourcePath = input.sourcePath;
        s.sourceIndex = input.sourceIndex;
        s.importedAt = now;
        if (const auto &r = input.report) {
            s.reportFormat = r->format;
            s.reporter = r->reporter;
            s.receivedAt = r->receivedAt;
            s.responseDue = r->responseDue;
            s.completenessCount = qPopulationCount(quint32(r->completenessMask));
            s.completenessSummary = r->completenessSummary;
            s.originIp = r->originIp;
            s.originOurs = r->originOurs;
            s.findingCount = r->findingCount;
            s.topSeverity = r->topSeverity;
        }
        return s;
    }

    EvidenceRepository m_evidence;
    ImportRunRepository m_runs;
    qint64 m_runId;
    ImportPipeline::Options m_options;
    ImportPipeline::CommittedCallback m_committed;
    std::map<quint64, ParsedItem> m_pending;
    quint64 m_nextSeq = 0;
    QList<EvidenceInput> m_batch;
    qint64 m_batchBytes = 0;
    QList<RejectionRecord> m_rejections;
    ImportSummary m_summary;
};

} // namespace

ImportPipeline::ImportPipeline() = default;

ImportPipeline::ImportPipeline(Options options)
    : m_options(options)
{}

TrustSettings ImportPipeline::withAccountNetworks(TrustSettings trust, CaseStore &store)
{
    if (auto ours = AccountRepository(store).ourNetworks()) {
        for (const IpNetwork &network : ours->networks())
            trust.ours.add(network);
    }
    return trust;
}

void ImportPipeline::setProgressCallback(ProgressCallback callback)
{
    m_progress = std::move(callback);
}

void ImportPipeline::setCommittedCallback(CommittedCallback callback)
{
    m_committed = std::move(callback);
}

Result<ImportSummary> ImportPipeline::run(CaseStore &store, const QStringList &paths,
                                          const std::atomic_bool *cancel)
{
    ImportRunRepository runs(store);
    auto runId = runs.start(paths);
    if (!runId)
        return Error{runId.error()};

    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    const int parserCount = m_options.parserThreads > 0 ? m_options.parserThreads
                                                        : qMax(1, QThread::idealThreadCount());

    const QDateTime importTime = QDateTime::currentDateTimeUtc();
    const TrustSettings trust = withAccountNetworks(m_options.trust, store);
    BoundedQueue<RawItem> rawQueue(m_options.queueBytes);
    BoundedQueue<ParsedItem> parsedQueue(m_options.queueBytes);
    std::atomic<qint64> bytesRead{0};
    std::atomic<qint64> totalBytes{0};

    std::thread reader([&] {
        quint64 seq = 0;
        const SourcePlan plan = planSources(paths);
        totalBytes = plan.totalBytes;
        for (const SourceError &error : plan.errors)
            rawQueue.push(RawItem{seq++, {}, error}, 256);
        qint64 finishedBytes = 0;
        for (const SourceFile &file : plan.files) {
            if (cancelled())
                break;
            const bool complete = readSource(
                file,
                [&](RawMessage &&message) {
                    bytesRead += message.bytes.size();
                    const qint64 weight = message.bytes.size() + 256;
                    return rawQueue.push(RawItem{seq++, std::move(message), {}}, weight) &&
                           !cancelled();
                },
                [&](SourceError &&error) {
                    rawQueue.push(RawItem{seq++, {}, error}, 256);
                },
                cancel);
            if (!complete)
                break; // cancelled, or the writer failed and closed the queue
            finishedBytes += file.size;
            bytesRead = finishedBytes;
        }
        rawQueue.close();
    });

    std::atomic<int> parsersLeft{parserCount};
    std::vector<std::thread> parsers;
    for (int i = 0; i < parserCount; ++i) {
        parsers.emplace_back([&] {
            while (auto raw = rawQueue.pop()) {
                ParsedItem parsed = parseItem(std::move(*raw), trust, importTime);
                const qint64 weight = weightOf(parsed);
                parsedQueue.push(std::move(parsed), weight);
            }
            if (--parsersLeft == 0)
                parsedQueue.close();
        });
    }

    BatchWriter writer(store, *runId, m_options);
    writer.setCommittedCallback(m_committed);
    Status status;
    int sinceProgress = 0;
    const auto reportProgress = [&] {
        if (!m_progress)
            return;
        const ImportSummary &s = writer.summary();
        m_progress(ImportProgress{bytesRead.load(), totalBytes.load(), s.imported, s.duplicates,
                                  int(s.rejected.size())});
    };
    while (auto item = parsedQueue.pop()) {
        const int before = writer.summary().imported + writer.summary().duplicates;
        status = writer.add(std::move(*item));
        // On failure or cancel, stop the other stages at once; what was parsed and is in order
        // is still committed below (a cancel keeps the work done, a failure keeps the batches
        // committed before it).
        if (!status || cancelled()) {
            rawQueue.abort();
            parsedQueue.abort();
            break;
        }
        // Progress after every commit, and every 256 items between commits so that a slow
        // stage (a 50 MB attachment) still shows movement.
        const bool committed = writer.summary().imported + writer.summary().duplicates != before;
        if (committed || ++sinceProgress >= 256) {
            sinceProgress = 0;
            reportProgress();
        }
    }
    reader.join();
    for (std::thread &parser : parsers)
        parser.join();

    if (status)
        status = writer.flush();
    ImportSummary summary = writer.summary();
    summary.runId = *runId;
    summary.cancelled = cancelled();
    // Finishing the run writes its audit entry: an import the audit log does not record is a
    // failure to report, even though the messages themselves landed.
    const Status finished = runs.finish(*runId, summary.imported, summary.duplicates,
                                        int(summary.rejected.size()), summary.cancelled);
    if (status && !finished)
        status = finished;
    reportProgress();
    if (!status)
        return Error{status.error()};
    return summary;
}

} // namespace Awb
