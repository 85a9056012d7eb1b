#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QUdpSocket;

// A tiny authoritative DNS responder for the DNSBL tests, so that they never ask the internet.
// It answers A and TXT queries from a table, NXDOMAIN for names not in it, NOERROR without
// answers for a known name of another type, and nothing at all for names under a "silent"
// zone (the timeout case).
//
// It listens on UDP port 53 of a loopback address, because QDnsLookup in Qt 6.4 always sends to
// port 53; binding that port needs root (or CAP_NET_BIND_SERVICE). start() tries a few
// 127.x.y.z addresses that a local resolver (systemd-resolved on 127.0.0.53, dnsmasq on
// 127.0.0.1) is unlikely to hold, and says why when none can be bound.
class LoopbackDnsServer : public QObject
{
public:
    explicit LoopbackDnsServer(QObject *parent = nullptr);

    void addA(const QString &name, const QString &address);
    void addTxt(const QString &name, const QString &text);
    void addSilentZone(const QString &zone);

    // Binds; on failure returns false with the reason in errorString().
    bool start();
    QHostAddress address() const { return m_address; }
    QString errorString() const { return m_error; }

    // Every question received, as "name TYPE" ("2.0.0.127.zen.test A").
    QStringList queries() const { return m_queries; }

private:
    void readPending();
    QByteArray answer(const QByteArray &query);

    QUdpSocket *m_socket = nullptr;
    QHostAddress m_address;
    QString m_error;
    QHash<QString, QList<QByteArray>> m_a;   // lower-case name -> 4-byte rdata
    QHash<QString, QList<QByteArray>> m_txt; // lower-case name -> TXT rdata
    QStringList m_silentZones;
    QStringList m_queries;
};
