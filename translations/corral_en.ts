<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Corral</name>
    <message numerus="yes">
        <source>The host is in maintenance, but %n VM(s) did not shut down: %1</source>
        <translation>
            <numerusform>The host is in maintenance, but %n VM did not shut down: %1</numerusform>
            <numerusform>The host is in maintenance, but %n VMs did not shut down: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>needs %n vCPUs, %1 of %2 free at %3× overcommit</source>
        <translation>
            <numerusform>needs %n vCPU, %1 of %2 free at %3× overcommit</numerusform>
            <numerusform>needs %n vCPUs, %1 of %2 free at %3× overcommit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Namespace &quot;%1&quot; allows at most %n VMs; it has %2 and this deploy adds %3. Delete some of its VMs or raise the quota: corralctl ns set %1 --max-vms %4.</source>
        <translation>
            <numerusform>Namespace &quot;%1&quot; allows at most %n VM; it has %2 and this deploy adds %3. Delete some of its VMs or raise the quota: corralctl ns set %1 --max-vms %4.</numerusform>
            <numerusform>Namespace &quot;%1&quot; allows at most %n VMs; it has %2 and this deploy adds %3. Delete some of its VMs or raise the quota: corralctl ns set %1 --max-vms %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Namespace &quot;%1&quot; allows at most %n vCPUs; its VMs have %2 and this deploy adds %3. Delete or shrink some of its VMs or raise the quota: corralctl ns set %1 --max-vcpus %4.</source>
        <translation>
            <numerusform>Namespace &quot;%1&quot; allows at most %n vCPU; its VMs have %2 and this deploy adds %3. Delete or shrink some of its VMs or raise the quota: corralctl ns set %1 --max-vcpus %4.</numerusform>
            <numerusform>Namespace &quot;%1&quot; allows at most %n vCPUs; its VMs have %2 and this deploy adds %3. Delete or shrink some of its VMs or raise the quota: corralctl ns set %1 --max-vcpus %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>full after %n VMs of this deploy: %1</source>
        <translation>
            <numerusform>full after %n VM of this deploy: %1</numerusform>
            <numerusform>full after %n VMs of this deploy: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %1 of %n VMs fit on host &quot;%2&quot;, so none is deployed: %3</source>
        <translation>
            <numerusform>Only %1 of %n VM fits on host &quot;%2&quot;, so none is deployed: %3</numerusform>
            <numerusform>Only %1 of %n VMs fit on host &quot;%2&quot;, so none is deployed: %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Host &quot;%1&quot; cannot take any of the %n VMs: %2</source>
        <translation>
            <numerusform>Host &quot;%1&quot; cannot take the %n VM: %2</numerusform>
            <numerusform>Host &quot;%1&quot; cannot take any of the %n VMs: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %1 of %n VMs fit, so none is deployed. Deploy fewer, free capacity on a host or add a host. Why each host took no more:</source>
        <translation>
            <numerusform>Only %1 of %n VM fits, so none is deployed. Deploy fewer, free capacity on a host or add a host. Why each host took no more:</numerusform>
            <numerusform>Only %1 of %n VMs fit, so none is deployed. Deploy fewer, free capacity on a host or add a host. Why each host took no more:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No host can take the VM (%n vCPUs, %1 MiB of memory). Free capacity on a host, add a host or change the request. Why each host refused:</source>
        <translation>
            <numerusform>No host can take the VM (%n vCPU, %1 MiB of memory). Free capacity on a host, add a host or change the request. Why each host refused:</numerusform>
            <numerusform>No host can take the VM (%n vCPUs, %1 MiB of memory). Free capacity on a host, add a host or change the request. Why each host refused:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No host can take any of the %n VMs (%1 vCPUs and %2 MiB of memory each). Free capacity on a host, add a host or change the request. Why each host refused:</source>
        <translation>
            <numerusform>No host can take the %n VM (%1 vCPUs and %2 MiB of memory each). Free capacity on a host, add a host or change the request. Why each host refused:</numerusform>
            <numerusform>No host can take any of the %n VMs (%1 vCPUs and %2 MiB of memory each). Free capacity on a host, add a host or change the request. Why each host refused:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Namespace %1 still has %n VM(s) (%2): delete them first, or delete the namespace with its VMs (--cascade).</source>
        <translation>
            <numerusform>Namespace %1 still has %n VM (%2): delete it first, or delete the namespace with its VMs (--cascade).</numerusform>
            <numerusform>Namespace %1 still has %n VMs (%2): delete them first, or delete the namespace with its VMs (--cascade).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::ConsoleWindow</name>
    <message numerus="yes">
        <source>Close %n open session(s)?</source>
        <translation>
            <numerusform>Close %n open session?</numerusform>
            <numerusform>Close %n open sessions?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::DeployDialog</name>
    <message numerus="yes">
        <source>Deploying %n VM(s) into namespace %1: %2 running.</source>
        <translation>
            <numerusform>Deploying %n VM into namespace %1: %2 running.</numerusform>
            <numerusform>Deploying %n VMs into namespace %1: %2 running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) deployed and running in namespace %1.</source>
        <translation>
            <numerusform>%n VM deployed and running in namespace %1.</numerusform>
            <numerusform>%n VMs deployed and running in namespace %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) failed; the list says why. What was set up for them has been removed.</source>
        <translation>
            <numerusform>%n VM failed; the list says why. What was set up for it has been removed.</numerusform>
            <numerusform>%n VMs failed; the list says why. What was set up for them has been removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::Fleet</name>
    <message numerus="yes">
        <source>The guest did not shut down within %n seconds; it may ignore the power button. Use Power Off to force it.</source>
        <translation>
            <numerusform>The guest did not shut down within %n second; it may ignore the power button. Use Power Off to force it.</numerusform>
            <numerusform>The guest did not shut down within %n seconds; it may ignore the power button. Use Power Off to force it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::HostDialog</name>
    <message numerus="yes">
        <source>The key has 64 characters; this one has %n.</source>
        <translation>
            <numerusform>The key has 64 characters; this one has %n.</numerusform>
            <numerusform>The key has 64 characters; this one has %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::HostModel</name>
    <message numerus="yes">
        <source>%1 — retrying in %n s</source>
        <translation>
            <numerusform>%1 — retrying in %n s</numerusform>
            <numerusform>%1 — retrying in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 vCPUs of running VMs on %n host CPU(s)</source>
        <translation>
            <numerusform>%1 vCPUs of running VMs on %n host CPU</numerusform>
            <numerusform>%1 vCPUs of running VMs on %n host CPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::HostPage</name>
    <message numerus="yes">
        <source>Remove %n host(s) from Corral?</source>
        <translation>
            <numerusform>Remove %n host from Corral?</numerusform>
            <numerusform>Remove %n hosts from Corral?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put %n host(s) into maintenance?</source>
        <translation>
            <numerusform>Put %n host into maintenance?</numerusform>
            <numerusform>Put %n hosts into maintenance?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drain: shut down its %n running VM(s) (gracefully)</source>
        <translation>
            <numerusform>Drain: shut down its %n running VM (gracefully)</numerusform>
            <numerusform>Drain: shut down its %n running VMs (gracefully)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::HostSession</name>
    <message numerus="yes">
        <source>%1 was deleted, but %n of its disks could not be: delete them on the host.</source>
        <translation>
            <numerusform>%1 was deleted, but %n of its disks could not be: delete it on the host.</numerusform>
            <numerusform>%1 was deleted, but %n of its disks could not be: delete them on the host.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::ImagePage</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n image(s)?</source>
        <translation>
            <numerusform>Delete %n image?</numerusform>
            <numerusform>Delete %n images?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::MainWindow</name>
    <message numerus="yes">
        <source>Hosts: %1 of %n connected</source>
        <translation>
            <numerusform>Hosts: %1 of %n connected</numerusform>
            <numerusform>Hosts: %1 of %n connected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>VMs: %1 of %n running</source>
        <translation>
            <numerusform>VMs: %1 of %n running</numerusform>
            <numerusform>VMs: %1 of %n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) running</source>
        <translation>
            <numerusform>%n task running</numerusform>
            <numerusform>%n tasks running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) running</source>
        <translation>
            <numerusform>%n transfer running</numerusform>
            <numerusform>%n transfers running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::NamespaceDialog</name>
    <message numerus="yes">
        <source>In use now: %n VM(s), %1 vCPUs, %2 of memory.</source>
        <translation>
            <numerusform>In use now: %n VM, %1 vCPUs, %2 of memory.</numerusform>
            <numerusform>In use now: %n VMs, %1 vCPUs, %2 of memory.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::NamespaceModel</name>
    <message numerus="yes">
        <source>%n VM(s) of at most %1</source>
        <translation>
            <numerusform>%n VM of at most %1</numerusform>
            <numerusform>%n VMs of at most %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s), no limit</source>
        <translation>
            <numerusform>%n VM, no limit</numerusform>
            <numerusform>%n VMs, no limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s) of at most %1</source>
        <translation>
            <numerusform>%n vCPU of at most %1</numerusform>
            <numerusform>%n vCPUs of at most %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s), no limit</source>
        <translation>
            <numerusform>%n vCPU, no limit</numerusform>
            <numerusform>%n vCPUs, no limit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::NamespacePage</name>
    <message numerus="yes">
        <source>Namespace %1 holds %n VM(s).</source>
        <translation>
            <numerusform>Namespace %1 holds %n VM.</numerusform>
            <numerusform>Namespace %1 holds %n VMs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Also delete its %n VM(s) and their disks</source>
        <translation>
            <numerusform>Also delete its %n VM and its disks</numerusform>
            <numerusform>Also delete its %n VMs and their disks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting the %n VM(s) of %1 before the namespace…</source>
        <translation>
            <numerusform>Deleting the %n VM of %1 before the namespace…</numerusform>
            <numerusform>Deleting the %n VMs of %1 before the namespace…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::PasteDialog</name>
    <message numerus="yes">
        <source>You are pasting %n line(s) into the terminal. Each line break may run a command.</source>
        <translation>
            <numerusform>You are pasting %n line into the terminal. Each line break may run a command.</numerusform>
            <numerusform>You are pasting %n lines into the terminal. Each line break may run a command.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more line(s)</source>
        <translation>
            <numerusform>… %n more line</numerusform>
            <numerusform>… %n more lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::TransferDock</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n transfer(s)?</source>
        <translation>
            <numerusform>Cancel %n transfer?</numerusform>
            <numerusform>Cancel %n transfers?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::UploadDialog</name>
    <message numerus="yes">
        <source>Upload %n Image(s)</source>
        <translation>
            <numerusform>Upload %n Image</numerusform>
            <numerusform>Upload %n Images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::VmPage</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Power off %n VM(s)?</source>
        <translation>
            <numerusform>Power off %n VM?</numerusform>
            <numerusform>Power off %n VMs?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n VM(s)?</source>
        <translation>
            <numerusform>Delete %n VM?</numerusform>
            <numerusform>Delete %n VMs?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Also delete the VMs&apos; disk volumes</source>
        <translation>
            <numerusform>Also delete the VM&apos;s disk volumes</numerusform>
            <numerusform>Also delete the VMs&apos; disk volumes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::VncTab</name>
    <message numerus="yes">
        <source>Typing %n character(s)…</source>
        <translation>
            <numerusform>Typing %n character…</numerusform>
            <numerusform>Typing %n characters…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::VncView</name>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Reconnecting in %n s…</numerusform>
            <numerusform>Reconnecting in %n s…</numerusform>
        </translation>
    </message>
</context>
</TS>
