#pragma once
// Toy recipes for tests that build for real: derivations that need nothing from the
// network, optionally requiring builder features (the farm tests).

#include <QString>
#include <QStringList>
#include <QUuid>

namespace vs::test {

// A Nix string literal: quotes, backslashes and ${ escaped.
inline QString nixString(QString text)
{
    text.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    text.replace(QLatin1String("\""), QLatin1String("\\\""));
    text.replace(QLatin1String("${"), QLatin1String("\\${"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// A derivation that needs nothing from the network: /bin/sh runs `script`.
// The nonce makes every test run build afresh instead of finding the result in the store.
inline QByteArray toyRecipe(const QString &name, const QString &script)
{
    return QStringLiteral("derivation {\n  name = %1;\n  system = builtins.currentSystem;\n  builder = \"/bin/sh\";\n"
                          "  PATH = \"/usr/bin:/bin\";\n  nonce = %2;\n  args = [ \"-c\" %3 ];\n}\n")
        .arg(nixString(name), nixString(QUuid::createUuid().toString()), nixString(script))
        .toUtf8();
}

// A toy recipe that needs a builder with `features` and sleeps `seconds` there.
inline QByteArray farmRecipe(const QString &name, double seconds, const QStringList &features = { QStringLiteral("big-parallel") })
{
    QString list;
    for (const QString &f : features)
        list += nixString(f) + QLatin1Char(' ');
    const QString script = QStringLiteral("echo start %1; sleep %2; echo done %1; echo %1 > $out").arg(name).arg(seconds);
    QByteArray text = toyRecipe(name, script);
    text.replace("\n}\n", QStringLiteral("\n  requiredSystemFeatures = [ %1];\n}\n").arg(list).toUtf8());
    return text;
}

} // namespace vs::test
