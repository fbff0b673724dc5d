#include "recipes/DeepCheckFacts.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace vs::deepcheck {

namespace {

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        if (e.isString())
            out << e.toString();
    return out;
}

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\'')) && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return value;
}

// Accumulates what the variables end up as, in the order the build sets them.
struct ShellState {
    QString archList;
    bool archListSet = false;
    QStringList cpuFlags;

    void assign(const QString &name, const QString &rawValue)
    {
        const QString value = unquote(rawValue);
        if (name == QLatin1String("TORCH_CUDA_ARCH_LIST")) {
            archList = value;
            archListSet = true;
        } else {
            // CXXFLAGS="-mavx2 -mfma $CXXFLAGS": the -m flags are what matters.
            for (const QString &token : value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
                if (token.startsWith(QLatin1String("-m")) && !cpuFlags.contains(token))
                    cpuFlags << token;
        }
    }

    void readShell(const QString &script)
    {
        static const QRegularExpression assignment(QStringLiteral(
            "^(?:export\\s+)?(TORCH_CUDA_ARCH_LIST|CXXFLAGS|CFLAGS|NIX_CFLAGS_COMPILE|CMAKE_CXX_FLAGS|CMAKE_C_FLAGS)=(.*)$"));
        for (const QString &rawLine : script.split(QLatin1Char('\n'))) {
            const QString line = rawLine.trimmed();
            if (line.startsWith(QLatin1Char('#')))
                continue;
            const QRegularExpressionMatch m = assignment.match(line);
            if (m.hasMatch())
                assign(m.captured(1), m.captured(2));
        }
    }

    void readAttrs(const QJsonObject &attrs)
    {
        for (auto it = attrs.begin(); it != attrs.end(); ++it)
            if (it.value().isString())
                assign(it.key(), it.value().toString());
    }
};

} // namespace

DeepCheck::Outcome outcomeFromJson(const QString &file, const QJsonObject &e)
{
    DeepCheck::Outcome o;
    o.file = file;
    o.evaluated = true;
    o.pname = e.value(QLatin1String("pname")).toString();
    o.version = e.value(QLatin1String("version")).toString();
    const QJsonValue cuda = e.value(QLatin1String("cudaSupport"));
    if (cuda.isBool())
        o.cudaSupport = cuda.toBool();
    o.cudaPackages = e.value(QLatin1String("cudaPackages")).toString();
    o.cudaVersion = e.value(QLatin1String("cudaVersion")).toString();
    o.gpuTargetsArgument = stringList(e.value(QLatin1String("gpuTargetsArgument")));
    o.cmakeFlags = stringList(e.value(QLatin1String("cmakeFlags")));
    o.platforms = stringList(e.value(QLatin1String("platforms")));
    o.torch = e.value(QLatin1String("torch")).toString();

    // Order of the build: the environment first, then the hooks; preBuild runs
    // after preConfigure, and setup.py reads the arch list while building.
    ShellState shell;
    shell.readAttrs(e.value(QLatin1String("env")).toObject());
    shell.readAttrs(e.value(QLatin1String("topLevel")).toObject());
    shell.readShell(e.value(QLatin1String("preConfigure")).toString());
    shell.readShell(e.value(QLatin1String("preBuild")).toString());
    if (shell.archListSet) {
        for (const QString &t : shell.archList.split(QRegularExpression(QStringLiteral("[;,\\s]+")), Qt::SkipEmptyParts))
            if (!t.startsWith(QLatin1Char('$')))
                o.gpuTargets << t;
    }
    o.cpuFlags = shell.cpuFlags;
    return o;
}

QString nixErrorMessage(const QString &stdErr, const QString &recipeDir)
{
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;]*[A-Za-z]"));
    QString text = stdErr;
    text.remove(ansi);
    const qsizetype at = text.lastIndexOf(QLatin1String("error: "));
    if (at < 0)
        return text.trimmed().section(QLatin1Char('\n'), -1).trimmed();
    const QStringList lines = text.mid(at + 7).split(QLatin1Char('\n'));
    QString message = lines.value(0).trimmed();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString l = lines.at(i).trimmed();
        if (l.startsWith(QLatin1String("at ")) && l.endsWith(QLatin1Char(':'))) {
            message += QStringLiteral(" (%1)").arg(l.chopped(1));
            break;
        }
        if (l.isEmpty() || l.contains(QLatin1Char('|')))
            break;
        message += QLatin1Char(' ') + l; // messages that wrap over several lines
    }
    if (!recipeDir.isEmpty())
        message.replace(recipeDir + QLatin1Char('/'), QString());
    return message;
}

} // namespace vs::deepcheck
