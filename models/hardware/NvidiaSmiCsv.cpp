#include "hardware/NvidiaSmiCsv.h"

#include <QRegularExpression>

namespace vs {

namespace {

// "memory.total [MiB]" -> "memory.total"; nvidia-smi appends units to headers.
QString columnKey(QString header)
{
    header = header.trimmed().toLower();
    const qsizetype bracket = header.indexOf(QLatin1Char('['));
    if (bracket >= 0)
        header = header.left(bracket).trimmed();
    if (header == QLatin1String("gpu_name"))
        return QStringLiteral("name");
    if (header == QLatin1String("gpu_bus_id"))
        return QStringLiteral("pci.bus_id");
    return header;
}

bool isKnownColumn(const QString &key)
{
    static const QStringList known = { QStringLiteral("index"), QStringLiteral("name"), QStringLiteral("compute_cap"),
        QStringLiteral("driver_version"), QStringLiteral("memory.total"), QStringLiteral("pci.bus_id") };
    return known.contains(key);
}

// nvidia-smi writes "[N/A]" or "[Not Supported]" for fields an old driver or a
// special board cannot answer.
QString value(const QString &field)
{
    const QString v = field.trimmed();
    if (v.startsWith(QLatin1Char('[')) && v.endsWith(QLatin1Char(']')))
        return {};
    if (v == QLatin1String("N/A"))
        return {};
    return v;
}

QStringList fields(const QString &line)
{
    QStringList parts = line.split(QLatin1Char(','));
    for (QString &p : parts)
        p = p.trimmed();
    return parts;
}

// The first lines of a message nvidia-smi printed instead of CSV, as one line.
QString messageOf(const QStringList &lines)
{
    return lines.mid(0, 3).join(QLatin1Char(' ')).simplified();
}

} // namespace

QStringList NvidiaSmiCsv::queryArguments()
{
    return { QStringLiteral("--query-gpu=index,name,compute_cap,driver_version,memory.total,pci.bus_id"), QStringLiteral("--format=csv") };
}

NvidiaSmiResult NvidiaSmiCsv::parse(const QString &csv, const QStringList &noheaderColumns)
{
    NvidiaSmiResult result;
    QStringList lines;
    for (const QString &line : csv.split(QRegularExpression(QStringLiteral("\r?\n"))))
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    if (lines.isEmpty()) {
        result.error = QStringLiteral("nvidia-smi printed nothing");
        return result;
    }
    // The driver failure and NVML messages are plain text, printed instead of CSV.
    const QString all = lines.join(QLatin1Char(' '));
    if (all.contains(QLatin1String("NVIDIA-SMI has failed")) || all.contains(QLatin1String("Failed to initialize NVML"))
        || all.contains(QLatin1String("No devices were found"))) {
        result.error = messageOf(lines);
        return result;
    }

    QStringList columns;
    qsizetype first = 0;
    const QStringList headerFields = fields(lines.first());
    bool isHeader = !headerFields.isEmpty();
    for (const QString &h : headerFields)
        isHeader = isHeader && isKnownColumn(columnKey(h));
    if (isHeader) {
        for (const QString &h : headerFields)
            columns << columnKey(h);
        first = 1;
    } else if (!noheaderColumns.isEmpty()) {
        for (const QString &c : noheaderColumns)
            columns << columnKey(c);
    } else {
        result.error = QStringLiteral("nvidia-smi output is not the expected CSV: %1").arg(messageOf(lines));
        return result;
    }

    for (qsizetype i = first; i < lines.size(); ++i) {
        const QStringList row = fields(lines.at(i));
        if (row.size() != columns.size()) {
            result.error = QStringLiteral("nvidia-smi CSV line %1 has %2 fields, the header %3: %4")
                               .arg(i + 1)
                               .arg(row.size())
                               .arg(columns.size())
                               .arg(lines.at(i));
            return result;
        }
        GpuInfo gpu;
        gpu.index = int(result.gpus.size()); // when the index column is absent
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QString &key = columns.at(c);
            const QString v = value(row.at(c));
            if (key == QLatin1String("index")) {
                bool ok = false;
                const int n = v.toInt(&ok);
                if (ok)
                    gpu.index = n;
            } else if (key == QLatin1String("name"))
                gpu.name = v;
            else if (key == QLatin1String("compute_cap"))
                gpu.computeCapability = v;
            else if (key == QLatin1String("driver_version"))
                gpu.driver = v;
            else if (key == QLatin1String("memory.total"))
                gpu.memory = v;
            else if (key == QLatin1String("pci.bus_id"))
                gpu.pciBusId = v;
        }
        result.gpus << gpu;
    }
    return result;
}

} // namespace vs
