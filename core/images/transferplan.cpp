#include "transferplan.h"

#include <QRegularExpression>

#include <cerrno>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Corral::TransferPlan {

Result<QList<Extent>> dataExtents(int fd, quint64 size)
{
    QList<Extent> extents;
    off_t pos = 0;
    while (quint64(pos) < size) {
        const off_t data = ::lseek(fd, pos, SEEK_DATA);
        if (data < 0) {
            if (errno == ENXIO)
                break; // only a hole from pos to the end
            if (errno == EINVAL) // no SEEK_DATA here: everything is data
                return QList<Extent>{Extent{0, size}};
            return fail(ErrorCode::Storage,
                        Tr::tr("Cannot map the file's data: %1").arg(qt_error_string(errno)));
        }
        off_t hole = ::lseek(fd, data, SEEK_HOLE);
        if (hole < 0)
            hole = off_t(size);
        const quint64 end = qMin(quint64(hole), size);
        if (end > quint64(data))
            extents.append(Extent{quint64(data), end - quint64(data)});
        pos = hole;
    }
    return extents;
}

QList<Extent> frames(const QList<Extent> &extents, quint64 mergeGap, quint64 maxFrame)
{
    QList<Extent> merged;
    for (const Extent &e : extents) {
        if (e.length == 0)
            continue;
        if (!merged.isEmpty() && e.offset <= merged.last().end() + mergeGap)
            merged.last().length = qMax(merged.last().end(), e.end()) - merged.last().offset;
        else
            merged.append(e);
    }
    QList<Extent> out;
    for (const Extent &e : std::as_const(merged)) {
        for (quint64 at = e.offset; at < e.end(); at += maxFrame)
            out.append(Extent{at, qMin(maxFrame, e.end() - at)});
    }
    return out;
}

quint64 dataBytes(const QList<Extent> &frames)
{
    quint64 sum = 0;
    for (const Extent &f : frames)
        sum += f.length;
    return sum;
}

QString shellQuote(const QString &word)
{
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

namespace {

// Every script runs under sh whatever the login shell is, with its stderr in its stdout.
// hash(): OpenSSL's SHA-256 is several times faster than coreutils' where both exist.
const QString prelude = uR"SH(exec 2>&1; umask 022
hash() { if command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r; else sha256sum; fi | cut -c1-64; }
)SH"_s;

QString wrap(const QString &script, const QStringList &args)
{
    QString command = u"sh -c "_s + shellQuote(prelude + script) + u" corral"_s;
    for (const QString &a : args)
        command += u' ' + shellQuote(a);
    return command;
}

} // namespace

// The receiver in Python, used where the host has python3: one process that reads each frame
// (from a 1 MiB pipe), hashes it with hashlib (OpenSSL's SHA-256) and writes it with pwrite,
// two copies of the data instead of the shell version's five: a verified 1 GiB upload to a lab
// host took 3.0 s with it against 4.1-4.6 s with the shell receiver. Same protocol, same
// "<temp>.frames" record, so either can resume what the other began.
const QString pythonReceiver = uR"PY(import hashlib, os, sys
t = sys.argv[1]
f = t + '.frames'
def say(s):
    sys.stdout.write(s + '\n')
    sys.stdout.flush()
try:
    fd = os.open(t, os.O_RDWR | os.O_CREAT, 0o644)
except OSError as e:
    say('error cannot create %s: %s' % (t, e.strerror))
    sys.exit(1)
size = os.fstat(fd).st_size
frames = []
if size and os.path.exists(f):
    with open(f) as lines:
        frames = [tuple(int(x) for x in l.split()) for l in lines if l.strip()]
else:
    open(f, 'w').close()
say('ready %d' % size)
live = size == 0
h = hashlib.sha256()
pos = 0
inp = sys.stdin.buffer
step = 4 << 20
ZERO = bytes(step)
try:  # a bigger pipe from sshd: fewer wake-ups per MiB (Linux, F_SETPIPE_SZ)
    import fcntl
    fcntl.fcntl(0, 1031, 1 << 20)
except Exception:
    pass
while True:
    line = inp.readline()
    if not line:
        break
    op, _, a = line.decode().rstrip('\n').partition(' ')
    if op == 'W':
        off, n = (int(x) for x in a.split())
        if live and off < pos:
            live = False
        if not live:
            frames = [x for x in frames if x[0] < off]
        at, left = off, n
        try:
            while left:
                chunk = inp.read(min(left, step))
                if not chunk:
                    say('error the connection closed inside a frame')
                    sys.exit(1)
                if live:
                    h.update(chunk)
                # A fresh file has holes where nothing was written: zeros need no write.
                if not live or chunk != (ZERO if len(chunk) == step else bytes(len(chunk))):
                    os.pwrite(fd, chunk, at)
                at += len(chunk)
                left -= len(chunk)
            with open(f, 'a') as log:
                log.write('%d %d\n' % (off, n))
        except OSError as e:
            say('error write failed at %d: %s' % (off, e.strerror))
            sys.exit(1)
        frames.append((off, n))
        pos = off + n
        say('ok %d %d' % (off, n))
    elif op == 'E':
        try:
            os.ftruncate(fd, int(a))
        except OSError as e:
            say('error cannot size %s: %s' % (t, e.strerror))
            sys.exit(1)
        if not live:
            h = hashlib.sha256()
            for off, n in frames:
                done = 0
                while done < n:
                    chunk = os.pread(fd, min(step, n - done), off + done)
                    if not chunk:
                        break
                    h.update(chunk)
                    done += len(chunk)
        say('sha256 ' + h.hexdigest())
    elif op == 'M':
        if os.path.exists(a):
            say('error %s already exists' % a)
            sys.exit(1)
        try:
            os.rename(t, a)
            os.remove(f)
        except OSError as e:
            say('error cannot rename to %s: %s' % (a, e.strerror))
            sys.exit(1)
        say('moved')
    elif op == 'X':
        for p in (t, f):
            try:
                os.remove(p)
            except OSError:
                pass
        say('removed')
        sys.exit(0)
    else:
        sys.exit(0)
)PY"_s;

QString receiveCommand(const QString &tempPath)
{
    // The host hashes the frames it is sent, in order. A fresh temporary file is hashed while
    // the transfer goes: once a frame is on disk, it is read back from the page cache into a
    // FIFO that one hash process reads, while the next frame arrives. A resumed file is hashed
    // at the end, reading back the frames recorded in "<temp>.frames" (one "offset length" line
    // per acknowledged frame).
    static const QString script
        = uR"SH(if [ -z "${CORRAL_SHELL_RECEIVER:-}" ] && command -v python3 >/dev/null 2>&1; then
  exec python3 -c "$2" "$1"
fi
t=$1; f=$1.frames
[ -e "$t" ] || : >"$t" || { echo "error cannot create $t"; exit 1; }
size=$(stat -c %s "$t")
{ [ "$size" = 0 ] || [ ! -e "$f" ]; } && { : >"$f" || exit 1; }
echo "ready $size"
live=; pos=0; d=; hp=
trap '[ -n "$d" ] && rm -rf -- "$d"' EXIT
if [ "$size" = 0 ] && d=$(mktemp -d) && mkfifo "$d/h"; then
  hash <"$d/h" >"$d/sum" &
  exec 3>"$d/h"; live=1
fi
while IFS=' ' read -r op a; do
  case $op in
  W) set -- $a
     if [ "$live" ] && [ "$1" -lt "$pos" ]; then
       [ "$hp" ] && wait "$hp"; exec 3>&-; live=
     fi
     [ "$live" ] || { awk -v o="$1" '$1 < o' "$f" >"$f.new" && mv -f -- "$f.new" "$f"; }
     dd of="$t" bs=4M seek="$1" oflag=seek_bytes count="$2" iflag=count_bytes,fullblock conv=notrunc,sparse status=none || { echo "error write failed at $1"; exit 1; }
     if [ "$live" ]; then
       [ "$hp" ] && wait "$hp"
       dd if="$t" bs=4M skip="$1" count="$2" iflag=skip_bytes,count_bytes status=none >&3 & hp=$!
       pos=$(($1 + $2))
     fi
     echo "$1 $2" >>"$f"
     echo "ok $1 $2" ;;
  E) truncate -s "$a" "$t" || { echo "error cannot size $t"; exit 1; }
     if [ "$live" ]; then
       [ "$hp" ] && wait "$hp"; exec 3>&-; wait; echo "sha256 $(cat "$d/sum")"
     else
       echo "sha256 $(while read -r o n; do dd if="$t" bs=4M skip="$o" count="$n" iflag=skip_bytes,count_bytes status=none; done <"$f" | hash)"
     fi ;;
  M) if [ -e "$a" ]; then echo "error $a already exists"; exit 1; fi
     mv -- "$t" "$a" && rm -f -- "$f" && echo moved || { echo "error cannot rename to $a"; exit 1; } ;;
  X) rm -f -- "$t" "$f"; echo removed; exit 0 ;;
  *) exit 0 ;;
  esac
done
)SH"_s;
    return wrap(script, {tempPath, pythonReceiver});
}

QString sendCommand(const QString &path, quint64 offset)
{
    static const QString script = uR"SH(f=$1
[ -r "$f" ] || { echo "error cannot read $f"; exit 1; }
h=$(mktemp) || exit 1
hash <"$f" >"$h" &
echo "size $(stat -L -c %s "$f")"
dd if="$f" bs=4M skip="$2" iflag=skip_bytes status=none
wait
echo "sha256 $(cat "$h")"; rm -f -- "$h"
)SH"_s;
    return wrap(script, {path, QString::number(offset)});
}

QString hashCommand(const QString &path)
{
    static const QString script = uR"SH(f=$1
[ -r "$f" ] || { echo "error cannot read $f"; exit 1; }
h=$(mktemp) || exit 1
dd if="$f" bs=4M status=progress | hash >"$h"
echo "sha256 $(cat "$h")"; rm -f -- "$h"
)SH"_s;
    return wrap(script, {path});
}

QString removeCommand(const QString &path)
{
    return wrap(u"rm -f -- \"$1\" \"$1.frames\" && echo removed\n"_s, {path});
}

Reply parseReply(const QByteArray &raw)
{
    Reply r;
    const QString line = QString::fromUtf8(raw).trimmed();
    r.text = line;
    const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return r;
    const QString &w = words.first();
    bool ok1 = false;
    bool ok2 = false;
    if (w == u"ready" && words.size() == 2) {
        r.a = words[1].toULongLong(&ok1);
        if (ok1)
            r.kind = Reply::Kind::Ready;
    } else if (w == u"ok" && words.size() == 3) {
        r.a = words[1].toULongLong(&ok1);
        r.b = words[2].toULongLong(&ok2);
        if (ok1 && ok2)
            r.kind = Reply::Kind::Ok;
    } else if (w == u"size" && words.size() == 2) {
        r.a = words[1].toULongLong(&ok1);
        if (ok1)
            r.kind = Reply::Kind::Size;
    } else if (w == u"sha256") {
        static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
        if (words.size() == 2 && hex.match(words[1]).hasMatch()) {
            r.kind = Reply::Kind::Sha256;
            r.text = words[1];
        } else {
            r.kind = Reply::Kind::Error;
            r.text = Tr::tr(
                "the host could not compute a SHA-256 (is openssl or sha256sum installed?)");
        }
    } else if (w == u"moved") {
        r.kind = Reply::Kind::Moved;
    } else if (w == u"removed") {
        r.kind = Reply::Kind::Removed;
    } else if (w == u"error") {
        r.kind = Reply::Kind::Error;
        r.text = line.mid(6);
    } else if (words.size() >= 2 && words[1] == u"bytes") {
        r.a = w.toULongLong(&ok1);
        if (ok1)
            r.kind = Reply::Kind::Progress;
    }
    return r;
}

std::optional<QByteArray> takeLine(QByteArray &buffer)
{
    for (;;) {
        const qsizetype nl = buffer.indexOf('\n');
        const qsizetype cr = buffer.indexOf('\r');
        const qsizetype end = (cr >= 0 && (nl < 0 || cr < nl)) ? cr : nl;
        if (end < 0)
            return std::nullopt;
        QByteArray line = buffer.left(end);
        buffer.remove(0, end + 1);
        if (!line.isEmpty())
            return line;
    }
}

QString explainHostError(const QString &hostLabel, const QString &text)
{
    if (text.contains(u"No space left"_s, Qt::CaseInsensitive)
        || text.contains(u"Disk quota exceeded"_s, Qt::CaseInsensitive)) {
        return Tr::
            tr("No space left in the image pool on %1: free space there or choose another host.")
                .arg(hostLabel);
    }
    if (text.contains(u"Permission denied"_s, Qt::CaseInsensitive)
        || text.contains(u"Read-only file system"_s, Qt::CaseInsensitive)) {
        return Tr::tr("Permission denied on %1 (%2): the SSH user needs write access to the "
                      "corral-images pool directory.")
            .arg(hostLabel, text);
    }
    return Tr::tr("%1 reported: %2").arg(hostLabel, text);
}

} // namespace Corral::TransferPlan
