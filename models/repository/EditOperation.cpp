#include "repository/EditOperation.h"

#include <QRegularExpression>

namespace vs {

QStringList RecipeEditOperation::names()
{
    return { QStringLiteral("set-pin"), QStringLiteral("set"), QStringLiteral("replace"), QStringLiteral("regenerate") };
}

std::optional<RecipeEditOperation> RecipeEditOperation::parse(const QString &name, const QStringList &arguments, QString *error)
{
    RecipeEditOperation op;
    op.arguments = arguments;
    auto wrong = [&](const QString &usage) {
        if (error)
            *error = QStringLiteral("%1 takes %2").arg(name, usage);
        return std::nullopt;
    };
    if (name == QLatin1String("set-pin")) {
        op.kind = Kind::SetPin;
        if (arguments.size() < 1 || arguments.size() > 2)
            return wrong(QStringLiteral("REV [SHA256]"));
        if (!RecipeEdit::isRevision(arguments.first()))
            return wrong(QStringLiteral("a nixpkgs revision of 40 hexadecimal digits, not '%1'").arg(arguments.first()));
    } else if (name == QLatin1String("set")) {
        op.kind = Kind::SetBinding;
        if (arguments.size() != 2)
            return wrong(QStringLiteral("NAME VALUE (the value as Nix, e.g. '[ \"-j16\" ]')"));
    } else if (name == QLatin1String("replace")) {
        op.kind = Kind::Replace;
        if (arguments.size() != 2)
            return wrong(QStringLiteral("REGEX TEXT"));
        const QRegularExpression re(arguments.first());
        if (!re.isValid())
            return wrong(QStringLiteral("a valid regular expression (%1)").arg(re.errorString()));
    } else if (name == QLatin1String("regenerate")) {
        op.kind = Kind::Regenerate;
        for (const QString &variant : arguments)
            if (variant.isEmpty() || variant.startsWith(QLatin1Char('-')))
                return wrong(QStringLiteral("no arguments but variant names to overwrite (--overwrite VARIANT), not '%1'").arg(variant));
    } else {
        if (error)
            *error = QStringLiteral("unknown operation '%1' (%2)").arg(name, names().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return op;
}

QString RecipeEditOperation::title() const
{
    switch (kind) {
    case Kind::SetPin:
        return QStringLiteral("set-pin %1").arg(arguments.value(0));
    case Kind::SetBinding:
        return QStringLiteral("set %1 = %2").arg(arguments.value(0), arguments.value(1));
    case Kind::Regenerate:
        return arguments.isEmpty() ? QStringLiteral("regenerate")
                                   : QStringLiteral("regenerate (overwriting %1)").arg(arguments.join(QStringLiteral(", ")));
    case Kind::Replace:
        break;
    }
    return QStringLiteral("replace /%1/ with '%2'").arg(arguments.value(0), arguments.value(1));
}

RecipeEdit::Result RecipeEditOperation::apply(const QString &text) const
{
    switch (kind) {
    case Kind::SetPin:
        return RecipeEdit::setNixpkgsPin(text, arguments.value(0), arguments.value(1));
    case Kind::SetBinding:
        return RecipeEdit::setBinding(text, arguments.value(0), arguments.value(1));
    case Kind::Regenerate:
        return { RecipeEdit::Result::Outcome::NotRecognised, text, QStringLiteral("regenerate needs the branch"), {} };
    case Kind::Replace:
        break;
    }
    return RecipeEdit::replace(text, QRegularExpression(arguments.value(0)), arguments.value(1));
}

} // namespace vs
