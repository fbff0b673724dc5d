#include "builds/BuildHistory.h"
#include "companions/CompanionGenerator.h"
#include "companions/CompanionMatch.h"
#include "companions/CompanionRecipes.h"
#include "companions/SharedBuildCheck.h"
#include "repository/RealisticRecipe.h"
#include "repository/RepositoryScanner.h"
#include "support/CompanionRecipes.h"
#include "support/GitFixture.h"

#include <QtTest>

using namespace vs;
using namespace vs::test;

namespace {

const QString kPinA = QString::fromLatin1(kRealisticRev);
const QString kPinB = QStringLiteral("0182a361324364ae3f436a63005877674cf45efb");

QString pkg(const QString &variant)
{
    return QStringLiteral(".flox/pkgs/%1.nix").arg(variant);
}

QString pytorchText(const QString &variant, const QString &pin = kPinA)
{
    return realisticRecipe(Catalog::embedded(), variant, pin);
}

QByteArray companionOf(const QString &pytorchVariant, const QString &companionVariant, const QString &pin = kPinA)
{
    return pinnedCompanion(Catalog::embedded(), pytorchText(pytorchVariant, pin), companionVariant).toUtf8();
}

const CompanionEntry *entry(const CompanionReport &r, const QString &branch, const QString &variant)
{
    for (const CompanionEntry &e : r.entries)
        if (e.branch == branch && e.variant == variant)
            return &e;
    return nullptr;
}

QStringList whats(const SharedBuild &s)
{
    QStringList out;
    for (const BuildDifference &d : s.differences)
        out << d.what;
    return out;
}

} // namespace

// Branch pairing, partner recipes, gaps and the shared-build check on real git
// repositories in the shapes of the public PyTorch / TorchVision / TorchAudio
// repositories, evaluated with the real nix-instantiate.
class TestCompanions : public QObject {
    Q_OBJECT

    GitFixture m_pytorch, m_vision, m_audio;
    QTemporaryDir m_historyDir;
    RepositoryScan m_pytorchScan, m_visionScan, m_audioScan;
    CompanionReport m_report;
    QList<SharedBuild> m_shared;

    static bool commitOn(GitFixture &g, const QString &branch, const QList<QPair<QString, QByteArray>> &files, bool create)
    {
        if (create && !g.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), branch }))
            return false;
        for (const auto &[path, text] : files)
            if (!g.write(path, text))
                return false;
        return g.commitAll(QStringLiteral("recipes of ") + branch);
    }

private slots:
    void initTestCase()
    {
        const QString sm90 = QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512");
        const QString cpu2 = QStringLiteral("pytorch-python313-cpu-avx2");
        const QString cpu512 = QStringLiteral("pytorch-python313-cpu-avx512");
        // PyTorch: main pins A; pytorch-2.9-python313 pins B; pytorch-2.8-python311 has Python 3.11 only.
        QVERIFY(commitOn(m_pytorch, QStringLiteral("main"),
            { { pkg(sm90), pytorchText(sm90).toUtf8() }, { pkg(cpu2), pytorchText(cpu2).toUtf8() },
                { pkg(cpu512), pytorchText(cpu512).toUtf8() } },
            false));
        QVERIFY(commitOn(m_pytorch, QStringLiteral("pytorch-2.9-python313"), { { pkg(sm90), pytorchText(sm90, kPinB).toUtf8() } }, true));
        QVERIFY(m_pytorch.git({ QStringLiteral("rm"), QStringLiteral("-q"), pkg(cpu2), pkg(cpu512) }));
        QVERIFY(m_pytorch.commitAll(QStringLiteral("2.9 only sm90")));
        QVERIFY(commitOn(m_pytorch, QStringLiteral("pytorch-2.8-python311"),
            { { pkg(QStringLiteral("pytorch-python311-cpu-avx2")), pytorchText(QStringLiteral("pytorch-python311-cpu-avx2")).toUtf8() } },
            true));
        QVERIFY(m_pytorch.git({ QStringLiteral("rm"), QStringLiteral("-q"), pkg(sm90) }));
        QVERIFY(m_pytorch.commitAll(QStringLiteral("3.11 only")));
        QVERIFY(m_pytorch.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") }));

        // TorchVision main: sm90 shares (the PyTorch recipe's own override); cpu-avx2 applies
        // the same flags before $CXXFLAGS; cpu-avx512 embeds avx2 flags; sm86 has no partner.
        QString before = pytorchText(cpu2);
        before.replace(QStringLiteral("\"$CXXFLAGS ${nixpkgs_pinned.lib.concatStringsSep \" \" cpuFlags}\""),
            QStringLiteral("\"${nixpkgs_pinned.lib.concatStringsSep \" \" cpuFlags} $CXXFLAGS\""));
        QString avx2In512 = pytorchText(cpu2);
        avx2In512.replace(
            QLatin1String("pname = \"pytorch-python313-cpu-avx2\""), QLatin1String("pname = \"pytorch-python313-cpu-avx512\""));
        const QString tvSm86 = QStringLiteral("torchvision-python313-cuda12_9-sm86-avx512");
        QVERIFY(commitOn(m_vision, QStringLiteral("main"),
            { { pkg(QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512")),
                  companionOf(sm90, QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512")) },
                { pkg(QStringLiteral("torchvision-python313-cpu-avx2")),
                    pinnedCompanion(Catalog::embedded(), before, QStringLiteral("torchvision-python313-cpu-avx2")).toUtf8() },
                { pkg(QStringLiteral("torchvision-python313-cpu-avx512")),
                    pinnedCompanion(Catalog::embedded(), avx2In512, QStringLiteral("torchvision-python313-cpu-avx512")).toUtf8() },
                { pkg(tvSm86), companionOf(QStringLiteral("pytorch-python313-cuda12_9-sm86-avx512"), tvSm86) } },
            false));
        // TorchVision pytorch-2.9 (not checked out: read from blobs): main's sm90, pinning A; its partner pins B.
        QVERIFY(m_vision.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("pytorch-2.9") }));
        QVERIFY(m_vision.git({ QStringLiteral("rm"), QStringLiteral("-q"), pkg(QStringLiteral("torchvision-python313-cpu-avx2")),
            pkg(QStringLiteral("torchvision-python313-cpu-avx512")), pkg(tvSm86) }));
        QVERIFY(m_vision.commitAll(QStringLiteral("2.9 only sm90")));
        QVERIFY(m_vision.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") }));

        // TorchAudio main: the callPackage shape, no pin.
        QVERIFY(commitOn(m_audio, QStringLiteral("main"),
            { { pkg(QStringLiteral("torchaudio-python313-cpu-avx2")),
                callPackageCompanion(Catalog::embedded(), QStringLiteral("torchaudio-python313-cpu-avx2")).toUtf8() } },
            false));

        m_pytorchScan = RepositoryScanner::scan(m_pytorch.path());
        m_visionScan = RepositoryScanner::scan(m_vision.path());
        m_audioScan = RepositoryScanner::scan(m_audio.path());
        QVERIFY(m_pytorchScan.ok() && m_visionScan.ok() && m_audioScan.ok());

        // A real history: PyTorch main's cpu-avx2 was built.
        BuildHistory history(m_pytorchScan.root, m_historyDir.path());
        HistoryEntry built;
        built.runId = QStringLiteral("run-1");
        built.variant = cpu2;
        built.branch = QStringLiteral("main");
        built.started = QDateTime::currentDateTime();
        built.outcome = BuildState::Succeeded;
        QVERIFY2(history.upsert(built), qPrintable(history.lastError()));

        m_report = CompanionMatch::match(m_pytorchScan, m_visionScan, history.cells());
        DeepCheckOptions options;
        options.nixOptions = offlineNixOptions();
        m_shared = SharedBuildCheck::check(m_pytorchScan, m_visionScan, m_report.entries, options);
        QCOMPARE(m_shared.size(), m_report.entries.size());
    }

    void pairsByReleaseLineThenName()
    {
        QCOMPARE(m_report.pairs.size(), 2);
        const BranchPair *main = BranchPairing::find(m_report.pairs, QStringLiteral("main"));
        const BranchPair *line = BranchPairing::find(m_report.pairs, QStringLiteral("pytorch-2.9"));
        QVERIFY(main && line);
        // main fits main and pytorch-2.9-python313 (Python 3.13, no line in its name), main also by its pin and name.
        QCOMPARE(main->pytorchBranch, QStringLiteral("main"));
        QCOMPARE(line->pytorchBranch, QStringLiteral("pytorch-2.9-python313"));
        QVERIFY2(line->reason.contains(QLatin1String("PyTorch 2.9")), qPrintable(line->reason));
        // Nothing of Python 3.11 is paired with a 3.13 companion.
        for (const BranchPair &p : m_report.pairs)
            QVERIFY(p.pytorchBranch != QLatin1String("pytorch-2.8-python311"));
    }

    void sameNameWinsATie()
    {
        // Two PyTorch branches that fit equally (no pins, same Python): the same name wins, else the first is said to be a guess.
        BranchScan a, b, c;
        a.name = QStringLiteral("alpha");
        b.name = QStringLiteral("release");
        c.name = QStringLiteral("release");
        for (BranchScan *s : { &a, &b, &c })
            s->recipes << RecipeFile::at(QStringLiteral(".flox/pkgs/pytorch-python313-cpu-avx2.nix"));
        const QList<BranchPair> pairs = BranchPairing::pair({ a, b }, { c });
        QCOMPARE(pairs.first().pytorchBranch, QStringLiteral("release"));
        BranchScan d = c;
        d.name = QStringLiteral("other");
        const QList<BranchPair> guessed = BranchPairing::pair({ a, b }, { d });
        QCOMPARE(guessed.first().pytorchBranch, QStringLiteral("alpha"));
        QVERIFY2(guessed.first().reason.contains(QLatin1String("variant-studio.yaml")), qPrintable(guessed.first().reason));
        // A stated pairing wins over the traits.
        const QList<BranchPair> stated
            = BranchPairing::pair({ a, b }, { c }, { { QStringLiteral("release"), QStringLiteral("alpha"), {} } });
        QCOMPARE(stated.first().pytorchBranch, QStringLiteral("alpha"));
        QVERIFY(stated.first().stated);
    }

    void partnerRecipesAndStatus()
    {
        const CompanionEntry *built = entry(m_report, QStringLiteral("main"), QStringLiteral("torchvision-python313-cpu-avx2"));
        QVERIFY(built);
        QCOMPARE(built->pytorchVariant, QStringLiteral("pytorch-python313-cpu-avx2"));
        QCOMPARE(built->pytorchRecipe, pkg(QStringLiteral("pytorch-python313-cpu-avx2")));
        QCOMPARE(toString(built->status), QStringLiteral("built"));
        const CompanionEntry *defined
            = entry(m_report, QStringLiteral("main"), QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512"));
        QVERIFY(defined);
        QCOMPARE(toString(defined->status), QStringLiteral("defined"));
        const CompanionEntry *missing
            = entry(m_report, QStringLiteral("main"), QStringLiteral("torchvision-python313-cuda12_9-sm86-avx512"));
        QVERIFY(missing);
        QVERIFY(missing->pytorchRecipe.isEmpty());
        QCOMPARE(toString(missing->status), QStringLiteral("missing"));
        QCOMPARE(m_report.withoutPartnerRecipe(), 1);
    }

    void gapsBothWays()
    {
        const CompanionGap *main = nullptr;
        for (const CompanionGap &g : m_report.gaps)
            if (g.companionBranch == QLatin1String("main"))
                main = &g;
        QVERIFY(main);
        QCOMPARE(main->package, QStringLiteral("torchvision"));
        QCOMPARE(main->withoutPytorch, QStringList { QStringLiteral("torchvision-python313-cuda12_9-sm86-avx512") });
        QVERIFY(main->withoutCompanion.isEmpty()); // every PyTorch cell of main has its TorchVision
        for (const CompanionGap &g : m_report.gaps)
            QVERIFY(g.companionBranch != QLatin1String("pytorch-2.9")); // sm90 on both sides
    }

    void sharedBuild()
    {
        const qsizetype i = entry(m_report, QStringLiteral("main"), QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512"))
            - m_report.entries.data();
        QVERIFY2(m_shared.at(i).shared.has_value(), qPrintable(m_shared.at(i).error));
        QVERIFY2(*m_shared.at(i).shared, qPrintable(m_shared.at(i).summary()));
        QCOMPARE(m_shared.at(i).summary(), QStringLiteral("shares its PyTorch build"));
    }

    void differentPin()
    {
        const qsizetype i = entry(m_report, QStringLiteral("pytorch-2.9"), QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512"))
            - m_report.entries.data();
        const SharedBuild &s = m_shared.at(i);
        QVERIFY2(s.shared.has_value() && !*s.shared, qPrintable(s.summary()));
        QCOMPARE(whats(s), QStringList { QStringLiteral("nixpkgs pin") });
        QCOMPARE(s.differences.first().companion, kPinA);
        QCOMPARE(s.differences.first().pytorch, kPinB);
    }

    void differentFlags()
    {
        const qsizetype applied
            = entry(m_report, QStringLiteral("main"), QStringLiteral("torchvision-python313-cpu-avx2")) - m_report.entries.data();
        QVERIFY2(m_shared.at(applied).shared == std::optional<bool>(false), qPrintable(m_shared.at(applied).summary()));
        QCOMPARE(whats(m_shared.at(applied)), QStringList { QStringLiteral("how CPU flags are applied") });
        const qsizetype other
            = entry(m_report, QStringLiteral("main"), QStringLiteral("torchvision-python313-cpu-avx512")) - m_report.entries.data();
        const SharedBuild &s = m_shared.at(other);
        QVERIFY2(whats(s).contains(QStringLiteral("CPU flags")), qPrintable(s.summary()));
        for (const BuildDifference &d : s.differences)
            if (d.what == QLatin1String("CPU flags")) {
                QVERIFY2(d.companion.contains(QLatin1String("-mavx2")) && !d.companion.contains(QLatin1String("-mavx512f")),
                    qPrintable(d.companion));
                QVERIFY2(d.pytorch.contains(QLatin1String("-mavx512f")), qPrintable(d.pytorch));
            }
    }

    void missingPartnerIsNotEvaluated()
    {
        const qsizetype i = entry(m_report, QStringLiteral("main"), QStringLiteral("torchvision-python313-cuda12_9-sm86-avx512"))
            - m_report.entries.data();
        QVERIFY(!m_shared.at(i).shared.has_value());
        QVERIFY2(m_shared.at(i).error.contains(QLatin1String("no PyTorch recipe")), qPrintable(m_shared.at(i).error));
    }

    void callPackageRecipeEvaluated()
    {
        const CompanionReport audio = CompanionMatch::match(m_pytorchScan, m_audioScan, {});
        QCOMPARE(audio.entries.size(), 1);
        DeepCheckOptions options;
        options.nixOptions = offlineNixOptions();
        const QList<SharedBuild> shared = SharedBuildCheck::check(m_pytorchScan, m_audioScan, audio.entries, options);
        QVERIFY2(shared.first().shared == std::optional<bool>(false), qPrintable(shared.first().summary()));
        const QStringList w = whats(shared.first());
        QVERIFY2(w.contains(QStringLiteral("nixpkgs pin")) && w.contains(QStringLiteral("attribute pname")), qPrintable(w.join(", ")));
        QCOMPARE(shared.first().differences.first().companion, QStringLiteral("the caller's nixpkgs (no pin)"));
        // The deep check evaluates the same shape (it asks for fetchPypi) instead of "could not evaluate".
        const QList<DeepCheck::Outcome> deep
            = DeepCheck::evaluate({ m_audio.filePath(pkg(QStringLiteral("torchaudio-python313-cpu-avx2"))) }, options);
        QVERIFY2(deep.first().evaluated, qPrintable(deep.first().error));
        QCOMPARE(deep.first().pname, QStringLiteral("torchaudio-python313-cpu-avx2"));
    }

    void torchVisionBuildsForTheCudaSetNotTheGpuTargets()
    {
        // Issue 9: the companion only overrides torch's gpuTargets; nixpkgs' torchvision takes its
        // TORCH_CUDA_ARCH_LIST from torch.cudaCapabilities (the CUDA set's default list).
        const QString variant = QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512");
        DeepCheckOptions options;
        options.nixOptions = offlineNixOptions();
        const QList<DeepCheck::Outcome> deep = DeepCheck::evaluate({ m_vision.filePath(pkg(variant)) }, options);
        QVERIFY2(deep.first().evaluated, qPrintable(deep.first().error));
        QVERIFY2(deep.first().gpuTargets.size() > 1 && deep.first().gpuTargets.contains(QStringLiteral("9.0")),
            qPrintable(deep.first().gpuTargets.join(';')));
        const QList<LintProblem> problems
            = DeepCheck::compare(Catalog::embedded(), "main", pkg(variant), *VariantName::parse(variant), deep.first());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().rule, QStringLiteral("deep-gpu-targets"));
        QVERIFY2(problems.first().message.contains(QStringLiteral("config.cudaCapabilities = [ \"9.0\" ]"))
                && problems.first().message.contains(QStringLiteral("all %1 architectures").arg(deep.first().gpuTargets.size())),
            qPrintable(problems.first().message));
    }

    // What Generate writes on either side: decided from the scans, with reasons for what it refuses.
    void companionRecipesPlanBothWays()
    {
        const VariantName cpu2 = *VariantName::parse(QStringLiteral("pytorch-python313-cpu-avx2"));
        const VariantName sm86 = *VariantName::parse(QStringLiteral("pytorch-python313-cuda12_9-sm86-avx512"));
        RecipePlan plan
            = CompanionRecipes::companionsFor(m_pytorchScan, QStringLiteral("main"), { cpu2, sm86 }, { m_visionScan, m_audioScan });
        QCOMPARE(plan.recipes.size(), 2); // TorchVision and TorchAudio for cpu-avx2, each on its own repository's main
        QCOMPARE(plan.recipes.at(0).repository, m_visionScan.root);
        QCOMPARE(plan.recipes.at(0).branch, QStringLiteral("main"));
        QCOMPARE(plan.recipes.at(0).variant.toString(), QStringLiteral("torchvision-python313-cpu-avx2"));
        QVERIFY(plan.recipes.at(0).text.contains(m_pytorchScan.branch(QStringLiteral("main"))->recipe(pkg(cpu2.toString()))->text));
        QCOMPARE(plan.recipes.at(1).variant.toString(), QStringLiteral("torchaudio-python313-cpu-avx2"));
        QCOMPARE(plan.refused.size(), 2);
        QVERIFY2(plan.refused.at(0).contains(
                     QStringLiteral("pytorch-python313-cuda12_9-sm86-avx512 has no recipe on 'main': generate it first")),
            qPrintable(plan.refused.join('\n')));
        // PyTorch's 2.9 branch: TorchVision's paired branch pytorch-2.9 is not checked out.
        plan = CompanionRecipes::companionsFor(m_pytorchScan, QStringLiteral("pytorch-2.9-python313"), { cpu2 }, { m_visionScan });
        QVERIFY(plan.recipes.isEmpty());
        QVERIFY2(plan.refused.value(0).contains(
                     QStringLiteral("its branch 'pytorch-2.9' (paired with 'pytorch-2.9-python313') is not checked out")),
            qPrintable(plan.refused.join('\n')));

        // The reverse: sm86's PyTorch recipe from the template, with the companion's pin.
        plan = CompanionRecipes::pytorchFor(m_pytorchScan, m_visionScan, m_report.entries);
        QCOMPARE(plan.recipes.size(), 1);
        QCOMPARE(plan.recipes.first().variant, sm86);
        QCOMPARE(plan.recipes.first().repository, m_pytorchScan.root);
        QVERIFY(plan.recipes.first().text.contains(kPinA));
        QVERIFY2(plan.refused.filter(QStringLiteral("already has its PyTorch recipe")).size() == m_report.entries.size() - 1,
            qPrintable(plan.refused.join('\n')));
        // A companion that pins no nixpkgs has no pin to share.
        const CompanionReport audio = CompanionMatch::match(m_pytorchScan, m_audioScan, {});
        QList<CompanionEntry> unpinned = audio.entries;
        unpinned.first().pytorchRecipe.clear();
        plan = CompanionRecipes::pytorchFor(m_pytorchScan, m_audioScan, unpinned);
        QVERIFY(plan.recipes.isEmpty());
        QVERIFY2(plan.refused.value(0).contains(QStringLiteral("pins no nixpkgs")), qPrintable(plan.refused.join('\n')));
    }

    void generatedCompanionSharesItsPyTorch()
    {
        const QString pytorch = QStringLiteral("pytorch-python313-cuda12_9-sm90-avx512");
        const QString variant = QStringLiteral("torchvision-python313-cuda12_9-sm90-avx512");
        const RecipeFile *partner = m_pytorchScan.branch(QStringLiteral("main"))->recipe(pkg(pytorch));
        QVERIFY(partner);
        QString error;
        const QString text = CompanionGenerator::text(Catalog::embedded(), *partner, *VariantName::parse(variant), &error);
        QVERIFY2(!text.isEmpty(), qPrintable(error));
        QTemporaryDir dir;
        const QStringList files
            = DeepCheck::writeRecipes(dir.path(), { { pkg(variant), text.toUtf8() }, { pkg(pytorch), partner->text.toUtf8() } });
        QCOMPARE(files.size(), 2);
        DeepCheckOptions options;
        options.nixOptions = offlineNixOptions();
        options.mode = QStringLiteral("torch");
        const QList<DeepCheck::Outcome> torch = DeepCheck::evaluate(files, options);
        const SharedBuild shared = SharedBuildCheck::compare(torch.at(0), torch.at(1));
        QVERIFY2(shared.shared == std::optional<bool>(true), qPrintable(shared.summary()));
        // …and the deep check finds nothing wrong with it, its GPU architecture included.
        options.mode.clear();
        const QList<DeepCheck::Outcome> deep = DeepCheck::evaluate({ files.first() }, options);
        const QList<LintProblem> problems
            = DeepCheck::compare(Catalog::embedded(), "main", pkg(variant), *VariantName::parse(variant), deep.first());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().message));
        // A PyTorch recipe without a pin has no pin to share.
        RecipeFile unpinned = RecipeFile::fromText(pkg(pytorch), callPackageCompanion(Catalog::embedded(), variant));
        QVERIFY(CompanionGenerator::text(Catalog::embedded(), unpinned, *VariantName::parse(variant), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("pins no nixpkgs")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCompanions)
#include "test_companions.moc"
