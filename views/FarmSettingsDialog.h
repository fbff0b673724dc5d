#pragma once

#include <QDialog>

namespace vs {

class FarmSettingsEditor;

// Settings › Build Farm…: the farm's settings page, the same editor as the Build
// Farm dock. Changes apply as they are made (as in the dock); Close closes.
class FarmSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit FarmSettingsDialog(QWidget *parent = nullptr);

    FarmSettingsEditor *editor() const { return m_editor; }

signals:
    void showDockRequested(); // "Check the builders in the Build Farm dock"

private:
    FarmSettingsEditor *m_editor;
};

} // namespace vs
