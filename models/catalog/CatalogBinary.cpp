#include "catalog/CatalogBinary.h"

#include <QDataStream>
#include <QIODevice>

namespace vs {
namespace {

constexpr quint32 kMagic = 0x56534342; // "VSCB"
constexpr quint32 kVersion = 1; // bump when a field is added, removed or reordered

// One list of fields per type serves both directions, so writing and reading cannot
// drift apart; a field left out here fails the round-trip tests (every type compares
// all its fields).
class Archive {
public:
    Archive(QDataStream &s, bool reading)
        : m_s(s)
        , m_reading(reading)
    {
    }

    template <typename... T> void operator()(T &...v) { (io(v), ...); }

    void io(QString &v) { m_reading ? void(m_s >> v) : void(m_s << v); }
    void io(QStringList &v) { m_reading ? void(m_s >> v) : void(m_s << v); }
    void io(QMap<QString, QString> &v) { m_reading ? void(m_s >> v) : void(m_s << v); }
    void io(QMap<QString, QStringList> &v) { m_reading ? void(m_s >> v) : void(m_s << v); }
    void io(int &v)
    {
        qint32 x = v;
        m_reading ? void(m_s >> x) : void(m_s << x);
        v = x;
    }
    template <typename T> void io(QList<T> &list)
    {
        qint32 n = qint32(list.size());
        io(n);
        if (m_reading) {
            // Each element takes at least four bytes: a larger count is a broken form.
            if (n < 0 || qint64(n) * 4 > m_s.device()->bytesAvailable()) {
                m_s.setStatus(QDataStream::ReadCorruptData);
                return;
            }
            list.resize(n);
        }
        for (T &e : list)
            io(e);
    }
    template <typename T> void io(T &v) { fields(*this, v); }

private:
    QDataStream &m_s;
    bool m_reading;
};

void fields(Archive &a, Location &v)
{
    a(v.file, v.line, v.column);
}
void fields(Archive &a, PackageInfo &v)
{
    a(v.id, v.nixAttribute, v.description, v.defined);
}
void fields(Archive &a, PythonVersion &v)
{
    a(v.id, v.version, v.defined);
}
void fields(Archive &a, CudaRelease &v)
{
    a(v.id, v.version, v.nixAttribute, v.minDriverLinux, v.defined);
}
void fields(Archive &a, GpuArch &v)
{
    a(v.id, v.computeCapability, v.family, v.products, v.minCuda, v.maxCuda, v.defined);
}
void fields(Archive &a, CpuIsa &v)
{
    a(v.id, v.platform, v.description, v.compilerFlags, v.requiredFlags, v.machineFlags, v.cmakeFlags, v.cpuFlags, v.rank, v.alternativeFor,
        v.defined);
}
void fields(Archive &a, CpuFeatureTable &v)
{
    a(v.implies, v.flags, v.marchExtensions, v.neutralFlags);
}
void fields(Archive &a, DarwinTarget &v)
{
    a(v.id, v.platform, v.description);
}
void fields(Archive &a, BranchProfile &v)
{
    a(v.id, v.branchPatterns, v.nixpkgsRev, v.versions, v.cudaReleases, v.gpuArchitectures, v.defaultPython, v.defined);
}
void fields(Archive &a, StatedPair &v)
{
    a(v.companionBranch, v.pytorchBranch, v.defined);
}
void fields(Archive &a, Catalog &v)
{
    a(v.packages, v.pythons, v.cudaReleases, v.gpuArchitectures, v.cpuIsas, v.cpuFeatures, v.darwin, v.branchProfiles,
        v.defaultBranchProfile, v.pairing);
}

} // namespace

QByteArray CatalogBinary::write(const Catalog &catalog)
{
    QByteArray bytes;
    QDataStream s(&bytes, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_0);
    s << kMagic << kVersion;
    Catalog copy = catalog; // the archive's one field list takes references
    Archive a(s, false);
    a(copy);
    return bytes;
}

std::optional<Catalog> CatalogBinary::read(QByteArrayView bytes)
{
    const QByteArray data = QByteArray::fromRawData(bytes.data(), bytes.size());
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0, version = 0;
    s >> magic >> version;
    if (s.status() != QDataStream::Ok || magic != kMagic || version != kVersion)
        return std::nullopt;
    Catalog catalog;
    Archive a(s, true);
    a(catalog);
    if (s.status() != QDataStream::Ok || !s.atEnd())
        return std::nullopt;
    return catalog;
}

} // namespace vs
