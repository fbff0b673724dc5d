#include "BuildLogView.h"
#include "itemmodels/LogModel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QShortcut>
#include <QVBoxLayout>

namespace vs {

namespace {
// No colour stays "no colour" (the palette's), not transparent black.
QColor toColor(AnsiColor c)
{
    return c.isValid() ? QColor::fromRgba(c.argb) : QColor();
}
} // namespace

namespace {
QString clockText(qint64 ms)
{
    const qint64 s = ms / 1000;
    return s >= 3600
        ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
        : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

void LogLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(option.rect, option.palette.highlight());
    const QString text = index.data(Qt::DisplayRole).toString();
    const auto spans = index.data(LogModel::SpansRole).value<AnsiSpans>();
    const QColor plain = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QFont font = option.font;
    const QFontMetrics fm(font);
    const int baseline = option.rect.top() + (option.rect.height() - fm.height()) / 2 + fm.ascent();
    int x = option.rect.left() + 4;
    auto drawPiece = [&](const QString &piece, const QColor &fg, const QColor &bg, bool bold) {
        if (piece.isEmpty())
            return;
        QFont f = font;
        f.setBold(bold);
        painter->setFont(f);
        const int width = QFontMetrics(f).horizontalAdvance(piece);
        if (bg.isValid() && !selected)
            painter->fillRect(QRect(x, option.rect.top(), width, option.rect.height()), bg);
        painter->setPen(fg.isValid() && !selected ? fg : plain);
        painter->drawText(x, baseline, piece);
        x += width;
    };
    painter->save();
    painter->setClipRect(option.rect);
    int pos = 0;
    for (const AnsiSpan &span : spans) {
        if (x > option.rect.right())
            break;
        drawPiece(text.mid(pos, span.start - pos), {}, {}, false);
        drawPiece(text.mid(span.start, span.length), toColor(span.foreground), toColor(span.background), span.bold);
        pos = span.start + span.length;
    }
    if (x <= option.rect.right())
        drawPiece(text.mid(pos), {}, {}, false);
    painter->restore();
}

QSize LogLineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // One size for every row (the view uses uniform item sizes): lines longer than
    // the view are cut at its edge; the log file has them whole.
    return QSize(qMax(100, option.rect.width()), QFontMetrics(option.font).height() + 2);
}

BuildLogView::BuildLogView(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_list(new QListView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_header);
    layout->addWidget(m_list, 1);

    m_list->setUniformItemSizes(true);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setItemDelegate(new LogLineDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);

    QScrollBar *bar = m_list->verticalScrollBar();
    // Follow the end: new rows grow the range; stay at the bottom if we were there.
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_follow)
            bar->setValue(max);
    });
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_follow = value >= bar->maximum(); });

    auto *copy = new QShortcut(QKeySequence::Copy, m_list);
    copy->setContext(Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &BuildLogView::copySelection);

    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &BuildLogView::updateHeader);
    updateHeader();
}

void BuildLogView::setLogModel(LogModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_list->setModel(model);
    m_follow = true;
    if (model)
        connect(model, &LogModel::totalLinesChanged, this, [this] {
            if (!m_clock.isActive())
                updateHeader();
        });
    updateHeader();
}

void BuildLogView::setJob(const BuildJob &job)
{
    m_job = job;
    m_hasJob = true;
    if (job.state == BuildState::Running)
        m_clock.start();
    else
        m_clock.stop();
    updateHeader();
}

void BuildLogView::clearJob()
{
    m_hasJob = false;
    m_clock.stop();
    updateHeader();
}

QString BuildLogView::headerText() const
{
    return m_header->text();
}

void BuildLogView::updateHeader()
{
    if (!m_hasJob) {
        m_header->setText(tr("No build selected"));
        return;
    }
    const QString lines = m_model ? tr("%1 lines").arg(QLocale().toString(m_model->totalLines())) : QString();
    QString text;
    switch (m_job.state) {
    case BuildState::Queued:
        text = tr("⏳ %1 — waiting in the queue").arg(m_job.title());
        break;
    case BuildState::Running: {
        const qint64 elapsed = m_job.started.isValid() ? m_job.started.msecsTo(QDateTime::currentDateTime()) : 0;
        text = tr("⚙ %1 — running %2").arg(m_job.title(), clockText(elapsed));
        if (!m_job.currentStep.isEmpty())
            text += tr(" — %1").arg(m_job.currentStep);
        break;
    }
    case BuildState::Succeeded:
        text = tr("✓ %1 — succeeded in %2").arg(m_job.title(), clockText(m_job.durationMs));
        if (!m_job.storePath.isEmpty())
            text += QStringLiteral(" → ") + m_job.storePath;
        break;
    case BuildState::Failed:
        text = m_job.message.isEmpty()
            ? tr("✗ %1 — failed (exit code %2) after %3").arg(m_job.title()).arg(m_job.exitCode).arg(clockText(m_job.durationMs))
            : tr("✗ %1 — failed: %2").arg(m_job.title(), m_job.message);
        break;
    case BuildState::Cancelled:
        text = tr("⊘ %1 — cancelled after %2").arg(m_job.title(), clockText(m_job.durationMs));
        break;
    case BuildState::Interrupted:
        text = tr("⚠ %1 — interrupted").arg(m_job.title());
        break;
    }
    if (!lines.isEmpty())
        text += QStringLiteral("  ·  ") + lines;
    m_header->setText(text);
}

void BuildLogView::copySelection() const
{
    if (!m_model)
        return;
    QModelIndexList rows = m_list->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &i : rows)
        lines << i.data().toString();
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

} // namespace vs
