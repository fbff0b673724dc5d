#include "repository/NewRepository.h"

#include "repository/Git.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace vs {

namespace {
// init, add and the first commit of a handful of files: a minute means git is stuck.
constexpr int kGitTimeoutMs = 60000;

QString tr(const char *text)
{
    return QCoreApplication::translate("NewRepository", text);
}

bool writeFile(const QString &root, const QString &relative, const QByteArray &content, QString *error)
{
    const QString path = QDir(root).filePath(relative);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = tr("Cannot create the folder of %1").arg(path);
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size() || !f.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool runGit(const NewRepository::Options &o, const QString &root, const QStringList &args, QString *error)
{
    QStringList full;
    if (!o.authorName.isEmpty())
        full << QStringLiteral("-c") << QStringLiteral("user.name=%1").arg(o.authorName);
    if (!o.authorEmail.isEmpty())
        full << QStringLiteral("-c") << QStringLiteral("user.email=%1").arg(o.authorEmail);
    full << QStringLiteral("-c") << QStringLiteral("commit.gpgsign=false") << args;
    Git git(root, o.gitProgram);
    git.setTimeout(kGitTimeoutMs);
    const GitResult result = git.run(full, Git::Access::Write);
    if (!result.started()) {
        *error = tr("Cannot start %1: %2").arg(o.gitProgram, result.message);
        return false;
    }
    if (!result.ok()) {
        *error = tr("'git %1' failed in %2: %3").arg(args.join(QLatin1Char(' ')), root, result.errorText());
        return false;
    }
    return true;
}
} // namespace

QString NewRepository::checkFolder(const QString &folder)
{
    const QFileInfo info(folder);
    if (folder.isEmpty())
        return tr("No folder chosen.");
    if (info.exists() && !info.isDir())
        return tr("%1 is a file, not a folder.").arg(folder);
    if (info.exists() && !QDir(folder).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return tr("%1 is not empty. Choose an empty folder for a new build repository.").arg(folder);
    return {};
}

QByteArray NewRepository::manifestText()
{
    return QByteArrayLiteral("# Flox manifest of this build repository.\n"
                             "# Recipes live in .flox/pkgs/ and are built with `flox build <name>`.\n"
                             "version = 1\n"
                             "\n"
                             "[install]\n"
                             "\n"
                             "[vars]\n"
                             "\n"
                             "[hook]\n"
                             "\n"
                             "[options]\n"
                             "systems = [\"x86_64-linux\", \"aarch64-linux\", \"aarch64-darwin\"]\n");
}

QByteArray NewRepository::readmeText(const QString &name)
{
    return QStringLiteral("# %1\n\n"
                          "Architecture-specific builds of PyTorch, TorchVision and TorchAudio.\n\n"
                          "Each file in `.flox/pkgs/` is one variant, named\n"
                          "`{package}-python{3XY}-{cpu|cuda{M}_{m}-sm{NN}|darwin}-{isa}.nix`;\n"
                          "build one with `flox build <name>`. One PyTorch/CUDA release line per branch.\n\n"
                          "Created with Variant Studio.\n")
        .arg(name)
        .toUtf8();
}

NewRepository::Result NewRepository::create(const QString &folder, const Options &options)
{
    Result r;
    r.error = checkFolder(folder);
    if (!r.ok())
        return r;
    if (!QDir().mkpath(folder)) {
        r.error = tr("Cannot create the folder %1").arg(folder);
        return r;
    }
    r.root = QFileInfo(folder).absoluteFilePath();
    const QString name = options.name.isEmpty() ? QFileInfo(r.root).fileName() : options.name;
    if (!runGit(options, r.root, { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") }, &r.error))
        return r;
    const QList<QPair<QString, QByteArray>> files {
        { QStringLiteral(".flox/env.json"), QStringLiteral("{\n  \"name\": \"%1\",\n  \"version\": 1\n}\n").arg(name).toUtf8() },
        { QStringLiteral(".flox/env/manifest.toml"), manifestText() },
        { QStringLiteral(".flox/pkgs/.gitkeep"), QByteArray() },
        { QStringLiteral("README.md"), readmeText(name) },
    };
    for (const auto &[path, content] : files) {
        if (!writeFile(r.root, path, content, &r.error))
            return r;
        r.files.append(path);
    }
    QStringList add { QStringLiteral("add"), QStringLiteral("--") };
    add += r.files;
    if (!runGit(options, r.root, add, &r.error))
        return r;
    runGit(options, r.root,
        { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("New build repository") }, &r.error);
    return r;
}

} // namespace vs
