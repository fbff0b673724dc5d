#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace vs {

// Explains the cell colours and marks: a swatch with glyph and name per status,
// plus the "runs here" and "recommended" overlays. The entries wrap into as many
// columns as fit, so the legend never makes the grid's column wider.
class Legend : public QWidget {
    Q_OBJECT
public:
    explicit Legend(QWidget *parent = nullptr);
    int columnCount() const { return m_columns; }
    // The companion statuses and the PyTorch tag are explained only while companion cells are shown,
    // so a PyTorch-only window keeps its room below the grid.
    void setCompanionEntries(bool shown);
    bool companionEntries() const { return m_companionEntries; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void place(int columns);
    int entryWidth() const; // the widest swatch + name
    int columnsFor(int width) const;

    struct Entry {
        QLabel *icon;
        QLabel *label;
    };
    QList<Entry> m_entries;
    QGridLayout *m_grid = nullptr;
    int m_columns = 6;
    bool m_companionEntries = false;
};

} // namespace vs
