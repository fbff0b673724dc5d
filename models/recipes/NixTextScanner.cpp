#include "recipes/NixTextScanner.h"

#include <array>

namespace vs::recipetext {

bool isIdentCharOutsideAscii(char16_t u)
{
    return QChar(u).isLetterOrNumber();
}

namespace {
enum class Mode { Code, Quoted, Indented, Block };

// The characters that can change something in each mode; the loop skips the rest
// in a tight scan (most of a recipe), which made this pass several times faster.
constexpr std::array<bool, 128> specials(const char *chars)
{
    std::array<bool, 128> t {};
    for (const char *c = chars; *c; ++c)
        t[uchar(*c)] = true;
    return t;
}
constexpr auto kCodeSpecials = specials("\"'/#");
constexpr auto kQuotedSpecials = specials("\"\\");
constexpr auto kIndentedSpecials = specials("'#");

inline qsizetype skipOrdinary(const QChar *d, qsizetype i, qsizetype n, const std::array<bool, 128> &special)
{
    while (i < n && (d[i].unicode() >= 128 || !special[d[i].unicode()]))
        ++i;
    return i;
}
} // namespace

QString withoutComments(const QString &text)
{
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
        switch (mode) {
        case Mode::Code:
            i = skipOrdinary(d, i, n, kCodeSpecials);
            break;
        case Mode::Quoted:
            i = skipOrdinary(d, i, n, kQuotedSpecials);
            break;
        case Mode::Indented:
            i = skipOrdinary(d, i, n, kIndentedSpecials);
            break;
        case Mode::Block:
            break;
        }
        if (i >= n)
            break;
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
