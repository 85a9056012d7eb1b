#pragma once

#include <QWidget>

namespace Awb {

// One authentication verdict as a badge: "DKIM pass", with its identity in smaller words after
// it. The word is always drawn, so the badge reads in black-and-white print; the fill and border
// repeat it in colour (chosen by the palette's lightness), and the border style repeats it once
// more: solid for pass, thick for fail, dashed for the uncertain results, dotted for none.
class VerdictBadge : public QWidget
{
    Q_OBJECT
public:
    enum class Verdict { Pass, Fail, Uncertain, None };

    VerdictBadge(const QString &method, const QString &result, const QString &identity,
                 QWidget *parent = nullptr);

    QString method() const { return m_method; }
    QString result() const { return m_result; }
    QString identity() const { return m_identity; }
    Verdict verdict() const { return m_verdict; }
    // "DKIM pass lakeside.example.org": what the badge shows, as one line.
    QString text() const;

    // pass; fail, permerror; softfail, neutral, temperror, policy; anything else is None.
    static Verdict verdictFor(const QString &result);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QFont methodFont() const;

    QString m_method;
    QString m_result;
    QString m_identity;
    Verdict m_verdict;
};

} // namespace Awb
