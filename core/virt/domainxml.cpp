#include "domainxml.h"

#include <QXmlStreamReader>

namespace Corral::DomainXml {

QList<DiskSource> ownedDisks(const QString &xml)
{
    QList<DiskSource> disks;
    QXmlStreamReader reader(xml);
    // Only <domain><devices><disk>: disks inside <metadata> or snapshots are not devices.
    int depth = 0;
    bool inDevices = false;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (depth == 2 && reader.name() == u"devices") {
                inDevices = true;
            } else if (inDevices && depth == 3 && reader.name() == u"disk") {
                const auto attrs = reader.attributes();
                const bool isDisk = attrs.value(QLatin1StringView("device")).isEmpty()
                    || attrs.value(QLatin1StringView("device")) == u"disk";
                DiskSource disk;
                bool shared = false;
                while (!(reader.isEndElement() && reader.name() == u"disk") && !reader.atEnd()) {
                    reader.readNext();
                    if (!reader.isStartElement())
                        continue;
                    const auto a = reader.attributes();
                    if (reader.name() == u"source") {
                        disk.file = a.value(QLatin1StringView("file")).toString();
                        if (disk.file.isEmpty())
                            disk.file = a.value(QLatin1StringView("dev")).toString();
                        disk.pool = a.value(QLatin1StringView("pool")).toString();
                        disk.volume = a.value(QLatin1StringView("volume")).toString();
                    } else if (reader.name() == u"target") {
                        disk.target = a.value(QLatin1StringView("dev")).toString();
                    } else if (reader.name() == u"readonly" || reader.name() == u"shareable") {
                        shared = true;
                    } else if (reader.name() == u"backingStore") {
                        // The backing chain is the base image: never the VM's own.
                        reader.skipCurrentElement();
                    }
                }
                --depth; // consumed </disk>
                const bool hasSource = !disk.file.isEmpty() || !disk.volume.isEmpty();
                if (isDisk && !shared && hasSource)
                    disks.append(disk);
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 2 && reader.name() == u"devices")
                inDevices = false;
            --depth;
        }
    }
    return disks;
}

} // namespace Corral::DomainXml
