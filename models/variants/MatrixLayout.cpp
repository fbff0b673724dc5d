#include "variants/MatrixLayout.h"

#include <algorithm>

namespace vs {

namespace {
template <typename Entry> QStringList idsOf(const QList<Entry> &entries)
{
    QStringList out;
    for (const Entry &e : entries)
        out.append(e.id);
    return out;
}

// The catalogue's ids the branch has in catalogue order, then the branch's others sorted.
QStringList presentInOrder(const QStringList &present, const QStringList &catalogue)
{
    QStringList out;
    for (const QString &id : catalogue)
        if (present.contains(id))
            out.append(id);
    QStringList rest;
    for (const QString &id : present)
        if (!catalogue.contains(id) && !rest.contains(id))
            rest.append(id);
    std::sort(rest.begin(), rest.end());
    return out + rest;
}

// Every catalogue id, then the branch's others in the order met.
QStringList catalogueThenMet(const QStringList &met, QStringList catalogue)
{
    for (const QString &id : met)
        if (!catalogue.contains(id))
            catalogue.append(id);
    return catalogue;
}
} // namespace

QString MatrixLayout::rowOf(const VariantName &v)
{
    switch (v.kind) {
    case VariantName::Kind::Cuda:
        return v.gpu;
    case VariantName::Kind::Darwin:
        return darwinRow();
    case VariantName::Kind::Cpu:
        break;
    }
    return cpuRow();
}

MatrixLayout::MatrixLayout(const Catalog &catalog, const QList<VariantName> &variants, Span span)
{
    QStringList gpus, isas; // in the order met
    bool cpu = false, darwin = false;
    for (int i = 0; i < variants.size(); ++i) {
        const VariantName &v = variants[i];
        if (v.kind == VariantName::Kind::Cuda && !gpus.contains(v.gpu))
            gpus.append(v.gpu);
        if (v.kind != VariantName::Kind::Darwin && !isas.contains(v.isa))
            isas.append(v.isa);
        cpu = cpu || v.kind == VariantName::Kind::Cpu;
        darwin = darwin || v.kind == VariantName::Kind::Darwin;
        m_cells[key(rowOf(v), v.isa)].append(i);
    }
    if (span == Span::Catalogue) {
        m_gpuRows = catalogueThenMet(gpus, idsOf(catalog.gpuArchitectures));
        m_columns = catalogueThenMet(isas, idsOf(catalog.cpuIsas));
        m_rows = m_gpuRows + QStringList { cpuRow(), darwinRow() };
        return;
    }
    m_gpuRows = presentInOrder(gpus, idsOf(catalog.gpuArchitectures));
    m_columns = presentInOrder(isas, idsOf(catalog.cpuIsas));
    m_rows = m_gpuRows;
    if (cpu)
        m_rows.append(cpuRow());
    if (darwin) {
        m_rows.append(darwinRow());
        m_columns.append(catalog.darwin.id);
    }
}

} // namespace vs
