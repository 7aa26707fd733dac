// The find bar of a TerminalWidget (see terminalsearchbar.h): its widgets, keys and the
// not-found state.

#include "terminalsearchbar.h"

#include "icons.h"
#include "theme.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Corral {

// The strings keep the translation context they had when the bar was part of TerminalWidget (and
// spelled out for lupdate), so the existing translations still apply.

TerminalSearchBar::TerminalSearchBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"terminalSearchBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);
    setCursor(Qt::ArrowCursor);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 3, 4, 3);
    layout->setSpacing(2);

    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"terminalSearchEdit"_s);
    m_edit->setPlaceholderText(
        QCoreApplication::translate("Corral::TerminalWidget", "Find in scrollback"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(180);
    m_edit->addAction(Icons::symbolic(u"search"_s), QLineEdit::LeadingPosition);
    layout->addWidget(m_edit, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(u"terminalSearchStatus"_s);
    layout->addWidget(m_status);

    auto button = [this, layout](const QString &name, const QString &icon, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        b->setIcon(Icons::symbolic(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::TabFocus);
        layout->addWidget(b);
        return b;
    };
    QToolButton *previous
        = button(u"terminalSearchPrevious"_s, u"find-previous"_s,
                 QCoreApplication::translate("Corral::TerminalWidget",
                                             "Previous match, towards older output (Enter)"));
    QToolButton *next
        = button(u"terminalSearchNext"_s, u"find-next"_s,
                 QCoreApplication::translate("Corral::TerminalWidget",
                                             "Next match, towards newer output (Shift+Enter)"));
    QToolButton *close
        = button(u"terminalSearchClose"_s, u"close"_s,
                 QCoreApplication::translate("Corral::TerminalWidget", "Close (Esc)"));

    connect(m_edit, &QLineEdit::textEdited, this, &TerminalSearchBar::textEdited);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] { Q_EMIT findRequested(true); });
    connect(previous, &QToolButton::clicked, this, [this] { Q_EMIT findRequested(true); });
    connect(next, &QToolButton::clicked, this, [this] { Q_EMIT findRequested(false); });
    connect(close, &QToolButton::clicked, this, &TerminalSearchBar::closeRequested);
    auto *shiftEnter = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return), m_edit);
    shiftEnter->setContext(Qt::WidgetShortcut);
    connect(shiftEnter, &QShortcut::activated, this, [this] { Q_EMIT findRequested(false); });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &TerminalSearchBar::closeRequested);
}

QString TerminalSearchBar::text() const
{
    return m_edit->text();
}

void TerminalSearchBar::setText(const QString &text)
{
    m_edit->setText(text);
}

void TerminalSearchBar::focusSearchField()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void TerminalSearchBar::setNotFound(bool notFound)
{
    m_status->setText(notFound ? QCoreApplication::translate("Corral::TerminalWidget", "Not found")
                               : QString());
    QPalette pal = palette();
    if (notFound) {
        const QColor error = Theme::errorColor(pal);
        QColor tint = pal.color(QPalette::Base);
        tint = QColor::fromRgbF(tint.redF() * 0.8 + error.redF() * 0.2,
                                tint.greenF() * 0.8 + error.greenF() * 0.2,
                                tint.blueF() * 0.8 + error.blueF() * 0.2);
        pal.setColor(QPalette::Base, tint);
        QPalette statusPal = m_status->palette();
        statusPal.setColor(QPalette::WindowText, error);
        m_status->setPalette(statusPal);
    }
    m_edit->setPalette(pal);
}

} // namespace Corral
