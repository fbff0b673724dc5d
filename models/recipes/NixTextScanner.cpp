#include "recipes/NixTextScanner.h"

#include <array>
#include <utility>

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
// Calls fn(i) for each i where d[i] is one of Chars, in order; eight characters at
// a time where SSE2 is there.
template <char16_t... Chars, typename Fn> void forEachOf(const char16_t *d, qsizetype n, Fn &&fn)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    for (; i + 8 <= n; i += 8) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i));
        __m128i hit = _mm_setzero_si128();
        ((hit = _mm_or_si128(hit, _mm_cmpeq_epi16(x, _mm_set1_epi16(short(Chars))))), ...);
        for (uint mask = uint(_mm_movemask_epi8(hit)) & 0x5555u; mask; mask &= mask - 1) // a bit per character
            fn(i + qCountTrailingZeroBits(mask) / 2);
    }
#endif
    for (; i < n; ++i)
        if (((d[i] == Chars) || ...))
            fn(i);
}
} // namespace

NixTextScanner::NixTextScanner(QStringView s)
    : NixText(s)
{
    // Identifiers are the maximal runs of identifier characters. Every field is read
    // from a `keyword = …` assignment, so the index starts from each '=' (a few dozen
    // in a recipe) and looks back for the name, rather than reading every identifier.
    // cudaPackages_12_9 is read where it is used (overlay, argument), not assigned:
    // found in the same pass by its capital P.
    constexpr QStringView sets(u"cudaPackages_");
    constexpr qsizetype beforeP = 4; // "cuda"
    const char16_t *d = s.utf16();
    const qsizetype n = s.size();
    forEachOf<u'=', u'P'>(d, n, [&](qsizetype at) {
        if (d[at] == u'=') {
            noteAssignmentAt(at);
            return;
        }
        const qsizetype start = at - beforeP;
        if (start < 0 || start + sets.size() > n || QStringView(d + start, sets.size()) != sets)
            return;
        if (start > 0 && isIdentChar(d[start - 1]))
            return; // inside an identifier
        qsizetype end = start + sets.size();
        while (end < n && isIdentChar(d[end]))
            ++end;
        if (end > start + sets.size())
            m_cudaPackageSets.append({ start, end - start });
    });
}

void NixTextScanner::findLineStarts() const
{
    forEachOf<u'\n'>(m_s.utf16(), m_s.size(), [this](qsizetype at) { m_lineStarts.append(at + 1); });
    m_linesKnown = true;
}

void NixTextScanner::noteAssignmentAt(qsizetype equals)
{
    const char16_t *d = m_s.utf16();
    const qsizetype n = m_s.size();
    if (equals + 1 < n && d[equals + 1] == u'=')
        return; // a comparison
    qsizetype end = equals;
    while (end > 0 && QChar(d[end - 1]).isSpace())
        --end;
    qsizetype start = end;
    while (start > 0 && isIdentChar(d[start - 1]))
        --start;
    const qsizetype length = end - start;
    if (length == 0 || !isIdentStart(QChar(d[start])))
        return;
    // One of kKeywords (env.CXXFLAGS = … counts too)?
    for (quint32 mask = length < 32 ? kKeywordsByLength[size_t(length)] : 0; mask; mask &= mask - 1) {
        const int k = qCountTrailingZeroBits(mask);
        if (std::equal(d + start, d + end, kKeywords[k].utf16()))
            m_keywords[size_t(k)].append(start);
    }
    // name = "…": a binding candidate (not an attribute path's tail such as a.b = "…").
    if (equals + 1 >= n || (start > 0 && d[start - 1] == u'.'))
        return;
    qsizetype v = equals + 1;
    while (v < n && QChar(d[v]).isSpace())
        ++v;
    if (v < n && d[v] == u'"')
        m_candidates.append({ start, length, v });
}

bool widenAscii(QByteArrayView in, QChar *out)
{
    const char *p = in.data();
    const qsizetype n = in.size();
    char16_t *o = reinterpret_cast<char16_t *>(out);
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        if (_mm_movemask_epi8(x)) // a byte with its high bit set
            return false;
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o + i), _mm_unpacklo_epi8(x, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o + i + 8), _mm_unpackhi_epi8(x, zero));
    }
#endif
    for (; i < n; ++i) {
        if (uchar(p[i]) >= 0x80)
            return false;
        o[i] = char16_t(uchar(p[i]));
    }
    return true;
}

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
