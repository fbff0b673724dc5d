#include "recipes/RecipeGenerator.h"
#include "recipes/RecipeTemplate.h"

#include <QDir>
#include <QtTest>

using namespace vs;

// The small template engine under the generator: placeholders, sections,
// indentation of multi-line values, and located errors.
class TestRecipeTemplate : public QObject {
    Q_OBJECT
private slots:
    void fillsPlaceholders()
    {
        const RecipeTemplate t = RecipeTemplate::fromText("pname = \"@PNAME@\"; rev = @REV@;\n", "t.nix.in");
        QString error;
        QCOMPARE(t.fill({ { "PNAME", "x" }, { "REV", "1" }, { "UNUSED", "y" } }, &error), QStringLiteral("pname = \"x\"; rev = 1;\n"));
        QVERIFY(error.isEmpty());
        QCOMPARE(t.placeholders(), QStringList({ "PNAME", "REV" }));
    }

    void multiLineValuesKeepIndentation()
    {
        const RecipeTemplate t = RecipeTemplate::fromText("  cpuFlags = [\n    @FLAGS@\n  ];", "t");
        QString error;
        QCOMPARE(t.fill({ { "FLAGS", "\"-a\"\n\n\"-b\"" } }, &error), QStringLiteral("  cpuFlags = [\n    \"-a\"\n\n    \"-b\"\n  ];"));
    }

    void sectionsNeedAValue()
    {
        const RecipeTemplate t = RecipeTemplate::fromText("a\n@IF X@\nx = @X@;\n  @IF Y@\ny\n  @ENDIF Y@\n@ENDIF X@\nb\n", "t");
        QString error;
        QCOMPARE(t.fill({ { "X", "1" }, { "Y", "" } }, &error), QStringLiteral("a\nx = 1;\nb\n"));
        QCOMPARE(t.fill({ { "X", "1" }, { "Y", "1" } }, &error), QStringLiteral("a\nx = 1;\ny\nb\n"));
        QCOMPARE(t.fill({ { "X", "" }, { "Y", "1" } }, &error), QStringLiteral("a\nb\n"));
        QVERIFY(error.isEmpty());
    }

    void missingValueIsLocated()
    {
        const RecipeTemplate t = RecipeTemplate::fromText("a\nb = @B@;\n", "x.nix.in");
        QString error;
        QVERIFY(t.fill({}, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("x.nix.in:2: no value for placeholder @B@"));
    }

    void unbalancedSectionsAreErrors()
    {
        QString error;
        RecipeTemplate::fromText("@IF A@\nx\n", "t").fill({ { "A", "1" } }, &error);
        QVERIFY2(error.contains("never closed"), qPrintable(error));
        error.clear();
        RecipeTemplate::fromText("@IF A@\n@ENDIF B@\n", "t").fill({ { "A", "1" }, { "B", "1" } }, &error);
        QVERIFY2(error.startsWith("t:2: @ENDIF B@"), qPrintable(error));
    }

    void missingTemplateIsAnError()
    {
        const RecipeTemplate t = RecipeTemplate::load("no-such.nix.in");
        QVERIFY(!t.isValid());
        QVERIFY2(t.error().contains(":/templates/no-such.nix.in"), qPrintable(t.error()));
    }

    // Every embedded template is used by the generator and every placeholder
    // it names is one the generator fills (for some variant kind).
    void embeddedTemplatesAreComplete()
    {
        const QStringList names = QDir(":/templates").entryList({ "*.nix.in" });
        QCOMPARE(names.size(), 6);
        for (const QString &name : names) {
            const RecipeTemplate t = RecipeTemplate::load(name);
            QVERIFY2(t.isValid(), qPrintable(t.error()));
            QVERIFY(t.placeholders().contains("PNAME"));
            QVERIFY(t.placeholders().contains("NIXPKGS_REV"));
            QVERIFY(t.placeholders().contains("DESCRIPTION"));
        }
    }
};

QTEST_GUILESS_MAIN(TestRecipeTemplate)
#include "test_recipe_generator_template.moc"
