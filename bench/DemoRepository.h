#pragma once

#include <QString>
#include <QStringList>

namespace vs::bench {

// Builds a realistic build repository with the real git: release-line branches
// holding generated recipes (RecipeGenerator) plus the defects real repositories
// have (a pname with a glued version, an armv8.2 file name, sm110 asked of CUDA 12.8).
// Used by the start-up benchmark and the screenshot tool.
struct DemoRepository {
    QString root;
    QStringList branches;
    int recipes = 0; // over all branches
    QString error;
    bool ok() const { return error.isEmpty(); }

    // branchCount release lines of up to recipesPerBranch recipes each, "main" checked out.
    static DemoRepository create(const QString &root, int branchCount, int recipesPerBranch);
    // Runs the real git in root (a demo identity); false and *error on failure.
    static bool git(const QString &root, const QStringList &args, QString *error);
};

// A TorchVision repository next to a demo PyTorch repository, for the workspace
// screenshot: companions of the Python 3.13 CPU and sm80…sm90 recipes of "main"
// (CompanionGenerator: one shared PyTorch build), a few with another nixpkgs pin
// (their own PyTorch build), a few whose PyTorch recipe is then removed ("needs
// PyTorch"); the PyTorch history (historyDirectory) says some partners are built,
// one published.
struct DemoCompanion {
    QString root;
    QString error;
    bool ok() const { return error.isEmpty(); }
    static DemoCompanion create(const QString &root, const QString &pytorchRoot, const QString &historyDirectory);
};

} // namespace vs::bench
