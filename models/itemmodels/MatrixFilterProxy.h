#pragma once

#include "itemmodels/CellStatus.h"

#include <QIdentityProxyModel>

namespace vs {

// Filters the matrix by dimming: a grid whose cells moved around would lose its
// axes, so non-matching cells stay in place and report DimmedRole = true.
class MatrixFilterProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    enum Filter { All, OnlyProblems, OnlyDefined, OnlyNotDefined };
    Q_ENUM(Filter)
    static constexpr int DimmedRole = Qt::UserRole + 100;

    explicit MatrixFilterProxy(QObject *parent = nullptr);
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    static QString filterName(Filter filter);
    bool matches(const QModelIndex &sourceIndex) const;

    QVariant data(const QModelIndex &index, int role) const override;

private:
    Filter m_filter = All;
};

} // namespace vs
