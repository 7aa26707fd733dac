#include "termrender.h"

#include "term/terminal.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QTextStream>

namespace Corral {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Corral)
};

constexpr int MaxSize = 1000;

// Parses "--cols 80" / "--cols=80"; returns the error line or an empty string.
QString takeSize(const QStringList &args, qsizetype &i, const QString &name, int example,
                 int &value)
{
    const QString &arg = args.at(i);
    QString text;
    if (arg.startsWith(name + u'=')) {
        text = arg.mid(name.size() + 1);
    } else if (i + 1 < args.size()) {
        text = args.at(++i);
    } else {
        return Tr::tr("corralctl: %1 needs a number from 1 to %2, e.g. %1 %3")
            .arg(name)
            .arg(MaxSize)
            .arg(example);
    }
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < 1 || v > MaxSize) {
        return Tr::tr("corralctl: %1 must be a whole number from 1 to %2, not '%3'")
            .arg(name)
            .arg(MaxSize)
            .arg(text);
    }
    value = v;
    return {};
}

} // namespace

int runTermRender(const QStringList &args, QIODevice &in, QTextStream &out, QTextStream &err)
{
    const QString colsOption = QStringLiteral("--cols");
    const QString rowsOption = QStringLiteral("--rows");
    int cols = 80;
    int rows = 24;
    bool scrollback = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        QString error;
        if (arg == colsOption || arg.startsWith(colsOption + u'=')) {
            error = takeSize(args, i, colsOption, 80, cols);
        } else if (arg == rowsOption || arg.startsWith(rowsOption + u'=')) {
            error = takeSize(args, i, rowsOption, 24, rows);
        } else if (arg == u"--scrollback") {
            scrollback = true;
        } else {
            error = Tr::tr("corralctl: term render does not take '%1'; use --cols N, --rows N "
                           "and --scrollback")
                        .arg(arg);
        }
        if (!error.isEmpty()) {
            err << error << Qt::endl;
            return 2;
        }
    }

    if (!in.isOpen() && !in.open(QIODevice::ReadOnly)) {
        err << Tr::tr("corralctl: cannot read standard input: %1").arg(in.errorString())
            << Qt::endl;
        return 1;
    }
    Terminal term(rows, cols);
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0) {
            err << Tr::tr("corralctl: cannot read standard input: %1").arg(in.errorString())
                << Qt::endl;
            return 1;
        }
        if (n > 0) {
            term.feed(QByteArrayView(buffer.constData(), n));
            continue;
        }
        // nothing now: the end, or (a pipe, a socket) more to wait for
        if (in.atEnd() && !in.isSequential())
            break;
        if (!in.waitForReadyRead(-1))
            break;
    }

    if (scrollback) {
        for (int row = -term.scrollbackLines(); row < 0; ++row)
            out << term.lineText(row) << u'\n';
    }
    for (const QString &line : term.screenText())
        out << line << u'\n';
    out.flush();
    return 0;
}

} // namespace Corral
