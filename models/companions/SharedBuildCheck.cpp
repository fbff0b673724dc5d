#include "companions/SharedBuildCheck.h"

#include <QDir>
#include <QHash>
#include <QTemporaryDir>

namespace vs {

namespace {

// Where each recipe of a branch can be read by nix: the working tree for the
// checked-out branch, else its blobs written once into a folder of their own.
class RecipeFiles {
public:
    QString pathOf(const RepositoryScan &scan, const QString &branchName, const QString &recipePath, QString *error)
    {
        const BranchScan *branch = scan.branch(branchName);
        const RecipeFile *recipe = branch ? branch->recipe(recipePath) : nullptr;
        if (!recipe) {
            *error = QStringLiteral("%1 is not on branch %2").arg(recipePath, branchName);
            return {};
        }
        if (recipe->symlink || recipe->binary || recipe->tooLarge || recipe->unreadable) {
            *error = QStringLiteral("%1 is not read (a link, binary, too large or not a regular file)").arg(recipePath);
            return {};
        }
        if (branch->current)
            return QDir(scan.root).filePath(recipePath);
        const QString key = scan.root + QLatin1Char('\n') + branchName;
        if (!m_folders.contains(key)) {
            QList<QPair<QString, QByteArray>> texts;
            for (const RecipeFile &r : branch->recipes)
                if (r.state != RecipeFile::State::Deleted && !r.symlink && !r.binary && !r.tooLarge && !r.unreadable)
                    texts << qMakePair(r.path, r.text.toUtf8());
            QString why;
            const QString folder = m_dir.filePath(QString::number(m_folders.size()));
            DeepCheck::writeRecipes(folder, texts, &why);
            m_folders.insert(key, why.isEmpty() ? folder : QString());
            m_errors.insert(key, why);
        }
        const QString folder = m_folders.value(key);
        if (folder.isEmpty()) {
            *error = m_errors.value(key);
            return {};
        }
        QString relative = recipePath;
        relative.remove(0, QStringLiteral(".flox/pkgs/").size());
        return QDir(folder).filePath(relative);
    }

private:
    QTemporaryDir m_dir;
    QHash<QString, QString> m_folders;
    QHash<QString, QString> m_errors;
};

} // namespace

QString SharedBuild::summary() const
{
    if (!shared)
        return QStringLiteral("not evaluated: %1").arg(error);
    if (*shared)
        return QStringLiteral("shares its PyTorch build");
    QStringList whats;
    for (const BuildDifference &d : differences)
        whats << d.what;
    return QStringLiteral("builds its own PyTorch: differs in %1").arg(whats.join(QLatin1String(", ")));
}

SharedBuild SharedBuildCheck::compare(const DeepCheck::Outcome &companion, const DeepCheck::Outcome &pytorch)
{
    SharedBuild result;
    for (const auto &[o, side] : { std::pair { &companion, "the companion recipe" }, std::pair { &pytorch, "the PyTorch recipe" } }) {
        if (!o->evaluated) {
            result.error = QStringLiteral("%1 could not be evaluated: %2").arg(QLatin1String(side), o->error);
            return result;
        }
        if (!o->raw.value(QLatin1String("known")).toBool()) {
            result.error = QStringLiteral("%1 builds no PyTorch the stand-in nixpkgs knows").arg(QLatin1String(side));
            return result;
        }
    }
    if (!companion.raw.value(QLatin1String("companion")).toBool()) {
        result.error = QStringLiteral("the companion recipe gives its package no torch of its own");
        return result;
    }
    result.differences = TorchFactsCompare::compare(
        companion.raw.value(QLatin1String("torch")).toObject(), pytorch.raw.value(QLatin1String("torch")).toObject());
    result.shared = result.differences.isEmpty();
    return result;
}

QList<SharedBuild> SharedBuildCheck::check(
    const RepositoryScan &pytorch, const RepositoryScan &companion, const QList<CompanionEntry> &entries, const DeepCheckOptions &options)
{
    QList<SharedBuild> results(entries.size());
    RecipeFiles files;
    QStringList toEvaluate;
    QList<QPair<QString, QString>> pairs(entries.size()); // (companion file, pytorch file) per entry
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const CompanionEntry &e = entries.at(i);
        if (e.pytorchRecipe.isEmpty()) {
            results[i].error = QStringLiteral("no PyTorch recipe %1 on %2")
                                   .arg(e.pytorchVariant, e.pytorchBranch.isEmpty() ? QStringLiteral("a paired branch") : e.pytorchBranch);
            continue;
        }
        QString error;
        const QString c = files.pathOf(companion, e.branch, e.file, &error);
        const QString p = c.isEmpty() ? QString() : files.pathOf(pytorch, e.pytorchBranch, e.pytorchRecipe, &error);
        if (c.isEmpty() || p.isEmpty()) {
            results[i].error = error;
            continue;
        }
        pairs[i] = { c, p };
        toEvaluate << c << p;
    }
    toEvaluate.removeDuplicates();
    DeepCheckOptions torchOptions = options;
    torchOptions.mode = QStringLiteral("torch");
    const QList<DeepCheck::Outcome> outcomes = DeepCheck::evaluate(toEvaluate, torchOptions);
    QHash<QString, DeepCheck::Outcome> byFile;
    for (qsizetype i = 0; i < toEvaluate.size(); ++i)
        byFile.insert(toEvaluate.at(i), outcomes.at(i));
    for (qsizetype i = 0; i < entries.size(); ++i)
        if (!pairs.at(i).first.isEmpty())
            results[i] = compare(byFile.value(pairs.at(i).first), byFile.value(pairs.at(i).second));
    return results;
}

} // namespace vs
