#include "loopback_dns_server.h"

#include <QNetworkDatagram>
#include <QUdpSocket>
#include <QtEndian>

namespace {

constexpr quint16 TypeA = 1;
constexpr quint16 TypeTxt = 16;
constexpr quint16 ClassIn = 1;
constexpr int HeaderSize = 12;

void appendU16(QByteArray &bytes, quint16 value)
{
    bytes.append(char(value >> 8));
    bytes.append(char(value & 0xff));
}

void appendU32(QByteArray &bytes, quint32 value)
{
    appendU16(bytes, quint16(value >> 16));
    appendU16(bytes, quint16(value & 0xffff));
}

quint16 readU16(const QByteArray &bytes, int at)
{
    return quint16((quint8(bytes[at]) << 8) | quint8(bytes[at + 1]));
}

} // namespace

LoopbackDnsServer::LoopbackDnsServer(QObject *parent)
    : QObject(parent)
{}

void LoopbackDnsServer::addA(const QString &name, const QString &address)
{
    QByteArray rdata;
    appendU32(rdata, QHostAddress(address).toIPv4Address());
    m_a[name.toLower()] << rdata;
}

void LoopbackDnsServer::addTxt(const QString &name, const QString &text)
{
    // One character-string holds at most 255 bytes; longer texts are split into several.
    const QByteArray utf8 = text.toUtf8();
    QByteArray rdata;
    for (int at = 0; at < utf8.size() || at == 0; at += 255) {
        const QByteArray part = utf8.mid(at, 255);
        rdata.append(char(part.size()));
        rdata.append(part);
    }
    m_txt[name.toLower()] << rdata;
}

void LoopbackDnsServer::addSilentZone(const QString &zone)
{
    m_silentZones << zone.toLower();
}

bool LoopbackDnsServer::start()
{
    const char *candidates[] = {"127.0.1.53", "127.53.0.1", "127.53.1.1", "127.99.53.53"};
    QStringList failures;
    for (const char *candidate : candidates) {
        auto *socket = new QUdpSocket(this);
        const QHostAddress address(QString::fromLatin1(candidate));
        if (socket->bind(address, 53)) {
            m_socket = socket;
            m_address = address;
            connect(m_socket, &QUdpSocket::readyRead, this, &LoopbackDnsServer::readPending);
            return true;
        }
        failures << QStringLiteral("%1:53: %2").arg(address.toString(), socket->errorString());
        delete socket;
    }
    m_error = QStringLiteral("cannot bind a loopback DNS server on UDP port 53 (QDnsLookup in Qt "
                             "6.4 only uses port 53, so the test needs root or "
                             "CAP_NET_BIND_SERVICE): ") +
              failures.join(QStringLiteral("; "));
    return false;
}

void LoopbackDnsServer::readPending()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram();
        const QByteArray reply = answer(datagram.data());
        // Not makeReply(): it sends with the received destination as IP_PKTINFO source, which
        // Linux turns into 127.0.0.1, and glibc drops replies from an address it did not ask.
        if (!reply.isEmpty())
            m_socket->writeDatagram(reply, datagram.senderAddress(),
                                    quint16(datagram.senderPort()));
    }
}

// Builds the reply to one query; empty for no reply (silent zones, garbage).
QByteArray LoopbackDnsServer::answer(const QByteArray &query)
{
    if (query.size() < HeaderSize + 5 || readU16(query, 4) != 1)
        return {};
    QStringList labels;
    int at = HeaderSize;
    while (at < query.size() && query[at] != 0) {
        const int length = quint8(query[at]);
        if (length > 63 || at + 1 + length >= query.size())
            return {};
        labels << QString::fromLatin1(query.mid(at + 1, length)).toLower();
        at += 1 + length;
    }
    if (at + 5 > query.size())
        return {};
    const QByteArray question = query.mid(HeaderSize, at + 5 - HeaderSize);
    const quint16 type = readU16(query, at + 1);
    const QString name = labels.join(QLatin1Char('.'));
    m_queries << name + (type == TypeA     ? QStringLiteral(" A")
                         : type == TypeTxt ? QStringLiteral(" TXT")
                                           : QStringLiteral(" %1").arg(type));

    for (const QString &zone : std::as_const(m_silentZones)) {
        if (name == zone || name.endsWith(QLatin1Char('.') + zone))
            return {};
    }

    const bool known = m_a.contains(name) || m_txt.contains(name);
    const QList<QByteArray> rdatas = type == TypeA     ? m_a.value(name)
                                     : type == TypeTxt ? m_txt.value(name)
                                                       : QList<QByteArray>{};
    QByteArray reply = query.left(2); // the id
    // QR, opcode 0, AA, RD copied from the query; RA; rcode NXDOMAIN (3) or NOERROR.
    const quint8 rd = quint8(query[2]) & 0x01;
    reply.append(char(0x84 | rd));
    reply.append(char(known ? 0x80 : 0x83));
    appendU16(reply, 1);
    appendU16(reply, quint16(rdatas.size()));
    appendU16(reply, 0);
    appendU16(reply, 0);
    reply.append(question);
    for (const QByteArray &rdata : rdatas) {
        appendU16(reply, 0xc000 | HeaderSize); // pointer to the question's name
        appendU16(reply, type);
        appendU16(reply, ClassIn);
        appendU32(reply, 60);
        appendU16(reply, quint16(rdata.size()));
        reply.append(rdata);
    }
    return reply;
}
