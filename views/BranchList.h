#pragma once

#include <QListView>

namespace vs {

// The repository's branches (name, recipe and problem counts; the checked-out one marked).
class BranchList : public QListView {
    Q_OBJECT
public:
    explicit BranchList(QWidget *parent = nullptr);
    QSize sizeHint() const override;
};

} // namespace vs
