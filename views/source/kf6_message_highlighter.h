#pragma once

#include "message_highlighter.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

namespace Awb {

// KF6 SyntaxHighlighting's "Email" definition behind SourceHighlighting. Only built when CMake
// found KF6SyntaxHighlighting (AWB_HAVE_KF6_SYNTAX); Debian 12 never has it (KF6 needs Qt 6.6).
class Kf6MessageHighlighter : public KSyntaxHighlighting::SyntaxHighlighter,
                              public SourceHighlighting
{
    Q_OBJECT
public:
    explicit Kf6MessageHighlighter(const QPalette &palette, QObject *parent = nullptr);

    // Whether the repository has the "Email" definition (KF6 installed with its data).
    static bool isAvailable();

    void applyPalette(const QPalette &palette) override;
    QSyntaxHighlighter *highlighter() override { return this; }
    QString engineName() const override;
};

} // namespace Awb
