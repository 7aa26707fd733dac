// libFuzzer target for Corral::Terminal's input path.
//
// The input is what a remote program writes, fed as is, with one escape: 0xFF starts a local
// action (0xFF 0xFF feeds a single 0xFF). Actions resize, send keys and characters, paste,
// click and move the mouse, search, change the scrollback and read the screen back.
//
// Two terminals get the same input: one in whole pieces, the other with every piece cut in
// two. At the end every cell, the cursor, the modes and the replies must be the same
// (Terminal::feed promises that any split gives the same screen). Cuts are placed before an
// ASCII byte: a cut right before a combining mark is a known libvterm 0.1.4 limit.

#include "term/terminal.h"

#include <QObject>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>

using namespace Corral;

namespace {

struct Input
{
    const uint8_t *data;
    size_t size;
    size_t pos = 0;

    bool atEnd() const { return pos >= size; }
    uint8_t byte() { return pos < size ? data[pos++] : 0; }
    QByteArray bytes(size_t n)
    {
        n = std::min(n, size - std::min(pos, size));
        QByteArray b(reinterpret_cast<const char *>(data + pos), qsizetype(n));
        pos += n;
        return b;
    }
};

struct Subject
{
    Terminal term{10, 30, 64};
    std::string output;

    Subject()
    {
        QObject::connect(&term, &Terminal::outputReady, &term, [this](const QByteArray &b) {
            output.append(b.constData(), size_t(b.size()));
        });
    }
};

// FNV-1a over everything read back; cheap enough to run on every input.
struct Digest
{
    uint64_t h = 1469598103934665603ull;
    void add(uint64_t v)
    {
        for (int i = 0; i < 8; ++i) {
            h ^= (v >> (8 * i)) & 0xff;
            h *= 1099511628211ull;
        }
    }
    void add(const QString &s)
    {
        add(uint64_t(s.size()));
        for (QChar c : s)
            add(c.unicode());
    }
};

[[noreturn]] void fail(const char *what, int row, int col)
{
    std::fprintf(stderr, "%s at %d,%d\n", what, row, col);
    std::abort();
}

// Reads every cell, line and mode back, checks what must always hold, and digests it all;
// `text` gets a readable dump when asked for (to show a mismatch).
uint64_t readAll(Terminal &t, std::string *text = nullptr)
{
    Digest d;
    const TermCursor cur = t.cursor();
    if (cur.row < 0 || cur.row >= t.rows() || cur.col < 0 || cur.col >= t.cols()) {
        std::fprintf(stderr, "cursor %d,%d outside the %dx%d screen\n", cur.row, cur.col, t.rows(),
                     t.cols());
        std::abort();
    }
    for (uint64_t v :
         {uint64_t(t.rows()), uint64_t(t.cols()), uint64_t(cur.row), uint64_t(cur.col),
          uint64_t(cur.visible), uint64_t(cur.blink), uint64_t(cur.shape), uint64_t(t.altScreen()),
          uint64_t(t.bracketedPaste()), uint64_t(t.mouseMode()),
          uint64_t(t.applicationCursorKeys()), uint64_t(t.reverseVideo()),
          uint64_t(t.scrollbackLines()), uint64_t(t.scrollbackLimit())})
        d.add(v);
    d.add(t.title());
    if (text) {
        char buf[200];
        std::snprintf(buf, sizeof buf, "%dx%d cursor %d,%d sb %d title %s\n", t.rows(), t.cols(),
                      cur.row, cur.col, t.scrollbackLines(), t.title().toUtf8().constData());
        *text += buf;
    }
    for (int row = -t.scrollbackLines(); row < t.rows(); ++row) {
        const QString line = t.lineText(row);
        d.add(line);
        if (text)
            *text += std::to_string(row) + ": " + line.toStdString() + "\n";
        for (int col = 0; col < t.cols(); ++col) {
            const TermCell c = t.cell(row, col);
            if (c.width > 2)
                fail("cell wider than two columns", row, col);
            // scrollback lines keep the width they had, the screen must fit its glyphs
            if (c.width == 2
                && ((row >= 0 && col + 1 >= t.cols()) || t.cell(row, col + 1).width != 0))
                fail("wide glyph without its right half", row, col);
            if (c.width == 0 && (col == 0 || t.cell(row, col - 1).width != 2))
                fail("right half without its wide glyph", row, col);
            d.add(uint64_t(c.ch) | uint64_t(c.width) << 32 | uint64_t(c.defaultFg) << 40
                  | uint64_t(c.defaultBg) << 41 | uint64_t(c.bold) << 42 | uint64_t(c.italic) << 43
                  | uint64_t(c.underline) << 44 | uint64_t(c.reverse) << 45
                  | uint64_t(c.strike) << 46 | uint64_t(c.blink) << 47 | uint64_t(c.conceal) << 48);
            d.add(uint64_t(c.fg) << 32 | c.bg);
            if (c.ch)
                d.add(t.cellText(row, col));
            if (text) {
                char buf[64];
                std::snprintf(buf, sizeof buf, " %x/%u/%06x/%06x", unsigned(c.ch),
                              unsigned(c.width), c.fg, c.bg);
                *text += buf;
            }
        }
        if (text)
            *text += "\n";
    }
    if (t.screenText().size() != t.rows())
        fail("screenText() is not rows() lines", 0, 0);
    const QRect damage = t.takeDamage();
    if (!damage.isNull() && !QRect(0, 0, t.cols(), t.rows()).contains(damage))
        fail("damage outside the screen", damage.y(), damage.x());
    return d.h;
}

void action(Input &in, Subject &s)
{
    Terminal &t = s.term;
    const uint8_t op = in.byte();
    const uint8_t a = in.byte();
    const uint8_t b = in.byte();
    const uint8_t c = in.byte();
    switch (op % 12) {
    case 0:
        t.resize(1 + a % 40, 1 + b % 120);
        break;
    case 1:
        t.sendKey(Terminal::Key(a % 27), b % 8);
        break;
    case 2:
        t.sendChar(char32_t(((a << 16) | (b << 8) | c) % 0x110000), op >> 4);
        break;
    case 3:
        t.paste(QString::fromUtf8(in.bytes(a % 32)));
        break;
    case 4:
        t.mouseButton(Terminal::MouseButton(a % 6), b & 1, c % 50 - 5, (op >> 2) % 130, b >> 5);
        break;
    case 5:
        t.mouseMove(a % 50 - 5, b % 130, c % 8);
        break;
    case 6:
        t.findBackward(QString::fromUtf8(in.bytes(a % 8)), int(b) - 128, c % 140);
        break;
    case 7:
        t.findForward(QString::fromUtf8(in.bytes(a % 8)), int(b) - 128, c % 140 - 1);
        break;
    case 8:
        t.setScrollbackLimit(a % 100);
        break;
    case 9:
        t.clearScrollback();
        break;
    case 10:
        t.focusChanged(a & 1);
        break;
    case 11:
        t.sendText(QString::fromUtf8(in.bytes(a % 16)));
        readAll(t);
        break;
    }
}

void feedBoth(Subject &whole, Subject &split, const QByteArray &piece)
{
    whole.term.feed(piece);
    qsizetype cut = piece.size() > 1 ? (piece.size() * 7 + 3) % piece.size() : 0;
    while (cut > 0 && cut < piece.size() && uchar(piece.at(cut)) >= 0x80)
        ++cut;
    if (cut <= 0 || cut >= piece.size()) {
        split.term.feed(piece);
        return;
    }
    split.term.feed(QByteArrayView(piece).first(cut));
    split.term.feed(QByteArrayView(piece).sliced(cut));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Subject whole;
    Subject split;
    Input in{data, size};
    size_t start = 0;
    while (!in.atEnd()) {
        if (data[in.pos] != 0xff) {
            ++in.pos;
            continue;
        }
        const QByteArray piece(reinterpret_cast<const char *>(data + start),
                               qsizetype(in.pos - start));
        if (!piece.isEmpty())
            feedBoth(whole, split, piece);
        ++in.pos;
        if (!in.atEnd() && data[in.pos] == 0xff) {
            ++in.pos;
            feedBoth(whole, split, QByteArray(1, char(0xff)));
        } else {
            Input copy = in;
            action(in, whole);
            action(copy, split);
        }
        start = in.pos;
    }
    if (start < size)
        feedBoth(whole, split,
                 QByteArray(reinterpret_cast<const char *>(data + start), qsizetype(size - start)));

    if (readAll(whole.term) != readAll(split.term) || whole.output != split.output) {
        std::string a, b;
        readAll(whole.term, &a);
        readAll(split.term, &b);
        a += "output: " + QByteArray::fromStdString(whole.output).toPercentEncoding().toStdString();
        b += "output: " + QByteArray::fromStdString(split.output).toPercentEncoding().toStdString();
        size_t i = 0;
        while (i < a.size() && i < b.size() && a[i] == b[i])
            ++i;
        const size_t nl = i == 0 ? std::string::npos : a.rfind('\n', i - 1);
        const size_t from = nl == std::string::npos ? 0 : nl + 1;
        std::fprintf(stderr, "whole and split input differ:\n  whole: %s\n  split: %s\n",
                     a.substr(from, 400).c_str(), b.substr(from, 400).c_str());
        std::abort();
    }
    return 0;
}
