#pragma once

#include <QDialog>
#include <QString>

class QCheckBox;

namespace Corral {

// Asks before a paste with line breaks reaches a terminal (each line may run as a command):
// shows the first lines and the line count, "Paste" / "Cancel", and "Don't ask again for this
// tab". Window-modal; open() it and act on accepted(). Lives on the GUI thread.
class PasteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasteDialog)

public:
    static constexpr int PreviewLines = 8;

    explicit PasteDialog(const QString &text, QWidget *parent = nullptr);
    ~PasteDialog() override;

    bool dontAskAgain() const;
    static int lineCount(const QString &text);

private:
    QCheckBox *m_dontAsk = nullptr;
};

} // namespace Corral
