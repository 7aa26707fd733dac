// libFuzzer target for Corral's RFB client (Rfb::Client): the whole server side of a session —
// version, security, ServerInit, then any messages and updates in every encoding.
//
// The first byte picks the client's options (keep the server's pixel format or ask for the
// native one, offer Tight JPEG, which security types get credentials); the rest is what the
// server sends. Two clients get the same bytes: one in a single piece, the other cut into
// pieces whose sizes come from the option byte. They must end in the same state — failed or
// not, with the same framebuffer — since a split must never change what is decoded. A
// crash, a sanitizer report or an allocation past the caps is a finding.

#include "rfb/rfbclient.h"

#include <QImage>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Corral;

namespace {

struct Run
{
    std::unique_ptr<Rfb::Client> client;
    bool wantsCredentials = false;
    quint64 cursorChanges = 0;

    explicit Run(const Rfb::Client::Options &options)
    {
        Rfb::Client::Handler h;
        h.credentialsNeeded = [this](Rfb::CredentialKind) { wantsCredentials = true; };
        h.cursorChanged = [this](const QImage &, const QPoint &) { ++cursorChanges; };
        client = std::make_unique<Rfb::Client>(options, std::move(h));
    }

    void feed(const uint8_t *data, size_t size)
    {
        client->feed(reinterpret_cast<const char *>(data), size);
        // Answer a password prompt the way the GUI would, outside the client's own call.
        while (wantsCredentials && !client->failed()) {
            wantsCredentials = false;
            client->setCredentials({QStringLiteral("admin"), QStringLiteral("secret")});
        }
        client->takeOutput();
    }
};

[[noreturn]] void mismatch(const char *what)
{
    fprintf(stderr, "fuzz_rfb: split input gave a different %s\n", what);
    abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t flags = data[0];
    ++data;
    --size;
    Rfb::Client::Options options;
    options.requestNativeFormat = (flags & 1) != 0;
    options.jpegQuality = (flags & 2) ? 6 : -1;
    const size_t piece = 1 + ((flags >> 2) & 0x3f); // 1..64 bytes per piece

    Run whole(options);
    Run split(options);
    whole.feed(data, size);
    for (size_t at = 0; at < size; at += piece)
        split.feed(data + at, std::min(piece, size - at));

    if (whole.client->failed() != split.client->failed())
        mismatch("outcome");
    if (whole.client->error() != split.client->error())
        mismatch("error");
    if (whole.client->updatesReceived() != split.client->updatesReceived())
        mismatch("update count");
    if (whole.cursorChanges != split.cursorChanges)
        mismatch("cursor count");
    if (whole.client->framebuffer().image() != split.client->framebuffer().image())
        mismatch("framebuffer");
    return 0;
}
