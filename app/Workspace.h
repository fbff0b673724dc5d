#pragma once

#include "repository/RepositoryScan.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace vs {

class CompanionsController;
class MatrixModel;
class RepositoryController;

// The repositories of the window: the open (PyTorch) repository and the companion
// repositories next to it (scanned with CompanionsController's analysis). The grid
// shows one of them at a time, the one the chosen package lives in, so its branch
// list, recipes, preview, builds and history are that repository's. Feeds the grid
// the workspace's packages and the shown repository's companion overlays.
class Workspace : public QObject {
    Q_OBJECT
public:
    Workspace(RepositoryController *primary, CompanionsController *companions, MatrixModel *matrix, QObject *parent = nullptr);

    RepositoryController *primary() const { return m_primary; }
    // The shown repository (what RepositoryController offers for the open one).
    const RepositoryScan &scan() const;
    QString root() const { return scan().root; }
    bool hasRepository() const { return !root().isEmpty(); }
    bool showsCompanion() const { return !m_shown.isEmpty(); }
    // Rescans the workspace (the open repository, then its companions).
    void rescan();

    // The repository whose cells a package's grid shows: the companion repository
    // holding most recipes of it, else the open one.
    QString rootOf(const QString &package) const;
    // Shows the repository of `package` (shownChanged when that is another one).
    void showPackage(const QString &package);
    // The branch to show: the one shown last in that repository, else a companion
    // repository's branch paired with the open repository's, else the checked-out one.
    QString branchToShow() const;
    void remember(const QString &branch);

signals:
    // Another repository is shown, or the shown one was scanned again.
    void shownChanged();

private:
    void companionsAnalysed();
    void feedMatrix();

    RepositoryController *m_primary;
    CompanionsController *m_companions;
    MatrixModel *m_matrix;
    QString m_shown; // a companion repository's root; empty: the open repository
    QHash<QString, QString> m_branches; // last branch shown, by root
};

} // namespace vs
