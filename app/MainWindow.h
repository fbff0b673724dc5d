#pragma once

#include <QMainWindow>

namespace vs {

// Wires models to views; computes nothing itself.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace vs
