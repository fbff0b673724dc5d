#include "MainWindow.h"
#include "Translations.h"

#include <QtTest>
#include <QtWidgets>

// The German translation: the real window speaks German when asked to (or when
// the system prefers it), English when told so, Qt's own buttons follow, and the
// .ts file leaves no message untranslated.
namespace {

const QString tsPath = QStringLiteral(VS_SOURCE_DIR "/translations/variant-studio_de.ts");

struct TsMessage {
    QString context;
    QString source;
    QStringList translations; // one, or one per numerus form
    QString type; // "unfinished", "vanished", "obsolete" or empty
    qint64 line = 0;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> messages;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + f.errorString();
        return messages;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage current;
    bool inTranslation = false; // its text may come as several character chunks
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name"))
                context = xml.readElementText();
            else if (name == QLatin1String("message"))
                current = TsMessage { context, {}, {}, {}, xml.lineNumber() };
            else if (name == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                inTranslation = true;
                current.translations << QString();
            } else if (name == QLatin1String("numerusform")) {
                if (inTranslation) // a plural message: one text per form instead
                    current.translations.clear();
                inTranslation = false;
                current.translations << xml.readElementText();
            }
        } else if (xml.isCharacters() && inTranslation) {
            current.translations.last() += xml.text();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("translation")) {
            inTranslation = false;
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (current.translations.isEmpty())
                current.translations << QString();
            messages << current;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// English source text -> German text, for messages whose translation differs.
QHash<QString, QString> changedByTranslation()
{
    QString error;
    QHash<QString, QString> map;
    for (const TsMessage &m : readTs(tsPath, &error))
        if (m.translations.size() == 1 && !m.translations.first().isEmpty() && m.translations.first() != m.source)
            map.insert(m.source, m.translations.first());
    return map;
}

// Every piece of text a user can read in the window: titles, menus, actions, labels, buttons.
QStringList visibleTexts(QWidget *window)
{
    QStringList texts { window->windowTitle() };
    for (QAction *a : window->findChildren<QAction *>())
        texts << a->text() << a->toolTip() << a->statusTip();
    for (QMenu *m : window->findChildren<QMenu *>())
        texts << m->title();
    for (QLabel *l : window->findChildren<QLabel *>())
        texts << l->text() << l->toolTip();
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
        texts << b->text() << b->toolTip();
    for (QGroupBox *g : window->findChildren<QGroupBox *>())
        texts << g->title();
    for (QDockWidget *d : window->findChildren<QDockWidget *>())
        texts << d->windowTitle();
    for (QTabBar *t : window->findChildren<QTabBar *>())
        for (int i = 0; i < t->count(); ++i)
            texts << t->tabText(i);
    for (QLineEdit *e : window->findChildren<QLineEdit *>())
        texts << e->placeholderText();
    texts.removeAll(QString());
    return texts;
}

QStringList menuTitles(QMainWindow &window)
{
    QStringList titles;
    for (QAction *a : window.menuBar()->actions())
        titles << a->text();
    return titles;
}

// Placeholders like %1 or %n, which a translation must keep.
QStringList placeholders(const QString &text)
{
    QStringList found;
    static const QRegularExpression re(QStringLiteral("%(\\d+|n|L\\d+)"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    return found;
}

bool hasMnemonic(const QString &text)
{
    return QString(text).remove(QStringLiteral("&&")).contains(QLatin1Char('&'));
}

} // namespace

class TestTranslation : public QObject {
    Q_OBJECT
private slots:
    void germanOverrideTranslatesTheWindow()
    {
        QCOMPARE(vs::installTranslations(*qApp, QStringLiteral("de")), QStringLiteral("de"));
        vs::MainWindow window;
        const QHash<QString, QString> german = changedByTranslation();
        QVERIFY(!german.isEmpty());
        const QStringList texts = visibleTexts(&window);
        int germanTexts = 0;
        for (const QString &text : texts) {
            QVERIFY2(!german.contains(text), qPrintable(QStringLiteral("shown in English: \"%1\"").arg(text)));
            if (std::find(german.cbegin(), german.cend(), text) != german.cend())
                ++germanTexts;
        }
        QVERIFY2(germanTexts > 0, qPrintable(texts.join(QLatin1String(" | "))));
        // The colour legend (views/Legend, objectName "legend") names each status in German.
        if (auto *legend = window.findChild<QWidget *>(QStringLiteral("legend"))) {
            QStringList legendTexts;
            for (QLabel *l : legend->findChildren<QLabel *>())
                if (!l->text().isEmpty())
                    legendTexts << l->text();
            QVERIFY2(!legendTexts.isEmpty(), "the legend shows no text");
            for (const QString &text : legendTexts)
                QVERIFY2(std::find(german.cbegin(), german.cend(), text) != german.cend() || !german.contains(text),
                    qPrintable(QStringLiteral("legend in English: \"%1\"").arg(text)));
            QVERIFY2(legendTexts.contains(QCoreApplication::translate("CellStatus", "defined"))
                    && legendTexts.contains(QStringLiteral("definiert")),
                qPrintable(legendTexts.join(QLatin1String(" | "))));
        }
        // The main menu's first entry, once the window has menus.
        const QStringList menus = menuTitles(window);
        if (!menus.isEmpty()) {
            QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1String(", "))));
            QVERIFY(!menus.contains(QStringLiteral("&File")));
        }
    }

    void qtStandardButtonsFollowTheLanguage()
    {
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
        QVERIFY2(QFileInfo::exists(qtbase),
            qPrintable(qtbase + QStringLiteral(" is missing: install the Debian package qt6-translations-l10n")));
        vs::installTranslations(*qApp, QStringLiteral("de"));
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    }

    void englishOverrideShowsTheSourceText()
    {
        vs::installTranslations(*qApp, QStringLiteral("de"));
        QCOMPARE(vs::installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en")); // switching back works
        vs::MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("Variant Studio"));
        const QHash<QString, QString> german = changedByTranslation();
        for (const QString &text : visibleTexts(&window))
            QVERIFY2(std::find(german.cbegin(), german.cend(), text) == german.cend(),
                qPrintable(QStringLiteral("shown in German: \"%1\"").arg(text)));
        const QStringList menus = menuTitles(window);
        if (!menus.isEmpty())
            QVERIFY2(menus.contains(QStringLiteral("&File")), qPrintable(menus.join(QLatin1String(", "))));
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
    }

    void systemLanguageIsUsedWithoutOverride()
    {
        // main() below makes the system prefer German, as LANGUAGE=de does on a desktop.
        QCOMPARE(vs::installTranslations(*qApp, QString()), QStringLiteral("de"));
        // Every message of the .ts file is now answered in German.
        QString error;
        int checked = 0;
        for (const TsMessage &m : readTs(tsPath, &error)) {
            if (m.translations.size() != 1)
                continue; // plural forms need a count
            const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8();
            QCOMPARE(QCoreApplication::translate(context.constData(), source.constData()), m.translations.first());
            ++checked;
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(checked > 0);
    }

    void tsFileIsCompletelyTranslated()
    {
        QString error;
        const QList<TsMessage> messages = readTs(tsPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 0);
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QString where = QStringLiteral("%1:%2 [%3] \"%4\"").arg(tsPath).arg(m.line).arg(m.context, m.source);
            if (!m.type.isEmpty())
                problems << where + QStringLiteral(": translation is ") + m.type;
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << where + QStringLiteral(": empty translation");
                else if (placeholders(t) != placeholders(m.source) && !m.source.contains(QStringLiteral("%n")))
                    problems << where + QStringLiteral(": placeholders differ in \"") + t + QLatin1Char('"');
                else if (hasMnemonic(m.source) && !hasMnemonic(t))
                    problems << where + QStringLiteral(": keyboard mnemonic (&) lost in \"") + t + QLatin1Char('"');
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { vs::installTranslations(*qApp, QStringLiteral("en")); }
};

int main(int argc, char **argv)
{
    // The system's preferred UI languages, read by QLocale::system() when the application starts.
    qputenv("LANGUAGE", "de_DE:de");
    QApplication app(argc, argv);
    TestTranslation test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_translation.moc"
