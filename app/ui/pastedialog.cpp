#include "pastedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Corral {

PasteDialog::PasteDialog(const QString &text, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"pasteDialog"_s);
    setWindowTitle(tr("Paste Multiple Lines"));
    setWindowModality(Qt::WindowModal);

    QString normalized = text;
    normalized.replace(u"\r\n"_s, u"\n"_s);
    normalized.replace(u'\r', u'\n');
    const int lines = lineCount(normalized);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *message = new QLabel(
        tr("You are pasting %n line(s) into the terminal. Each line break may run a command.",
           nullptr, lines),
        this);
    message->setObjectName(u"pasteMessage"_s);
    message->setWordWrap(true);
    top->addWidget(message, 1);
    layout->addLayout(top);

    QStringList preview = normalized.split(u'\n');
    while (!preview.isEmpty() && preview.constLast().isEmpty())
        preview.removeLast();
    const qsizetype hidden = preview.size() - PreviewLines;
    if (hidden > 0) {
        preview = preview.mid(0, PreviewLines);
        preview.append(tr("… %n more line(s)", nullptr, int(hidden)));
    }
    auto *view = new QPlainTextEdit(this);
    view->setObjectName(u"pastePreview"_s);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setPlainText(preview.join(u'\n'));
    const QFontMetrics fm(view->font());
    const int shown = std::min<int>(int(preview.size()), PreviewLines + 1);
    view->setMinimumWidth(fm.horizontalAdvance(u'M') * 60);
    view->setFixedHeight(fm.lineSpacing() * std::max(shown, 2) + 2 * view->frameWidth()
                         + int(2 * view->document()->documentMargin()) + 2);
    layout->addWidget(view);

    m_dontAsk = new QCheckBox(tr("&Don't ask again for this tab"), this);
    m_dontAsk->setObjectName(u"pasteDontAsk"_s);
    layout->addWidget(m_dontAsk);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *paste = buttons->addButton(tr("&Paste"), QDialogButtonBox::AcceptRole);
    paste->setObjectName(u"pasteButton"_s);
    paste->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    paste->setFocus();
}

PasteDialog::~PasteDialog() = default;

bool PasteDialog::dontAskAgain() const
{
    return m_dontAsk->isChecked();
}

int PasteDialog::lineCount(const QString &text)
{
    if (text.isEmpty())
        return 0;
    const int breaks = int(text.count(u'\n'));
    return text.endsWith(u'\n') ? breaks : breaks + 1;
}

} // namespace Corral
