#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Corral {

// The guest a VM config is written for; it decides the machine, firmware and devices.
enum class GuestProfile : quint8 {
    MacOS, // macOS on Mac hardware under KVM: q35, OVMF, OpenCore, isa-applesmc
    Linux, // virtio everything
    Generic, // conservative devices any OS has drivers for
};
QString guestProfileKey(GuestProfile profile); // "macos", "linux", "generic"
QString guestProfileLabel(GuestProfile profile); // translated
bool parseGuestProfile(const QString &key, GuestProfile *profile);

enum class Firmware : quint8 {
    Auto, // the profile's: UEFI for macOS, BIOS otherwise
    Bios,
    Uefi,
};
QString firmwareKey(Firmware firmware); // "auto", "bios", "uefi"
bool parseFirmware(const QString &key, Firmware *firmware);

// The NIC model; Auto = the profile's (e1000-82545em for macOS, virtio for Linux, e1000 for
// generic).
enum class NicModel : quint8 { Auto, Virtio, E1000, E1000_82545em, Vmxnet3 };
QString nicModelKey(NicModel nic); // "auto", "virtio", "e1000", "e1000-82545em", "vmxnet3"
bool parseNicModel(const QString &key, NicModel *nic);

// The display adapter; Auto = the profile's (VGA for macOS and generic, virtio for Linux).
enum class VideoModel : quint8 { Auto, Vga, Vmware, Virtio };
QString videoModelKey(VideoModel video); // "auto", "vga", "vmware-svga", "virtio"
bool parseVideoModel(const QString &key, VideoModel *video);

// A reusable recipe for VMs (Orka's "VM config"): what to deploy, not where. Stored in the
// local catalog; a VM deployed from it records the config's name in its metadata.
struct VmConfig
{
    QString name; // RFC 1123 label, like namespaces
    QString description;
    QString image; // base image: a catalog image name
    int vcpus = 2;
    qint64 memoryMiB = 4096;
    qint64 diskGiB = 0; // virtual size of the VM's overlay; 0 = the base image's
    int displayWidth = 1920;
    int displayHeight = 1080;
    GuestProfile profile = GuestProfile::Linux;
    Firmware firmware = Firmware::Auto;
    QString hostTag; // prefer hosts with this tag...
    bool tagRequired = false; // ...or accept only those
    QList<quint16> ports; // guest TCP ports to expose on the host (fixed per VM)
    QString guestUser; // login for SSH consoles to the VM; empty = ask
    QString systemSerial; // SMBIOS system serial; empty = none
    QString gpuPciAddress; // host PCI device passed through, "0000:03:00.0"; empty = none
    NicModel nic = NicModel::Auto;
    VideoModel video = VideoModel::Auto;
    // "user": QEMU user-mode network, exposed ports forwarded from the host's port address;
    // "user-isolated": the same, but the guest reaches nothing (restrict=on);
    // "network:NAME": a libvirt network; "bridge:NAME": a host bridge (ports not forwarded).
    QString network = QStringLiteral("user");
    // macOS only
    QString openCoreImage; // catalog image attached before the system disk
    QString cpuModel; // empty = "Haswell-noTSX"; "Penryn" for older macOS releases
    QDateTime created;
    QDateTime modified;

    Firmware effectiveFirmware() const;
    NicModel effectiveNic() const;
    VideoModel effectiveVideo() const;
    friend bool operator==(const VmConfig &, const VmConfig &) = default;
};

// A problem with a config, tied to the field it concerns ("name", "image", "vcpus",
// "memoryMiB", "diskGiB", "display", "ports", "systemSerial", "gpuPciAddress", "network",
// "openCoreImage", "cpuModel", "firmware", "hostTag", "guestUser") so an editor can mark the
// field.
struct ConfigProblem
{
    QString field;
    QString message; // translated; says what is allowed
    friend bool operator==(const ConfigProblem &, const ConfigProblem &) = default;
};
QList<ConfigProblem> validateVmConfig(const VmConfig &config);

// RFC 1123 label: lowercase letters, digits and '-', starting and ending with a letter or
// digit, at most 63. Empty when valid, else the rule, naming `what` ("namespace", "config").
QString validateLabel(const QString &name, const QString &what);

} // namespace Corral

Q_DECLARE_METATYPE(Corral::VmConfig)
