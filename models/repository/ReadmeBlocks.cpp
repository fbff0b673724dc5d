#include "repository/ReadmeBlocks.h"

#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace vs {

QString ReadmeBlocks::beginMarker(const QString &name)
{
    return QStringLiteral("<!-- variant-studio:begin %1 -->").arg(name);
}

QString ReadmeBlocks::endMarker(const QString &name)
{
    return QStringLiteral("<!-- variant-studio:end %1 -->").arg(name);
}

ReadmeBlocks::Parse ReadmeBlocks::parse(const QString &readme)
{
    static const QRegularExpression marker(
        QStringLiteral(R"(^[ \t]*<!-- variant-studio:(begin|end) ([A-Za-z0-9_-]+) -->[ \t]*\r?$)"), QRegularExpression::MultilineOption);
    Parse p;
    std::optional<Block> open;
    QSet<QString> seen;
    for (auto it = marker.globalMatch(readme); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int line = int(QStringView(readme).left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
        const QString name = m.captured(2);
        if (m.captured(1) == QLatin1String("begin")) {
            if (open) {
                p.error = QStringLiteral("line %1: block '%2' begins inside block '%3' (line %4), which has not ended")
                              .arg(line)
                              .arg(name, open->name)
                              .arg(open->line);
                return p;
            }
            if (seen.contains(name)) {
                p.error = QStringLiteral("line %1: a second block '%2'").arg(line).arg(name);
                return p;
            }
            const qsizetype eol = readme.indexOf(QLatin1Char('\n'), m.capturedEnd());
            open = Block { name, eol < 0 ? readme.size() : eol + 1, 0, line };
        } else {
            if (!open || open->name != name) {
                p.error = open ? QStringLiteral("line %1: block '%2' ends, but block '%3' (line %4) is open")
                                     .arg(line)
                                     .arg(name, open->name)
                                     .arg(open->line)
                               : QStringLiteral("line %1: block '%2' ends without a begin").arg(line).arg(name);
                return p;
            }
            open->contentEnd = m.capturedStart();
            seen.insert(name);
            p.blocks.append(*open);
            open.reset();
        }
    }
    if (open)
        p.error = QStringLiteral("line %1: block '%2' has no end marker").arg(open->line).arg(open->name);
    return p;
}

QString ReadmeBlocks::replace(const QString &readme, const QString &name, const QString &content, QString *error)
{
    const Parse p = parse(readme);
    if (!p.error.isEmpty()) {
        if (error)
            *error = p.error;
        return readme;
    }
    for (const Block &b : p.blocks) {
        if (b.name != name)
            continue;
        QString text = readme;
        QString body = content;
        if (!body.isEmpty() && !body.endsWith(QLatin1Char('\n')))
            body += QLatin1Char('\n');
        text.replace(b.contentStart, b.contentEnd - b.contentStart, body);
        return text;
    }
    if (error)
        *error = QStringLiteral("no block '%1' (add the markers %2 … %3 where it should go)").arg(name, beginMarker(name), endMarker(name));
    return readme;
}

QString ReadmeBlocks::block(const QString &name, const QString &content)
{
    QString body = content;
    if (!body.isEmpty() && !body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    return beginMarker(name) + QLatin1Char('\n') + body + endMarker(name) + QLatin1Char('\n');
}

} // namespace vs
