#include "farm/BuilderMachine.h"

#include <QRegularExpression>
#include <QSysInfo>

namespace vs {

namespace {
QString listOrDash(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("-") : list.join(QLatin1Char(','));
}
QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}
} // namespace

QString BuilderMachine::host() const
{
    const qsizetype scheme = uri.indexOf(QLatin1String("://"));
    return scheme < 0 ? uri : uri.mid(scheme + 3);
}

QString BuilderMachine::toLine() const
{
    return QStringList { uri, listOrDash(systems), orDash(sshKey), QString::number(maxJobs), QString::number(speedFactor),
        listOrDash(supportedFeatures), listOrDash(mandatoryFeatures), orDash(publicHostKey) }
        .join(QLatin1Char(' '));
}

bool BuilderMachine::canBuild(const QString &system, const QStringList &features) const
{
    if (maxJobs <= 0)
        return false;
    const QStringList mine = systems.isEmpty() ? QStringList { localNixSystem() } : systems;
    if (!system.isEmpty() && !mine.contains(system))
        return false;
    // Nix counts the mandatory features as supported ones too.
    for (const QString &f : features)
        if (!supportedFeatures.contains(f) && !mandatoryFeatures.contains(f))
            return false;
    for (const QString &f : mandatoryFeatures)
        if (!features.contains(f))
            return false;
    return true;
}

QStringList requiredSystemFeatures(const QString &nixText)
{
    static const QRegularExpression list(QStringLiteral(R"(requiredSystemFeatures\s*=\s*\[([^\]]*)\])"));
    static const QRegularExpression name(QStringLiteral(R"re("([^"]+)")re"));
    QStringList features;
    const QRegularExpressionMatch m = list.match(nixText);
    if (m.hasMatch())
        for (auto it = name.globalMatch(m.captured(1)); it.hasNext();)
            features.append(it.next().captured(1));
    return features;
}

QString localNixSystem()
{
    QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("arm64"))
        cpu = QStringLiteral("aarch64");
    else if (cpu == QLatin1String("i386"))
        cpu = QStringLiteral("i686");
#ifdef Q_OS_MACOS
    return cpu + QStringLiteral("-darwin");
#else
    return cpu + QStringLiteral("-linux");
#endif
}

} // namespace vs
