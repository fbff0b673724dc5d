#include "farm/MachinesFile.h"
#include "system/ProcessRunner.h"
#include "system/SafeFile.h"

#include <QRegularExpression>

namespace vs {

namespace {

constexpr int kMaxIncludeDepth = 8; // "@FILE" inside a file: enough for real use, stops loops

bool isSet(const QStringList &fields, int i)
{
    return fields.size() > i && fields[i] != QLatin1String("-") && !fields[i].isEmpty();
}

// A comma-separated list of names; a name is what Nix accepts in a system or feature.
bool parseNames(const QString &text, QStringList *names, QString *bad)
{
    static const QRegularExpression name(QStringLiteral(R"(^[A-Za-z0-9_.+-]+$)"));
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!name.match(part).hasMatch()) {
            *bad = part;
            return false;
        }
        names->append(part);
    }
    return true;
}

} // namespace

QString MachinesProblem::fieldName(int field)
{
    static const char *names[]
        = { "URI", "systems", "SSH key", "max jobs", "speed factor", "supported features", "mandatory features", "host key" };
    return field >= 1 && field <= 8 ? QString::fromLatin1(names[field - 1]) : QString();
}

QString MachinesProblem::text() const
{
    QString where = QStringLiteral("%1 line %2").arg(source).arg(line);
    if (entry > 0)
        where += QStringLiteral(", entry %1").arg(entry);
    if (field > 0)
        where += QStringLiteral(", field %1 (%2)").arg(field).arg(fieldName(field));
    return QStringLiteral("%1: %2").arg(where, message);
}

QString MachinesParse::problemText() const
{
    QStringList lines;
    for (const MachinesProblem &p : problems)
        lines << p.text();
    return lines.join(QLatin1Char('\n'));
}

MachinesParse MachinesFile::parse(const QString &text, const QString &source)
{
    MachinesParse result;
    parseInto(text, source, result, 0);
    return result;
}

void MachinesFile::parseInto(const QString &text, const QString &source, MachinesParse &result, int depth)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int l = 0; l < lines.size(); ++l) {
        const QStringList entries = lines[l].split(QLatin1Char(';'));
        for (int e = 0; e < entries.size(); ++e) {
            MachinesProblem where { source, l + 1, entries.size() > 1 ? e + 1 : 0, 0, {} };
            auto problem = [&](int field, const QString &message) {
                where.field = field;
                where.message = message;
                result.problems.append(where);
            };
            QString entry = entries[e];
            entry.truncate(entry.indexOf(QLatin1Char('#')) < 0 ? entry.size() : entry.indexOf(QLatin1Char('#')));
            entry = entry.trimmed();
            if (entry.isEmpty())
                continue;
            if (entry.startsWith(QLatin1Char('@'))) {
                const QString path = entry.mid(1).trimmed();
                if (depth >= kMaxIncludeDepth) {
                    problem(0, QStringLiteral("\"@%1\": files include each other too deeply").arg(path));
                    continue;
                }
                const SafeFile::Read read = SafeFile::read(path);
                if (!read.exists)
                    continue; // as Nix: a machines file that is not there means no machines
                if (!read.ok()) {
                    problem(0, QStringLiteral("cannot read \"%1\": %2").arg(path, read.error));
                    continue;
                }
                parseInto(QString::fromUtf8(read.bytes), path, result, depth + 1);
                continue;
            }
            const QStringList fields = entry.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            if (fields.size() > 8) {
                problem(0,
                    QStringLiteral("%1 fields; a machine has at most 8 (URI systems ssh-key max-jobs speed-factor "
                                   "supported-features mandatory-features host-key)")
                        .arg(fields.size()));
                continue;
            }
            const int before = result.problems.size();
            BuilderMachine m;
            m.line = l + 1;
            m.uri = fields[0];
            if (!m.uri.contains(QLatin1String("://")))
                m.uri.prepend(QStringLiteral("ssh://")); // as Nix does with a bare host name
            static const QRegularExpression uri(QStringLiteral(R"(^(ssh|ssh-ng)://([A-Za-z0-9_.-]+@)?[A-Za-z0-9_.-]+$)"));
            if (!uri.match(m.uri).hasMatch()) {
                if (!m.uri.startsWith(QLatin1String("ssh://")) && !m.uri.startsWith(QLatin1String("ssh-ng://")))
                    problem(1, QStringLiteral("\"%1\" is not an ssh:// or ssh-ng:// address").arg(fields[0]));
                else if (m.host().contains(QLatin1Char(':')))
                    problem(1,
                        QStringLiteral("\"%1\" has a port; Nix takes none in the URI: put it in ~/.ssh/config or NIX_SSHOPTS")
                            .arg(fields[0]));
                else
                    problem(
                        1, QStringLiteral("\"%1\" is not a host name (letters, digits, '.', '-', '_', optionally user@)").arg(fields[0]));
            }
            QString bad;
            if (isSet(fields, 1) && !parseNames(fields[1], &m.systems, &bad))
                problem(2, QStringLiteral("\"%1\" is not a system such as x86_64-linux").arg(bad));
            if (isSet(fields, 2))
                m.sshKey = fields[2];
            if (isSet(fields, 3)) {
                bool ok = false;
                m.maxJobs = fields[3].toInt(&ok);
                if (!ok || m.maxJobs < 0)
                    problem(4, QStringLiteral("\"%1\" is not a number of jobs (0 or more)").arg(fields[3]));
            }
            if (isSet(fields, 4)) {
                bool ok = false;
                m.speedFactor = fields[4].toDouble(&ok);
                if (!ok || m.speedFactor <= 0)
                    problem(5, QStringLiteral("\"%1\" is not a speed factor (a number above 0)").arg(fields[4]));
            }
            if (isSet(fields, 5) && !parseNames(fields[5], &m.supportedFeatures, &bad))
                problem(6, QStringLiteral("\"%1\" is not a feature name").arg(bad));
            if (isSet(fields, 6) && !parseNames(fields[6], &m.mandatoryFeatures, &bad))
                problem(7, QStringLiteral("\"%1\" is not a feature name").arg(bad));
            if (isSet(fields, 7)) {
                m.publicHostKey = fields[7];
                const auto decoded = QByteArray::fromBase64Encoding(fields[7].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                if (!decoded || decoded.decoded.isEmpty())
                    problem(8,
                        QStringLiteral("not base64 (the host key is the base64 of a line of known_hosts' key, "
                                       "e.g. `base64 -w0 /etc/ssh/ssh_host_ed25519_key.pub`)"));
            }
            if (result.problems.size() == before)
                result.machines.append(m);
        }
    }
}

MachinesParse MachinesFile::read(const QString &path)
{
    const SafeFile::Read read = SafeFile::read(path);
    if (!read.ok() || !read.exists) {
        MachinesParse result;
        result.problems.append(
            { path, 0, 0, 0, read.exists ? QStringLiteral("cannot read it: %1").arg(read.error) : QStringLiteral("no such file") });
        return result;
    }
    return parse(QString::fromUtf8(read.bytes), path);
}

MachinesParse MachinesFile::fromSpec(const QString &spec, const QString &source)
{
    const QString trimmed = spec.trimmed();
    if (trimmed.startsWith(QLatin1Char('@')) && !trimmed.contains(QLatin1Char('\n')) && !trimmed.contains(QLatin1Char(';')))
        return read(trimmed.mid(1));
    return parse(spec, source);
}

QString MachinesFile::buildersFromConfig(const QString &configText)
{
    static const QRegularExpression line(QStringLiteral(R"(^\s*builders\s*=(.*)$)"), QRegularExpression::MultilineOption);
    QString value;
    // The last one wins, as in nix.conf.
    for (auto it = line.globalMatch(configText); it.hasNext();)
        value = it.next().captured(1).trimmed();
    return value;
}

MachinesParse MachinesFile::fromNixConfiguration(const QString &nixProgram)
{
    const QString source = QStringLiteral("Nix's builders setting");
    ProcessResult shown = ProcessRunner(nixProgram,
        { QStringLiteral("--extra-experimental-features"), QStringLiteral("nix-command"), QStringLiteral("config"), QStringLiteral("show"),
            QStringLiteral("builders") })
                              .setTimeout(30000)
                              .run();
    if (shown.ok())
        return parse(shown.outText(), source);
    const ProcessResult all = ProcessRunner(
        nixProgram, { QStringLiteral("--extra-experimental-features"), QStringLiteral("nix-command"), QStringLiteral("show-config") })
                                  .setTimeout(30000)
                                  .run();
    if (all.ok())
        return parse(buildersFromConfig(all.outText()), source);
    MachinesParse failed;
    failed.problems.append({ source, 0, 0, 0, shown.errorText() });
    return failed;
}

QString MachinesFile::toSetting(const QList<BuilderMachine> &machines)
{
    QStringList lines;
    for (const BuilderMachine &m : machines)
        lines << m.toLine();
    return lines.join(QStringLiteral(" ; "));
}

QString MachinesFile::toText(const QList<BuilderMachine> &machines)
{
    QString text;
    for (const BuilderMachine &m : machines)
        text += m.toLine() + QLatin1Char('\n');
    return text;
}

} // namespace vs
