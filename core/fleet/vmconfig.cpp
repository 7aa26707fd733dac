#include "vmconfig.h"

#include "util/tr.h"

#include <QSet>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace Corral {

namespace {

template<typename Enum, size_t N>
bool parseKey(const QString &key, const std::pair<Enum, QStringView> (&table)[N], Enum *out)
{
    for (const auto &[value, name] : table) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            if (out)
                *out = value;
            return true;
        }
    }
    return false;
}

const std::pair<GuestProfile, QStringView> profileKeys[] = {
    {GuestProfile::MacOS, u"macos"},
    {GuestProfile::Linux, u"linux"},
    {GuestProfile::Generic, u"generic"},
};

const std::pair<Firmware, QStringView> firmwareKeys[] = {
    {Firmware::Auto, u"auto"},
    {Firmware::Bios, u"bios"},
    {Firmware::Uefi, u"uefi"},
};

const std::pair<NicModel, QStringView> nicKeys[] = {
    {NicModel::Auto, u"auto"},       {NicModel::Virtio, u"virtio"},
    {NicModel::E1000, u"e1000"},     {NicModel::E1000_82545em, u"e1000-82545em"},
    {NicModel::Vmxnet3, u"vmxnet3"},
};

const std::pair<VideoModel, QStringView> videoKeys[] = {
    {VideoModel::Auto, u"auto"},
    {VideoModel::Vga, u"vga"},
    {VideoModel::Vmware, u"vmware-svga"},
    {VideoModel::Virtio, u"virtio"},
};

template<typename Enum, size_t N>
QString keyOf(Enum value, const std::pair<Enum, QStringView> (&table)[N])
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return name.toString();
    }
    return table[0].second.toString();
}

bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

bool isAsciiAlnum(QChar c)
{
    return isLowerAlnum(c) || (c >= u'A' && c <= u'Z');
}

// Letters, digits and the characters in `extra`, ASCII only; empty passes.
bool onlyAlnumAnd(QStringView text, QStringView extra)
{
    for (QChar c : text) {
        if (!isAsciiAlnum(c) && !extra.contains(c))
            return false;
    }
    return true;
}

bool isHex(QStringView text)
{
    for (QChar c : text) {
        if (!(c >= u'0' && c <= u'9') && !(c >= u'a' && c <= u'f') && !(c >= u'A' && c <= u'F'))
            return false;
    }
    return !text.isEmpty();
}

// DDDD:BB:SS.F, as lspci -D prints it; slot 0..1f and function 0..7 as PCI allows.
bool isPciAddress(const QString &text)
{
    if (text.size() != 12 || text[4] != u':' || text[7] != u':' || text[10] != u'.')
        return false;
    const QStringView v(text);
    if (!isHex(v.mid(0, 4)) || !isHex(v.mid(5, 2)) || !isHex(v.mid(8, 2)) || !isHex(v.mid(11, 1)))
        return false;
    return v.mid(8, 2).toUInt(nullptr, 16) <= 0x1f && v.mid(11, 1).toUInt(nullptr, 16) <= 7;
}

bool isNetwork(const QString &network)
{
    if (network == u"user" || network == u"user-isolated")
        return true;
    for (QStringView prefix : {u"network:", u"bridge:"}) {
        if (network.startsWith(prefix)) {
            const QStringView name = QStringView(network).mid(prefix.size());
            return !name.isEmpty() && onlyAlnumAnd(name, u"_.-");
        }
    }
    return false;
}

// CPU models offered for macOS: the ones the OSX-KVM community boots macOS on, all without
// TSX (which current Intel microcode disables and AMD hosts lack).
const QStringView macCpuModels[] = {
    u"Haswell-noTSX",
    u"Penryn",
    u"Skylake-Client-noTSX-IBRS",
    u"Cascadelake-Server-noTSX",
};

} // namespace

QString guestProfileKey(GuestProfile profile)
{
    return keyOf(profile, profileKeys);
}

QString guestProfileLabel(GuestProfile profile)
{
    switch (profile) {
    case GuestProfile::MacOS:
        return Tr::tr("macOS");
    case GuestProfile::Linux:
        return Tr::tr("Linux");
    case GuestProfile::Generic:
        return Tr::tr("Generic");
    }
    return {};
}

bool parseGuestProfile(const QString &key, GuestProfile *profile)
{
    return parseKey(key, profileKeys, profile);
}

QString firmwareKey(Firmware firmware)
{
    return keyOf(firmware, firmwareKeys);
}

bool parseFirmware(const QString &key, Firmware *firmware)
{
    return parseKey(key, firmwareKeys, firmware);
}

QString nicModelKey(NicModel nic)
{
    return keyOf(nic, nicKeys);
}

bool parseNicModel(const QString &key, NicModel *nic)
{
    return parseKey(key, nicKeys, nic);
}

QString videoModelKey(VideoModel video)
{
    return keyOf(video, videoKeys);
}

bool parseVideoModel(const QString &key, VideoModel *video)
{
    return parseKey(key, videoKeys, video);
}

Firmware VmConfig::effectiveFirmware() const
{
    if (firmware != Firmware::Auto)
        return firmware;
    return profile == GuestProfile::MacOS ? Firmware::Uefi : Firmware::Bios;
}

NicModel VmConfig::effectiveNic() const
{
    if (nic != NicModel::Auto)
        return nic;
    switch (profile) {
    case GuestProfile::MacOS:
        return NicModel::E1000_82545em;
    case GuestProfile::Linux:
        return NicModel::Virtio;
    case GuestProfile::Generic:
        break;
    }
    return NicModel::E1000;
}

VideoModel VmConfig::effectiveVideo() const
{
    if (video != VideoModel::Auto)
        return video;
    return profile == GuestProfile::Linux ? VideoModel::Virtio : VideoModel::Vga;
}

QString validateLabel(const QString &name, const QString &what)
{
    bool ok = !name.isEmpty() && name.size() <= 63 && isLowerAlnum(name.front())
        && isLowerAlnum(name.back());
    for (qsizetype i = 0; ok && i < name.size(); ++i)
        ok = isLowerAlnum(name[i]) || name[i] == u'-';
    if (ok)
        return {};
    return Tr::tr("A %1 name must have 1 to 63 characters: lowercase letters a-z, digits 0-9 "
                  "and '-', starting and ending with a letter or digit.")
        .arg(what);
}

QList<ConfigProblem> validateVmConfig(const VmConfig &c)
{
    QList<ConfigProblem> problems;
    const auto add = [&problems](const QString &field, const QString &message) {
        problems.append({field, message});
    };

    if (const QString problem = validateLabel(c.name, Tr::tr("VM config")); !problem.isEmpty())
        add(u"name"_s, problem);
    if (c.image.trimmed().isEmpty())
        add(u"image"_s, Tr::tr("Choose the base image VMs are deployed from."));
    if (c.vcpus < 1 || c.vcpus > 512)
        add(u"vcpus"_s, Tr::tr("A VM has 1 to 512 virtual CPUs."));
    if (c.memoryMiB < 128 || c.memoryMiB > 4194304)
        add(u"memoryMiB"_s, Tr::tr("A VM has 128 MiB to 4 TiB (4194304 MiB) of memory."));
    if (c.diskGiB < 0 || c.diskGiB > 65536)
        add(u"diskGiB"_s, Tr::tr("The disk size is 0 (the base image's size) to 65536 GiB."));
    if (c.displayWidth < 640 || c.displayWidth > 7680 || c.displayHeight < 480
        || c.displayHeight > 4320) {
        add(u"display"_s,
            Tr::tr("The display is 640 to 7680 pixels wide and 480 to 4320 pixels high."));
    }

    if (c.ports.contains(quint16(0)))
        add(u"ports"_s, Tr::tr("Exposed guest ports are 1 to 65535."));
    if (QSet<quint16>(c.ports.cbegin(), c.ports.cend()).size() != c.ports.size())
        add(u"ports"_s, Tr::tr("Each guest port can be exposed only once."));
    if (c.ports.size() > 32)
        add(u"ports"_s, Tr::tr("A VM exposes at most 32 guest ports."));

    if (c.systemSerial.size() > 64 || !onlyAlnumAnd(c.systemSerial, u"-")) {
        add(u"systemSerial"_s,
            Tr::tr("The system serial number has at most 64 characters: letters A-Z and a-z, "
                   "digits and '-'."));
    }
    if (!c.gpuPciAddress.isEmpty() && !isPciAddress(c.gpuPciAddress)) {
        add(u"gpuPciAddress"_s,
            Tr::tr("The GPU is a host PCI address like 0000:03:00.0 (domain:bus:slot.function in "
                   "hexadecimal), or empty for none."));
    }
    if (!isNetwork(c.network)) {
        add(u"network"_s,
            Tr::tr("The network is \"user\", \"user-isolated\", \"network:NAME\" (a libvirt "
                   "network) or \"bridge:NAME\" (a host bridge), where NAME has letters, digits, "
                   "'_', '.' and '-'."));
    }

    if (c.profile == GuestProfile::MacOS) {
        if (c.openCoreImage.trimmed().isEmpty()) {
            add(u"openCoreImage"_s,
                Tr::tr("A macOS VM needs an OpenCore image: choose the catalog image to boot "
                       "from."));
        }
        if (!c.cpuModel.isEmpty()
            && std::find(std::begin(macCpuModels), std::end(macCpuModels), c.cpuModel)
                == std::end(macCpuModels)) {
            add(u"cpuModel"_s,
                Tr::tr("The macOS CPU model is empty (Haswell-noTSX), Haswell-noTSX, Penryn, "
                       "Skylake-Client-noTSX-IBRS or Cascadelake-Server-noTSX."));
        }
        if (c.firmware == Firmware::Bios) {
            add(u"firmware"_s,
                Tr::tr("macOS boots through OpenCore on UEFI: choose UEFI or auto."));
        }
    }

    if (!onlyAlnumAnd(c.hostTag, u"_.-")) {
        add(u"hostTag"_s,
            Tr::tr("The host tag has letters, digits, '_', '.' and '-' only, or is empty."));
    } else if (c.tagRequired && c.hostTag.isEmpty()) {
        add(u"hostTag"_s, Tr::tr("Give the host tag the VMs require, or do not require one."));
    }
    if (c.guestUser.size() > 32 || !onlyAlnumAnd(c.guestUser, u"_.-")) {
        add(u"guestUser"_s,
            Tr::tr("The guest login has at most 32 characters: letters, digits, '_', '.' and "
                   "'-'."));
    }
    return problems;
}

} // namespace Corral
