#include "BranchList.h"

namespace vs {

BranchList::BranchList(QWidget *parent)
    : QListView(parent)
{
    setObjectName(QStringLiteral("branchList"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSpacing(2);
    setWordWrap(true);
}

QSize BranchList::sizeHint() const
{
    return QSize(fontMetrics().horizontalAdvance(QStringLiteral("pytorch-2.10-python313-x")) + 24, 300);
}

} // namespace vs
