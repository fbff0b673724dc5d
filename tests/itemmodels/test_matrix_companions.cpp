// The grid's companion cells (MatrixModel with CompanionOverlays, under
// QAbstractItemModelTester): a TorchVision recipe whose PyTorch recipe is missing
// is "needs PyTorch"; otherwise its partner's status and the shared-build verdict
// overlay the cell and fill its tooltip.
#include "itemmodels/BuildStates.h"
#include "itemmodels/MatrixModel.h"
#include "support/MatrixRecipes.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace vs;
using vs::test::recipe;

namespace {
CompanionOverlay overlay(const QString &variant, const QString &pytorchRecipe, PartnerStatus status, std::optional<bool> shared)
{
    CompanionOverlay o;
    o.entry.branch = QStringLiteral("main");
    o.entry.variant = variant;
    o.entry.file = QStringLiteral(".flox/pkgs/%1.nix").arg(variant);
    o.entry.pytorchBranch = QStringLiteral("main");
    o.entry.pytorchVariant = CompanionMatch::partnerVariant(*VariantName::parse(variant));
    o.entry.pytorchRecipe = pytorchRecipe;
    o.entry.status = status;
    o.entry.lastBuild = QStringLiteral("none");
    if (shared) {
        SharedBuild s;
        s.shared = shared;
        if (!*shared)
            s.differences << BuildDifference { QStringLiteral("nixpkgs pin"), QStringLiteral("6a030d53"), QStringLiteral("0182a361") };
        o.shared = s;
    }
    return o;
}
} // namespace

class TestMatrixCompanions : public QObject {
    Q_OBJECT
private slots:
    void overlaysAndNeedsPytorch()
    {
        MatrixModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString orphan = QStringLiteral("torchvision-python313-cpu-avx2");
        const QString built = QStringLiteral("torchvision-python313-cpu-avx512");
        const QString plain = QStringLiteral("torchvision-python313-cpu-avx");
        m.setBranch(QStringLiteral("main"), { recipe(orphan + ".nix"), recipe(built + ".nix"), recipe(plain + ".nix") });
        QCOMPARE(m.package(), QStringLiteral("torchvision"));
        const QModelIndex o = m.indexOf(*VariantName::parse(orphan));
        const QModelIndex b = m.indexOf(*VariantName::parse(built));
        const QModelIndex p = m.indexOf(*VariantName::parse(plain));
        QCOMPARE(m.statusAt(o), CellStatus::Defined); // no analysis yet: nothing is known
        QVERIFY(!o.data(MatrixModel::PartnerStatusRole).isValid());

        CompanionOverlays overlays;
        overlays.insert(BuildStates::key(QStringLiteral("main"), orphan), overlay(orphan, {}, PartnerStatus::Missing, std::nullopt));
        overlays.insert(BuildStates::key(QStringLiteral("main"), built),
            overlay(built, QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx512.nix"), PartnerStatus::Built, false));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setCompanionOverlays(overlays);
        QVERIFY(!changed.isEmpty());

        QCOMPARE(m.statusAt(o), CellStatus::NeedsPytorch);
        QCOMPARE(o.data(MatrixModel::StatusTextRole).toString(), QStringLiteral("needs PyTorch"));
        QCOMPARE(o.data(MatrixModel::PartnerStatusRole).toInt(), int(CellStatus::NeedsPytorch));
        QVERIFY(!o.data(MatrixModel::SharedBuildRole).isValid());
        const QString orphanTip = o.data(Qt::ToolTipRole).toString();
        QVERIFY2(orphanTip.contains(QLatin1String("PyTorch pytorch-python313-cpu-avx2 on main: needs PyTorch")), qPrintable(orphanTip));

        QCOMPARE(m.statusAt(b), CellStatus::Defined);
        QCOMPARE(b.data(MatrixModel::PartnerStatusRole).toInt(), int(CellStatus::Built));
        QCOMPARE(b.data(MatrixModel::SharedBuildRole), QVariant(false));
        const QString builtTip = b.data(Qt::ToolTipRole).toString();
        QVERIFY2(builtTip.contains(QLatin1String("PyTorch pytorch-python313-cpu-avx512 on main: built")), qPrintable(builtTip));
        QVERIFY2(builtTip.contains(QLatin1String("builds its own PyTorch: differs in nixpkgs pin")), qPrintable(builtTip));
        QVERIFY2(builtTip.contains(QLatin1String("nixpkgs pin: 6a030d53 (PyTorch recipe: 0182a361)")), qPrintable(builtTip));

        // A cell the analysis does not know carries no overlay; a build state still wins over "needs PyTorch".
        QVERIFY(!p.data(MatrixModel::PartnerStatusRole).isValid());
        m.setBuildStates({ { MatrixModel::buildKey(QStringLiteral("main"), orphan), CellStatus::DependencyFailed } });
        QCOMPARE(m.statusAt(o), CellStatus::DependencyFailed);
        QCOMPARE(m.statusCounts().value(CellStatus::DependencyFailed), 1);

        // The workspace's packages come before the rest of the catalogue.
        m.setBranch(QStringLiteral("main"), { recipe(QStringLiteral("pytorch-python313-cpu-avx2.nix")) });
        m.setWorkspacePackages({ QStringLiteral("torchaudio") });
        QCOMPARE(m.packageChoices().mid(0, 2), (QStringList { QStringLiteral("pytorch"), QStringLiteral("torchaudio") }));
    }
};

QTEST_MAIN(TestMatrixCompanions)
#include "test_matrix_companions.moc"
