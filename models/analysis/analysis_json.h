#pragma once

#include <QJsonObject>
#include <QString>

namespace Awb {

class MailMessage;
struct CheckInfo;
struct MessageAnalysis;

// Where an analysed message came from, for the JSON object's first fields.
struct MessageOrigin
{
    QString file;
    int index = -1; // position in an mbox; -1 writes null
    QByteArray sha256Hex;
};

// The JSON Lines object of DESIGN.md ("Command line"): the message's identity, "hops",
// "origin", "claimed_client_ips" and "findings". Fields are only ever added, never renamed.
QJsonObject analysisToJson(const MessageOrigin &where, const MailMessage &message,
                           const MessageAnalysis &analysis);

QJsonObject checkInfoToJson(const CheckInfo &info);

} // namespace Awb
