// RecipePaths: which paths of a repository are recipes (both shapes) and their names.
#include "variants/RecipePaths.h"

#include <QtTest>

using namespace vs;

class TestRecipePaths : public QObject {
    Q_OBJECT
private slots:
    void isRecipePath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("recipe");
        QTest::addColumn<QString>("name");
        QTest::newRow("file") << ".flox/pkgs/pytorch-python313-cpu-avx2.nix" << true << "pytorch-python313-cpu-avx2";
        QTest::newRow("folder") << ".flox/pkgs/pytorch-python313-cpu-avx2/default.nix" << true << "pytorch-python313-cpu-avx2";
        QTest::newRow("shortest") << ".flox/pkgs/a.nix" << true << "a";
        QTest::newRow("only the suffix") << ".flox/pkgs/.nix" << false << "";
        QTest::newRow("folder, other file") << ".flox/pkgs/x/other.nix" << false << "";
        QTest::newRow("folder without name") << ".flox/pkgs//default.nix" << false << "";
        QTest::newRow("deeper") << ".flox/pkgs/x/y/default.nix" << false << "";
        QTest::newRow("not nix") << ".flox/pkgs/README.md" << false << "";
        QTest::newRow("the folder itself") << ".flox/pkgs" << false << "";
        QTest::newRow("folder and slash") << ".flox/pkgs/" << false << "";
        QTest::newRow("prefix glued") << ".flox/pkgsx.nix" << false << "";
        QTest::newRow("prefix glued 2") << ".flox/pkgs-old/a.nix" << false << "";
        QTest::newRow("elsewhere") << "pkgs/a.nix" << false << "";
        QTest::newRow("upper case suffix") << ".flox/pkgs/a.NIX" << false << "";
    }
    void isRecipePath()
    {
        QFETCH(QString, path);
        QFETCH(bool, recipe);
        QFETCH(QString, name);
        QCOMPARE(RecipePaths::isRecipePath(path), recipe);
        if (recipe)
            QCOMPARE(RecipePaths::packageNameOf(path), name);
    }
};

QTEST_GUILESS_MAIN(TestRecipePaths)
#include "test_recipe_paths.moc"
