#include "MainWindow.h"

#include "BranchList.h"
#include "Legend.h"
#include "MatrixController.h"
#include "MatrixView.h"
#include "RecipePreview.h"
#include "SliceSelector.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace vs {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Variant Studio"));

    auto *center = new QWidget(this);
    auto *column = new QVBoxLayout(center);
    m_selector = new SliceSelector(center);
    m_banner = new QLabel(center);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    m_banner->hide();
    m_view = new MatrixView(center);
    m_legend = new Legend(center);
    column->addWidget(m_selector);
    column->addWidget(m_banner);
    column->addWidget(m_view, 1);
    column->addWidget(m_legend);
    m_branches = new BranchList(this);
    m_preview = new RecipePreview(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("mainSplitter"));
    // The left column: a hint while no repository is open, then the branches.
    auto *left = new QWidget(this);
    auto *leftColumn = new QVBoxLayout(left);
    leftColumn->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("Open a build repository to see its matrix."), left);
    hint->setObjectName(QStringLiteral("noRepositoryHint"));
    hint->setWordWrap(true);
    leftColumn->addWidget(hint);
    leftColumn->addWidget(m_branches, 1);
    split->addWidget(left);
    split->addWidget(center);
    split->addWidget(m_preview);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    setCentralWidget(split);

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addWidget(m_counts, 1);

    m_matrix = new MatrixController(m_view, m_selector, m_counts, this);
    buildMenus();
    showBanner(tr("No repository open: this is the catalogue's plan. Open a build repository or create a new one."));
    resize(1280, 820);
}

MatrixModel *MainWindow::matrixModel() const
{
    return m_matrix->model();
}

void MainWindow::showBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
}

} // namespace vs
