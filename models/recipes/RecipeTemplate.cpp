#include "recipes/RecipeTemplate.h"

#include <QFile>
#include <QRegularExpression>

#include <set>

namespace vs {

namespace {
const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("@([A-Z][A-Z0-9_]*)@"));
    return re;
}

// "@IF NAME@" or "@ENDIF NAME@" alone on a line (indentation allowed).
const QRegularExpression &sectionPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*@(IF|ENDIF) ([A-Z][A-Z0-9_]*)@\s*$)"));
    return re;
}

QString leadingWhitespace(const QString &line)
{
    qsizetype i = 0;
    while (i < line.size() && (line.at(i) == QLatin1Char(' ') || line.at(i) == QLatin1Char('\t')))
        ++i;
    return line.left(i);
}
// Later lines of a multi-line value start at the placeholder line's indentation
// (empty lines stay empty: no trailing blanks).
QString continueAtIndent(const QString &value, const QString &indent)
{
    QStringList parts = value.split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < parts.size(); ++i)
        if (!parts[i].isEmpty())
            parts[i].prepend(indent);
    return parts.join(QLatin1Char('\n'));
}
} // namespace

RecipeTemplate RecipeTemplate::load(const QString &name)
{
    const QString path
        = name.startsWith(QLatin1Char(':')) || name.startsWith(QLatin1Char('/')) ? name : QStringLiteral(":/templates/") + name;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RecipeTemplate t;
        t.m_name = path;
        t.m_error = QStringLiteral("cannot read recipe template %1: %2").arg(path, file.errorString());
        return t;
    }
    return fromText(QString::fromUtf8(file.readAll()), path);
}

RecipeTemplate RecipeTemplate::fromText(const QString &text, const QString &name)
{
    RecipeTemplate t;
    t.m_name = name;
    t.m_text = text;
    return t;
}

QStringList RecipeTemplate::placeholders() const
{
    std::set<QString> names;
    for (const QString &line : m_text.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch section = sectionPattern().match(line);
        if (section.hasMatch()) {
            names.insert(section.captured(2));
            continue;
        }
        for (auto it = placeholderPattern().globalMatch(line); it.hasNext();)
            names.insert(it.next().captured(1));
    }
    return QStringList(names.begin(), names.end());
}

QString RecipeTemplate::fill(const QMap<QString, QString> &values, QString *error) const
{
    auto fail = [&](int lineNo, const QString &why) {
        if (error)
            *error = QStringLiteral("%1:%2: %3").arg(m_name).arg(lineNo).arg(why);
        return QString();
    };
    if (!isValid())
        return fail(0, m_error);

    QString out;
    out.reserve(m_text.size() + m_text.size() / 4);
    // Open sections, innermost last; `skipping` counts the open sections whose
    // value is empty (their lines are dropped).
    QList<QString> open;
    int skipping = 0;
    const QStringList lines = m_text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const int lineNo = int(i) + 1;
        const QRegularExpressionMatch section = sectionPattern().match(line);
        if (section.hasMatch()) {
            const QString key = section.captured(2);
            if (section.captured(1) == QLatin1String("IF")) {
                if (!values.contains(key))
                    return fail(lineNo, QStringLiteral("no value for section @IF %1@").arg(key));
                open.append(key);
                if (skipping > 0 || values.value(key).isEmpty())
                    ++skipping;
            } else {
                if (open.isEmpty() || open.last() != key)
                    return fail(lineNo,
                        QStringLiteral("@ENDIF %1@ does not close the open section%2")
                            .arg(key, open.isEmpty() ? QString() : QStringLiteral(" @IF %1@").arg(open.last())));
                open.removeLast();
                if (skipping > 0)
                    --skipping;
            }
            continue;
        }
        if (skipping > 0)
            continue;

        const QString indent = leadingWhitespace(line);
        QString filled;
        qsizetype last = 0;
        for (auto it = placeholderPattern().globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString key = m.captured(1);
            if (!values.contains(key))
                return fail(lineNo, QStringLiteral("no value for placeholder @%1@").arg(key));
            filled += line.mid(last, m.capturedStart() - last);
            filled += continueAtIndent(values.value(key), indent);
            last = m.capturedEnd();
        }
        filled += line.mid(last);
        out += filled;
        if (i + 1 < lines.size())
            out += QLatin1Char('\n');
    }
    if (!open.isEmpty())
        return fail(int(lines.size()), QStringLiteral("section @IF %1@ is never closed").arg(open.last()));
    return out;
}

} // namespace vs
