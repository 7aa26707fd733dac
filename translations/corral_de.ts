<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Corral</name>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindet</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>A host needs a name.</source>
        <translation>Ein Host braucht einen Namen.</translation>
    </message>
    <message>
        <source>Host name &quot;%1&quot; is not valid: use at most 64 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Der Hostname „%1“ ist ungültig: höchstens 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; oder &apos;_&apos; verwenden.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation>Wird heruntergefahren</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <source>Suspended (guest)</source>
        <translation>Ruhezustand (Gast)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Shut Down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <source>Power Off</source>
        <translation>Ausschalten</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cannot create an SSH session.</source>
        <translation>Es kann keine SSH-Sitzung erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot reach SSH on %1: check that the host is up and sshd listens on port %2.</source>
        <translation>SSH auf %1 ist nicht erreichbar: Prüfen Sie, ob der Host läuft und sshd auf Port %2 lauscht.</translation>
    </message>
    <message>
        <source>%1 sent no host key.</source>
        <translation>%1 hat keinen Hostschlüssel gesendet.</translation>
    </message>
    <message>
        <source>Cannot read the known hosts file %1.</source>
        <translation>Die Datei der bekannten Hosts %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot add the host key of %1 to %2.</source>
        <translation>Der Hostschlüssel von %1 kann nicht zu %2 hinzugefügt werden.</translation>
    </message>
    <message>
        <source>An audit entry needs an action.</source>
        <translation>Ein Protokolleintrag braucht eine Aktion.</translation>
    </message>
    <message>
        <source>No catalog file given.</source>
        <translation>Keine Katalogdatei angegeben.</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not installed, so Corral cannot open its catalog.</source>
        <translation>Der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert, daher kann Corral seinen Katalog nicht öffnen.</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1 twice under one connection name.</source>
        <translation>Der Katalog %1 kann nicht zweimal unter demselben Verbindungsnamen geöffnet werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the catalog.</source>
        <translation>Der Ordner %1 für den Katalog kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1.</source>
        <translation>Der Katalog %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Cannot read or write the catalog %1.</source>
        <translation>Der Katalog %1 kann nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <source>Another Corral is writing to the catalog %1 right now. Try again in a moment.</source>
        <translation>Ein anderes Corral schreibt gerade in den Katalog %1. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database, so Corral cannot use it as its catalog. Move it away or set CORRAL_DB to another file.</source>
        <translation>%1 ist keine SQLite-Datenbank, daher kann Corral sie nicht als Katalog verwenden. Verschieben Sie die Datei oder setzen Sie CORRAL_DB auf eine andere Datei.</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged. Restore it from a backup or set CORRAL_DB to another file.</source>
        <translation>Der Katalog %1 ist beschädigt. Stellen Sie ihn aus einer Sicherung wieder her oder setzen Sie CORRAL_DB auf eine andere Datei.</translation>
    </message>
    <message>
        <source>The catalog %1 was made by a newer Corral (schema %2, this build knows %3): upgrade Corral or use another CORRAL_DB.</source>
        <translation>Der Katalog %1 stammt von einem neueren Corral (Schema %2, diese Version kennt %3): Aktualisieren Sie Corral oder verwenden Sie eine andere CORRAL_DB.</translation>
    </message>
    <message>
        <source>Cannot read the schema version of the catalog %1.</source>
        <translation>Die Schemaversion des Katalogs %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot upgrade the catalog %1 to schema version %2.</source>
        <translation>Der Katalog %1 kann nicht auf Schemaversion %2 aktualisiert werden.</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; needs a libvirt URI (expected e.g. qemu+libssh://user@host/system).</source>
        <translation>Host „%1“ braucht eine libvirt-URI (z. B. qemu+libssh://benutzer@host/system).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a libvirt URI (expected e.g. qemu+libssh://user@host/system).</source>
        <translation>„%1“ ist keine libvirt-URI (erwartet z. B. qemu+libssh://benutzer@host/system).</translation>
    </message>
    <message>
        <source>A host named %1 already exists.</source>
        <translation>Ein Host namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>There is no host with id %1.</source>
        <translation>Es gibt keinen Host mit der ID %1.</translation>
    </message>
    <message>
        <source>No host named %1. `corralctl host list` shows the hosts.</source>
        <translation>Kein Host namens %1. `corralctl host list` zeigt die Hosts.</translation>
    </message>
    <message>
        <source>e.g. qemu+libssh://admin@mac1.example.com/system</source>
        <translation>z. B. qemu+libssh://admin@mac1.example.com/system</translation>
    </message>
    <message>
        <source>The URI is empty (%1).</source>
        <translation>Die URI ist leer (%1).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a libvirt URI (%2).</source>
        <translation>„%1“ ist keine libvirt-URI (%2).</translation>
    </message>
    <message>
        <source>Corral manages QEMU/KVM hosts: the URI must start with &quot;qemu+&quot; (%1), not &quot;%2&quot;.</source>
        <translation>Corral verwaltet QEMU/KVM-Hosts: Die URI muss mit „qemu+“ beginnen (%1), nicht mit „%2“.</translation>
    </message>
    <message>
        <source>Unknown transport &quot;%1&quot;: use libssh (recommended), ssh, tls, tcp or unix.</source>
        <translation>Unbekannter Transport „%1“: libssh (empfohlen), ssh, tls, tcp oder unix verwenden.</translation>
    </message>
    <message>
        <source>The URI names no host (%1).</source>
        <translation>Die URI nennt keinen Host (%1).</translation>
    </message>
    <message>
        <source>A QEMU URI ends in /system or /session, not &quot;%1&quot;.</source>
        <translation>Eine QEMU-URI endet auf /system oder /session, nicht auf „%1“.</translation>
    </message>
    <message>
        <source>SSH (22)</source>
        <translation>SSH (22)</translation>
    </message>
    <message>
        <source>Screen Sharing (5900)</source>
        <translation>Bildschirmfreigabe (5900)</translation>
    </message>
    <message>
        <source>That host is no longer configured.</source>
        <translation>Dieser Host ist nicht mehr eingerichtet.</translation>
    </message>
    <message>
        <source>That VM no longer exists.</source>
        <translation>Diese VM existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The host&apos;s session is gone.</source>
        <translation>Die Sitzung des Hosts besteht nicht mehr.</translation>
    </message>
    <message>
        <source>Corral is shutting down.</source>
        <translation>Corral wird beendet.</translation>
    </message>
    <message>
        <source>The SSH host key of %1 has CHANGED: %2 records %3, the host now presents %4 %5. Corral refuses to connect. If the host was reinstalled, remove the old key with: ssh-keygen -R &apos;%1&apos; -f %2</source>
        <translation>Der SSH-Hostschlüssel von %1 hat sich GEÄNDERT: %2 verzeichnet %3, der Host legt jetzt %4 %5 vor. Corral verweigert die Verbindung. Wurde der Host neu installiert, entfernen Sie den alten Schlüssel mit: ssh-keygen -R &apos;%1&apos; -f %2</translation>
    </message>
    <message>
        <source>another key</source>
        <translation>einen anderen Schlüssel</translation>
    </message>
    <message>
        <source>The authenticity of host %1 can&apos;t be established. Its %2 key fingerprint is %3. Accept it and remember it in %4?</source>
        <translation>Die Echtheit des Hosts %1 lässt sich nicht feststellen. Der Fingerabdruck seines %2-Schlüssels ist %3. Akzeptieren und in %4 merken?</translation>
    </message>
    <message>
        <source>The SSH host key of %1 (%2) is not known and was not accepted. Verify it and connect again, or add it to %3.</source>
        <translation>Der SSH-Hostschlüssel von %1 (%2) ist unbekannt und wurde nicht akzeptiert. Prüfen Sie ihn und verbinden Sie sich erneut oder tragen Sie ihn in %3 ein.</translation>
    </message>
    <message>
        <source>The connection to %1 went through a tunnel that is gone: open the session again.</source>
        <translation>Die Verbindung zu %1 lief über einen Tunnel, der nicht mehr besteht: Öffnen Sie die Sitzung erneut.</translation>
    </message>
    <message>
        <source>Cannot reach SSH on %1 (%2, port %3): check that it is up and that sshd is running.</source>
        <translation>SSH auf %1 (%2, Port %3) ist nicht erreichbar: Prüfen Sie, ob %1 läuft und sshd aktiv ist.</translation>
    </message>
    <message>
        <source>ssh-agent</source>
        <translation>ssh-agent</translation>
    </message>
    <message>
        <source>default keys</source>
        <translation>Standardschlüssel</translation>
    </message>
    <message>
        <source>keyboard-interactive</source>
        <translation>keyboard-interactive</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password for %1@%2:</source>
        <translation>Passwort für %1@%2:</translation>
    </message>
    <message>
        <source>%1 refused the login as %2 (tried: %3): check the user name and that your key is in the agent or authorized on the host.</source>
        <translation>%1 hat die Anmeldung als %2 abgelehnt (versucht: %3): Prüfen Sie den Benutzernamen und ob Ihr Schlüssel im Agenten geladen bzw. auf dem Host autorisiert ist.</translation>
    </message>
    <message>
        <source>Login to %1 cancelled.</source>
        <translation>Anmeldung bei %1 abgebrochen.</translation>
    </message>
    <message>
        <source>Passphrase for the key %1:</source>
        <translation>Passphrase für den Schlüssel %1:</translation>
    </message>
    <message>
        <source>The SSH connection to %1 was lost: %2</source>
        <translation>Die SSH-Verbindung zu %1 wurde unterbrochen: %2</translation>
    </message>
    <message>
        <source>the host closed it</source>
        <translation>der Host hat sie geschlossen</translation>
    </message>
    <message>
        <source>%1 stopped answering over SSH (nothing for %2 s).</source>
        <translation>%1 antwortet über SSH nicht mehr (seit %2 s nichts empfangen).</translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation>Die Sitzung wurde geschlossen.</translation>
    </message>
    <message>
        <source>Cannot open a channel on %1: %2</source>
        <translation>Auf %1 kann kein Kanal geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 refused a shell: %2</source>
        <translation>%1 hat die Shell verweigert: %2</translation>
    </message>
    <message>
        <source>%1 refused to run the command: %2</source>
        <translation>%1 hat die Ausführung des Befehls verweigert: %2</translation>
    </message>
    <message>
        <source>%1 could not connect to %2:%3 for the tunnel: %4</source>
        <translation>%1 konnte für den Tunnel keine Verbindung zu %2:%3 herstellen: %4</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2 (%3): choose another local port.</source>
        <translation>Auf %1:%2 kann nicht gelauscht werden (%3): Wählen Sie einen anderen lokalen Port.</translation>
    </message>
    <message>
        <source>Cannot create a socket: %1</source>
        <translation>Es kann kein Socket erstellt werden: %1</translation>
    </message>
    <message>
        <source>The VM&apos;s host is not connected: wait for it to come back.</source>
        <translation>Der Host der VM ist nicht verbunden: Warten Sie, bis er wieder da ist.</translation>
    </message>
    <message>
        <source>The VM no longer exists on its host.</source>
        <translation>Die VM existiert auf ihrem Host nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot read the definition of %1.</source>
        <translation>Die Definition von %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 has no VNC console right now: start it first.</source>
        <translation>%1 hat gerade keine VNC-Konsole: Starten Sie die VM zuerst.</translation>
    </message>
    <message>
        <source>%1 has no VNC display: add a VNC graphics device to its definition.</source>
        <translation>%1 hat keine VNC-Anzeige: Fügen Sie der Definition ein VNC-Grafikgerät hinzu.</translation>
    </message>
    <message>
        <source>%1 is not running: start it to reach its port %2.</source>
        <translation>%1 läuft nicht: Starten Sie die VM, um ihren Port %2 zu erreichen.</translation>
    </message>
    <message>
        <source>Cannot find how to reach port %1 of %2: it has no port mapping for it, and its host knows no address for it (no DHCP lease, guest agent or ARP entry). Give the VM a port mapping or a network with DHCP.</source>
        <translation>Es wurde kein Weg zu Port %1 von %2 gefunden: Die VM hat keine Portzuordnung dafür, und ihr Host kennt keine Adresse von ihr (keine DHCP-Lease, kein Gast-Agent, kein ARP-Eintrag). Geben Sie der VM eine Portzuordnung oder ein Netzwerk mit DHCP.</translation>
    </message>
    <message>
        <source>The host of %1 is not connected: the console opens when you reconnect after it is back.</source>
        <translation>Der Host von %1 ist nicht verbunden: Die Konsole öffnet sich, wenn Sie erneut verbinden, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>%1 no longer exists on its host.</source>
        <translation>%1 existiert auf ihrem Host nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot open the serial console of %1: %2</source>
        <translation>Die serielle Konsole von %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot watch the serial console of %1: %2</source>
        <translation>Die serielle Konsole von %1 kann nicht überwacht werden: %2</translation>
    </message>
    <message>
        <source>VNC Console</source>
        <translation>VNC-Konsole</translation>
    </message>
    <message>
        <source>%1 is not a host Corral reaches over SSH (its URI is %2): shells and port forwards need a qemu+ssh:// or qemu+libssh:// URI.</source>
        <translation>%1 ist kein Host, den Corral über SSH erreicht (seine URI ist %2): Shells und Portweiterleitungen brauchen eine qemu+ssh://- oder qemu+libssh://-URI.</translation>
    </message>
</context>
<context>
    <name>Corral::ConsoleTab</name>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Erneut verbinden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Console tab title: the session (host, kind) and the title the remote program set</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Session ended.</source>
        <translation>Sitzung beendet.</translation>
    </message>
</context>
<context>
    <name>Corral::ConsoleWindow</name>
    <message>
        <source>Console — Corral</source>
        <translation>Konsole – Corral</translation>
    </message>
    <message>
        <source>Console menu</source>
        <translation>Konsolenmenü</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Previous Tab</source>
        <translation>&amp;Vorheriger Tab</translation>
    </message>
    <message>
        <source>&amp;Next Tab</source>
        <translation>&amp;Nächster Tab</translation>
    </message>
    <message>
        <source>&amp;Move to New Window</source>
        <translation>In neues &amp;Fenster verschieben</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Erneut verbinden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 (bell)</source>
        <translation>%1 (Signalton)</translation>
    </message>
    <message>
        <source>%1 (new output)</source>
        <translation>%1 (neue Ausgabe)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <extracomment>Tool tip of a console tab: its title and its state</extracomment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 — Corral</source>
        <translation>%1 – Corral</translation>
    </message>
    <message>
        <source>Close Console Window</source>
        <translation>Konsolenfenster schließen</translation>
    </message>
    <message numerus="yes">
        <source>Close %n open session(s)?</source>
        <translation>
            <numerusform>%n offene Sitzung schließen?</numerusform>
            <numerusform>%n offene Sitzungen schließen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Programs running in them are ended.</source>
        <translation>Darin laufende Programme werden beendet.</translation>
    </message>
    <message>
        <source>Close Sessions</source>
        <translation>Sitzungen schließen</translation>
    </message>
    <message>
        <source>Move Tab to Main &amp;Console</source>
        <translation>Tab in &amp;Hauptkonsole verschieben</translation>
    </message>
</context>
<context>
    <name>Corral::CredentialDialog</name>
    <message>
        <source>Unknown Host Key — %1</source>
        <translation>Unbekannter Hostschlüssel – %1</translation>
    </message>
    <message>
        <source>Corral has not connected to %1 before. The host presented this SSH key:</source>
        <translation>Corral war noch nie mit %1 verbunden. Der Host hat diesen SSH-Schlüssel vorgelegt:</translation>
    </message>
    <message>
        <source>Compare it with the key on the host (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). Accept it only if they match.</source>
        <translation>Vergleichen Sie ihn mit dem Schlüssel auf dem Host (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub). Akzeptieren Sie ihn nur, wenn beide übereinstimmen.</translation>
    </message>
    <message>
        <source>Accept and Remember</source>
        <translation>Akzeptieren und merken</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>User Name for %1</source>
        <translation>Benutzername für %1</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>Question from %1</source>
        <translation>Frage von %1</translation>
    </message>
    <message>
        <source>User name for %1:</source>
        <translation>Benutzername für %1:</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <source>Corral does not store passwords.</source>
        <translation>Corral speichert keine Passwörter.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Corral::Fleet</name>
    <message>
        <source>Load hosts</source>
        <translation>Hosts laden</translation>
    </message>
    <message>
        <source>%1 does not answer (libvirtd may be hung or overloaded); still trying.</source>
        <translation>%1 antwortet nicht (libvirtd hängt oder ist überlastet); neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>Add host %1</source>
        <translation>Host %1 hinzufügen</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>Hinzugefügt.</translation>
    </message>
    <message>
        <source>Edit host %1</source>
        <translation>Host %1 bearbeiten</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Remove host %1</source>
        <translation>Host %1 entfernen</translation>
    </message>
    <message>
        <source>Removed; its VMs were not touched.</source>
        <translation>Entfernt; seine VMs bleiben unberührt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no VM: use NAME or HOST/NAME.</source>
        <translation>„%1“ nennt keine VM: NAME oder HOST/NAME verwenden.</translation>
    </message>
    <message>
        <source>No host named &quot;%1&quot;: `corralctl host list` shows the hosts.</source>
        <translation>Kein Host namens „%1“: `corralctl host list` zeigt die Hosts.</translation>
    </message>
    <message>
        <source>Host %1 is offline, so VM &quot;%2&quot; cannot be found: %3</source>
        <translation>Host %1 ist offline, daher ist die VM „%2“ nicht auffindbar: %3</translation>
    </message>
    <message>
        <source>No VM named &quot;%1&quot;%2. `corralctl vm list` shows the VMs.</source>
        <translation>Keine VM namens „%1“%2. `corralctl vm list` zeigt die VMs.</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; exists on several hosts; say which: %2.</source>
        <translation>„%1“ gibt es auf mehreren Hosts; bitte einen wählen: %2.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No such VM: it may have been deleted meanwhile.</source>
        <translation>Diese VM gibt es nicht: Sie wurde womöglich inzwischen gelöscht.</translation>
    </message>
    <message>
        <source>%1 is offline: %2</source>
        <translation>%1 ist offline: %2</translation>
    </message>
    <message>
        <source>Waiting for the guest to shut down…</source>
        <translation>Warte, bis der Gast heruntergefahren ist …</translation>
    </message>
    <message numerus="yes">
        <source>The guest did not shut down within %n seconds; it may ignore the power button. Use Power Off to force it.</source>
        <translation>
            <numerusform>Der Gast ist nicht innerhalb von %n Sekunde heruntergefahren; vielleicht ignoriert er den Ein-/Ausschalter. Mit „Ausschalten“ lässt er sich erzwingen.</numerusform>
            <numerusform>Der Gast ist nicht innerhalb von %n Sekunden heruntergefahren; vielleicht ignoriert er den Ein-/Ausschalter. Mit „Ausschalten“ lässt er sich erzwingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>The guest is off.</source>
        <translation>Der Gast ist aus.</translation>
    </message>
</context>
<context>
    <name>Corral::Format</name>
    <message>
        <source>%1 %</source>
        <extracomment>Percentage, e.g. &quot;12.5 %&quot;</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 B/s</source>
        <translation>%1 B/s</translation>
    </message>
    <message>
        <source>%1 kB/s</source>
        <translation>%1 kB/s</translation>
    </message>
    <message>
        <source>%1 MB/s</source>
        <translation>%1 MB/s</translation>
    </message>
    <message>
        <source>%1 GB/s</source>
        <translation>%1 GB/s</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
</context>
<context>
    <name>Corral::HostDialog</name>
    <message>
        <source>Edit Host %1</source>
        <translation>Host %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add Host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>e.g. mac-mini-01</source>
        <translation>z. B. mac-mini-01</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>Hostname oder IP-Adresse</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>SSH user, e.g. admin</source>
        <translation>SSH-Benutzer, z. B. admin</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Default (22)</source>
        <translation>Standard (22)</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>libssh (recommended)</source>
        <translation>libssh (empfohlen)</translation>
    </message>
    <message>
        <source>ssh (OpenSSH client)</source>
        <translation>ssh (OpenSSH-Client)</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>System (all VMs of the host)</source>
        <translation>System (alle VMs des Hosts)</translation>
    </message>
    <message>
        <source>Session (the user&apos;s own VMs)</source>
        <translation>Sitzung (eigene VMs des Benutzers)</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>&amp;URI:</source>
        <translation>&amp;URI:</translation>
    </message>
    <message>
        <source>comma separated, e.g. m2, rack-3</source>
        <translation>durch Kommas getrennt, z. B. m2, rack-3</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>T&amp;ags:</translation>
    </message>
    <message>
        <source>The host needs libvirtd and sshd running. Corral connects over SSH as the given user; the SSH key must be loaded in your SSH agent or be in ~/.ssh, and the user needs access to libvirt on the host.</source>
        <translation>Auf dem Host müssen libvirtd und sshd laufen. Corral verbindet sich per SSH als der angegebene Benutzer; der SSH-Schlüssel muss im SSH-Agenten geladen sein oder in ~/.ssh liegen, und der Benutzer braucht auf dem Host Zugriff auf libvirt.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Corral reaches hosts over SSH: use the libssh or ssh transport.</source>
        <translation>Corral erreicht Hosts über SSH: den Transport libssh oder ssh verwenden.</translation>
    </message>
</context>
<context>
    <name>Corral::HostModel</name>
    <message numerus="yes">
        <source>%1 — retrying in %n s</source>
        <translation>
            <numerusform>%1 – neuer Versuch in %n s</numerusform>
            <numerusform>%1 – neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <extracomment>Running VMs / all VMs on a host
----------
Allocated vCPUs / host CPUs</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 (reports itself as %2)</source>
        <translation>%1 (meldet sich als %2)</translation>
    </message>
    <message>
        <source>libvirt %1</source>
        <translation>libvirt %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 vCPUs of running VMs on %n host CPU(s)</source>
        <translation>
            <numerusform>%1 vCPUs laufender VMs auf %n Host-CPU</numerusform>
            <numerusform>%1 vCPUs laufender VMs auf %n Host-CPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 assigned to running VMs of %2 physical memory</source>
        <translation>%1 von %2 physischem Speicher an laufende VMs vergeben</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>VMs</source>
        <translation>VMs</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Hypervisor</source>
        <translation>Hypervisor</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>Corral::HostPage</name>
    <message>
        <source>Add Host…</source>
        <translation>Host hinzufügen …</translation>
    </message>
    <message>
        <source>Add a KVM host reached over SSH</source>
        <translation>Einen per SSH erreichbaren KVM-Host hinzufügen</translation>
    </message>
    <message>
        <source>Edit Host…</source>
        <translation>Host bearbeiten …</translation>
    </message>
    <message>
        <source>Change the host&apos;s name, address or tags</source>
        <translation>Name, Adresse oder Tags des Hosts ändern</translation>
    </message>
    <message>
        <source>Remove Host…</source>
        <translation>Host entfernen …</translation>
    </message>
    <message>
        <source>Forget the host; its VMs are not touched</source>
        <translation>Den Host vergessen; seine VMs bleiben unberührt</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Host Actions</source>
        <translation>Host-Aktionen</translation>
    </message>
    <message>
        <source>No hosts yet. Add one with Add Host… (%1).</source>
        <translation>Noch keine Hosts. Fügen Sie einen mit „Host hinzufügen …“ (%1) hinzu.</translation>
    </message>
    <message>
        <source>Remove Host</source>
        <translation>Host entfernen</translation>
    </message>
    <message>
        <source>Remove host %1 from Corral?</source>
        <translation>Host %1 aus Corral entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n host(s) from Corral?</source>
        <translation>
            <numerusform>%n Host aus Corral entfernen?</numerusform>
            <numerusform>%n Hosts aus Corral entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Corral forgets the host and closes its connection. The VMs on the host are not touched: they keep running, and adding the host again shows them.</source>
        <translation>Corral vergisst den Host und schließt die Verbindung. Die VMs auf dem Host bleiben unberührt: Sie laufen weiter und erscheinen wieder, sobald der Host erneut hinzugefügt wird.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open SSH</source>
        <translation>SSH öffnen</translation>
    </message>
    <message>
        <source>Open a shell on the selected hosts (over the host&apos;s one SSH session)</source>
        <translation>Eine Shell auf den ausgewählten Hosts öffnen (über die gemeinsame SSH-Sitzung des Hosts)</translation>
    </message>
</context>
<context>
    <name>Corral::HostSession</name>
    <message>
        <source>Disconnected.</source>
        <translation>Getrennt.</translation>
    </message>
    <message>
        <source>Reconnecting with the new address.</source>
        <translation>Neue Verbindung mit der neuen Adresse.</translation>
    </message>
    <message>
        <source>%1 refused the login: check the user name and that your SSH key is in the agent or authorized on the host.</source>
        <translation>%1 hat die Anmeldung abgelehnt: Prüfen Sie den Benutzernamen und ob Ihr SSH-Schlüssel im Agenten geladen bzw. auf dem Host autorisiert ist.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>Cannot list the VMs of %1.</source>
        <translation>Die VMs von %1 können nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Cannot read the VMs of %1.</source>
        <translation>Die VMs von %1 können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Connection to %1 lost.</source>
        <translation>Verbindung zu %1 verloren.</translation>
    </message>
    <message>
        <source>%1 stopped answering (keepalive timed out).</source>
        <translation>%1 antwortet nicht mehr (Keepalive abgelaufen).</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>%1 is not connected: wait for it to come back or reconnect it.</source>
        <translation>%1 ist nicht verbunden: Warten Sie, bis der Host wieder da ist, oder verbinden Sie ihn neu.</translation>
    </message>
    <message>
        <source>The VM no longer exists on %1.</source>
        <translation>Die VM existiert auf %1 nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot read the disks of %1.</source>
        <translation>Die Datenträger von %1 können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot power off %1 before deleting it.</source>
        <translation>%1 kann vor dem Löschen nicht ausgeschaltet werden.</translation>
    </message>
    <message numerus="yes">
        <source>%1 was deleted, but %n of its disks could not be: delete them on the host.</source>
        <translation>
            <numerusform>%1 wurde gelöscht, aber %n seiner Datenträger nicht: Löschen Sie ihn auf dem Host.</numerusform>
            <numerusform>%1 wurde gelöscht, aber %n seiner Datenträger nicht: Löschen Sie sie auf dem Host.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>Corral::MainWindow</name>
    <message>
        <source>Corral</source>
        <translation>Corral</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namensräume</translation>
    </message>
    <message>
        <source>Namespaces arrive with VM configs and deploy: group hosts and VMs per team, with quotas and dedicated hosts.</source>
        <translation>Namensräume kommen mit VM-Konfigurationen und Bereitstellung: Hosts und VMs pro Team gruppieren, mit Kontingenten und dedizierten Hosts.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>The image library is coming: base images and ISOs, uploaded once and replicated to the hosts that need them.</source>
        <translation>Die Image-Bibliothek kommt bald: Basis-Images und ISOs, einmal hochgeladen und auf die Hosts repliziert, die sie brauchen.</translation>
    </message>
    <message>
        <source>VMs</source>
        <translation>VMs</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Task List</source>
        <translation>&amp;Aufgabenliste</translation>
    </message>
    <message>
        <source>V&amp;M</source>
        <translation>V&amp;M</translation>
    </message>
    <message>
        <source>H&amp;ost</source>
        <translation>H&amp;ost</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Corral</source>
        <translation>Ü&amp;ber Corral</translation>
    </message>
    <message numerus="yes">
        <source>Hosts: %1 of %n connected</source>
        <translation>
            <numerusform>Hosts: %1 von %n verbunden</numerusform>
            <numerusform>Hosts: %1 von %n verbunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>VMs: %1 of %n running</source>
        <translation>
            <numerusform>VMs: %1 von %n laufen</numerusform>
            <numerusform>VMs: %1 von %n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) running</source>
        <translation>
            <numerusform>%n Aufgabe läuft</numerusform>
            <numerusform>%n Aufgaben laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>About Corral</source>
        <translation>Über Corral</translation>
    </message>
    <message>
        <source>Corral %1</source>
        <translation>Corral %1</translation>
    </message>
    <message>
        <source>A console for fleets of macOS and Linux virtual machines on KVM hosts, talking to every host directly over libvirt and SSH.

Built with Qt %1.</source>
        <translation>Eine Konsole für Flotten virtueller macOS- und Linux-Maschinen auf KVM-Hosts, die mit jedem Host direkt über libvirt und SSH spricht.

Erstellt mit Qt %1.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Console Window</source>
        <translation>&amp;Konsolenfenster</translation>
    </message>
    <message>
        <source>Show the window with the shell and serial console tabs</source>
        <translation>Das Fenster mit den Tabs für Shells und serielle Konsolen anzeigen</translation>
    </message>
    <message>
        <source>No consoles yet: select a host or VM and choose Open SSH or Serial Console.</source>
        <translation>Noch keine Konsolen: Wählen Sie einen Host oder eine VM und dann „SSH öffnen“ oder „Serielle Konsole“.</translation>
    </message>
</context>
<context>
    <name>Corral::PasteDialog</name>
    <message>
        <source>Paste Multiple Lines</source>
        <translation>Mehrere Zeilen einfügen</translation>
    </message>
    <message numerus="yes">
        <source>You are pasting %n line(s) into the terminal. Each line break may run a command.</source>
        <translation>
            <numerusform>Sie fügen %n Zeile in das Terminal ein. Jeder Zeilenumbruch kann einen Befehl ausführen.</numerusform>
            <numerusform>Sie fügen %n Zeilen in das Terminal ein. Jeder Zeilenumbruch kann einen Befehl ausführen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more line(s)</source>
        <translation>
            <numerusform>… %n weitere Zeile</numerusform>
            <numerusform>… %n weitere Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again for this tab</source>
        <translation>In diesem Tab &amp;nicht mehr fragen</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Einf&amp;ügen</translation>
    </message>
</context>
<context>
    <name>Corral::PortForwardDialog</name>
    <message>
        <source>Local Address</source>
        <translation>Lokale Adresse</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1, any free port</source>
        <translation>%1, beliebiger freier Port</translation>
    </message>
    <message>
        <source>Resolving…</source>
        <translation>Wird aufgelöst …</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Active (%1)</source>
        <translation>Aktiv (%1)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Double-click to copy %1</source>
        <translation>Doppelklicken, um %1 zu kopieren</translation>
    </message>
    <message>
        <source>The host forwards to %1</source>
        <translation>Der Host leitet an %1 weiter</translation>
    </message>
    <message>
        <source>Forwards listen on this computer and reach the VM through its host&apos;s SSH connection, so your own SSH and VNC clients can connect to it. They stay until you remove them or quit Corral.</source>
        <translation>Weiterleitungen lauschen auf diesem Computer und erreichen die VM über die SSH-Verbindung ihres Hosts, sodass sich Ihre eigenen SSH- und VNC-Clients mit ihr verbinden können. Sie bleiben bestehen, bis Sie sie entfernen oder Corral beenden.</translation>
    </message>
    <message>
        <source>No port forwards yet — add one below.</source>
        <translation>Noch keine Portweiterleitungen – fügen Sie unten eine hinzu.</translation>
    </message>
    <message>
        <source>&amp;Copy Address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the address clients connect to</source>
        <translation>Die Adresse kopieren, mit der sich Clients verbinden</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Copy the selected forward&apos;s address (Ctrl+C, or double-click)</source>
        <translation>Die Adresse der ausgewählten Weiterleitung kopieren (Strg+C oder Doppelklick)</translation>
    </message>
    <message>
        <source>Stop the selected forwards (Del)</source>
        <translation>Die ausgewählten Weiterleitungen beenden (Entf)</translation>
    </message>
    <message>
        <source>Add a Forward</source>
        <translation>Neue Weiterleitung</translation>
    </message>
    <message>
        <source>Forward %1</source>
        <translation>%1 weiterleiten</translation>
    </message>
    <message>
        <source>Forward %1 to a free port on 127.0.0.1</source>
        <translation>%1 an einen freien Port auf 127.0.0.1 weiterleiten</translation>
    </message>
    <message>
        <source>Custom port…</source>
        <translation>Benutzerdefinierter Port …</translation>
    </message>
    <message>
        <source>&amp;Guest port:</source>
        <translation>&amp;Gast-Port:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <source>The port on this computer; a free one is picked if left at &quot;Any free port&quot;</source>
        <translation>Der Port auf diesem Computer; bei „Beliebiger freier Port“ wird ein freier gewählt</translation>
    </message>
    <message>
        <source>&amp;Local port:</source>
        <translation>&amp;Lokaler Port:</translation>
    </message>
    <message>
        <source>127.0.0.1 (this computer only)</source>
        <translation>127.0.0.1 (nur dieser Computer)</translation>
    </message>
    <message>
        <source>::1 (this computer only, IPv6)</source>
        <translation>::1 (nur dieser Computer, IPv6)</translation>
    </message>
    <message>
        <source>All interfaces (0.0.0.0)</source>
        <translation>Alle Schnittstellen (0.0.0.0)</translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation>Lauschen &amp;auf:</translation>
    </message>
    <message>
        <source>Anyone on the network who can reach this computer can connect to the VM through this port.</source>
        <translation>Jeder im Netzwerk, der diesen Computer erreicht, kann sich über diesen Port mit der VM verbinden.</translation>
    </message>
    <message>
        <source>&amp;Add Forward</source>
        <translation>Weiterleitung &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Port Forwards — %1</source>
        <translation>Portweiterleitungen – %1</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Local port %1 is already used by this VM&apos;s %2 forward.</source>
        <translation>Der lokale Port %1 wird bereits von der Weiterleitung „%2“ dieser VM verwendet.</translation>
    </message>
    <message>
        <source>Local port %1 is already used by a forward to %2.</source>
        <translation>Der lokale Port %1 wird bereits von einer Weiterleitung zu %2 verwendet.</translation>
    </message>
    <message>
        <source>another VM</source>
        <translation>einer anderen VM</translation>
    </message>
</context>
<context>
    <name>Corral::RemoteAccess</name>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>%1 — shell</source>
        <translation>%1 – Shell</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>%1 — SSH</source>
        <translation>%1 – SSH</translation>
    </message>
    <message>
        <source>%1 — serial</source>
        <translation>%1 – seriell</translation>
    </message>
</context>
<context>
    <name>Corral::SerialConsoleStream</name>
    <message>
        <source>Waiting for %1 to start…</source>
        <translation>Warte, bis %1 startet …</translation>
    </message>
    <message>
        <source>The console of %1 closed (the VM stopped?). It reopens when the VM runs again.</source>
        <translation>Die Konsole von %1 wurde geschlossen (VM gestoppt?). Sie öffnet sich wieder, sobald die VM wieder läuft.</translation>
    </message>
    <message>
        <source>The serial console of %1 was lost: %2</source>
        <translation>Die Verbindung zur seriellen Konsole von %1 wurde unterbrochen: %2</translation>
    </message>
</context>
<context>
    <name>Corral::SshShellStream</name>
    <message>
        <source>The shell ended (exit status %1).</source>
        <translation>Die Shell wurde beendet (Exit-Status %1).</translation>
    </message>
    <message>
        <source>The shell ended.</source>
        <translation>Die Shell wurde beendet.</translation>
    </message>
</context>
<context>
    <name>Corral::TaskDock</name>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>No tasks yet. VM and host operations show their progress and errors here.</source>
        <translation>Noch keine Aufgaben. VM- und Host-Aktionen zeigen hier ihren Fortschritt und ihre Fehler.</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>Remove the finished tasks from this list</source>
        <translation>Die abgeschlossenen Aufgaben aus dieser Liste entfernen</translation>
    </message>
</context>
<context>
    <name>Corral::TaskModel</name>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>Corral::TaskStatusDelegate</name>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>Corral::TerminalWidget</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Einf&amp;ügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Verkl&amp;einern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>C&amp;lear Scrollback</source>
        <translation>Verlauf lee&amp;ren</translation>
    </message>
    <message>
        <source>Find in scrollback</source>
        <translation>Im Verlauf suchen</translation>
    </message>
    <message>
        <source>Previous match, towards older output (Enter)</source>
        <translation>Vorheriger Treffer, in Richtung älterer Ausgabe (Enter)</translation>
    </message>
    <message>
        <source>Next match, towards newer output (Shift+Enter)</source>
        <translation>Nächster Treffer, in Richtung neuerer Ausgabe (Umschalt+Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>%1
Ctrl+click to open</source>
        <translation>%1
Strg+Klick zum Öffnen</translation>
    </message>
    <message>
        <source>Open Lin&amp;k</source>
        <translation>Link ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Copy Link &amp;Address</source>
        <translation>&amp;Link-Adresse kopieren</translation>
    </message>
</context>
<context>
    <name>Corral::VmModel</name>
    <message>
        <source>%1 on %2
UUID: %3</source>
        <translation>%1 auf %2
UUID: %3</translation>
    </message>
    <message>
        <source>Transient: the VM disappears when it stops.</source>
        <translation>Transient: Die VM verschwindet, wenn sie stoppt.</translation>
    </message>
    <message>
        <source>Read: %1
Write: %2</source>
        <translation>Lesen: %1
Schreiben: %2</translation>
    </message>
    <message>
        <source>Received: %1
Sent: %2</source>
        <translation>Empfangen: %1
Gesendet: %2</translation>
    </message>
    <message>
        <source>Host %1 is not connected: this is the last known state.</source>
        <translation>Host %1 ist nicht verbunden: Dies ist der zuletzt bekannte Zustand.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <translation>vCPUs</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory Used</source>
        <translation>Speicher belegt</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>Datenträger-E/A</translation>
    </message>
    <message>
        <source>Network I/O</source>
        <translation>Netzwerk-E/A</translation>
    </message>
</context>
<context>
    <name>Corral::VmPage</name>
    <message>
        <source>VM Actions</source>
        <translation>VM-Aktionen</translation>
    </message>
    <message>
        <source>Filter by VM or host name (%1)</source>
        <translation>Nach VM- oder Hostname filtern (%1)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Power Off…</source>
        <translation>Ausschalten …</translation>
    </message>
    <message>
        <source>Start the selected VMs</source>
        <translation>Die ausgewählten VMs starten</translation>
    </message>
    <message>
        <source>Ask the guests to shut down (ACPI power button)</source>
        <translation>Die Gäste zum Herunterfahren auffordern (ACPI-Ein-/Ausschalter)</translation>
    </message>
    <message>
        <source>Turn the selected VMs off at once, like pulling the plug</source>
        <translation>Die ausgewählten VMs sofort ausschalten, wie Stecker ziehen</translation>
    </message>
    <message>
        <source>Reboot the selected VMs</source>
        <translation>Die ausgewählten VMs neu starten</translation>
    </message>
    <message>
        <source>Pause the vCPUs of the selected VMs</source>
        <translation>Die vCPUs der ausgewählten VMs anhalten</translation>
    </message>
    <message>
        <source>Resume the paused VMs</source>
        <translation>Die angehaltenen VMs fortsetzen</translation>
    </message>
    <message>
        <source>Delete the selected VMs</source>
        <translation>Die ausgewählten VMs löschen</translation>
    </message>
    <message>
        <source>Filter VMs</source>
        <translation>VMs filtern</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Power Off</source>
        <translation>Ausschalten</translation>
    </message>
    <message numerus="yes">
        <source>Power off %n VM(s)?</source>
        <translation>
            <numerusform>%n VM ausschalten?</numerusform>
            <numerusform>%n VMs ausschalten?</numerusform>
        </translation>
    </message>
    <message>
        <source>The guests are turned off at once, without shutting down: unsaved data in them is lost.</source>
        <translation>Die Gäste werden sofort ausgeschaltet, ohne herunterzufahren: Nicht gespeicherte Daten in ihnen gehen verloren.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n VM(s)?</source>
        <translation>
            <numerusform>%n VM löschen?</numerusform>
            <numerusform>%n VMs löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Running VMs are powered off first. This cannot be undone.</source>
        <translation>Laufende VMs werden zuerst ausgeschaltet. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <source>Also delete the VMs&apos; disk volumes</source>
        <translation>
            <numerusform>Auch die Datenträger der VM löschen</numerusform>
            <numerusform>Auch die Datenträger der VMs löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>No VMs yet. Add a host with Add Host… (%1); its VMs appear here.</source>
        <translation>Noch keine VMs. Fügen Sie mit „Host hinzufügen …“ (%1) einen Host hinzu; seine VMs erscheinen hier.</translation>
    </message>
    <message>
        <source>No VMs on the connected hosts.</source>
        <translation>Keine VMs auf den verbundenen Hosts.</translation>
    </message>
    <message>
        <source>No VMs match the filter.</source>
        <translation>Keine VMs passen zum Filter.</translation>
    </message>
    <message>
        <source>Open SSH</source>
        <translation>SSH öffnen</translation>
    </message>
    <message>
        <source>Open a shell in the selected VMs over SSH, through their host</source>
        <translation>Eine Shell in den ausgewählten VMs per SSH öffnen, über ihren Host</translation>
    </message>
    <message>
        <source>Serial Console</source>
        <translation>Serielle Konsole</translation>
    </message>
    <message>
        <source>Open the serial consoles of the selected VMs (a stopped VM&apos;s console opens when it starts)</source>
        <translation>Die seriellen Konsolen der ausgewählten VMs öffnen (bei einer gestoppten VM öffnet sich die Konsole, sobald sie startet)</translation>
    </message>
    <message>
        <source>Forward Ports…</source>
        <translation>Ports weiterleiten …</translation>
    </message>
    <message>
        <source>Forward local ports to the selected VM&apos;s SSH, VNC or other ports</source>
        <translation>Lokale Ports an SSH-, VNC- oder andere Ports der ausgewählten VM weiterleiten</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Float</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Undocks and re-attaches the dock widget</source>
        <translation>Löst das Dock-Fenster und dockt es wieder an</translation>
    </message>
    <message>
        <source>Closes the dock widget</source>
        <translation>Schließt das Dock-Fenster</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Einf&amp;ügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Voreinstellungen</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Ctrl</source>
        <translation>Strg</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Umschalt</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Console for fleets of VMs on KVM hosts.</source>
        <translation>Konsole für VM-Flotten auf KVM-Hosts.</translation>
    </message>
</context>
</TS>
