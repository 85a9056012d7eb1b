#include "analysis/message_facts.h"

#include "mail/mail_message.h"

namespace Awb {

namespace {

// The keys of the facts in the AnalysisCache: the addresses of these objects.
const char readableBodyKey = 0;
const char bulkKey = 0;
const char linksKey = 0;

} // namespace

const QString &readableBodyOf(const AnalysisContext &context)
{
    return context.cache->get<QString>(&readableBodyKey,
                                       [&] { return readableBody(context.message); });
}

const BulkVerdict &bulkOf(const AnalysisContext &context)
{
    return context.cache->get<BulkVerdict>(&bulkKey, [&] { return detectBulk(context.message); });
}

const QList<MessageLink> &linksOf(const AnalysisContext &context)
{
    return context.cache->get<QList<MessageLink>>(&linksKey,
                                                  [&] { return extractLinks(context.message); });
}

} // namespace Awb
