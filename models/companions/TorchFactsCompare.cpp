#include "companions/TorchFactsCompare.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace vs {

namespace {

// Hook and environment attributes where recipes put their CPU flags.
const QStringList kFlagCarriers = { QStringLiteral("preConfigure"), QStringLiteral("preBuild"), QStringLiteral("env.CXXFLAGS"),
    QStringLiteral("env.CFLAGS"), QStringLiteral("env.NIX_CFLAGS_COMPILE"), QStringLiteral("CXXFLAGS"), QStringLiteral("CFLAGS"),
    QStringLiteral("NIX_CFLAGS_COMPILE") };

QString text(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("(none)");
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts << e.toString();
        return parts.isEmpty() ? QStringLiteral("[ ]") : parts.join(QLatin1Char(';'));
    }
    return v.toString();
}

// Lines a hook's text consists of, split by what they are about. Lines that set
// TORCH_CUDA_ARCH_LIST or CUPTI paths come from gpuTargets / the CUDA set and are
// compared there.
struct Hooks {
    QStringList flagLines; // lines (or env values) that set compiler flags
    QStringList otherLines; // everything else, per attribute: "preConfigure: export MAX_JOBS=32"
    QStringList flags; // the -m… flags, in order

    explicit Hooks(const QJsonObject &attrs)
    {
        static const QRegularExpression flagSetter(QStringLiteral("\\b(CXXFLAGS|CFLAGS|NIX_CFLAGS_COMPILE)\\s*="));
        static const QRegularExpression ours(QStringLiteral("TORCH_CUDA_ARCH_LIST|CUPTI_(INCLUDE|LIBRARY)_DIR"));
        for (const QString &key : kFlagCarriers) {
            const QString value = attrs.value(key).toString();
            const bool hook = !key.contains(QLatin1String("FLAGS"));
            for (const QString &raw : value.split(QLatin1Char('\n'))) {
                const QString line = raw.trimmed();
                if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || ours.match(line).hasMatch())
                    continue;
                if (!hook || flagSetter.match(line).hasMatch()) {
                    flagLines << (hook ? line : QStringLiteral("%1 = %2").arg(key, line));
                    for (const QString &token : line.split(QRegularExpression(QStringLiteral("[\\s\"']+")), Qt::SkipEmptyParts))
                        if (token.startsWith(QLatin1String("-m")) && !flags.contains(token))
                            flags << token;
                } else {
                    otherLines << QStringLiteral("%1: %2").arg(key, line);
                }
            }
        }
    }
};

QString only(const QStringList &mine, const QStringList &theirs)
{
    QStringList out;
    for (const QString &l : mine)
        if (!theirs.contains(l))
            out << l;
    return out.isEmpty() ? QStringLiteral("(nothing more)") : out.join(QLatin1String(" | "));
}

} // namespace

QString TorchFactsCompare::pinText(const QJsonValue &pin)
{
    if (!pin.isString() || pin.toString().isEmpty())
        return QStringLiteral("the caller's nixpkgs (no pin)");
    static const QRegularExpression rev(QStringLiteral("\\b([0-9a-f]{40})\\b"));
    const QRegularExpressionMatch m = rev.match(pin.toString());
    return m.hasMatch() ? m.captured(1) : pin.toString();
}

QList<BuildDifference> TorchFactsCompare::compare(const QJsonObject &companion, const QJsonObject &pytorch)
{
    QList<BuildDifference> out;
    const auto add = [&](const QString &what, const QString &c, const QString &p) {
        if (c != p)
            out << BuildDifference { what, c, p };
    };
    add(QStringLiteral("nixpkgs pin"), pinText(companion.value(QLatin1String("pin"))), pinText(pytorch.value(QLatin1String("pin"))));
    add(QStringLiteral("Python version"), text(companion.value(QLatin1String("python"))), text(pytorch.value(QLatin1String("python"))));
    add(QStringLiteral("cudaSupport"), text(companion.value(QLatin1String("cudaSupport"))),
        text(pytorch.value(QLatin1String("cudaSupport"))));
    add(QStringLiteral("gpuTargets"), text(companion.value(QLatin1String("gpuTargets"))), text(pytorch.value(QLatin1String("gpuTargets"))));
    add(QStringLiteral("CUDA package set"), text(companion.value(QLatin1String("cudaPackages"))),
        text(pytorch.value(QLatin1String("cudaPackages"))));

    const QJsonObject cc = companion.value(QLatin1String("config")).toObject();
    const QJsonObject pc = pytorch.value(QLatin1String("config")).toObject();
    QStringList configKeys = cc.keys() + pc.keys();
    configKeys.removeDuplicates();
    configKeys.sort();
    for (const QString &k : std::as_const(configKeys))
        add(QStringLiteral("nixpkgs config.%1").arg(k), text(cc.value(k)), text(pc.value(k)));

    const QJsonObject ca = companion.value(QLatin1String("attrs")).toObject();
    const QJsonObject pa = pytorch.value(QLatin1String("attrs")).toObject();
    const Hooks ch(ca), ph(pa);
    if (QSet<QString>(ch.flags.begin(), ch.flags.end()) != QSet<QString>(ph.flags.begin(), ph.flags.end()))
        add(QStringLiteral("CPU flags"), ch.flags.join(QLatin1Char(' ')), ph.flags.join(QLatin1Char(' ')));
    else if (ch.flagLines != ph.flagLines)
        add(QStringLiteral("how CPU flags are applied"), ch.flagLines.join(QLatin1String(" | ")), ph.flagLines.join(QLatin1String(" | ")));
    if (ch.otherLines != ph.otherLines)
        out << BuildDifference { QStringLiteral("preConfigure/preBuild commands"), only(ch.otherLines, ph.otherLines),
            only(ph.otherLines, ch.otherLines) };

    QStringList keys = ca.keys() + pa.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &k : std::as_const(keys)) {
        if (kFlagCarriers.contains(k))
            continue;
        add(QStringLiteral("attribute %1").arg(k), text(ca.value(k)), text(pa.value(k)));
    }
    return out;
}

} // namespace vs
