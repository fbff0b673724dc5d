#pragma once

#include <QWidget>

class QComboBox;

namespace vs {

// The selectors above the grid: package, Python, CUDA release and the cell filter.
class SliceSelector : public QWidget {
    Q_OBJECT
public:
    explicit SliceSelector(QWidget *parent = nullptr);
    // Each list: ids; the current one is selected without emitting sliceChosen.
    void setChoices(const QStringList &packages, const QStringList &pythons, const QStringList &cudas, const QString &package,
        const QString &python, const QString &cuda);
    // Names of the filter entries, in the order of their values.
    void setFilterNames(const QStringList &names);
    QComboBox *packageBox() const { return m_package; }
    QComboBox *pythonBox() const { return m_python; }
    QComboBox *cudaBox() const { return m_cuda; }
    QComboBox *filterBox() const { return m_filter; }

signals:
    void sliceChosen(const QString &package, const QString &python, const QString &cuda);
    void filterChosen(int filter);

private:
    void emitSlice();
    QComboBox *m_package, *m_python, *m_cuda, *m_filter;
    bool m_updating = false;
};

} // namespace vs
