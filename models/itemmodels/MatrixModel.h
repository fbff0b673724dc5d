#pragma once

#include "catalog/Catalog.h"
#include "hardware/MachineFit.h"
#include "itemmodels/CellStatus.h"
#include "itemmodels/CompanionOverlay.h"
#include "itemmodels/MatrixCell.h"
#include "variants/MatrixLayout.h"
#include "variants/VariantName.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QMap>

namespace vs {

class SliceChoices;

// The matrix of one slice (package × Python × CUDA) of one branch: rows are GPU
// architectures, a CPU-only row and the darwin row (whose one cell sits in column 0);
// columns are CPU ISAs. Without a branch it shows the catalogue's plan.
class MatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(CellStatus)
        StatusTextRole, // "defined"
        GlyphRole, // "✓"
        VariantNameRole, // "pytorch-python313-cuda12_9-sm90-avx512"
        RunsHereRole, // bool
        RecommendedRole, // bool
        FilePathRole, // ".flox/pkgs/…" or empty
        ReasonRole, // why incompatible / the problems, one per line
        IsCellRole, // false for the empty columns of the darwin row
        PartnerStatusRole, // a companion cell: int(CellStatus) of its PyTorch (needs PyTorch … published); else invalid
        SharedBuildRole, // a companion cell: bool, shares its PyTorch build; invalid when not known
    };

    explicit MatrixModel(QObject *parent = nullptr);

    void setCatalog(const Catalog &catalog);
    const Catalog &catalog() const { return m_catalog; }
    // An empty branch name means plan mode: no repository.
    void setBranch(const QString &branch, const QList<MatrixRecipe> &recipes);
    QString branch() const { return m_branch; }
    bool isPlan() const { return m_branch.isEmpty(); }
    const QList<MatrixRecipe> &recipes() const { return m_recipes; }
    void setSlice(const QString &package, const QString &python, const QString &cuda);
    QString package() const { return m_package; }
    QString python() const { return m_python; }
    QString cuda() const { return m_cuda; }
    void setMachine(const MachineFit &fit);
    // Build results keyed by buildKey(branch, variant); they take over the cell's colour.
    void setBuildStates(const QHash<QString, CellStatus> &states);
    static QString buildKey(const QString &branch, const QString &variantName) { return branch + QLatin1Char(':') + variantName; }
    // The shown repository's companion cells (TorchVision, TorchAudio), keyed like buildKey:
    // their PyTorch partner's status overlays the cell and a missing partner makes it "needs PyTorch".
    void setCompanionOverlays(const CompanionOverlays &overlays);
    const CompanionOverlay *overlayAt(const QModelIndex &index) const; // null: not a companion cell
    const CompanionOverlay *overlayOf(const QString &branch, const QString &variantName) const;
    // Packages of the whole workspace (every repository's): offered after the branch's own.
    void setWorkspacePackages(const QStringList &packages);

    // Values present on the branch, most frequent first, then the catalogue's.
    QStringList packageChoices() const;
    QStringList pythonChoices() const;
    QStringList cudaChoices() const;

    int cpuRow() const { return int(m_layout.gpuRows().size()); }
    int darwinRow() const { return int(m_layout.gpuRows().size()) + 1; }
    bool isCell(const QModelIndex &index) const;
    VariantName variantAt(const QModelIndex &index) const;
    CellStatus statusAt(const QModelIndex &index) const;
    QList<const MatrixRecipe *> recipesAt(const QModelIndex &index) const;
    const MatrixRecipe *recipeAt(const QModelIndex &index) const; // the first, or null
    QModelIndex indexOf(const VariantName &variant) const; // invalid when outside the slice
    QModelIndex recommendedIndex() const;
    QMap<CellStatus, int> statusCounts() const; // over the cells of the slice
    // Cells of the whole branch (all slices) that run on this machine.
    int runnableRecipeCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void sliceChanged();

private:
    using Cell = MatrixCell;
    void rebuildAxes();
    void rebuildCells();
    Cell makeCell(const VariantName &v) const;
    QString tooltip(const Cell &cell) const;
    const Cell *cellAt(const QModelIndex &index) const;
    SliceChoices sliceChoices() const;

    Catalog m_catalog;
    QString m_branch;
    QList<MatrixRecipe> m_recipes;
    MatrixLayout m_layout; // where the branch's recipes sit
    QString m_package, m_python, m_cuda;
    MachineFit m_machine;
    QHash<QString, CellStatus> m_buildStates;
    CompanionOverlays m_overlays;
    QStringList m_workspacePackages;
    QList<Cell> m_cells; // row-major; the darwin row has one cell (column 0)
};

} // namespace vs
