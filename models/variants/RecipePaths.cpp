#include "variants/RecipePaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace vs {

namespace {
bool within(const QString &path, const QString &folder)
{
    return !folder.isEmpty() && path.startsWith(folder + QLatin1Char('/'));
}
} // namespace

bool RecipePaths::isRecipePath(const QString &path)
{
    // Views only, no string made: this runs for every file of every branch of a scan.
    static const QString dir = pkgsDir();
    const QStringView p(path);
    if (p.size() <= dir.size() + 1 || !p.startsWith(dir) || p[dir.size()] != QLatin1Char('/') || !p.endsWith(QLatin1String(".nix")))
        return false;
    const QStringView rest = p.sliced(dir.size() + 1);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return rest.size() > 4;
    return slash > 0 && rest.sliced(slash + 1) == QLatin1String("default.nix");
}

QString RecipePaths::packageNameOf(const QString &path)
{
    const QString rest = path.mid(pkgsDir().size() + 1);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash > 0)
        return rest.left(slash);
    return rest.endsWith(QLatin1String(".nix")) ? rest.chopped(4) : rest;
}

QString RecipePaths::nameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("an empty name is not a recipe");
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return QStringLiteral("'%1' contains a path separator: a recipe is named, not given as a path").arg(printable(name));
    if (name.startsWith(QLatin1Char('-')))
        return QStringLiteral("'%1' begins with '-': not a recipe name").arg(printable(name));
    if (name.startsWith(QLatin1Char('.')))
        return QStringLiteral("'%1' begins with '.': not a recipe name").arg(printable(name));
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return QStringLiteral("'%1' contains a control character: not a recipe name").arg(printable(name));
    if (name.size() > 200)
        return QStringLiteral("a recipe name of %1 characters is too long").arg(name.size());
    return {};
}

QStringList RecipePaths::candidates(const QString &name)
{
    return { pkgsDir() + QLatin1Char('/') + name + QStringLiteral(".nix"),
        pkgsDir() + QLatin1Char('/') + name + QStringLiteral("/default.nix") };
}

RecipePaths::Found RecipePaths::find(const QString &root, const QString &name)
{
    Found f;
    if (const QString problem = nameProblem(name); !problem.isEmpty()) {
        f.error = problem;
        return f;
    }
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (canonicalRoot.isEmpty()) {
        f.error = QStringLiteral("%1: no such folder").arg(root);
        return f;
    }
    const QString pkgs = QDir(root).filePath(pkgsDir());
    const QFileInfo pkgsInfo(pkgs);
    const QString canonicalPkgs = pkgsInfo.canonicalFilePath();
    if (!pkgsInfo.isDir() || canonicalPkgs.isEmpty()) {
        f.error = QStringLiteral("%1 has no %2 folder").arg(root, pkgsDir());
        return f;
    }
    if (!within(canonicalPkgs, canonicalRoot)) {
        f.error = QStringLiteral("%1 leads outside the repository (to %2); not using it").arg(pkgs, canonicalPkgs);
        return f;
    }
    for (const QString &relative : candidates(name)) {
        const QString absolute = QDir(root).filePath(relative);
        const QFileInfo info(absolute);
        if (!info.exists() && !info.isSymLink())
            continue;
        f.relative = relative;
        f.absolute = absolute;
        f.isSymlink = info.isSymLink();
        f.resolved = info.canonicalFilePath();
        if (f.resolved.isEmpty())
            f.error = QStringLiteral("%1 is a symbolic link to %2, which does not exist").arg(relative, info.symLinkTarget());
        else if (!within(f.resolved, canonicalPkgs))
            f.error = QStringLiteral("%1 is a symbolic link that leads out of %2 (to %3); not building or reading it")
                          .arg(relative, pkgsDir(), f.resolved);
        else if (!QFileInfo(f.resolved).isFile())
            f.error = QStringLiteral("%1 is not a regular file").arg(relative);
        return f;
    }
    f.error = QStringLiteral("no recipe %1 (nor %2) in %3").arg(candidates(name).first(), candidates(name).last(), root);
    return f;
}

RecipePaths::WriteTarget RecipePaths::forWriting(const QString &root, const QString &relative)
{
    WriteTarget t;
    const QString clean = QDir::cleanPath(relative);
    if (!clean.startsWith(pkgsDir() + QLatin1Char('/')) || clean.contains(QLatin1String("/../")) || clean.endsWith(QLatin1String("/.."))) {
        t.error = QStringLiteral("'%1' is not a path inside %2").arg(printable(relative), pkgsDir());
        return t;
    }
    t.absolute = QDir(root).filePath(clean);
    // Every folder from the root down must be a real folder: lstat, never follow.
    const QStringList parts = clean.split(QLatin1Char('/'));
    QString path = root;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        path += QLatin1Char('/') + parts.at(i);
        struct stat st { };
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            break; // from here on nothing exists yet: mkpath makes real folders
        const bool last = i == parts.size() - 1;
        if (S_ISLNK(st.st_mode)) {
            if (!last) {
                t.error = QStringLiteral("%1 is a symbolic link (to %2); Variant Studio writes recipes only into real folders of the "
                                         "repository")
                              .arg(path, QFileInfo(path).symLinkTarget());
                return t;
            }
            t.exists = true;
            t.isSymlink = true;
            t.symlinkTarget = QFileInfo(path).symLinkTarget();
        } else if (!last && !S_ISDIR(st.st_mode)) {
            t.error = QStringLiteral("%1 is not a folder").arg(path);
            return t;
        } else if (last) {
            t.exists = true;
            if (!S_ISREG(st.st_mode)) {
                t.error = QStringLiteral("%1 is not a regular file; not replacing it").arg(path);
                return t;
            }
        }
    }
    return t;
}

QString RecipePaths::printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QLatin1Char('\t'))
            out += QStringLiteral("\\t");
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace vs
