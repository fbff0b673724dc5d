#include "recipes/NixTextScanner.h"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vs::recipetext {

bool isIdentCharOutsideAscii(char16_t u)
{
    return QChar(u).isLetterOrNumber();
}

namespace {
enum class Mode { Code, Quoted, Indented, Block };

// The characters that can change something in each mode; everything else (most
// of a recipe) is skipped in a tight scan, eight characters at a time where SSE2
// is there (every x86-64): this pass runs over every character of every recipe.
template <char16_t... Specials> qsizetype skipOrdinary(const QChar *text, qsizetype i, qsizetype n)
{
    const char16_t *d = reinterpret_cast<const char16_t *>(text);
#if defined(__SSE2__)
    for (; i + 8 <= n; i += 8) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i));
        __m128i hit = _mm_setzero_si128();
        ((hit = _mm_or_si128(hit, _mm_cmpeq_epi16(x, _mm_set1_epi16(short(Specials))))), ...);
        if (const int mask = _mm_movemask_epi8(hit))
            return i + qCountTrailingZeroBits(uint(mask)) / 2;
    }
#endif
    while (i < n && ((d[i] != Specials) && ...))
        ++i;
    return i;
}
} // namespace

QString withoutComments(const QString &text)
{
    QString s = text;
    blankComments(s.data(), s.size());
    return s;
}

void blankComments(QChar *d, qsizetype n)
{
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
            i = skipOrdinary<u'"', u'\'', u'/', u'#'>(d, i, n);
            break;
        case Mode::Quoted:
            i = skipOrdinary<u'"', u'\\'>(d, i, n);
            break;
        case Mode::Indented:
            i = skipOrdinary<u'\'', u'#'>(d, i, n);
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
}

} // namespace vs::recipetext
