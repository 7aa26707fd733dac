#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QRect>
#include <QString>
#include <QStringList>

#include <memory>

namespace Corral {

// One screen cell as the widget paints it. Colours are resolved to RGB (the 256-colour
// palette and truecolor alike); `defaultFg`/`defaultBg` say the cell uses the theme's colour.
struct TermCell
{
    char32_t ch = 0; // first code point; 0 = empty. Combining marks: Terminal::cellText()
    quint32 fg = 0; // 0xRRGGBB
    quint32 bg = 0;
    quint8 width = 1; // 2 for the left half of a wide glyph, 0 for its right half
    bool defaultFg = true;
    bool defaultBg = true;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool reverse = false;
    bool strike = false;
    bool blink = false;
    bool conceal = false;
};

struct TermCursor
{
    int row = 0;
    int col = 0;
    bool visible = true;
    bool blink = true;
    enum class Shape : quint8 { Block, Underline, Bar } shape = Shape::Block;
};

// A terminal emulator on libvterm: bytes from the remote side in, a screen of cells plus a
// scrollback out; keys, text, pastes and mouse events in, bytes for the remote side out.
// Lives on one thread (the GUI's, next to its widget); never blocks. Not copyable.
//
// Rows are numbered from the top of the live screen: 0 .. rows()-1 is the screen,
// -1 .. -scrollbackLines() the scrollback (-1 = the line just above the screen).
class Terminal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Terminal)

public:
    static constexpr int DefaultScrollback = 10000;

    explicit Terminal(int rows = 24, int cols = 80, int scrollbackLimit = DefaultScrollback,
        QObject *parent = nullptr);
    ~Terminal() override;

    // Remote output. Any split of a byte stream gives the same screen as the whole.
    void feed(QByteArrayView bytes);

    int rows() const;
    int cols() const;
    void resize(int rows, int cols); // reflows nothing; emits outputReady for nothing
    int scrollbackLines() const;
    int scrollbackLimit() const;
    void setScrollbackLimit(int lines);
    void clearScrollback();

    TermCell cell(int row, int col) const;
    QString cellText(int row, int col) const; // the glyph with its combining marks
    QString lineText(int row) const; // trailing blanks trimmed
    QStringList screenText() const; // rows() lines of lineText()
    TermCursor cursor() const;
    QString title() const;
    bool altScreen() const;
    bool bracketedPaste() const;
    enum class MouseMode : quint8 { Off, Click, Drag, Move };
    MouseMode mouseMode() const;
    bool applicationCursorKeys() const;
    bool reverseVideo() const;

    // Collects the damaged area since the last call, in screen rows/cols (may be empty).
    // A scroll of the whole screen is reported as the whole screen.
    QRect takeDamage();

    // Local input: every method emits outputReady with what the remote side should get.
    enum class Key : quint8 {
        Enter, Tab, Backspace, Escape, Up, Down, Left, Right, Insert, Delete, Home, End,
        PageUp, PageDown, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
        KpEnter,
    };
    enum Modifier : quint8 { NoModifier = 0, Shift = 1, Alt = 2, Ctrl = 4 };
    void sendKey(Key key, int modifiers = NoModifier);
    void sendChar(char32_t ch, int modifiers = NoModifier); // Ctrl+C etc. included
    void sendText(const QString &text); // typed text, as is
    void paste(const QString &text); // wrapped in ESC[200~ .. ESC[201~ when the remote asked
    enum class MouseButton : quint8 { None, Left, Middle, Right, WheelUp, WheelDown };
    // Reported only when the remote enabled mouse reporting; returns whether it was sent.
    bool mouseMove(int row, int col, int modifiers = NoModifier);
    bool mouseButton(MouseButton button, bool pressed, int row, int col,
        int modifiers = NoModifier);
    void focusChanged(bool focused); // reported when the remote asked (DECSET 1004)

    // Finds text in scrollback + screen, searching backwards (upwards) from (row, col)
    // exclusive; case-insensitive, within one line. Returns the start of the match (length
    // in columns: a wide glyph counts two) or an invalid match. A row past the bottom
    // (findBackward) or above the scrollback (findForward) starts at that end.
    struct Match
    {
        int row = 0;
        int col = 0;
        int length = 0;
        bool valid = false;
    };
    Match findBackward(const QString &needle, int row, int col) const;
    Match findForward(const QString &needle, int row, int col) const;

Q_SIGNALS:
    void outputReady(const QByteArray &bytes); // for the remote side (replies and input)
    void bell();
    void titleChanged(const QString &title);
    void scrollbackChanged(int lines); // a line was pushed into (or dropped from) scrollback
    void altScreenChanged(bool active);

private:
    void finishOp(); // ends a public operation; emits what it collected

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Corral
