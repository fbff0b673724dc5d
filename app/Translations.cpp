#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace vs {

namespace {

// Marks our translators among the application's children, so a second call can find them.
const QString translatorName = QStringLiteral("vs-translator");
// Where qt_add_translations embeds the compiled .qm files (RESOURCE_PREFIX).
const QString appTranslationsDir = QStringLiteral(":/i18n");

void removeOurTranslators(QCoreApplication &app)
{
    const auto old = app.findChildren<QTranslator *>(translatorName, Qt::FindDirectChildrenOnly);
    for (QTranslator *t : old) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

// Loads `<baseName>_<language>.qm` from `dir` exactly (no fallback to a bare
// `<baseName>.qm`); returns the installed translator or nullptr.
QTranslator *installFile(QCoreApplication &app, const QString &baseName, const QString &language, const QString &dir)
{
    auto *t = new QTranslator(&app);
    t->setObjectName(translatorName);
    if (!t->load(baseName + QLatin1Char('_') + language, dir, QStringLiteral("_"))) {
        delete t;
        return nullptr;
    }
    QCoreApplication::installTranslator(t);
    return t;
}

// BCP 47 names ("de-AT") in the form of our file names ("de_AT").
QStringList preferredLanguages(const QString &languageOverride)
{
    const QStringList names = languageOverride.isEmpty() ? QLocale::system().uiLanguages() : QStringList { languageOverride };
    QStringList out;
    for (QString name : names)
        out << name.replace(QLatin1Char('-'), QLatin1Char('_'));
    return out;
}

bool isSourceLanguage(const QString &language)
{
    return language == QLatin1String("en") || language.startsWith(QLatin1String("en_")) || language == QLatin1String("C");
}

} // namespace

QString installTranslations(QCoreApplication &app, const QString &languageOverride)
{
    removeOurTranslators(app);
    if (!languageOverride.isEmpty())
        QLocale::setDefault(QLocale(languageOverride)); // numbers and dates follow the chosen language

    for (const QString &language : preferredLanguages(languageOverride)) {
        if (isSourceLanguage(language))
            break;
        // "de_AT" finds variant-studio_de.qm too: load() strips the region when needed.
        if (!installFile(app, QStringLiteral("variant-studio"), language, appTranslationsDir))
            continue;
        // Qt's own strings are optional (distributions ship them separately).
        installFile(app, QStringLiteral("qtbase"), language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        return QLocale(language).name().section(QLatin1Char('_'), 0, 0);
    }
    return QStringLiteral("en");
}

} // namespace vs
