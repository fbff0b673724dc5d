#include "MainWindow.h"

#include <QLabel>

namespace vs {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Variant Studio"));
    setCentralWidget(new QLabel(tr("Open a build repository to see its matrix."), this));
    resize(1200, 800);
}

} // namespace vs
