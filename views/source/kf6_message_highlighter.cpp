#include "kf6_message_highlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QPalette>

namespace Awb {

namespace {

// Loading a Repository reads every definition's metadata, so there is one per process. It must
// outlive the highlighters: a Definition is only valid while its Repository exists.
Q_GLOBAL_STATIC(KSyntaxHighlighting::Repository, s_repository)

const QString &emailDefinitionName()
{
    static const QString name = QStringLiteral("Email");
    return name;
}

// As KSyntaxHighlighting's codeeditor example: the dark theme on a dark text background.
KSyntaxHighlighting::Theme themeFor(const QPalette &palette)
{
    return s_repository->defaultTheme(palette.color(QPalette::Base).lightness() < 128
                                          ? KSyntaxHighlighting::Repository::DarkTheme
                                          : KSyntaxHighlighting::Repository::LightTheme);
}

} // namespace

Kf6MessageHighlighter::Kf6MessageHighlighter(const QPalette &palette, QObject *parent)
    : KSyntaxHighlighting::SyntaxHighlighter(parent)
{
    setDefinition(s_repository->definitionForName(emailDefinitionName()));
    setTheme(themeFor(palette));
}

bool Kf6MessageHighlighter::isAvailable()
{
    return s_repository->definitionForName(emailDefinitionName()).isValid();
}

void Kf6MessageHighlighter::applyPalette(const QPalette &palette)
{
    setTheme(themeFor(palette));
    rehighlight();
}

QString Kf6MessageHighlighter::engineName() const
{
    return QStringLiteral("KSyntaxHighlighting");
}

} // namespace Awb
