#include "catalog/CatalogLoader.h"
#include "system/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

namespace vs {

namespace {

// Collects located errors while applying YAML nodes onto typed entries.
struct Reader {
    QString file;
    QList<CatalogError> errors;

    Location at(const YAML::Node &node) const
    {
        const YAML::Mark m = node.Mark();
        return {file, m.line + 1, m.column + 1};
    }
    void fail(const YAML::Node &node, const QString &message) { errors.append({at(node), message}); }

    static QString kindName(const YAML::Node &n)
    {
        if (n.IsMap())
            return QStringLiteral("a mapping");
        if (n.IsSequence())
            return QStringLiteral("a list");
        if (n.IsNull())
            return QStringLiteral("nothing");
        return QStringLiteral("a scalar");
    }

    bool expectScalar(const YAML::Node &n, const QString &key, QString &out)
    {
        if (!n.IsScalar()) {
            fail(n, QStringLiteral("'%1' must be a text value, found %2").arg(key, kindName(n)));
            return false;
        }
        out = QString::fromStdString(n.Scalar());
        return true;
    }
    bool expectList(const YAML::Node &n, const QString &key, QStringList &out)
    {
        if (!n.IsSequence()) {
            fail(n, QStringLiteral("'%1' must be a list, found %2").arg(key, kindName(n)));
            return false;
        }
        QStringList items;
        for (const auto &item : n) {
            if (!item.IsScalar()) {
                fail(item, QStringLiteral("items of '%1' must be text values, found %2").arg(key, kindName(item)));
                return false;
            }
            items.append(QString::fromStdString(item.Scalar()));
        }
        out = items;
        return true;
    }
    bool expectInt(const YAML::Node &n, const QString &key, int &out)
    {
        QString text;
        if (!expectScalar(n, key, text))
            return false;
        bool ok = false;
        const int v = text.toInt(&ok);
        if (!ok) {
            fail(n, QStringLiteral("'%1' must be a whole number, found '%2'").arg(key, text));
            return false;
        }
        out = v;
        return true;
    }
    bool expectMap(const YAML::Node &n, const QString &key, QMap<QString, QString> &out)
    {
        if (!n.IsMap()) {
            fail(n, QStringLiteral("'%1' must be a mapping, found %2").arg(key, kindName(n)));
            return false;
        }
        for (auto it = n.begin(); it != n.end(); ++it) {
            QString v;
            if (!expectScalar(it->second, key, v))
                return false;
            out.insert(QString::fromStdString(it->first.Scalar()), v);
        }
        return true;
    }
};

// One field table per entry type keeps the YAML keys next to the members they fill.
template<typename T>
using FieldSetter = std::function<bool(Reader &, const YAML::Node &, const QString &, T &)>;

template<typename T>
FieldSetter<T> text(QString T::*m)
{
    return [m](Reader &r, const YAML::Node &n, const QString &k, T &e) { return r.expectScalar(n, k, e.*m); };
}
template<typename T>
FieldSetter<T> list(QStringList T::*m)
{
    return [m](Reader &r, const YAML::Node &n, const QString &k, T &e) { return r.expectList(n, k, e.*m); };
}

template<typename T>
struct EntryType {
    QString section;
    QMap<QString, FieldSetter<T>> fields;
    QStringList required; // besides id, for entries new in a file
};

template<typename T>
void applySection(Reader &r, const YAML::Node &root, const EntryType<T> &type, QList<T> &entries)
{
    const YAML::Node section = root[type.section.toStdString()];
    if (!section)
        return;
    if (!section.IsSequence()) {
        r.fail(section, QStringLiteral("'%1' must be a list of entries, found %2").arg(type.section, Reader::kindName(section)));
        return;
    }
    QSet<QString> seenInThisFile;
    // Entries by id: a lookup per entry keeps a long list linear, not quadratic.
    QHash<QString, qsizetype> indexOf;
    indexOf.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        indexOf.insert(entries.at(i).id, i);
    for (const auto &node : section) {
        if (!node.IsMap()) {
            r.fail(node, QStringLiteral("an entry of '%1' must be a mapping, found %2").arg(type.section, Reader::kindName(node)));
            continue;
        }
        QString id;
        const YAML::Node idNode = node["id"];
        if (!idNode) {
            r.fail(node, QStringLiteral("an entry of '%1' has no 'id'").arg(type.section));
            continue;
        }
        if (!r.expectScalar(idNode, QStringLiteral("id"), id))
            continue;
        if (seenInThisFile.contains(id)) {
            r.fail(idNode, QStringLiteral("duplicate id '%1' in '%2'").arg(id, type.section));
            continue;
        }
        seenInThisFile.insert(id);
        const auto found = indexOf.constFind(id);
        const bool isNew = found == indexOf.constEnd();
        T entry = isNew ? T{} : entries.at(*found);
        entry.id = id;
        // Where this file last set the entry: a reference error it introduced is
        // reported in this file, not in the catalogue it overrides.
        entry.defined = r.at(node);
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it->first.Scalar());
            if (key == QLatin1String("id"))
                continue;
            const auto setter = type.fields.constFind(key);
            if (setter == type.fields.constEnd()) {
                r.fail(it->first, QStringLiteral("unknown key '%1' in an entry of '%2'").arg(key, type.section));
                continue;
            }
            (*setter)(r, it->second, key, entry);
        }
        if (isNew) {
            for (const QString &key : type.required) {
                if (!node[key.toStdString()])
                    r.fail(node, QStringLiteral("entry '%1' of '%2' lacks '%3'").arg(id, type.section, key));
            }
            indexOf.insert(id, entries.size());
            entries.append(entry);
        } else {
            entries[*found] = entry;
        }
    }
}

EntryType<PackageInfo> packageType()
{
    return {QStringLiteral("packages"),
            {{QStringLiteral("nixAttribute"), text(&PackageInfo::nixAttribute)},
             {QStringLiteral("description"), text(&PackageInfo::description)}},
            {QStringLiteral("nixAttribute")}};
}
EntryType<PythonVersion> pythonType()
{
    return {QStringLiteral("pythons"), {{QStringLiteral("version"), text(&PythonVersion::version)}}, {QStringLiteral("version")}};
}
EntryType<CudaRelease> cudaType()
{
    return {QStringLiteral("cudaReleases"),
            {{QStringLiteral("version"), text(&CudaRelease::version)},
             {QStringLiteral("nixAttribute"), text(&CudaRelease::nixAttribute)},
             {QStringLiteral("minDriverLinux"), text(&CudaRelease::minDriverLinux)}},
            {QStringLiteral("version"), QStringLiteral("nixAttribute")}};
}
EntryType<GpuArch> gpuType()
{
    return {QStringLiteral("gpuArchitectures"),
            {{QStringLiteral("computeCapability"), text(&GpuArch::computeCapability)},
             {QStringLiteral("family"), text(&GpuArch::family)},
             {QStringLiteral("products"), list(&GpuArch::products)},
             {QStringLiteral("minCuda"), text(&GpuArch::minCuda)},
             {QStringLiteral("maxCuda"), text(&GpuArch::maxCuda)}},
            {QStringLiteral("computeCapability")}};
}
EntryType<CpuIsa> isaType()
{
    return {QStringLiteral("cpuIsas"),
            {{QStringLiteral("platform"), text(&CpuIsa::platform)},
             {QStringLiteral("description"), text(&CpuIsa::description)},
             {QStringLiteral("compilerFlags"), list(&CpuIsa::compilerFlags)},
             {QStringLiteral("requiredFlags"), list(&CpuIsa::requiredFlags)},
             {QStringLiteral("machineFlags"), list(&CpuIsa::machineFlags)},
             {QStringLiteral("cmakeFlags"), list(&CpuIsa::cmakeFlags)},
             {QStringLiteral("cpuFlags"), list(&CpuIsa::cpuFlags)},
             {QStringLiteral("rank"), [](Reader &r, const YAML::Node &n, const QString &k, CpuIsa &e) { return r.expectInt(n, k, e.rank); }},
             {QStringLiteral("alternativeFor"), text(&CpuIsa::alternativeFor)}},
            {QStringLiteral("platform"), QStringLiteral("compilerFlags"), QStringLiteral("cpuFlags")}};
}
EntryType<BranchProfile> profileType()
{
    return {QStringLiteral("branchProfiles"),
            {{QStringLiteral("branches"), list(&BranchProfile::branchPatterns)},
             {QStringLiteral("nixpkgsRev"), text(&BranchProfile::nixpkgsRev)},
             {QStringLiteral("versions"),
              [](Reader &r, const YAML::Node &n, const QString &k, BranchProfile &e) { return r.expectMap(n, k, e.versions); }},
             {QStringLiteral("cudaReleases"), list(&BranchProfile::cudaReleases)},
             {QStringLiteral("gpuArchitectures"), list(&BranchProfile::gpuArchitectures)},
             {QStringLiteral("defaultPython"), text(&BranchProfile::defaultPython)}},
            {QStringLiteral("nixpkgsRev")}};
}

const QStringList kTopLevelKeys = {QStringLiteral("packages"),         QStringLiteral("pythons"),     QStringLiteral("cudaReleases"),
                                   QStringLiteral("gpuArchitectures"), QStringLiteral("cpuIsas"),     QStringLiteral("cpuFeatures"),
                                   QStringLiteral("darwin"),           QStringLiteral("branchProfiles"), QStringLiteral("defaultBranchProfile"),
                                   QStringLiteral("pairing")};

// cpuFeatures: mappings of name -> list; an overlay adds entries or replaces them by name.
void applyCpuFeatures(Reader &r, const YAML::Node &node, CpuFeatureTable &t)
{
    if (!node.IsMap()) {
        r.fail(node, QStringLiteral("'cpuFeatures' must be a mapping, found %1").arg(Reader::kindName(node)));
        return;
    }
    const QMap<QString, QMap<QString, QStringList> *> maps = {{QStringLiteral("implies"), &t.implies},
                                                              {QStringLiteral("flags"), &t.flags},
                                                              {QStringLiteral("marchExtensions"), &t.marchExtensions}};
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString key = QString::fromStdString(it->first.Scalar());
        if (key == QLatin1String("neutralFlags")) {
            QStringList neutral;
            if (r.expectList(it->second, key, neutral))
                t.neutralFlags += neutral;
            continue;
        }
        QMap<QString, QStringList> *target = maps.value(key);
        if (!target) {
            r.fail(it->first, QStringLiteral("unknown key '%1' in 'cpuFeatures' (known: implies, flags, marchExtensions, "
                                             "neutralFlags)").arg(key));
            continue;
        }
        if (!it->second.IsMap()) {
            r.fail(it->second, QStringLiteral("'%1' must be a mapping, found %2").arg(key, Reader::kindName(it->second)));
            continue;
        }
        for (auto e = it->second.begin(); e != it->second.end(); ++e) {
            QStringList features;
            if (r.expectList(e->second, key, features))
                target->insert(QString::fromStdString(e->first.Scalar()), features);
        }
    }
}

// A git branch name as far as it matters here: text a maintainer could have typed as a
// branch, not a path, an option or a pattern (git check-ref-format's main rules).
bool plausibleBranchName(const QString &name)
{
    static const QRegularExpression bad(QStringLiteral("[\\s~^:?*\\[\\\\\\x00-\\x1f\\x7f]|\\.\\.|@\\{|//"));
    return !name.isEmpty() && !name.startsWith(QLatin1Char('-')) && !name.startsWith(QLatin1Char('/')) && !name.endsWith(QLatin1Char('/'))
        && !name.endsWith(QLatin1Char('.')) && !name.endsWith(QLatin1String(".lock")) && !bad.match(name).hasMatch();
}

// pairing: companion branch -> PyTorch branch. An overlay replaces a branch's pair or adds one.
void applyPairing(Reader &r, const YAML::Node &node, QList<StatedPair> &pairs)
{
    if (!node.IsMap()) {
        r.fail(node,
            QStringLiteral("'pairing' must be a mapping of companion branch to PyTorch branch (main: pytorch-2.9-python313), "
                           "found %1")
                .arg(Reader::kindName(node)));
        return;
    }
    QSet<QString> seenInThisFile;
    for (auto it = node.begin(); it != node.end(); ++it) {
        QString companion, pytorch;
        if (!r.expectScalar(it->first, QStringLiteral("pairing"), companion) || !r.expectScalar(it->second, companion, pytorch))
            continue;
        bool ok = true;
        for (const auto &[text, where] : {std::pair{companion, it->first}, std::pair{pytorch, it->second}}) {
            if (!plausibleBranchName(text)) {
                r.fail(where,
                    text.isEmpty() ? QStringLiteral("an empty branch name in 'pairing'")
                                   : QStringLiteral("'%1' in 'pairing' is not a branch name").arg(text));
                ok = false;
            }
        }
        if (!ok)
            continue;
        if (seenInThisFile.contains(companion)) {
            r.fail(it->first, QStringLiteral("companion branch '%1' is paired twice in 'pairing'").arg(companion));
            continue;
        }
        seenInThisFile.insert(companion);
        const StatedPair pair { companion, pytorch, r.at(it->first) };
        const auto same = std::find_if(pairs.begin(), pairs.end(), [&](const StatedPair &p) { return p.companionBranch == companion; });
        if (same != pairs.end())
            *same = pair;
        else
            pairs.append(pair);
    }
}

void applyDocument(Reader &r, const YAML::Node &root, Catalog &c)
{
    if (root.IsNull())
        return; // an empty overlay is fine
    if (!root.IsMap()) {
        r.fail(root, QStringLiteral("the catalogue must be a mapping of sections, found %1").arg(Reader::kindName(root)));
        return;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = QString::fromStdString(it->first.Scalar());
        if (!kTopLevelKeys.contains(key))
            r.fail(it->first, QStringLiteral("unknown section '%1' (known: %2)").arg(key, kTopLevelKeys.join(QStringLiteral(", "))));
    }
    applySection(r, root, packageType(), c.packages);
    applySection(r, root, pythonType(), c.pythons);
    applySection(r, root, cudaType(), c.cudaReleases);
    applySection(r, root, gpuType(), c.gpuArchitectures);
    applySection(r, root, isaType(), c.cpuIsas);
    applySection(r, root, profileType(), c.branchProfiles);
    if (const YAML::Node f = root["cpuFeatures"])
        applyCpuFeatures(r, f, c.cpuFeatures);
    if (const YAML::Node d = root["darwin"]) {
        if (!d.IsMap()) {
            r.fail(d, QStringLiteral("'darwin' must be a mapping, found %1").arg(Reader::kindName(d)));
        } else {
            if (d["id"])
                r.expectScalar(d["id"], QStringLiteral("id"), c.darwin.id);
            if (d["platform"])
                r.expectScalar(d["platform"], QStringLiteral("platform"), c.darwin.platform);
            if (d["description"])
                r.expectScalar(d["description"], QStringLiteral("description"), c.darwin.description);
        }
    }
    if (const YAML::Node d = root["defaultBranchProfile"])
        r.expectScalar(d, QStringLiteral("defaultBranchProfile"), c.defaultBranchProfile);
    if (const YAML::Node p = root["pairing"])
        applyPairing(r, p, c.pairing);
}

// References between sections, checked on the merged result.
void checkReferences(Reader &r, const Catalog &c)
{
    auto failAt = [&](const Location &where, const QString &message) { r.errors.append({where, message}); };
    for (const GpuArch &g : c.gpuArchitectures) {
        for (const QString &v : {g.minCuda, g.maxCuda}) {
            if (!v.isEmpty() && !c.cudaRelease(v))
                failAt(g.defined, QStringLiteral("GPU architecture '%1' refers to unknown CUDA release '%2'").arg(g.id, v));
        }
        if (!g.id.startsWith(QLatin1String("sm")))
            failAt(g.defined, QStringLiteral("GPU architecture id '%1' must look like sm90").arg(g.id));
    }
    for (const CpuIsa &i : c.cpuIsas) {
        // Required flags are a part of the recommended ones: lint reads a missing one as an error.
        for (const QString &f : i.requiredFlags)
            if (!i.compilerFlags.contains(f))
                failAt(i.defined, QStringLiteral("CPU ISA '%1' requires '%2', which is not among its compilerFlags").arg(i.id, f));
        if (i.platform != QLatin1String("x86_64-linux") && i.platform != QLatin1String("aarch64-linux"))
            failAt(i.defined, QStringLiteral("CPU ISA '%1' has unknown platform '%2' (x86_64-linux or aarch64-linux)").arg(i.id, i.platform));
    }
    for (const BranchProfile &p : c.branchProfiles) {
        for (const QString &a : p.gpuArchitectures)
            if (!c.gpuArch(a))
                failAt(p.defined, QStringLiteral("branch profile '%1' refers to unknown GPU architecture '%2'").arg(p.id, a));
        for (const QString &v : p.cudaReleases)
            if (!c.cudaRelease(v))
                failAt(p.defined, QStringLiteral("branch profile '%1' refers to unknown CUDA release '%2'").arg(p.id, v));
        if (!p.defaultPython.isEmpty() && !c.python(p.defaultPython))
            failAt(p.defined, QStringLiteral("branch profile '%1' refers to unknown Python '%2'").arg(p.id, p.defaultPython));
    }
    if (!c.defaultBranchProfile.isEmpty() && !c.branchProfile(c.defaultBranchProfile))
        failAt({r.file, 0, 0}, QStringLiteral("defaultBranchProfile refers to unknown branch profile '%1'").arg(c.defaultBranchProfile));
}

CatalogLoad apply(const Catalog &base, const QByteArray &yaml, const QString &fileName)
{
    Reader r{fileName, {}};
    Catalog merged = base;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        applyDocument(r, root, merged);
    } catch (const YAML::Exception &e) {
        r.errors.append({{fileName, e.mark.line + 1, e.mark.column + 1}, QString::fromStdString(e.msg)});
    }
    if (r.errors.isEmpty())
        checkReferences(r, merged);
    if (!r.errors.isEmpty())
        return {base, r.errors};
    return {merged, {}};
}

} // namespace

CatalogLoad CatalogLoader::fromYaml(const QByteArray &yaml, const QString &fileName)
{
    return apply(Catalog{}, yaml, fileName);
}

CatalogLoad CatalogLoader::overlay(const Catalog &base, const QByteArray &yaml, const QString &fileName)
{
    return apply(base, yaml, fileName);
}

QString CatalogLoader::repositoryOverlayPath(const QString &repositoryRoot)
{
    return QDir(repositoryRoot).filePath(QStringLiteral(".flox/variant-studio.yaml"));
}

CatalogLoad CatalogLoader::forRepository(const QString &repositoryRoot)
{
    const QString path = repositoryOverlayPath(repositoryRoot);
    // Repository content: a link to /dev/zero, a FIFO or a huge file must neither
    // hang nor exhaust the app.
    const SafeFile::Read read = SafeFile::read(path);
    if (!read.exists)
        return {Catalog::embedded(), {}};
    if (!read.ok())
        return {Catalog::embedded(), {{{path, 0, 0}, read.error.mid(path.size() + 2)}}};
    return overlay(Catalog::embedded(), read.bytes, path);
}

} // namespace vs
