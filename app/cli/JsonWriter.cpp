#include "cli/JsonWriter.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <QtAlgorithms>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vs::cli {

namespace {
// Handed to a sink in blocks of about this size: large enough for few writes,
// small enough to stay in the cache.
constexpr size_t kBlockBytes = 64 * 1024;

char hexDigit(uint v)
{
    return char(v < 10 ? '0' + v : 'a' + v - 10);
}

// Indentation: always four spaces a level, so written in eights and a four (each
// a single store) rather than copied by length.
char *putSpaces(char *o, size_t n) // o: room for n, a multiple of 4
{
    for (; n >= 8; n -= 8, o += 8)
        std::memcpy(o, "        ", 8);
    if (n)
        std::memcpy(o, "    ", 4), o += 4;
    return o;
}

// The escaped form of one UTF-16 code unit (or, from a surrogate pair, code point)
// that is not plain ASCII, as QJsonDocument writes it: at most 6 bytes at o.
char *escapeOne(char *o, const char16_t *&p, const char16_t *end)
{
    const char16_t u = *p++;
    if (u < 0x80) {
        // JSON's two-character escapes: the character, and the letter after the backslash.
        constexpr std::string_view escaped = "\"\\\b\f\n\r\t", letter = "\"\\bfnrt";
        if (const size_t at = escaped.find(char(u)); at != std::string_view::npos) {
            *o++ = '\\';
            *o++ = letter[at];
        } else if (u < 0x20) {
            o = std::copy_n("\\u00", 4, o);
            *o++ = hexDigit(u >> 4);
            *o++ = hexDigit(u & 0xf);
        } else {
            *o++ = char(u);
        }
        return o;
    }
    char32_t code = u;
    if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
        code = QChar::surrogateToUcs4(u, *p++);
    } else if (QChar::isSurrogate(u)) {
        // A lone surrogate has no UTF-8 form: written as an escape, like Qt does.
        *o++ = '\\';
        *o++ = 'u';
        for (int shift = 12; shift >= 0; shift -= 4)
            *o++ = hexDigit((u >> shift) & 0xf);
        return o;
    }
    if (code < 0x800) {
        *o++ = char(0xc0 | (code >> 6));
    } else if (code < 0x10000) {
        *o++ = char(0xe0 | (code >> 12));
        *o++ = char(0x80 | ((code >> 6) & 0x3f));
    } else {
        *o++ = char(0xf0 | (code >> 18));
        *o++ = char(0x80 | ((code >> 12) & 0x3f));
        *o++ = char(0x80 | ((code >> 6) & 0x3f));
    }
    *o++ = char(0x80 | (code & 0x3f));
    return o;
}

// ASCII without escapes (nearly every string of a scan) narrowed in one go, eight
// characters at a time where SSE2 is there (every x86-64): o has room for all of
// [p, end). Returns where it stopped (end, or a character that needs care).
const char16_t *narrowPlain(const char16_t *p, const char16_t *end, char *&o)
{
#if defined(__SSE2__)
    // Of eight characters, those that need care (outside ASCII, control, quote,
    // backslash): two mask bits each.
    auto careOf = [](__m128i x) {
        const __m128i zero = _mm_setzero_si128();
        const __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(x, _mm_set1_epi16(short(0xff80))), zero);
        const __m128i control = _mm_cmpeq_epi16(_mm_and_si128(x, _mm_set1_epi16(short(0xffe0))), zero);
        const __m128i quote = _mm_or_si128(_mm_cmpeq_epi16(x, _mm_set1_epi16('"')), _mm_cmpeq_epi16(x, _mm_set1_epi16('\\')));
        return uint(_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(ascii, _mm_set1_epi16(-1)), _mm_or_si128(control, quote))));
    };
    const char16_t *const from = p;
    while (end - p >= 8) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const uint care = careOf(x);
        _mm_storel_epi64(reinterpret_cast<__m128i *>(o), _mm_packus_epi16(x, x)); // within the room
        const int plain = care ? int(qCountTrailingZeroBits(care)) / 2 : 8;
        o += plain;
        p += plain;
        if (care)
            return p;
    }
    if (p != end && p - from >= 8 - (end - p)) {
        // The last few: the eight that end the text, those before them written
        // already (plain, so narrowed the same) and written again.
        const qsizetype back = 8 - (end - p);
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(end - 8));
        const uint care = careOf(x) >> (2 * back);
        _mm_storel_epi64(reinterpret_cast<__m128i *>(o - back), _mm_packus_epi16(x, x));
        const qsizetype plain = care ? int(qCountTrailingZeroBits(care)) / 2 : end - p;
        o += plain;
        return p + plain;
    }
#endif
    while (p != end && !(*p < 0x20 || *p >= 0x80 || *p == u'"' || *p == u'\\'))
        *o++ = char(*p++);
    return p;
}
} // namespace

JsonWriter::JsonWriter(QByteArray *out)
    : m_sink([out](std::string_view bytes) { out->append(bytes.data(), qsizetype(bytes.size())); })
{
}

JsonWriter::JsonWriter(Sink sink)
    : m_sink(std::move(sink))
{
}

std::string JsonWriter::fragment(int depth, const std::function<void(JsonWriter &)> &write, size_t expectedBytes)
{
    return fragment(depth, write, std::string(), expectedBytes);
}

std::string JsonWriter::fragment(int depth, const std::function<void(JsonWriter &)> &write, std::string buffer, size_t expectedBytes)
{
    JsonWriter w { Sink() };
    w.m_buf = std::move(buffer);
    w.m_buf.resize(std::max(w.m_buf.capacity(), expectedBytes)); // all of it room; what is not written is cut below
    w.m_baseDepth = depth;
    w.m_fragment = true;
    write(w);
    w.m_buf.resize(w.m_used);
    return std::move(w.m_buf);
}

void JsonWriter::grow(size_t n)
{
    m_buf.resize(std::max(m_buf.size() * 2, m_used + n + 4096));
}

void JsonWriter::put(std::string_view bytes)
{
    char *o = room(bytes.size());
    commit(std::copy(bytes.begin(), bytes.end(), o));
}

void JsonWriter::rawValue(std::string_view fragment)
{
    beforeValue();
    if (m_fragment || !m_sink || fragment.size() < kBlockBytes) {
        put(fragment);
        if (!m_fragment && m_used >= kBlockBytes)
            handOver();
        return;
    }
    handOver(); // a large piece goes on as it is, without a copy
    m_sink(fragment);
}

void JsonWriter::handOver()
{
    if (m_sink && m_used > 0) {
        m_sink(written());
        m_used = 0;
    }
}

void JsonWriter::indent(int depth)
{
    const size_t n = size_t(depth) * 4;
    commit(putSpaces(room(n), n));
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level &l = m_levels.back();
    Q_ASSERT(!l.object); // an object's values come after key()
    if (l.count++)
        put(",\n");
    indent(m_baseDepth + int(m_levels.size()));
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    checkKeyOrder(QLatin1StringView(name.data(), qsizetype(name.size())));
    char *o = beforeKey(name.size() + 3);
    o = std::copy(name.begin(), name.end(), o);
    commit(std::copy_n("\": ", 3, o));
    return *this;
}

JsonWriter &JsonWriter::key(QStringView name)
{
    checkKeyOrder(name);
    char *o = escapedInto(beforeKey(size_t(name.size()) + 3), name, 3);
    commit(std::copy_n("\": ", 3, o));
    return *this;
}

void JsonWriter::checkKeyOrder([[maybe_unused]] QAnyStringView name)
{
    Q_ASSERT(!m_levels.empty() && m_levels.back().object && !m_afterKey);
#ifndef QT_NO_DEBUG // a copy per key is too dear for release builds
    Level &l = m_levels.back();
    Q_ASSERT_X(
        QAnyStringView::compare(l.lastKey, name) < 0, "JsonWriter::key", "keys must come in sorted order, as QJsonObject prints them");
    l.lastKey = name.toString();
#endif
}

char *JsonWriter::beforeKey(size_t then)
{
    // The comma, line break, indentation and opening quote in one go: this runs
    // for every key of a scan's JSON (25 per recipe).
    const size_t spaces = size_t(m_baseDepth + int(m_levels.size())) * 4;
    const bool first = m_levels.back().count++ == 0; // after the bracket and its line break
    char *o = room(spaces + 3 + then);
    if (!first) {
        *o++ = ',';
        *o++ = '\n';
    }
    o = putSpaces(o, spaces);
    *o++ = '"';
    m_afterKey = true;
    return o;
}

void JsonWriter::open(char bracket, bool object)
{
    beforeValue();
    char *o = room(2);
    *o++ = bracket;
    *o++ = '\n';
    commit(o);
    m_levels.push_back(Level { object, 0, {} });
}

void JsonWriter::close(char bracket)
{
    const bool any = m_levels.back().count > 0;
    m_levels.pop_back();
    const size_t spaces = size_t(m_baseDepth + int(m_levels.size())) * 4;
    char *o = room(spaces + 3);
    if (any)
        *o++ = '\n';
    o = putSpaces(o, spaces);
    *o++ = bracket;
    if (m_fragment) {
        commit(o);
        return; // kept whole: its writer places it
    }
    if (m_levels.empty()) { // the document is complete: into the caller's bytes
        *o++ = '\n';
        commit(o);
        handOver();
        return;
    }
    commit(o);
    if (m_used >= kBlockBytes)
        handOver();
}

void JsonWriter::beginObject()
{
    open('{', true);
}
void JsonWriter::endObject()
{
    close('}');
}
void JsonWriter::beginArray()
{
    open('[', false);
}
void JsonWriter::endArray()
{
    close(']');
}

char *JsonWriter::escapedInto(char *o, QStringView text, size_t tail)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    p = narrowPlain(p, end, o);
    while (p != end) { // what needs care, with room for the longest form of all that is left
        commit(o);
        o = room(size_t(end - p) * 6 + tail);
        o = escapeOne(o, p, end);
        p = narrowPlain(p, end, o);
    }
    return o;
}

void JsonWriter::quoted(QStringView text)
{
    char *o = room(size_t(text.size()) + 2);
    *o++ = '"';
    o = escapedInto(o, text, 1);
    *o++ = '"';
    commit(o);
}

void JsonWriter::quoted(QLatin1StringView text)
{
    char *o = room(size_t(text.size()) * 6 + 2);
    *o++ = '"';
    for (const char c : text) {
        if (uchar(c) >= 0x20 && uchar(c) < 0x80 && c != '"' && c != '\\') {
            *o++ = c;
        } else {
            const char16_t u = uchar(c);
            const char16_t *p = &u;
            o = escapeOne(o, p, p + 1);
        }
    }
    *o++ = '"';
    commit(o);
}

void JsonWriter::value(const QString &text)
{
    beforeValue();
    quoted(QStringView(text));
}

void JsonWriter::value(const char *ascii)
{
    beforeValue();
    quoted(QLatin1StringView(ascii));
}

void JsonWriter::joinedValue(std::span<const QStringView> pieces)
{
    beforeValue();
    size_t left = 0; // characters of the pieces not written yet
    for (QStringView piece : pieces)
        left += size_t(piece.size());
    char *o = room(left + 2);
    *o++ = '"';
    for (QStringView piece : pieces) {
        left -= size_t(piece.size());
        o = escapedInto(o, piece, left + 1);
    }
    *o++ = '"';
    commit(o);
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    put(flag ? "true" : "false");
}

void JsonWriter::value(qint64 number)
{
    beforeValue();
    char *o = room(24);
    commit(std::to_chars(o, o + 24, number).ptr);
}

void JsonWriter::null()
{
    beforeValue();
    put("null");
}

void JsonWriter::stringOrNull(const QString &text)
{
    if (text.isEmpty())
        null();
    else
        value(text);
}

void JsonWriter::strings(const QStringList &list)
{
    beginArray();
    for (const QString &s : list)
        value(s);
    endArray();
}

} // namespace vs::cli
