#include "virt/domainxml.h"

#include <QTest>

using namespace Corral;
using DomainXml::DiskSource;

Q_DECLARE_METATYPE(QList<DiskSource>)

class tst_DomainXml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownedDisks_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<QList<DiskSource>>("expected");

        QTest::newRow("overlay with backing chain")
            << QStringLiteral(R"(
<domain type='kvm'><name>vm1</name>
  <metadata><corral:vm xmlns:corral="urn:x-corral:vm:1"><disk><source file='/meta'/></disk>
  </corral:vm></metadata>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/pools/vms/vm1.qcow2'/>
      <backingStore type='file'><format type='qcow2'/>
        <source file='/pools/images/base.qcow2'/><backingStore/></backingStore>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <source file='/isos/installer.iso'/><target dev='sda' bus='sata'/><readonly/>
    </disk>
  </devices>
</domain>)")
            << QList<DiskSource>{
                   {QStringLiteral("vda"), QStringLiteral("/pools/vms/vm1.qcow2"), {}, {}}};

        QTest::newRow("volume, block, shared, readonly")
            << QStringLiteral(R"(
<domain><devices>
  <disk type='volume' device='disk'><source pool='corral-vms' volume='a.qcow2'/>
    <target dev='vda'/></disk>
  <disk type='block' device='disk'><source dev='/dev/vg/b'/><target dev='vdb'/></disk>
  <disk type='file' device='disk'><source file='/shared.img'/><target dev='vdc'/>
    <shareable/></disk>
  <disk type='file' device='disk'><source file='/ro.img'/><target dev='vdd'/><readonly/></disk>
  <disk type='file' device='disk'><target dev='vde'/></disk>
</devices></domain>)")
            << QList<DiskSource>{{QStringLiteral("vda"),
                                  {},
                                  QStringLiteral("corral-vms"),
                                  QStringLiteral("a.qcow2")},
                                 {QStringLiteral("vdb"), QStringLiteral("/dev/vg/b"), {}, {}}};

        QTest::newRow("no devices")
            << QStringLiteral("<domain><name>x</name></domain>") << QList<DiskSource>{};
        QTest::newRow("malformed")
            << QStringLiteral("<domain><devices><disk device='disk'>") << QList<DiskSource>{};
    }
    void ownedDisks()
    {
        QFETCH(QString, xml);
        QFETCH(QList<DiskSource>, expected);
        const auto disks = DomainXml::ownedDisks(xml);
        QCOMPARE(disks.size(), expected.size());
        for (qsizetype i = 0; i < disks.size(); ++i) {
            QCOMPARE(disks[i].target, expected[i].target);
            QCOMPARE(disks[i].file, expected[i].file);
            QCOMPARE(disks[i].pool, expected[i].pool);
            QCOMPARE(disks[i].volume, expected[i].volume);
        }
    }
};

QTEST_GUILESS_MAIN(tst_DomainXml)
#include "tst_domainxml.moc"
