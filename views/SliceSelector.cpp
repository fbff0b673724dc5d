#include "SliceSelector.h"

#include "catalog/CudaVersion.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <functional>

namespace vs {

namespace {
void fill(QComboBox *box, const QStringList &ids, const QString &current, const std::function<QString(const QString &)> &label)
{
    const QSignalBlocker block(box);
    box->clear();
    for (const QString &id : ids)
        box->addItem(label(id), id);
    box->setCurrentIndex(qMax(0, box->findData(current)));
}
} // namespace

SliceSelector::SliceSelector(QWidget *parent)
    : QWidget(parent)
    , m_package(new QComboBox(this))
    , m_python(new QComboBox(this))
    , m_cuda(new QComboBox(this))
    , m_filter(new QComboBox(this))
{
    m_package->setObjectName(QStringLiteral("packageSelector"));
    m_python->setObjectName(QStringLiteral("pythonSelector"));
    m_cuda->setObjectName(QStringLiteral("cudaSelector"));
    m_filter->setObjectName(QStringLiteral("filterSelector"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    auto add = [&](const QString &text, QComboBox *box) {
        auto *label = new QLabel(text, this);
        label->setBuddy(box);
        row->addWidget(label);
        row->addWidget(box);
        row->addSpacing(8);
    };
    add(tr("&Package:"), m_package);
    add(tr("P&ython:"), m_python);
    add(tr("C&UDA:"), m_cuda);
    row->addStretch(1);
    add(tr("S&how:"), m_filter);
    for (QComboBox *box : { m_package, m_python, m_cuda }) {
        box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // a narrow column cuts "Show", never the slice
        connect(box, &QComboBox::currentIndexChanged, this, &SliceSelector::emitSlice);
    }
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            emit filterChosen(i);
    });
}

void SliceSelector::setChoices(const QStringList &packages, const QStringList &pythons, const QStringList &cudas, const QString &package,
    const QString &python, const QString &cuda)
{
    fill(m_package, packages, package, [](const QString &id) { return id; });
    fill(m_python, pythons, python, [](const QString &id) { return QStringLiteral("python%1").arg(id); });
    fill(m_cuda, cudas, cuda, [](const QString &id) { return CudaVersion::toVersion(id); });
}

void SliceSelector::setFilterNames(const QStringList &names)
{
    const QSignalBlocker block(m_filter);
    const int current = qMax(0, m_filter->currentIndex());
    m_filter->clear();
    m_filter->addItems(names);
    m_filter->setCurrentIndex(current);
}

void SliceSelector::emitSlice()
{
    emit sliceChosen(m_package->currentData().toString(), m_python->currentData().toString(), m_cuda->currentData().toString());
}

} // namespace vs
