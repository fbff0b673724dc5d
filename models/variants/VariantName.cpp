#include "variants/VariantName.h"

#include <algorithm>

namespace vs {

namespace {
// The name rule, read by hand: a scan parses thousands of names, and a regular
// expression with named groups cost more than the rest of the name handling.
//   ^[a-z]+ \d* -python 3\d{1,2} - (cpu | cuda\d+_\d+-sm\d+[a-z]? | darwin) - [A-Za-z0-9_.]+$
// ($ also before one final newline, as PCRE's $ does.)
class NameReader {
public:
    explicit NameReader(QStringView s)
        : m_s(s)
    {
    }
    bool literal(QLatin1StringView word)
    {
        if (!m_s.mid(m_at).startsWith(word))
            return false;
        m_at += word.size();
        return true;
    }
    // Characters while pred holds: their view (empty when none).
    template <typename Pred> QStringView run(Pred pred, qsizetype max = -1)
    {
        const qsizetype from = m_at;
        while (m_at < m_s.size() && (max < 0 || m_at - from < max) && pred(m_s[m_at].unicode()))
            ++m_at;
        return m_s.mid(from, m_at - from);
    }
    bool atEnd() const { return m_at == m_s.size() || (m_at + 1 == m_s.size() && m_s[m_at] == u'\n'); }

private:
    QStringView m_s;
    qsizetype m_at = 0;
};

bool isLower(char16_t c)
{
    return c >= u'a' && c <= u'z';
}
bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}
bool isIsaChar(char16_t c)
{
    return isLower(c) || isDigit(c) || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'.';
}

// Fills v from name; false when the name does not follow the rule.
bool read(QStringView name, VariantName &v)
{
    NameReader r(name);
    const QStringView package = r.run(isLower);
    const QStringView glued = r.run(isDigit);
    if (package.isEmpty() || !r.literal(QLatin1StringView("-python3")))
        return false;
    const QStringView minor = r.run(isDigit, 2);
    if (minor.isEmpty() || !r.literal(QLatin1StringView("-")))
        return false;
    if (r.literal(QLatin1StringView("cpu"))) {
        v.kind = VariantName::Kind::Cpu;
    } else if (r.literal(QLatin1StringView("darwin"))) {
        v.kind = VariantName::Kind::Darwin;
    } else {
        if (!r.literal(QLatin1StringView("cuda")))
            return false;
        const QStringView major = r.run(isDigit);
        if (major.isEmpty() || !r.literal(QLatin1StringView("_")))
            return false;
        const QStringView minorCuda = r.run(isDigit);
        if (minorCuda.isEmpty() || !r.literal(QLatin1StringView("-sm")))
            return false;
        const QStringView number = r.run(isDigit);
        const QStringView letter = r.run(isLower, 1);
        if (number.isEmpty())
            return false;
        v.kind = VariantName::Kind::Cuda;
        v.cuda = major.toString().append(QLatin1Char('_')).append(minorCuda);
        v.gpu = QStringLiteral("sm").append(number).append(letter);
    }
    if (!r.literal(QLatin1StringView("-")))
        return false;
    const QStringView isa = r.run(isIsaChar);
    if (isa.isEmpty() || !r.atEnd())
        return false;
    v.package = package.toString();
    v.gluedVersion = glued.toString();
    v.python = QStringLiteral("3").append(minor);
    v.isa = isa.toString();
    return true;
}
} // namespace

std::optional<VariantName> VariantName::parse(const QString &text, QString *whyNot)
{
    QStringView name = QStringView(text).trimmed();
    name = name.mid(name.lastIndexOf(QLatin1Char('/')) + 1);
    if (name.endsWith(QLatin1String(".nix")))
        name.chop(4);
    VariantName v;
    if (!read(name, v)) {
        if (whyNot)
            *whyNot = QStringLiteral("'%1' does not follow {package}-python{3XY}-{cpu|cudaM_m-smNN|darwin}-{isa}").arg(name);
        return std::nullopt;
    }
    // Nearly every name is canonical already: its ISA is then kept as it is, not copied.
    const bool canonical = std::none_of(v.isa.cbegin(), v.isa.cend(), [](QChar c) { return c == QLatin1Char('.') || c.isUpper(); });
    if (!canonical) {
        const QString isa = v.isa;
        const QString canonicalIsa = isa.toLower().replace(QLatin1Char('.'), QLatin1Char('_'));
        if (canonicalIsa != isa)
            v.nonCanonical.append(QStringLiteral("ISA '%1' is canonically written '%2'").arg(isa, canonicalIsa));
        v.isa = canonicalIsa;
    }
    if (!v.gluedVersion.isEmpty())
        v.nonCanonical.append(QStringLiteral("version '%1' is glued to the package name '%2'").arg(v.gluedVersion, v.package));
    return v;
}

// The suffix format, written once: {cpu|cudaM_m-smNN|darwin}-{isa}, as pieces.
namespace {
using Pieces = QVarLengthArray<QStringView, 10>;

void appendSuffix(Pieces &out, VariantName::Kind kind, QStringView cuda, QStringView gpu, QStringView isa)
{
    auto add = [&out](std::initializer_list<QStringView> pieces) {
        for (QStringView p : pieces)
            out.append(p);
    };
    switch (kind) {
    case VariantName::Kind::Cuda:
        add({ u"cuda", cuda, u"-", gpu, u"-", isa });
        return;
    case VariantName::Kind::Darwin:
        add({ u"darwin-", isa });
        return;
    case VariantName::Kind::Cpu:
        break;
    }
    add({ u"cpu-", isa });
}

// Joined piece by piece (QString::arg parses its pattern each time; a scan names
// thousands of variants).
QString joined(const Pieces &parts)
{
    qsizetype size = 0;
    for (QStringView p : parts)
        size += p.size();
    QString out;
    out.reserve(size);
    for (QStringView p : parts)
        out.append(p);
    return out;
}

QString suffixOf(VariantName::Kind kind, QStringView cuda, QStringView gpu, QStringView isa)
{
    Pieces parts;
    appendSuffix(parts, kind, cuda, gpu, isa);
    return joined(parts);
}
} // namespace

QString VariantName::suffix() const
{
    return suffixOf(kind, cuda, gpu, isa);
}

QString VariantName::cudaSuffix(const QString &cuda, const QString &gpu, const QString &isa)
{
    return suffixOf(Kind::Cuda, cuda, gpu, isa);
}

QString VariantName::cpuSuffix(const QString &isa)
{
    return suffixOf(Kind::Cpu, {}, {}, isa);
}

QString VariantName::darwinSuffix(const QString &isa)
{
    return suffixOf(Kind::Darwin, {}, {}, isa);
}

bool VariantName::isDarwinSuffix(const QString &suffix)
{
    return suffix.startsWith(QLatin1String("darwin"));
}

QVarLengthArray<QStringView, 10> VariantName::pieces() const
{
    Pieces parts { package, u"-python", python, u"-" };
    appendSuffix(parts, kind, cuda, gpu, isa);
    return parts;
}

QString VariantName::toString() const
{
    return joined(pieces());
}

} // namespace vs
