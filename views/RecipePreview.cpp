#include "RecipePreview.h"

#include "StatusDelegate.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace vs {

RecipePreview::RecipePreview(QWidget *parent)
    : QWidget(parent)
    , m_repository(new KSyntaxHighlighting::Repository)
    , m_highlighter(nullptr)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_driftToggle(new QToolButton(this))
    , m_editor(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("recipePreview"));
    m_title->setObjectName(QStringLiteral("previewTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    // A long variant name or path must not widen the pane (and squeeze the others): they are cut instead.
    m_title->setMinimumWidth(1);
    m_subtitle->setMinimumWidth(1);
    m_banner->setObjectName(QStringLiteral("previewBanner"));
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(4);
    m_banner->hide();
    m_driftToggle->setObjectName(QStringLiteral("driftToggle"));
    m_driftToggle->setText(tr("Show &drift"));
    m_driftToggle->setToolTip(tr("Compare the recipe with what the template would generate, line by line"));
    m_driftToggle->setCheckable(true);
    m_driftToggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_editor->setObjectName(QStringLiteral("previewText"));
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_driftToggle);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(head);
    column->addWidget(m_subtitle);
    column->addWidget(m_banner);
    column->addWidget(m_editor, 1);

    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document());
    m_highlighter->setDefinition(m_repository->definitionForName(QStringLiteral("Nix")));
    applyTheme();
    connect(m_driftToggle, &QToolButton::toggled, this, &RecipePreview::render);
    setContent({});
}

RecipePreview::~RecipePreview()
{
    // The highlighter refers to the repository's definitions: delete it first.
    delete m_highlighter;
    delete m_repository;
}

QString RecipePreview::definitionName() const
{
    return m_highlighter->definition().name();
}

QString RecipePreview::themeName() const
{
    return m_highlighter->theme().name();
}

int RecipePreview::readerWidth() const
{
    const int columns = 100;
    return QFontMetrics(m_editor->font()).horizontalAdvance(QLatin1Char('x')) * columns + 2 * m_editor->frameWidth()
        + m_editor->verticalScrollBar()->sizeHint().width() + 2 * int(m_editor->document()->documentMargin());
}

void RecipePreview::applyTheme()
{
    // KSyntaxHighlighting picks the theme that fits the palette's base and highlight.
    m_highlighter->setTheme(m_repository->themeForPalette(palette()));
    m_highlighter->rehighlight();
}

void RecipePreview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        render();
    }
    QWidget::changeEvent(event);
}

void RecipePreview::setContent(const Content &content)
{
    m_content = content;
    render();
}

bool RecipePreview::showingDrift() const
{
    return m_driftToggle->isChecked() && m_content.hasDrift;
}

void RecipePreview::setShowDrift(bool on)
{
    m_driftToggle->setChecked(on);
}

void RecipePreview::render()
{
    m_title->setText(m_content.title.isEmpty() ? tr("Recipe") : m_content.title);
    m_subtitle->setText(m_content.subtitle);
    m_subtitle->setVisible(!m_content.subtitle.isEmpty());
    m_banner->setText(m_content.banner);
    m_banner->setVisible(!m_content.banner.isEmpty());
    m_driftToggle->setEnabled(m_content.hasDrift);
    if (m_content.hasDrift) {
        const int added = RecipeDrift::countOf(m_content.drift, DriftLine::Added);
        const int removed = RecipeDrift::countOf(m_content.drift, DriftLine::Removed);
        m_driftToggle->setText(
            RecipeDrift::hasDrift(m_content.drift) ? tr("Show &drift (+%1 −%2)").arg(added).arg(removed) : tr("No drift"));
    } else {
        m_driftToggle->setText(tr("Show &drift"));
    }

    QList<QTextEdit::ExtraSelection> marks;
    if (!m_content.message.isEmpty()) {
        m_editor->setPlainText(m_content.message);
    } else if (showingDrift()) {
        m_editor->setPlainText(RecipeDrift::toText(m_content.drift));
        // Whole-line backgrounds for + and − lines, readable in both palettes.
        const bool dark = StatusDelegate::isDark(palette());
        const QColor addedColor = dark ? QColor(0x1f, 0x4d, 0x2a) : QColor(0xd4, 0xf5, 0xd4);
        const QColor removedColor = dark ? QColor(0x5c, 0x1f, 0x24) : QColor(0xfb, 0xd5, 0xd5);
        QTextBlock block = m_editor->document()->firstBlock();
        for (const DriftLine &line : std::as_const(m_content.drift)) {
            if (!block.isValid())
                break;
            if (line.kind != DriftLine::Same) {
                QTextEdit::ExtraSelection mark;
                mark.format.setBackground(line.kind == DriftLine::Added ? addedColor : removedColor);
                mark.format.setProperty(QTextFormat::FullWidthSelection, true);
                mark.cursor = QTextCursor(block);
                marks.append(mark);
            }
            block = block.next();
        }
    } else {
        m_editor->setPlainText(m_content.text);
    }
    m_editor->setExtraSelections(marks);
}

} // namespace vs
