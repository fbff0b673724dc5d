#include "repository/GitOutput.h"

#include <algorithm>

namespace vs::GitOutput {

QStringList refFormat()
{
    return { QStringLiteral("--format=%(refname)%00%(objectname)%00%(objecttype)%00%(symref)%00%(HEAD)") };
}

QList<Ref> parseRefs(const QByteArray &out)
{
    QList<Ref> refs;
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> f = line.split('\0');
        if (f.size() < 4 || !f[3].isEmpty() || f[2] != "commit")
            continue;
        Ref r;
        r.fullName = QString::fromUtf8(f[0]);
        r.commit = QString::fromLatin1(f[1]);
        r.head = f.size() > 4 && f[4] == "*";
        if (r.fullName.startsWith(QLatin1String("refs/heads/"))) {
            r.name = r.fullName.mid(11);
        } else if (r.fullName.startsWith(QLatin1String("refs/remotes/"))) {
            r.name = r.fullName.mid(13);
            r.remote = true;
        } else {
            continue;
        }
        refs.append(r);
    }
    return refs;
}

QList<TreeEntry> parseLsTree(const QByteArray &out)
{
    // "<mode> SP <type> SP <object> SP+ <size> TAB <path>" NUL
    QList<TreeEntry> entries;
    for (const QByteArray &record : out.split('\0')) {
        const qsizetype tab = record.indexOf('\t');
        if (tab < 0)
            continue;
        const QList<QByteArray> f = record.left(tab).simplified().split(' ');
        if (f.size() < 4)
            continue;
        TreeEntry e;
        e.mode = QString::fromLatin1(f[0]);
        e.type = QString::fromLatin1(f[1]);
        e.object = QString::fromLatin1(f[2]);
        bool ok = false;
        e.size = f[3].toLongLong(&ok);
        if (!ok)
            e.size = -1;
        e.path = QString::fromUtf8(record.mid(tab + 1));
        entries.append(e);
    }
    return entries;
}

QList<TreeEntry> parseTreeObject(QByteArrayView content, const QString &prefix, int hashBytes)
{
    QList<TreeEntry> entries;
    qsizetype i = 0;
    while (i < content.size()) {
        const qsizetype space = content.indexOf(' ', i);
        const qsizetype nul = space < 0 ? -1 : content.indexOf('\0', space);
        if (nul < 0 || nul + 1 + hashBytes > content.size())
            break;
        // Read in place (a scan lists thousands of entries): no copy of the parts first.
        const QByteArrayView mode(content.constData() + i, space - i);
        TreeEntry e;
        // The usual modes are shared strings, not one new string per entry.
        static const QString kFile = QStringLiteral("100644"), kLink = QStringLiteral("120000"), kTree = QStringLiteral("40000");
        e.mode = mode == "100644" ? kFile : mode == "120000" ? kLink : mode == "40000" ? kTree : QString::fromLatin1(mode);
        e.type = mode == "40000" ? QStringLiteral("tree") : mode == "160000" ? QStringLiteral("commit") : QStringLiteral("blob");
        // Names are nearly always ASCII: appended as they are, without a decoded copy first.
        const QByteArrayView name(content.constData() + space + 1, nul - space - 1);
        const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return uchar(c) < 0x80; });
        e.path.reserve(prefix.size() + 1 + name.size());
        e.path.append(prefix).append(QLatin1Char('/'));
        if (ascii)
            e.path.append(QLatin1StringView(name));
        else
            e.path.append(QString::fromUtf8(name));
        e.object = QString(qsizetype(hashBytes) * 2, Qt::Uninitialized);
        QChar *hex = e.object.data();
        for (int k = 0; k < hashBytes; ++k) {
            const uchar b = uchar(content[nul + 1 + k]);
            *hex++ = QLatin1Char("0123456789abcdef"[b >> 4]);
            *hex++ = QLatin1Char("0123456789abcdef"[b & 15]);
        }
        entries.append(std::move(e));
        i = nul + 1 + hashBytes;
    }
    return entries;
}

QList<StatusEntry> parseStatus(const QByteArray &out)
{
    // "XY path" NUL, and for renames/copies "XY new" NUL "old" NUL.
    QList<StatusEntry> entries;
    const QList<QByteArray> records = out.split('\0');
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QByteArray &r = records[i];
        if (r.size() < 4)
            continue;
        const char x = r[0], y = r[1];
        const QString path = QString::fromUtf8(r.mid(3));
        if (x == 'R' || x == 'C') {
            if (y != 'D') // renamed in the index, then removed from disk: nothing there
                entries.append({ path, RecipeFile::State::New });
            if (i + 1 < records.size() && x == 'R')
                entries.append({ QString::fromUtf8(records[i + 1]), RecipeFile::State::Deleted });
            ++i;
            continue;
        }
        if (x == '?' && y == '?')
            entries.append({ path, RecipeFile::State::New });
        else if (x == 'A' && y != 'D')
            entries.append({ path, RecipeFile::State::New });
        else if (x == 'A')
            continue; // added to the index, then removed from disk: nothing there
        else if (x == 'D' || y == 'D')
            entries.append({ path, RecipeFile::State::Deleted });
        else if (x != '!')
            entries.append({ path, RecipeFile::State::Modified });
    }
    return entries;
}

} // namespace vs::GitOutput
