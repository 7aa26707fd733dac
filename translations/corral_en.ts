<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
