#pragma once

#include <QWidget>

namespace vs {

// Explains the cell colours and marks: a swatch with glyph and name per status,
// plus the "runs here" and "recommended" overlays.
class Legend : public QWidget {
    Q_OBJECT
public:
    explicit Legend(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
};

} // namespace vs
