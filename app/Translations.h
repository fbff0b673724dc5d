#pragma once

#include <QString>

class QCoreApplication;

namespace vs {

// Installs Variant Studio's translation and Qt's own (so standard dialogs and
// buttons match) for one language: `languageOverride` ("de", "en", ...) when set,
// otherwise the first of the system's preferred UI languages that has one.
// English is the source language, so reaching it in that list stops the search.
// Translators from an earlier call are removed first, so a language can be switched.
// Returns the language whose translation was installed, or "en" for the source text.
QString installTranslations(QCoreApplication &app, const QString &languageOverride);

} // namespace vs
