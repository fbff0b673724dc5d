#include "cli/JsonWriter.h"

#include <algorithm>

namespace vs::cli {

namespace {
char hexDigit(uint v)
{
    return char(v < 10 ? '0' + v : 'a' + v - 10);
}
void indent(QByteArray &out, int depth)
{
    out.append(qsizetype(depth) * 4, ' ');
}
} // namespace

JsonWriter::JsonWriter(QByteArray *out)
    : m_out(out)
{
}

void JsonWriter::appendEscaped(QByteArray &out, QStringView text)
{
    // Most text needs no escape and has no lone surrogate: then Qt's own UTF-8
    // encoder does it in one go, several times faster than character by character.
    const bool plain = std::none_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x20 || u == u'"' || u == u'\\' || (u >= 0xd800 && u < 0xe000);
    });
    if (plain) {
        out += text.toUtf8();
        return;
    }
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
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
    *m_out += l.count++ ? ",\n" : "";
    indent(*m_out, int(m_levels.size()));
}

JsonWriter &JsonWriter::key(const char *name)
{
    Q_ASSERT(!m_levels.isEmpty() && m_levels.last().object && !m_afterKey);
    Level &l = m_levels.last();
    Q_ASSERT_X(l.lastKey < QByteArray(name), "JsonWriter::key", "keys must come in sorted order, as QJsonObject prints them");
    l.lastKey = name;
    *m_out += l.count++ ? ",\n" : "";
    indent(*m_out, int(m_levels.size()));
    *m_out += '"';
    *m_out += name;
    *m_out += "\": ";
    m_afterKey = true;
    return *this;
}

void JsonWriter::open(char bracket, bool object)
{
    beforeValue();
    *m_out += bracket;
    *m_out += '\n';
    m_levels.append(Level { object, 0, {} });
}

void JsonWriter::close(char bracket)
{
    const bool any = m_levels.last().count > 0;
    m_levels.removeLast();
    if (any)
        *m_out += '\n';
    indent(*m_out, int(m_levels.size()));
    *m_out += bracket;
    if (m_levels.isEmpty())
        *m_out += '\n';
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
    *m_out += '"';
    appendEscaped(*m_out, text);
    *m_out += '"';
}

void JsonWriter::value(const char *ascii)
{
    value(QString::fromLatin1(ascii));
}

void JsonWriter::value(bool flag)
{
    beforeValue();
    *m_out += flag ? "true" : "false";
}

void JsonWriter::value(qint64 number)
{
    beforeValue();
    *m_out += QByteArray::number(number);
}

void JsonWriter::null()
{
    beforeValue();
    *m_out += "null";
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
