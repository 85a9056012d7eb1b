#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <limits>

namespace Awb {

// Reads the fields of one JSON object of the advice or the liability statement, keeping the
// first field that is missing (when required) or of the wrong type, as "WHERE: "key" REASON.".
// A missing optional field leaves its target as it was; null counts as missing.
class JsonFieldReader
{
    Q_DECLARE_TR_FUNCTIONS(Awb::JsonFieldReader)

public:
    JsonFieldReader(const QJsonObject &object, QString where)
        : m_object(object)
        , m_where(std::move(where))
    {}

    void text(const char *key, QString &target, bool required = false)
    {
        const QJsonValue v = value(key, required);
        if (v.isString())
            target = v.toString();
        else if (!v.isUndefined())
            fail(key, tr("is not a string"));
    }
    void integer(const char *key, int &target, bool required = false)
    {
        qint64 wide = target;
        integer64(key, wide, required);
        if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
            fail(key, tr("is out of range"));
        else
            target = int(wide);
    }
    // Exact for any qint64: Qt keeps JSON integers as 64-bit integers, not doubles.
    void integer64(const char *key, qint64 &target, bool required = false)
    {
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return;
        const qint64 a = v.toInteger(0);
        const qint64 b = v.toInteger(1);
        if (!v.isDouble() || a != b)
            return fail(key, tr("is not a whole number"));
        target = a;
    }
    void boolean(const char *key, bool &target, bool required = false)
    {
        const QJsonValue v = value(key, required);
        if (v.isBool())
            target = v.toBool();
        else if (!v.isUndefined())
            fail(key, tr("is not true or false"));
    }
    void strings(const char *key, QStringList &target, bool required = false)
    {
        const QJsonValue v = value(key, required);
        if (v.isUndefined())
            return;
        if (!v.isArray())
            return fail(key, tr("is not an array"));
        QStringList items;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                return fail(key, tr("holds something other than strings"));
            items << item.toString();
        }
        target = items;
    }
    // An array (of objects, for the caller to read); an empty array when missing or wrong.
    QJsonArray array(const char *key, bool required = false)
    {
        const QJsonValue v = value(key, required);
        if (!v.isUndefined() && !v.isArray())
            fail(key, tr("is not an array"));
        return v.toArray();
    }
    QJsonValue value(const char *key, bool required)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if ((v.isUndefined() || v.isNull()) && required)
            fail(key, tr("is missing"));
        return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
    }
    void fail(const char *key, const QString &why)
    {
        if (m_error.isEmpty())
            m_error = tr("%1: \"%2\" %3.").arg(m_where, QLatin1String(key), why);
    }
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_where;
    QString m_error;
};

} // namespace Awb
