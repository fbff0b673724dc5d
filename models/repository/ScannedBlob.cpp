#include "repository/ScannedBlob.h"

#include "recipes/Lint.h"
#include "system/SafeFile.h"

#include <QDir>
#include <QFileInfo>

#include <cstring>

namespace vs::scannedblob {

ParsedBlob parse(QByteArrayView bytes, bool keepText)
{
    ParsedBlob p;
    p.answered = true;
    p.size = bytes.size();
    p.binary = !bytes.isEmpty() && std::memchr(bytes.data(), 0, size_t(bytes.size())) != nullptr;
    if (!p.binary) {
        if (keepText || Lint::needsText(bytes)) {
            p.text = QString::fromUtf8(bytes);
            p.meta = RecipeMetadata::extract(p.text);
        } else {
            p.meta = RecipeMetadata::extractUtf8(bytes); // no string made for a text nobody reads
        }
    }
    return p;
}

void shareStrings(ParsedBlob &p, StringPool &pool)
{
    RecipeMetadata &m = p.meta;
    // Not pname and description: they name the recipe, so they hardly ever repeat,
    // and hashing them cost more than the few pages it saved.
    for (QString *s : { &m.gpuArch, &m.nixpkgsRev, &m.cudaPackages, &m.gpuArchConflict, &m.gpuArchInUse })
        pool.intern(*s);
    pool.intern(m.cpuFlags);
    pool.intern(m.platforms);
}

void shareStrings(RecipeFile &r, StringPool &pool)
{
    if (!r.variant)
        return;
    VariantName &v = *r.variant;
    for (QString *s : { &v.package, &v.python, &v.cuda, &v.gpu, &v.isa, &v.gluedVersion })
        pool.intern(*s);
}

void apply(RecipeFile &r, const ParsedBlob &p)
{
    r.size = p.size;
    r.tooLarge = p.tooLarge;
    r.text = p.text;
    r.binary = p.binary;
    r.meta = p.meta;
}

// Moved, not copied: a copy touches every string's shared header, made on another
// thread (a cache miss each), and nearly every blob has one recipe file.
void apply(RecipeFile &r, ParsedBlob &&p)
{
    r.size = p.size;
    r.tooLarge = p.tooLarge;
    r.text = std::move(p.text);
    r.binary = p.binary;
    r.meta = std::move(p.meta);
}

void readFromDisk(RecipeFile &r, const QString &root, qint64 maxBytes, bool keepText)
{
    const QString path = QDir(root).filePath(r.path);
    const QFileInfo info(path);
    if (info.isSymLink()) {
        r.symlink = true;
        r.symlinkTarget = info.symLinkTarget();
        return;
    }
    const SafeFile::Read read = SafeFile::read(path, maxBytes);
    r.size = read.size;
    r.tooLarge = read.tooLarge;
    if (read.tooLarge)
        return;
    if (!read.ok()) {
        r.unreadable = true;
        r.parseError = QStringLiteral("cannot read %1: %2").arg(r.path, read.error.mid(path.size() + 2));
        return;
    }
    apply(r, parse(read.bytes, keepText));
}

} // namespace vs::scannedblob
