#pragma once

// Private to the notices room: pieces shared by the two halves of the Redactor.

#include "notices/redaction.h"

#include <QRegularExpression>

namespace Awb {

// Collects replacements, each (original, token) pair once.
class RedactionLog
{
public:
    explicit RedactionLog(QList<Redaction> *list)
        : m_list(list)
    {}
    void add(const QString &original, const QString &token, const QString &where)
    {
        for (const Redaction &r : *m_list) {
            if (r.original == original && r.token == token)
                return;
        }
        m_list->append({original, token, where});
    }

private:
    QList<Redaction> *m_list;
};

// An addr-spec as it appears in headers and text: dot-atom local-part, a host name.
const QRegularExpression &addressPattern();

} // namespace Awb
