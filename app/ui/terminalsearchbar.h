#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QLineEdit;

namespace Corral {

// The find bar floating over a TerminalWidget's top right corner: a search field, a "Not
// found" status and previous / next / close buttons. It only collects the user's intent; the
// TerminalWidget runs the search and reports back through setNotFound().
//
// Enter and the previous button ask for a match towards older output, Shift+Enter and the next
// button towards newer output; Esc and the close button ask to close.
class TerminalSearchBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalSearchBar)

public:
    explicit TerminalSearchBar(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    // Focuses the search field with all of its text selected, ready to type over.
    void focusSearchField();
    // Tints the field and shows "Not found", or clears both.
    void setNotFound(bool notFound);

Q_SIGNALS:
    void textEdited(const QString &text); // typed by the user, not set by setText()
    void findRequested(bool backward);
    void closeRequested();

private:
    QLineEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Corral
