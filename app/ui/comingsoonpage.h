#pragma once

#include <QWidget>

namespace Corral {

// A sidebar page for a part of Corral that is not there yet: an icon, a title and a sentence
// about what will arrive.
class ComingSoonPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComingSoonPage)

public:
    ComingSoonPage(const QIcon &icon, const QString &title, const QString &text,
                   QWidget *parent = nullptr);
};

} // namespace Corral
