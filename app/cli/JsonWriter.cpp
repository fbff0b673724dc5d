#include "cli/JsonWriter.h"

#include <algorithm>
#include <charconv>

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

// UTF-8 of text with JSON's escapes, as QJsonDocument writes them.
void escapeInto(std::string &out, QStringView text)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    // ASCII without escapes (nearly every string of a scan) is narrowed in one go,
    // eight characters at a time where SSE2 is there (every x86-64).
    const size_t at = out.size();
    out.resize(at + size_t(end - p)); // room for all of it, trimmed below
    char *o = out.data() + at;
#if defined(__SSE2__)
    while (end - p >= 8) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i zero = _mm_setzero_si128();
        const __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(x, _mm_set1_epi16(short(0xff80))), zero);
        const __m128i control = _mm_cmpeq_epi16(_mm_and_si128(x, _mm_set1_epi16(short(0xffe0))), zero);
        const __m128i quote = _mm_or_si128(_mm_cmpeq_epi16(x, _mm_set1_epi16('"')), _mm_cmpeq_epi16(x, _mm_set1_epi16('\\')));
        const int care = _mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(ascii, _mm_set1_epi16(-1)), _mm_or_si128(control, quote)));
        _mm_storel_epi64(reinterpret_cast<__m128i *>(o), _mm_packus_epi16(x, x)); // within the room made above
        const int plain = care ? int(qCountTrailingZeroBits(uint(care))) / 2 : 8;
        o += plain;
        p += plain;
        if (care)
            break;
    }
#endif
    while (p != end && !(*p < 0x20 || *p >= 0x80 || *p == u'"' || *p == u'\\'))
        *o++ = char(*p++);
    out.resize(size_t(o - out.data()));
    while (p != end) {
        const char16_t u = *p++;
        if (u < 0x80) {
            switch (u) {
            case u'"':
                out += "\\\"";
                break;
            case u'\\':
                out += "\\\\";
                break;
            case u'\b':
                out += "\\b";
                break;
            case u'\f':
                out += "\\f";
                break;
            case u'\n':
                out += "\\n";
                break;
            case u'\r':
                out += "\\r";
                break;
            case u'\t':
                out += "\\t";
                break;
            default:
                if (u < 0x20) {
                    out += "\\u00";
                    out += hexDigit(u >> 4);
                    out += hexDigit(u & 0xf);
                } else {
                    out += char(u);
                }
            }
            continue;
        }
        char32_t code = u;
        if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            code = QChar::surrogateToUcs4(u, *p++);
        } else if (QChar::isSurrogate(u)) {
            // A lone surrogate has no UTF-8 form: written as an escape, like Qt does.
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hexDigit((u >> shift) & 0xf);
            continue;
        }
        if (code < 0x800) {
            out += char(0xc0 | (code >> 6));
        } else if (code < 0x10000) {
            out += char(0xe0 | (code >> 12));
            out += char(0x80 | ((code >> 6) & 0x3f));
        } else {
            out += char(0xf0 | (code >> 18));
            out += char(0x80 | ((code >> 12) & 0x3f));
            out += char(0x80 | ((code >> 6) & 0x3f));
        }
        out += char(0x80 | (code & 0x3f));
    }
}
// The same for Latin-1 text (a literal such as "cuda"): plain ASCII is copied as it is.
void escapeInto(std::string &out, QLatin1StringView text)
{
    for (const char c : text) {
        if (uchar(c) >= 0x20 && uchar(c) < 0x80 && c != '"' && c != '\\') {
            out += c;
        } else {
            const char16_t u = uchar(c);
            escapeInto(out, QStringView(&u, 1));
        }
    }
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
    w.m_buf.clear();
    w.m_buf.reserve(expectedBytes);
    w.m_baseDepth = depth;
    w.m_fragment = true;
    write(w);
    return std::move(w.m_buf);
}

void JsonWriter::rawValue(std::string_view fragment)
{
    beforeValue();
    if (m_fragment || !m_sink || fragment.size() < kBlockBytes) {
        m_buf += fragment;
        if (!m_fragment && m_buf.size() >= kBlockBytes)
            handOver();
        return;
    }
    handOver(); // a large piece goes on as it is, without a copy
    m_sink(fragment);
}

void JsonWriter::handOver()
{
    if (m_sink && !m_buf.empty()) {
        m_sink(m_buf);
        m_buf.clear();
    }
}

void JsonWriter::appendEscaped(QByteArray &out, QStringView text)
{
    std::string bytes;
    escapeInto(bytes, text);
    out.append(bytes.data(), qsizetype(bytes.size()));
}

void JsonWriter::indent(int depth)
{
    m_buf.append(size_t(depth) * 4, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.isEmpty())
        return;
    Level &l = m_levels.last();
    Q_ASSERT(!l.object); // an object's values come after key()
    if (l.count++)
        m_buf += ",\n";
    indent(m_baseDepth + int(m_levels.size()));
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    checkKeyOrder(QLatin1StringView(name.data(), qsizetype(name.size())));
    beforeKey();
    m_buf += name;
    m_buf += "\": ";
    return *this;
}

JsonWriter &JsonWriter::key(QStringView name)
{
    checkKeyOrder(name);
    beforeKey();
    escapeInto(m_buf, name);
    m_buf += "\": ";
    return *this;
}

void JsonWriter::checkKeyOrder([[maybe_unused]] QAnyStringView name)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().object && !m_afterKey);
#ifndef QT_NO_DEBUG // a copy per key is too dear for release builds
    Level &l = m_levels.last();
    Q_ASSERT_X(
        QAnyStringView::compare(l.lastKey, name) < 0, "JsonWriter::key", "keys must come in sorted order, as QJsonObject prints them");
    l.lastKey = name.toString();
#endif
}

void JsonWriter::beforeKey()
{
    // The comma, line break, indentation and opening quote in one or two appends:
    // this runs for every key of a scan's JSON (25 per recipe).
    static const std::string kCommaIndent = ",\n" + std::string(128, ' ');
    const size_t spaces = size_t(m_baseDepth + int(m_levels.size())) * 4;
    const size_t from = m_levels.last().count++ ? 0 : 2;
    if (spaces + 2 <= kCommaIndent.size())
        m_buf.append(kCommaIndent, from, spaces + 2 - from);
    else
        m_buf.append(kCommaIndent, from, 2 - from), indent(int(spaces / 4));
    m_buf += '"';
    m_afterKey = true;
}

void JsonWriter::open(char bracket, bool object)
{
    beforeValue();
    m_buf += bracket;
    m_buf += '\n';
    m_levels.append(Level { object, 0, {} });
}

void JsonWriter::close(char bracket)
{
    const bool any = m_levels.last().count > 0;
    m_levels.removeLast();
    if (any)
        m_buf += '\n';
    indent(m_baseDepth + int(m_levels.size()));
    m_buf += bracket;
    if (m_fragment)
        return; // kept whole: its writer places it
    if (m_levels.isEmpty()) { // the document is complete: into the caller's bytes
        m_buf += '\n';
        handOver();
    } else if (m_buf.size() >= kBlockBytes) {
        handOver();
    }
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

void JsonWriter::value(const QString &text)
{
    beforeValue();
    m_buf += '"';
    escapeInto(m_buf, text);
    m_buf += '"';
}

void JsonWriter::value(const char *ascii)
{
    beforeValue();
    m_buf += '"';
    escapeInto(m_buf, QLatin1StringView(ascii));
    m_buf += '"';
}

void JsonWriter::joinedValue(std::span<const QStringView> pieces)
{
    beforeValue();
    m_buf += '"';
    for (QStringView p : pieces)
        escapeInto(m_buf, p);
    m_buf += '"';
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    m_buf += flag ? "true" : "false";
}

void JsonWriter::value(qint64 number)
{
    beforeValue();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    m_buf.append(digits, size_t(end - digits));
}

void JsonWriter::null()
{
    beforeValue();
    m_buf += "null";
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
