#include "recipes/NixTextScanner.h"

namespace vs::recipetext {

QString withoutComments(const QString &text)
{
    enum class Mode { Code, Quoted, Indented, Block };
    QString s = text;
    QChar *d = s.data();
    const qsizetype n = s.size();
    Mode mode = Mode::Code;
    auto startsComment = [&](qsizetype i) {
        if (d[i] != QLatin1Char('#'))
            return false;
        return i == 0 || d[i - 1].isSpace() || (mode == Mode::Code && d[i - 1] == QLatin1Char(';'));
    };
    auto blankLine = [&](qsizetype i) {
        while (i < n && d[i] != QLatin1Char('\n'))
            d[i++] = QLatin1Char(' ');
        return i;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = d[i];
        const QChar next = i + 1 < n ? d[i + 1] : QChar();
        switch (mode) {
        case Mode::Code:
            if (c == QLatin1Char('"'))
                mode = Mode::Quoted;
            else if (c == QLatin1Char('\'') && next == QLatin1Char('\''))
                mode = Mode::Indented, ++i;
            else if (c == QLatin1Char('/') && next == QLatin1Char('*'))
                mode = Mode::Block, d[i] = d[i + 1] = QLatin1Char(' '), ++i;
            else if (startsComment(i))
                i = blankLine(i);
            break;
        case Mode::Quoted:
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                mode = Mode::Code;
            break;
        case Mode::Indented:
            if (c == QLatin1Char('\'') && next == QLatin1Char('\'')) {
                const QChar third = i + 2 < n ? d[i + 2] : QChar();
                if (third == QLatin1Char('$') || third == QLatin1Char('\'') || third == QLatin1Char('\\'))
                    i += 2; // ''$ ''' ''\ are escapes, not the end
                else
                    mode = Mode::Code, ++i;
            } else if (startsComment(i)) {
                i = blankLine(i);
            }
            break;
        case Mode::Block:
            if (c == QLatin1Char('*') && next == QLatin1Char('/'))
                d[i] = d[i + 1] = QLatin1Char(' '), ++i, mode = Mode::Code;
            else if (c != QLatin1Char('\n'))
                d[i] = QLatin1Char(' ');
            break;
        }
    }
    return s;
}

} // namespace vs::recipetext
