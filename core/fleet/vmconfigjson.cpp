#include "vmconfigjson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Corral::VmConfigJson {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

Error wrongType(const QString &key, const QString &expected)
{
    return Error{ErrorCode::InvalidArgument,
                 Tr::tr("The VM config's \"%1\" must be %2.").arg(key, expected), {}};
}

// Reads key into *out when present; false (with *error set) when it has the wrong type.
bool readString(const QJsonObject &json, const QString &key, QString *out, Error *error)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error = wrongType(key, Tr::tr("text"));
        return false;
    }
    *out = v.toString();
    return true;
}

template<typename Int>
bool readNumber(const QJsonObject &json, const QString &key, Int *out, Error *error)
{
    const QJsonValue v = json.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    const double d = v.toDouble(-1.5);
    if (!v.isDouble() || d != double(qint64(d))) {
        *error = wrongType(key, Tr::tr("a whole number"));
        return false;
    }
    *out = Int(qint64(d));
    return true;
}

template<typename Enum>
bool readEnum(const QJsonObject &json, const QString &key, Enum *out, Error *error,
              bool (*parse)(const QString &, Enum *))
{
    QString word;
    if (!readString(json, key, &word, error))
        return false;
    if (word.isEmpty())
        return true;
    if (!parse(word, out)) {
        *error = Error{ErrorCode::InvalidArgument,
                       Tr::tr("The VM config's \"%1\" cannot be \"%2\".").arg(key, word), {}};
        return false;
    }
    return true;
}

} // namespace

QJsonObject toJson(const VmConfig &c)
{
    QJsonArray ports;
    for (quint16 port : c.ports)
        ports.append(int(port));
    QJsonObject o{
        {u"name"_s, c.name},
        {u"description"_s, c.description},
        {u"image"_s, c.image},
        {u"vcpus"_s, c.vcpus},
        {u"memoryMiB"_s, c.memoryMiB},
        {u"diskGiB"_s, c.diskGiB},
        {u"displayWidth"_s, c.displayWidth},
        {u"displayHeight"_s, c.displayHeight},
        {u"profile"_s, guestProfileKey(c.profile)},
        {u"firmware"_s, firmwareKey(c.firmware)},
        {u"hostTag"_s, c.hostTag},
        {u"tagRequired"_s, c.tagRequired},
        {u"ports"_s, ports},
        {u"guestUser"_s, c.guestUser},
        {u"systemSerial"_s, c.systemSerial},
        {u"gpuPciAddress"_s, c.gpuPciAddress},
        {u"nic"_s, nicModelKey(c.nic)},
        {u"video"_s, videoModelKey(c.video)},
        {u"network"_s, c.network},
        {u"openCoreImage"_s, c.openCoreImage},
        {u"cpuModel"_s, c.cpuModel},
    };
    if (c.created.isValid())
        o.insert(u"created"_s, timeText(c.created));
    if (c.modified.isValid())
        o.insert(u"modified"_s, timeText(c.modified));
    return o;
}

Result<VmConfig> fromJson(const QJsonObject &json)
{
    VmConfig c;
    Error error;
    QString created, modified;
    const bool ok = readString(json, u"name"_s, &c.name, &error)
        && readString(json, u"description"_s, &c.description, &error)
        && readString(json, u"image"_s, &c.image, &error)
        && readNumber(json, u"vcpus"_s, &c.vcpus, &error)
        && readNumber(json, u"memoryMiB"_s, &c.memoryMiB, &error)
        && readNumber(json, u"diskGiB"_s, &c.diskGiB, &error)
        && readNumber(json, u"displayWidth"_s, &c.displayWidth, &error)
        && readNumber(json, u"displayHeight"_s, &c.displayHeight, &error)
        && readEnum(json, u"profile"_s, &c.profile, &error, &parseGuestProfile)
        && readEnum(json, u"firmware"_s, &c.firmware, &error, &parseFirmware)
        && readString(json, u"hostTag"_s, &c.hostTag, &error)
        && readString(json, u"guestUser"_s, &c.guestUser, &error)
        && readString(json, u"systemSerial"_s, &c.systemSerial, &error)
        && readString(json, u"gpuPciAddress"_s, &c.gpuPciAddress, &error)
        && readEnum(json, u"nic"_s, &c.nic, &error, &parseNicModel)
        && readEnum(json, u"video"_s, &c.video, &error, &parseVideoModel)
        && readString(json, u"network"_s, &c.network, &error)
        && readString(json, u"openCoreImage"_s, &c.openCoreImage, &error)
        && readString(json, u"cpuModel"_s, &c.cpuModel, &error)
        && readString(json, u"created"_s, &created, &error)
        && readString(json, u"modified"_s, &modified, &error);
    if (!ok)
        return std::unexpected(error);
    if (const QJsonValue v = json.value(u"tagRequired"_s); v.isBool())
        c.tagRequired = v.toBool();
    else if (!v.isUndefined() && !v.isNull())
        return std::unexpected(wrongType(u"tagRequired"_s, Tr::tr("true or false")));
    if (const QJsonValue v = json.value(u"ports"_s); v.isArray()) {
        for (const QJsonValue port : v.toArray()) {
            const int n = port.toInt(-1);
            if (n < 1 || n > 65535)
                return std::unexpected(wrongType(u"ports"_s, Tr::tr("a list of ports 1-65535")));
            c.ports.append(quint16(n));
        }
    } else if (!v.isUndefined() && !v.isNull()) {
        return std::unexpected(wrongType(u"ports"_s, Tr::tr("a list of ports 1-65535")));
    }
    if (!created.isEmpty())
        c.created = QDateTime::fromString(created, Qt::ISODateWithMs).toUTC();
    if (!modified.isEmpty())
        c.modified = QDateTime::fromString(modified, Qt::ISODateWithMs).toUTC();
    return c;
}

} // namespace Corral::VmConfigJson
