#include "comingsoonpage.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace Corral {

ComingSoonPage::ComingSoonPage(const QIcon &icon, const QString &title, const QString &text,
                               QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);

    auto *iconLabel = new QLabel(this);
    iconLabel->setPixmap(icon.pixmap(64, 64, QIcon::Disabled));
    iconLabel->setAlignment(Qt::AlignCenter);
    layout->addWidget(iconLabel);

    auto *titleLabel = new QLabel(title, this);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);
    titleLabel->setAlignment(Qt::AlignCenter);
    layout->addWidget(titleLabel);

    auto *textLabel = new QLabel(text, this);
    textLabel->setTextFormat(Qt::PlainText);
    textLabel->setWordWrap(true);
    textLabel->setAlignment(Qt::AlignCenter);
    textLabel->setForegroundRole(QPalette::PlaceholderText);
    // Centred between stretches rather than with an alignment flag: a layout item with an
    // alignment ignores the height a word-wrapped label needs for its width.
    textLabel->setMinimumWidth(360);
    textLabel->setMaximumWidth(520);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(textLabel, 4);
    row->addStretch(1);
    layout->addLayout(row);

    layout->addStretch(3);
}

} // namespace Corral
