#pragma once

class QMainWindow;
class QSplitter;

namespace vs {

// The window's shape across runs: its geometry, the docks (QMainWindow state) and
// the grid / preview split, kept in QSettings under window/. A saved state of an
// older dock arrangement (another kVersion) is not applied.
class WindowLayout {
public:
    static constexpr int kVersion = 2; // 2: branches and hardware docked left

    WindowLayout(QMainWindow *window, QSplitter *split);

    // Applies what was saved; false when nothing was (the defaults stay).
    bool restore();
    void save() const;
    // The default split: the preview wide enough for `readerWidth` pixels of
    // recipe, but not more than half the splitter, and the grid keeps at least
    // `gridWidth` (every column visible).
    void shareSplit(int readerWidth, int gridWidth);

private:
    QMainWindow *m_window;
    QSplitter *m_split;
};

} // namespace vs
