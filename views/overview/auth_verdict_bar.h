#pragma once

#include "analysis/auth/authentication_results.h"

#include <QList>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QHBoxLayout;
class QLabel;
QT_END_NAMESPACE

namespace Awb {

class MailMessage;
class VerdictBadge;

// The SPF, DKIM, DMARC and ARC verdicts of the topmost Authentication-Results field as badges,
// with the authserv-id that stamped them and whether that stamp is believed. Results are only
// as good as whoever wrote them: RFC 8601 section 7.1 has a reader believe a stamp only from a
// receiver it trusts, which is why the authserv-id is always shown beside the badges. A method
// the field does not mention gets a "not stated" badge, so an absent DMARC is not overlooked.
class AuthVerdictBar : public QWidget
{
    Q_OBJECT
public:
    explicit AuthVerdictBar(QWidget *parent = nullptr);

    void setMessage(const MailMessage &message);
    void clear();
    // TrustSettings::trustedAuthservIds. With an empty list the bar does not judge the stamp
    // and says that the authentication findings do; otherwise it says whether it is listed.
    void setTrustedAuthservIds(const QStringList &ids);

    QList<VerdictBadge *> badges() const { return m_badges; }
    bool hasResults() const { return m_hasField; }
    QString authservId() const { return m_results.authservId; }
    // The sentence under the badges: who stamped them and whether that is believed.
    QString note() const;

private:
    void rebuild();
    QString trustSentence() const;

    QHBoxLayout *m_row;
    QLabel *m_note;
    QList<VerdictBadge *> m_badges;
    AuthenticationResults m_results;
    bool m_hasField = false;
    int m_fieldCount = 0;
    QStringList m_trusted;
};

} // namespace Awb
