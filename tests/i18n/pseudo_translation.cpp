#include "pseudo_translation.h"

#include <QFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace AwbTest {

QString pseudo(const QString &text)
{
    return QStringLiteral("⟦") + text + QStringLiteral("⟧");
}

QList<TsContext> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return {};
    }
    QList<TsContext> contexts;
    QXmlStreamReader xml(&file);
    QString *text = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"context") {
                contexts.append(TsContext());
            } else if (xml.name() == u"name" && !contexts.isEmpty()) {
                text = &contexts.last().name;
            } else if (xml.name() == u"message" && !contexts.isEmpty()) {
                TsMessage message;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
                contexts.last().messages.append(message);
            } else if (xml.name() == u"source" && !contexts.isEmpty()) {
                text = &contexts.last().messages.last().source;
            } else if (xml.name() == u"comment" && !contexts.isEmpty()) {
                text = &contexts.last().messages.last().comment;
            }
        } else if (xml.isCharacters() && text) {
            *text += xml.text();
        } else if (xml.isEndElement()) {
            text = nullptr;
        }
    }
    if (xml.hasError())
        *error =
            QStringLiteral("%1 line %2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return contexts;
}

bool writePseudoTs(const QList<TsContext> &contexts, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QXmlStreamWriter xml(&file);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE TS>"));
    xml.writeStartElement(QStringLiteral("TS"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("2.1"));
    xml.writeAttribute(QStringLiteral("language"), QStringLiteral("en"));
    for (const TsContext &context : contexts) {
        xml.writeStartElement(QStringLiteral("context"));
        xml.writeTextElement(QStringLiteral("name"), context.name);
        for (const TsMessage &message : context.messages) {
            xml.writeStartElement(QStringLiteral("message"));
            if (message.numerus)
                xml.writeAttribute(QStringLiteral("numerus"), QStringLiteral("yes"));
            xml.writeTextElement(QStringLiteral("source"), message.source);
            if (!message.comment.isEmpty())
                xml.writeTextElement(QStringLiteral("comment"), message.comment);
            xml.writeStartElement(QStringLiteral("translation"));
            if (message.numerus) {
                xml.writeTextElement(QStringLiteral("numerusform"), pseudo(message.source));
                xml.writeTextElement(QStringLiteral("numerusform"), pseudo(message.source));
            } else {
                xml.writeCharacters(pseudo(message.source));
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    return !xml.hasError() && file.flush();
}

} // namespace AwbTest
