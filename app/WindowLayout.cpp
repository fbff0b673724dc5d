#include "WindowLayout.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

#include <algorithm>

namespace vs {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplit = QStringLiteral("window/split");
const QString kVersionKey = QStringLiteral("window/version");
} // namespace

WindowLayout::WindowLayout(QMainWindow *window, QSplitter *split)
    : m_window(window)
    , m_split(split)
{
}

bool WindowLayout::restore()
{
    const QSettings settings;
    if (settings.value(kVersionKey).toInt() != kVersion)
        return false;
    const QByteArray geometry = settings.value(kGeometry).toByteArray();
    const QByteArray state = settings.value(kState).toByteArray();
    const QByteArray split = settings.value(kSplit).toByteArray();
    if (geometry.isEmpty() || state.isEmpty() || split.isEmpty())
        return false;
    return m_window->restoreGeometry(geometry) && m_window->restoreState(state, kVersion) && m_split->restoreState(split);
}

void WindowLayout::save() const
{
    QSettings settings;
    settings.setValue(kVersionKey, kVersion);
    settings.setValue(kGeometry, m_window->saveGeometry());
    settings.setValue(kState, m_window->saveState(kVersion));
    settings.setValue(kSplit, m_split->saveState());
}

void WindowLayout::shareSplit(int readerWidth, int gridWidth)
{
    const QList<int> sizes = m_split->sizes();
    if (sizes.size() != 2)
        return;
    const int total = sizes[0] + sizes[1];
    const int preview = qMax(0, std::min({ readerWidth, total / 2, total - gridWidth }));
    m_split->setSizes({ total - preview, preview });
}

} // namespace vs
