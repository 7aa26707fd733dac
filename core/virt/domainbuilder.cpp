#include "domainbuilder.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamWriter>

#include <optional>

using namespace Qt::StringLiterals;

namespace Corral::DomainBuilder {

namespace {

const QString QemuNs = u"http://libvirt.org/schemas/domain/qemu/1.0"_s;
const QString NetdevId = u"corral-net0"_s;
constexpr char DefaultMacCpu[] = "Haswell-noTSX";

// How the VM is attached to a network (VmConfig::network).
struct Network
{
    enum Kind { User, UserIsolated, LibvirtNetwork, Bridge } kind = User;
    QString name; // of the libvirt network or the bridge
};

Network networkOf(const QString &text)
{
    if (text.startsWith(u"network:"))
        return {Network::LibvirtNetwork, text.mid(8)};
    if (text.startsWith(u"bridge:"))
        return {Network::Bridge, text.mid(7)};
    if (text == u"user-isolated")
        return {Network::UserIsolated, {}};
    return {Network::User, {}};
}

bool isQ35(GuestProfile profile)
{
    return profile != GuestProfile::Generic;
}

// libvirt's <model type> for the NIC, and QEMU's -device name for the same NIC.
QString libvirtNicModel(NicModel nic)
{
    switch (nic) {
    case NicModel::Virtio:
        return u"virtio"_s;
    case NicModel::E1000_82545em:
        return u"e1000-82545em"_s;
    case NicModel::Vmxnet3:
        return u"vmxnet3"_s;
    case NicModel::Auto:
    case NicModel::E1000:
        break;
    }
    return u"e1000"_s;
}

QString qemuNicDevice(NicModel nic)
{
    return nic == NicModel::Virtio ? u"virtio-net-pci"_s : libvirtNicModel(nic);
}

// A value inside a QEMU option list ("a=b,c=d"): a comma is written twice, so that nothing
// from a config can add options of its own.
QString qemuOptionValue(QString value)
{
    return value.replace(u',', u",,"_s);
}

QString displayTitle(const DomainSpec &spec)
{
    QString title;
    if (!spec.config.name.isEmpty())
        title = u"Corral VM from config "_s + spec.config.name;
    else if (!spec.metadata.image.isEmpty())
        title = u"Corral VM from image "_s + spec.metadata.image;
    else if (!spec.config.image.isEmpty())
        title = u"Corral VM from image "_s + spec.config.image;
    else
        title = u"Corral VM"_s;
    // libvirt's schema allows no line break in a title.
    return title.replace(u'\n', u' ').replace(u'\r', u' ');
}

QString macAddressOf(const DomainSpec &spec)
{
    static const QRegularExpression mac(u"^[0-9a-f]{2}(:[0-9a-f]{2}){5}$"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    if (mac.match(spec.macAddress).hasMatch())
        return spec.macAddress.toLower();
    return macAddressFor(spec.name);
}

// "DDDD:BB:SS.F" as libvirt's <address> attributes; nullopt when it is not one.
struct PciAddress
{
    QString domain, bus, slot, function;
};

std::optional<PciAddress> pciAddressOf(const QString &text)
{
    static const QRegularExpression pci(
        u"^([0-9a-f]{4}):([0-9a-f]{2}):([0-1][0-9a-f])\\.([0-7])$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto m = pci.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return PciAddress{u"0x"_s + m.captured(1).toLower(), u"0x"_s + m.captured(2).toLower(),
                      u"0x"_s + m.captured(3).toLower(), u"0x"_s + m.captured(4)};
}

// The arguments QEMU gets past libvirt (<qemu:commandline>).
QStringList qemuArgs(const DomainSpec &spec)
{
    const VmConfig &c = spec.config;
    QStringList args;
    if (c.profile == GuestProfile::MacOS) {
        // macOS refuses to boot without Apple's SMC and its key; the key is the host's
        // (admin-supplied), never part of Corral.
        QString smc = u"isa-applesmc"_s;
        if (!spec.smcOsk.isEmpty())
            smc += u",osk="_s + qemuOptionValue(spec.smcOsk);
        // An SMBIOS type 2 (baseboard) table, which macOS expects and QEMU leaves out.
        args << u"-device"_s << smc << u"-smbios"_s << u"type=2"_s;
    }
    const Network network = networkOf(c.network);
    if (network.kind == Network::User || network.kind == Network::UserIsolated) {
        // libvirt 9.0 forwards ports for user-mode networking only with the passt backend,
        // which Debian 12's libvirt rejects; so the NIC goes to QEMU directly, as the lab does.
        // Link-local addresses: no clash with any network the host or guest is on.
        QString netdev = u"user,id="_s + NetdevId;
        if (network.kind == Network::UserIsolated)
            netdev += u",restrict=on"_s;
        netdev += u",ipv6=off,net=169.254.169.0/24"_s;
        QSet<QString> seen;
        for (const PortMapping &port : spec.metadata.ports) {
            if (!port.guestPort || !port.hostPort)
                continue;
            // No address means the host's loopback (as GuestRoutes reads it), never QEMU's
            // "all interfaces". hostfwd takes IPv4 host addresses only: anything else is not
            // forwarded, and so can add no options of its own either.
            const QString address = port.address.isEmpty() ? u"127.0.0.1"_s : port.address;
            const QHostAddress parsed(address);
            if (parsed.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            const QString from = parsed.toString() + u':' + QString::number(port.hostPort);
            if (seen.contains(from))
                continue; // QEMU refuses to listen twice on one address and port
            seen.insert(from);
            netdev += u",hostfwd=tcp:"_s + from + u'-' + userNetworkGuestAddress() + u':'
                + QString::number(port.guestPort);
        }
        // A fixed slot far from the low ones libvirt hands out to the devices it knows, and
        // no option ROM: network boot is never used, and the host need not have iPXE's ROMs.
        const QString device = qemuNicDevice(c.effectiveNic()) + u",netdev="_s + NetdevId
            + u",mac="_s + macAddressOf(spec) + u",bus="_s
            + (isQ35(c.profile) ? u"pcie.0"_s : u"pci.0"_s) + u",addr=0x10,romfile="_s;
        args << u"-netdev"_s << netdev << u"-device"_s << device;
    }
    return args;
}

void writeOs(QXmlStreamWriter &w, const DomainSpec &spec)
{
    const VmConfig &c = spec.config;
    const bool uefi = c.effectiveFirmware() == Firmware::Uefi;
    w.writeStartElement(u"os"_s);
    if (uefi) {
        // libvirt picks the firmware from the host's descriptors (Debian's ovmf:
        // /usr/share/qemu/firmware) and gives the VM its own NVRAM from the template; 9.0 does
        // so when the VM starts, so the defined XML names no loader (no host paths in Corral).
        w.writeAttribute(u"firmware"_s, u"efi"_s);
    }
    w.writeStartElement(u"type"_s);
    w.writeAttribute(u"arch"_s, u"x86_64"_s);
    w.writeAttribute(u"machine"_s, isQ35(c.profile) ? u"q35"_s : u"pc"_s);
    w.writeCharacters(u"hvm"_s);
    w.writeEndElement();
    if (uefi) {
        // OpenCore and unsigned boot loaders do not boot under Secure Boot.
        w.writeStartElement(u"firmware"_s);
        w.writeEmptyElement(u"feature"_s);
        w.writeAttribute(u"enabled"_s, u"no"_s);
        w.writeAttribute(u"name"_s, u"secure-boot"_s);
        w.writeEndElement();
    }
    // macOS boots by per-disk boot order (OpenCore first); libvirt refuses both kinds at once.
    if (c.profile != GuestProfile::MacOS) {
        w.writeEmptyElement(u"boot"_s);
        w.writeAttribute(u"dev"_s, u"hd"_s);
    }
    if (!c.systemSerial.isEmpty()) {
        w.writeEmptyElement(u"smbios"_s);
        w.writeAttribute(u"mode"_s, u"sysinfo"_s);
    }
    w.writeEndElement();
}

void writeSysinfo(QXmlStreamWriter &w, const VmConfig &c)
{
    if (c.systemSerial.isEmpty())
        return;
    w.writeStartElement(u"sysinfo"_s);
    w.writeAttribute(u"type"_s, u"smbios"_s);
    w.writeStartElement(u"system"_s);
    w.writeStartElement(u"entry"_s);
    w.writeAttribute(u"name"_s, u"serial"_s);
    w.writeCharacters(c.systemSerial);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
}

void writeCpu(QXmlStreamWriter &w, const DomainSpec &spec)
{
    const VmConfig &c = spec.config;
    if (c.profile == GuestProfile::Linux && spec.domainType == u"kvm") {
        // Linux runs best on the host's own CPU; TCG has no host CPU to pass through.
        w.writeEmptyElement(u"cpu"_s);
        w.writeAttribute(u"mode"_s, u"host-passthrough"_s);
        w.writeAttribute(u"check"_s, u"none"_s);
        w.writeAttribute(u"migratable"_s, u"on"_s);
        return;
    }
    if (c.profile != GuestProfile::MacOS)
        return; // generic guests get QEMU's default CPU, which every OS knows
    w.writeStartElement(u"cpu"_s);
    w.writeAttribute(u"mode"_s, u"custom"_s);
    w.writeAttribute(u"match"_s, u"exact"_s);
    w.writeAttribute(u"check"_s, u"none"_s);
    w.writeStartElement(u"model"_s);
    w.writeAttribute(u"fallback"_s, u"forbid"_s);
    // Under KVM QEMU shows the guest the host's CPU vendor, whatever the model; macOS only
    // runs on GenuineIntel. (<vendor>Intel</vendor> would instead demand an Intel host.)
    w.writeAttribute(u"vendor_id"_s, u"GenuineIntel"_s);
    w.writeCharacters(c.cpuModel.isEmpty() ? QString::fromLatin1(DefaultMacCpu) : c.cpuModel);
    w.writeEndElement();
    // macOS keeps time by the invariant TSC, which no named model includes (it also keeps
    // such a VM off TCG hosts, where macOS would not run anyway). The rest are extensions
    // current macOS releases use unconditionally: part of Haswell and the later models
    // already, and what makes the Penryn model (for older releases) boot current ones too.
    const QStringView features[] = {u"invtsc", u"ssse3", u"sse4.1", u"sse4.2",  u"popcnt",
                                    u"aes",    u"avx",   u"xsave",  u"xsaveopt"};
    for (QStringView feature : features) {
        w.writeEmptyElement(u"feature"_s);
        w.writeAttribute(u"policy"_s, u"require"_s);
        w.writeAttribute(u"name"_s, feature.toString());
    }
    w.writeEndElement();
}

void writeDisk(QXmlStreamWriter &w, const QString &path, const QString &dev, const QString &bus,
               int bootOrder)
{
    w.writeStartElement(u"disk"_s);
    w.writeAttribute(u"type"_s, u"file"_s);
    w.writeAttribute(u"device"_s, u"disk"_s);
    w.writeEmptyElement(u"driver"_s);
    w.writeAttribute(u"name"_s, u"qemu"_s);
    w.writeAttribute(u"type"_s, u"qcow2"_s);
    // The disks are thin overlays: give freed guest blocks back to the host.
    w.writeAttribute(u"discard"_s, u"unmap"_s);
    w.writeEmptyElement(u"source"_s);
    w.writeAttribute(u"file"_s, path);
    w.writeEmptyElement(u"target"_s);
    w.writeAttribute(u"dev"_s, dev);
    w.writeAttribute(u"bus"_s, bus);
    if (bootOrder > 0) {
        w.writeEmptyElement(u"boot"_s);
        w.writeAttribute(u"order"_s, QString::number(bootOrder));
    }
    w.writeEndElement();
}

void writeDisks(QXmlStreamWriter &w, const DomainSpec &spec)
{
    switch (spec.config.profile) {
    case GuestProfile::MacOS:
        if (spec.openCoreDisk.isEmpty()) {
            writeDisk(w, spec.systemDisk, u"sda"_s, u"sata"_s, 1);
        } else {
            writeDisk(w, spec.openCoreDisk, u"sda"_s, u"sata"_s, 1);
            writeDisk(w, spec.systemDisk, u"sdb"_s, u"sata"_s, 2);
        }
        return;
    case GuestProfile::Linux:
        writeDisk(w, spec.systemDisk, u"vda"_s, u"virtio"_s, 0);
        return;
    case GuestProfile::Generic:
        writeDisk(w, spec.systemDisk, u"hda"_s, u"ide"_s, 0);
        return;
    }
}

void writeInput(QXmlStreamWriter &w, const QString &type)
{
    w.writeEmptyElement(u"input"_s);
    w.writeAttribute(u"type"_s, type);
    w.writeAttribute(u"bus"_s, u"usb"_s);
}

void writeUsb(QXmlStreamWriter &w, const VmConfig &c)
{
    w.writeEmptyElement(u"controller"_s);
    w.writeAttribute(u"type"_s, u"usb"_s);
    w.writeAttribute(u"index"_s, u"0"_s);
    w.writeAttribute(u"model"_s, isQ35(c.profile) ? u"qemu-xhci"_s : u"piix3-uhci"_s);
    // An absolute pointer: the VNC console's pointer and the guest's stay together.
    writeInput(w, u"tablet"_s);
    // macOS has no PS/2 driver: its keyboard must be on USB.
    if (c.profile == GuestProfile::MacOS)
        writeInput(w, u"keyboard"_s);
}

void writeInterface(QXmlStreamWriter &w, const DomainSpec &spec, const Network &network)
{
    const bool bridge = network.kind == Network::Bridge;
    w.writeStartElement(u"interface"_s);
    w.writeAttribute(u"type"_s, bridge ? u"bridge"_s : u"network"_s);
    w.writeEmptyElement(u"source"_s);
    w.writeAttribute(bridge ? u"bridge"_s : u"network"_s, network.name);
    w.writeEmptyElement(u"mac"_s);
    w.writeAttribute(u"address"_s, macAddressOf(spec));
    w.writeEmptyElement(u"model"_s);
    w.writeAttribute(u"type"_s, libvirtNicModel(spec.config.effectiveNic()));
    w.writeEndElement();
}

// Video memory for VGA and vmvga: 64 MiB, room for 4K at 32 bits per pixel (QEMU's default
// 16 MiB is not), or the next power of two that holds a larger display (QEMU rounds up so).
QString vramKiB(const VmConfig &c)
{
    const qint64 needed = qint64(qMax(c.displayWidth, 0)) * qMax(c.displayHeight, 0) * 4 / 1024;
    qint64 kib = 65536;
    while (kib < needed)
        kib *= 2;
    return QString::number(kib);
}

void writeVideo(QXmlStreamWriter &w, const VmConfig &c)
{
    const VideoModel video = c.effectiveVideo();
    w.writeStartElement(u"video"_s);
    w.writeStartElement(u"model"_s);
    switch (video) {
    case VideoModel::Virtio:
        w.writeAttribute(u"type"_s, u"virtio"_s);
        break;
    case VideoModel::Vmware:
        w.writeAttribute(u"type"_s, u"vmvga"_s);
        w.writeAttribute(u"vram"_s, vramKiB(c));
        break;
    case VideoModel::Auto:
    case VideoModel::Vga:
        w.writeAttribute(u"type"_s, u"vga"_s);
        w.writeAttribute(u"vram"_s, vramKiB(c));
        break;
    }
    w.writeAttribute(u"heads"_s, u"1"_s);
    w.writeAttribute(u"primary"_s, u"yes"_s);
    // The guest's preferred mode in the display's EDID (QEMU's xres/yres). libvirt 9.0 takes
    // it for VGA and virtio but refuses it for vmvga ("model resolution is not supported"):
    // there the resolution stays in the config, and the guest picks its own mode.
    if (video != VideoModel::Vmware) {
        w.writeEmptyElement(u"resolution"_s);
        w.writeAttribute(u"x"_s, QString::number(c.displayWidth));
        w.writeAttribute(u"y"_s, QString::number(c.displayHeight));
    }
    w.writeEndElement();
    w.writeEndElement();
}

void writeHostdev(QXmlStreamWriter &w, const VmConfig &c)
{
    const auto pci = pciAddressOf(c.gpuPciAddress);
    if (!pci)
        return;
    w.writeStartElement(u"hostdev"_s);
    w.writeAttribute(u"mode"_s, u"subsystem"_s);
    w.writeAttribute(u"type"_s, u"pci"_s);
    w.writeAttribute(u"managed"_s, u"yes"_s);
    w.writeStartElement(u"source"_s);
    w.writeEmptyElement(u"address"_s);
    w.writeAttribute(u"domain"_s, pci->domain);
    w.writeAttribute(u"bus"_s, pci->bus);
    w.writeAttribute(u"slot"_s, pci->slot);
    w.writeAttribute(u"function"_s, pci->function);
    w.writeEndElement();
    w.writeEndElement();
}

void writeDevices(QXmlStreamWriter &w, const DomainSpec &spec)
{
    const VmConfig &c = spec.config;
    w.writeStartElement(u"devices"_s);
    writeDisks(w, spec);
    writeUsb(w, c);

    const Network network = networkOf(c.network);
    // For libvirt networks and bridges the guest has an address of its own there: no ports are
    // forwarded (the metadata's port list only records which guest ports are meant).
    if (network.kind == Network::LibvirtNetwork || network.kind == Network::Bridge)
        writeInterface(w, spec, network);

    // The serial console (virDomainOpenConsole), also for guests without a display driver.
    w.writeStartElement(u"serial"_s);
    w.writeAttribute(u"type"_s, u"pty"_s);
    w.writeEmptyElement(u"target"_s);
    w.writeAttribute(u"port"_s, u"0"_s);
    w.writeEndElement();
    w.writeStartElement(u"console"_s);
    w.writeAttribute(u"type"_s, u"pty"_s);
    w.writeEmptyElement(u"target"_s);
    w.writeAttribute(u"type"_s, u"serial"_s);
    w.writeAttribute(u"port"_s, u"0"_s);
    w.writeEndElement();

    // The guest agent tells the host a bridged guest's addresses. Behind the user network
    // the forwarded ports already say how to reach it, so there is no agent socket (whose
    // path below a session libvirtd's config dir can outgrow sun_path).
    const bool userNetwork = c.network == u"user" || c.network == u"user-isolated";
    if (c.profile == GuestProfile::Linux && !userNetwork) {
        w.writeStartElement(u"channel"_s);
        w.writeAttribute(u"type"_s, u"unix"_s);
        w.writeEmptyElement(u"target"_s);
        w.writeAttribute(u"type"_s, u"virtio"_s);
        w.writeAttribute(u"name"_s, u"org.qemu.guest_agent.0"_s);
        w.writeEndElement();
    }

    // Loopback only: Corral reaches the display through the host's SSH server.
    w.writeEmptyElement(u"graphics"_s);
    w.writeAttribute(u"type"_s, u"vnc"_s);
    w.writeAttribute(u"autoport"_s, u"yes"_s);
    w.writeAttribute(u"listen"_s, u"127.0.0.1"_s);
    writeVideo(w, c);
    writeHostdev(w, c);

    if (c.profile == GuestProfile::Linux) {
        // Entropy from the host, so that early boot (SSH host keys) need not wait for it.
        w.writeStartElement(u"rng"_s);
        w.writeAttribute(u"model"_s, u"virtio"_s);
        w.writeStartElement(u"backend"_s);
        w.writeAttribute(u"model"_s, u"random"_s);
        w.writeCharacters(u"/dev/urandom"_s);
        w.writeEndElement();
        w.writeEndElement();
    }
    // Only Linux ships the balloon driver; elsewhere the device would just hold a PCI slot.
    w.writeEmptyElement(u"memballoon"_s);
    w.writeAttribute(u"model"_s, c.profile == GuestProfile::Linux ? u"virtio"_s : u"none"_s);
    w.writeEndElement();
}

} // namespace

QString build(const DomainSpec &spec)
{
    const VmConfig &c = spec.config;
    const QStringList args = qemuArgs(spec);

    QString xml;
    QXmlStreamWriter w(&xml);
    w.setAutoFormatting(true);
    if (!args.isEmpty())
        w.writeNamespace(QemuNs, u"qemu"_s);
    w.writeStartElement(u"domain"_s);
    w.writeAttribute(u"type"_s, spec.domainType);
    w.writeTextElement(u"name"_s, spec.name);
    if (!spec.uuid.isNull())
        w.writeTextElement(u"uuid"_s, spec.uuid.toString(QUuid::WithoutBraces));
    w.writeTextElement(u"title"_s, displayTitle(spec));
    w.writeStartElement(u"metadata"_s);
    VmMetadataXml::write(w, spec.metadata);
    w.writeEndElement();

    w.writeStartElement(u"memory"_s);
    w.writeAttribute(u"unit"_s, u"MiB"_s);
    w.writeCharacters(QString::number(c.memoryMiB));
    w.writeEndElement();
    w.writeTextElement(u"vcpu"_s, QString::number(c.vcpus));
    writeSysinfo(w, c);
    writeOs(w, spec);

    w.writeStartElement(u"features"_s);
    w.writeEmptyElement(u"acpi"_s); // so that a shutdown request reaches the guest
    w.writeEmptyElement(u"apic"_s);
    w.writeEndElement();
    writeCpu(w, spec);
    w.writeEmptyElement(u"clock"_s);
    w.writeAttribute(u"offset"_s, u"utc"_s);
    w.writeTextElement(u"on_poweroff"_s, u"destroy"_s);
    w.writeTextElement(u"on_reboot"_s, u"restart"_s);
    w.writeTextElement(u"on_crash"_s, u"destroy"_s);
    writeDevices(w, spec);

    if (!args.isEmpty()) {
        w.writeStartElement(QemuNs, u"commandline"_s);
        for (const QString &arg : args) {
            w.writeEmptyElement(QemuNs, u"arg"_s);
            w.writeAttribute(u"value"_s, arg);
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return xml.trimmed() + u'\n'; // auto-formatting starts with a line break
}

QString userNetworkGuestAddress()
{
    return u"169.254.169.15"_s;
}

QString macAddressFor(const QString &vmName)
{
    const QByteArray hash = QCryptographicHash::hash(vmName.toUtf8(), QCryptographicHash::Sha256);
    return u"52:54:00:"_s + QString::fromLatin1(hash.left(3).toHex(':'));
}

} // namespace Corral::DomainBuilder
