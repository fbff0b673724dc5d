#include "catalog/CudaVersion.h"

#include <QVersionNumber>

namespace vs {

namespace {
const QLatin1String kAttributePrefix("cudaPackages_");
}

QString CudaVersion::toVersion(const QString &id)
{
    return QString(id).replace(QLatin1Char('_'), QLatin1Char('.'));
}

QString CudaVersion::fromVersion(const QString &version)
{
    return QString(version).replace(QLatin1Char('.'), QLatin1Char('_'));
}

QString CudaVersion::attribute(const QString &id)
{
    return kAttributePrefix + fromVersion(id);
}

QString CudaVersion::fromAttribute(const QString &attribute)
{
    return attribute.startsWith(kAttributePrefix) ? attribute.mid(kAttributePrefix.size()) : QString();
}

int CudaVersion::compare(const QString &a, const QString &b)
{
    return QVersionNumber::compare(QVersionNumber::fromString(toVersion(a)), QVersionNumber::fromString(toVersion(b)));
}

} // namespace vs
