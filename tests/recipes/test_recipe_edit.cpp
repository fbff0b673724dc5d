// Branch-wide maintenance, one recipe at a time: each named edit against reference
// outputs in tests/recipes/edit (cases listed in inputs.txt; each reference is the
// unified diff of the edit, or the refusal; VS_UPDATE_REFERENCES=1 rewrites them:
// review before committing), and the bytes an edit does not target stay as they were.
#include "recipes/RecipeEdit.h"
#include "repository/BranchEdit.h"

#include <QtTest>

using namespace vs;

namespace {
const QString kTests = QStringLiteral(VS_TESTS_DIR);

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString outcomeName(RecipeEdit::Result::Outcome o)
{
    switch (o) {
    case RecipeEdit::Result::Outcome::Changed:
        return QStringLiteral("changed");
    case RecipeEdit::Result::Outcome::Unchanged:
        return QStringLiteral("unchanged");
    case RecipeEdit::Result::Outcome::NotRecognised:
        break;
    }
    return QStringLiteral("not recognised");
}

RecipeEdit::Result run(const QString &text, const QStringList &op)
{
    if (op.value(0) == QLatin1String("set-pin"))
        return RecipeEdit::setNixpkgsPin(text, op.value(1), op.value(2));
    if (op.value(0) == QLatin1String("set"))
        return RecipeEdit::setBinding(text, op.value(1), op.mid(2).join(QLatin1Char(' ')));
    return RecipeEdit::replace(text, QRegularExpression(op.value(1)), op.value(2));
}

// Every line of `before` that is not in `changed` (1-based) is in `after`, in order.
bool othersKept(const QString &before, const QString &after, const QList<int> &changed)
{
    const QStringList a = before.split(QLatin1Char('\n')), b = after.split(QLatin1Char('\n'));
    qsizetype j = 0;
    for (int i = 0; i < a.size(); ++i) {
        if (changed.contains(i + 1))
            continue;
        while (j < b.size() && b[j] != a[i])
            ++j;
        if (j++ >= b.size())
            return false;
    }
    return true;
}
} // namespace

class TestRecipeEdit : public QObject {
    Q_OBJECT
private slots:
    void referenceCases_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("operation");
        for (const QString &line : readText(kTests + "/recipes/edit/inputs.txt").split(QLatin1Char('\n'))) {
            if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList words = line.split(QLatin1Char(' '));
            QTest::newRow(qPrintable(words[0])) << words[1] << words.mid(2);
        }
    }
    void referenceCases()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, operation);
        const QString before = readText(kTests + QLatin1Char('/') + input);
        QVERIFY2(!before.isEmpty(), qPrintable(input));
        const RecipeEdit::Result r = run(before, operation);
        const QString name = QString::fromLatin1(QTest::currentDataTag());
        const QString reference = kTests + "/recipes/edit/" + name + (r.changed() ? ".diff" : ".txt");
        const QString actual
            = r.changed() ? BranchEdit::unifiedDiff(input, before, r.text) : outcomeName(r.outcome) + ": " + r.reason + "\n";
        if (qEnvironmentVariableIsSet("VS_UPDATE_REFERENCES")) {
            QFile::remove(kTests + "/recipes/edit/" + name + ".diff");
            QFile::remove(kTests + "/recipes/edit/" + name + ".txt");
            QFile f(reference);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(actual.toUtf8());
        }
        QCOMPARE(actual, readText(reference));
        if (r.changed()) {
            QVERIFY(!r.lines.isEmpty());
            QVERIFY2(othersKept(before, r.text, r.lines), "an edit changed lines it does not report");
            // Applying the same edit again changes nothing.
            QCOMPARE(run(r.text, operation).outcome, RecipeEdit::Result::Outcome::Unchanged);
        } else {
            QCOMPARE(r.text, before);
        }
    }

    void pinIsValidated()
    {
        const QString text = readText(kTests + "/recipes/reference/pytorch-python313-cpu-avx.nix");
        QCOMPARE(RecipeEdit::setNixpkgsPin(text, "main").outcome, RecipeEdit::Result::Outcome::NotRecognised);
        QCOMPARE(RecipeEdit::setNixpkgsPin(text, "6A030D535719C5190187C4CEC156F335E95E3211").outcome,
            RecipeEdit::Result::Outcome::NotRecognised);
    }

    void bindingNamesAndValuesAreValidated()
    {
        const QString text = readText(kTests + "/recipes/reference/pytorch-python313-cpu-avx.nix");
        QCOMPARE(RecipeEdit::setBinding(text, "a b", "1").outcome, RecipeEdit::Result::Outcome::NotRecognised);
        QCOMPARE(RecipeEdit::setBinding(text, "x", "1;\ny = 2").outcome, RecipeEdit::Result::Outcome::NotRecognised);
        QCOMPARE(RecipeEdit::replace(text, QRegularExpression("("), "x").outcome, RecipeEdit::Result::Outcome::NotRecognised);
    }

    void expressionEndSkipsNesting()
    {
        const QString code = QStringLiteral(R"(x = [ "a;" ''b;''' c;'' { d = 1; } (e; ) ]; rest)");
        QCOMPARE(RecipeEdit::expressionEnd(code, 4), code.indexOf(QLatin1String("]; rest")) + 1);
        QCOMPARE(RecipeEdit::expressionEnd(QStringLiteral("{ a = 1 }"), 6), -1);
    }
};

QTEST_GUILESS_MAIN(TestRecipeEdit)
#include "test_recipe_edit.moc"
