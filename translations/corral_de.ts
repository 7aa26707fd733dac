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
    <message>
        <source>The server&apos;s Apple Remote Desktop key length (%1 bytes) is outside the supported range of %2 to %3 bytes.</source>
        <translation>Die Schlüssellänge des Servers für Apple Remote Desktop (%1 Bytes) liegt außerhalb des unterstützten Bereichs von %2 bis %3 Bytes.</translation>
    </message>
    <message>
        <source>The server sent an invalid Apple Remote Desktop Diffie-Hellman generator (%1).</source>
        <translation>Der Server hat einen ungültigen Diffie-Hellman-Generator für Apple Remote Desktop gesendet (%1).</translation>
    </message>
    <message>
        <source>Out of memory during Apple Remote Desktop authentication.</source>
        <translation>Nicht genügend Speicher bei der Authentifizierung über Apple Remote Desktop.</translation>
    </message>
    <message>
        <source>The server sent invalid Apple Remote Desktop Diffie-Hellman parameters.</source>
        <translation>Der Server hat ungültige Diffie-Hellman-Parameter für Apple Remote Desktop gesendet.</translation>
    </message>
    <message>
        <source>The server&apos;s Apple Remote Desktop Diffie-Hellman parameters are not usable.</source>
        <translation>Die Diffie-Hellman-Parameter des Servers für Apple Remote Desktop sind nicht verwendbar.</translation>
    </message>
    <message>
        <source>Could not create a Diffie-Hellman key for Apple Remote Desktop authentication.</source>
        <translation>Für die Authentifizierung über Apple Remote Desktop konnte kein Diffie-Hellman-Schlüssel erzeugt werden.</translation>
    </message>
    <message>
        <source>The server&apos;s Apple Remote Desktop public key is invalid.</source>
        <translation>Der öffentliche Schlüssel des Servers für Apple Remote Desktop ist ungültig.</translation>
    </message>
    <message>
        <source>MD5, needed for Apple Remote Desktop authentication, is not available (is OpenSSL in FIPS mode?).</source>
        <translation>MD5, das für die Authentifizierung über Apple Remote Desktop benötigt wird, ist nicht verfügbar (läuft OpenSSL im FIPS-Modus?).</translation>
    </message>
    <message>
        <source>The username is too long for Apple Remote Desktop authentication (at most %1 bytes).</source>
        <translation>Der Benutzername ist zu lang für die Authentifizierung über Apple Remote Desktop (höchstens %1 Bytes).</translation>
    </message>
    <message>
        <source>The password is too long for Apple Remote Desktop authentication (at most %1 bytes).</source>
        <translation>Das Passwort ist zu lang für die Authentifizierung über Apple Remote Desktop (höchstens %1 Bytes).</translation>
    </message>
    <message>
        <source>The random number generator failed.</source>
        <translation>Der Zufallszahlengenerator ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Could not encrypt the Apple Remote Desktop credentials.</source>
        <translation>Die Anmeldedaten für Apple Remote Desktop konnten nicht verschlüsselt werden.</translation>
    </message>
    <message>
        <source>The VNC server sent a cursor of %1×%2 pixels; at most %3×%3 are accepted.</source>
        <translation>Der VNC-Server hat einen Mauszeiger von %1×%2 Pixeln gesendet; höchstens %3×%3 werden akzeptiert.</translation>
    </message>
    <message>
        <source>There is not enough memory for the VNC server&apos;s cursor.</source>
        <translation>Für den Mauszeiger des VNC-Servers ist nicht genug Speicher vorhanden.</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Strg+Alt+Entf</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Backspace</source>
        <translation>Strg+Alt+Rücktaste</translation>
    </message>
    <message>
        <source>Print Screen</source>
        <translation>Druck</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F%1</source>
        <extracomment>A key combination sent to a VM: switches to Linux virtual console %1</extracomment>
        <translation>Strg+Alt+F%1</translation>
    </message>
    <message>
        <source>Cmd+Q (Quit)</source>
        <extracomment>Key combination for macOS guests (Cmd is the Super/Windows key)</extracomment>
        <translation>Cmd+Q (Beenden)</translation>
    </message>
    <message>
        <source>Cmd+Tab (Switch Apps)</source>
        <translation>Cmd+Tab (App wechseln)</translation>
    </message>
    <message>
        <source>Cmd+Space (Spotlight)</source>
        <translation>Cmd+Leertaste (Spotlight)</translation>
    </message>
    <message>
        <source>Cmd+Option+Esc (Force Quit)</source>
        <extracomment>Key combination for macOS guests (Option is the Alt key)</extracomment>
        <translation>Cmd+Option+Esc (Sofort beenden)</translation>
    </message>
    <message>
        <source>The VNC server uses %1 bits per pixel; only 8, 16 and 32 are supported.</source>
        <translation>Der VNC-Server verwendet %1 Bit pro Pixel; unterstützt werden nur 8, 16 und 32.</translation>
    </message>
    <message>
        <source>The VNC server&apos;s pixel format has an invalid depth of %1 for %2 bits per pixel.</source>
        <translation>Das Pixelformat des VNC-Servers hat eine ungültige Farbtiefe von %1 bei %2 Bit pro Pixel.</translation>
    </message>
    <message>
        <source>The VNC server uses a colour map with %1 bits per pixel; only 8 bits per pixel are supported with a colour map.</source>
        <translation>Der VNC-Server verwendet eine Farbtabelle mit %1 Bit pro Pixel; mit Farbtabelle werden nur 8 Bit pro Pixel unterstützt.</translation>
    </message>
    <message>
        <source>red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <source>green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>The VNC server&apos;s pixel format has a maximum of 0 for the %1 channel.</source>
        <translation>Das Pixelformat des VNC-Servers hat für den Kanal %1 ein Maximum von 0.</translation>
    </message>
    <message>
        <source>The VNC server&apos;s pixel format puts the %1 channel (maximum %2, shift %3) outside its %4 bits per pixel.</source>
        <translation>Das Pixelformat des VNC-Servers legt den Kanal %1 (Maximum %2, Verschiebung %3) außerhalb seiner %4 Bit pro Pixel.</translation>
    </message>
    <message>
        <source>The VNC server asked to copy from %1,%2 (%3×%4), which is outside the %5×%6 screen.</source>
        <translation>Der VNC-Server wollte von %1,%2 (%3×%4) kopieren, was außerhalb des Bildschirms von %5×%6 liegt.</translation>
    </message>
    <message>
        <source>The VNC server sent an RRE rectangle of %1×%2 pixels with %3 sub-rectangles.</source>
        <translation>Der VNC-Server hat ein RRE-Rechteck von %1×%2 Pixeln mit %3 Teilrechtecken gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent an RRE sub-rectangle (%1,%2 %3×%4) outside its %5×%6 rectangle.</source>
        <translation>Der VNC-Server hat ein RRE-Teilrechteck (%1,%2 %3×%4) außerhalb seines Rechtecks von %5×%6 gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a Hextile sub-rectangle (%1,%2 %3×%4) outside its %5×%6 tile.</source>
        <translation>Der VNC-Server hat ein Hextile-Teilrechteck (%1,%2 %3×%4) außerhalb seiner Kachel von %5×%6 gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a Tight rectangle with the unsupported compression type %1.</source>
        <translation>Der VNC-Server hat ein Tight-Rechteck mit dem nicht unterstützten Komprimierungstyp %1 gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a Tight rectangle with the unknown filter %1.</source>
        <translation>Der VNC-Server hat ein Tight-Rechteck mit dem unbekannten Filter %1 gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a Tight gradient with 8 bits per pixel.</source>
        <translation>Der VNC-Server hat einen Tight-Gradienten mit 8 Bit pro Pixel gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a Tight rectangle of %1×%2 pixels, too large to decompress.</source>
        <translation>Der VNC-Server hat ein Tight-Rechteck von %1×%2 Pixeln gesendet, das zum Dekomprimieren zu groß ist.</translation>
    </message>
    <message>
        <source>The VNC server sent Tight data that cannot be decompressed (%1).</source>
        <translation>Der VNC-Server hat Tight-Daten gesendet, die sich nicht dekomprimieren lassen (%1).</translation>
    </message>
    <message>
        <source>The VNC server sent %1 bytes of Tight data where %2 were expected.</source>
        <translation>Der VNC-Server hat %1 Bytes Tight-Daten gesendet, erwartet wurden %2.</translation>
    </message>
    <message>
        <source>The VNC server sent a Tight palette index %1 for a palette of %2 colours.</source>
        <translation>Der VNC-Server hat den Tight-Palettenindex %1 für eine Palette mit %2 Farben gesendet.</translation>
    </message>
    <message>
        <source>The JPEG decoder could not be started.</source>
        <translation>Der JPEG-Decoder konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The VNC server sent an invalid JPEG image (%1).</source>
        <translation>Der VNC-Server hat ein ungültiges JPEG-Bild gesendet (%1).</translation>
    </message>
    <message>
        <source>The VNC server sent a JPEG image of %1×%2 pixels for a rectangle of %3×%4.</source>
        <translation>Der VNC-Server hat ein JPEG-Bild von %1×%2 Pixeln für ein Rechteck von %3×%4 gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a JPEG image that cannot be decoded (%1).</source>
        <translation>Der VNC-Server hat ein JPEG-Bild gesendet, das sich nicht dekodieren lässt (%1).</translation>
    </message>
    <message>
        <source>The VNC server sent a ZRLE block of %1 bytes; at most %2 are accepted.</source>
        <translation>Der VNC-Server hat einen ZRLE-Block von %1 Bytes gesendet; höchstens %2 werden akzeptiert.</translation>
    </message>
    <message>
        <source>The VNC server sent more ZRLE data than a %1×%2 rectangle can hold.</source>
        <translation>Der VNC-Server hat mehr ZRLE-Daten gesendet, als ein Rechteck von %1×%2 aufnehmen kann.</translation>
    </message>
    <message>
        <source>The VNC server sent ZRLE data that cannot be decompressed (%1).</source>
        <translation>Der VNC-Server hat ZRLE-Daten gesendet, die sich nicht dekomprimieren lassen (%1).</translation>
    </message>
    <message>
        <source>The VNC server sent too little ZRLE data for its %1×%2 rectangle.</source>
        <translation>Der VNC-Server hat zu wenige ZRLE-Daten für sein Rechteck von %1×%2 gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a ZRLE palette index %1 for a palette of %2 colours.</source>
        <translation>Der VNC-Server hat den ZRLE-Palettenindex %1 für eine Palette mit %2 Farben gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a ZRLE run that overruns its tile.</source>
        <translation>Der VNC-Server hat einen ZRLE-Lauf gesendet, der über seine Kachel hinausreicht.</translation>
    </message>
    <message>
        <source>The VNC server sent a ZRLE tile with an invalid sub-encoding %1.</source>
        <translation>Der VNC-Server hat eine ZRLE-Kachel mit der ungültigen Untercodierung %1 gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent more ZRLE data than its %1×%2 rectangle needs.</source>
        <translation>Der VNC-Server hat mehr ZRLE-Daten gesendet, als sein Rechteck von %1×%2 benötigt.</translation>
    </message>
    <message>
        <source>The VNC server refused the login</source>
        <translation>Der VNC-Server hat die Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>This is not a VNC server (it greeted with “%1”). Check the address and port.</source>
        <translation>Dies ist kein VNC-Server (er grüßte mit „%1“). Prüfen Sie Adresse und Port.</translation>
    </message>
    <message>
        <source>The VNC server speaks RFB %1.%2, which is too old.</source>
        <translation>Der VNC-Server spricht RFB %1.%2, das ist zu alt.</translation>
    </message>
    <message>
        <source>The VNC server requires security type %1, which Corral does not support.</source>
        <translation>Der VNC-Server verlangt den Sicherheitstyp %1, den Corral nicht unterstützt.</translation>
    </message>
    <message>
        <source>The VNC server offers only security types %1; Corral supports None, VNC password, VeNCrypt and Apple Remote Desktop. Change the server&apos;s security settings.</source>
        <translation>Der VNC-Server bietet nur die Sicherheitstypen %1 an; Corral unterstützt None, VNC-Passwort, VeNCrypt und Apple Remote Desktop. Ändern Sie die Sicherheitseinstellungen des Servers.</translation>
    </message>
    <message>
        <source>Security type %1 is not available in this build.</source>
        <translation>Der Sicherheitstyp %1 ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <source>The VNC server refused the connection.</source>
        <translation>Der VNC-Server hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>The VNC server refused the password. Check it and connect again.</source>
        <translation>Der VNC-Server hat das Passwort abgelehnt. Prüfen Sie es und verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The VNC server sent a desktop name of %1 bytes; the session was ended.</source>
        <translation>Der VNC-Server hat einen Desktopnamen von %1 Bytes gesendet; die Sitzung wurde beendet.</translation>
    </message>
    <message>
        <source>The VNC server uses a pixel format Corral cannot read: %1</source>
        <translation>Der VNC-Server verwendet ein Pixelformat, das Corral nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The VNC server&apos;s screen is %1×%2, beyond what Corral accepts.</source>
        <translation>Der Bildschirm des VNC-Servers ist %1×%2 groß, mehr als Corral akzeptiert.</translation>
    </message>
    <message>
        <source>The VNC server sent colour map entries %1–%2; a colour map has 256.</source>
        <translation>Der VNC-Server hat die Farbtabelleneinträge %1–%2 gesendet; eine Farbtabelle hat 256.</translation>
    </message>
    <message>
        <source>The VNC server sent a fence with %1 bytes of data (at most 64 are allowed).</source>
        <translation>Der VNC-Server hat einen Fence mit %1 Bytes Daten gesendet (höchstens 64 sind erlaubt).</translation>
    </message>
    <message>
        <source>The VNC server sent an unknown message (type %1); the session was ended.</source>
        <translation>Der VNC-Server hat eine unbekannte Nachricht gesendet (Typ %1); die Sitzung wurde beendet.</translation>
    </message>
    <message>
        <source>The VNC server sent more than %1 rectangles in one update.</source>
        <translation>Der VNC-Server hat mehr als %1 Rechtecke in einer Aktualisierung gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a rectangle in encoding %1, which Corral did not ask for.</source>
        <translation>Der VNC-Server hat ein Rechteck in der Codierung %1 gesendet, die Corral nicht angefordert hat.</translation>
    </message>
    <message>
        <source>The VNC server sent a rectangle (%1) outside its %2×%3 screen; the session was ended.</source>
        <translation>Der VNC-Server hat ein Rechteck (%1) außerhalb seines Bildschirms von %2×%3 gesendet; die Sitzung wurde beendet.</translation>
    </message>
    <message>
        <source>The VNC server resized its screen to %1×%2, beyond what Corral accepts.</source>
        <translation>Der VNC-Server hat die Größe seines Bildschirms auf %1×%2 geändert, mehr als Corral akzeptiert.</translation>
    </message>
    <message>
        <source>The VNC server sent a %1×%2 cursor; at most %3×%3 is accepted.</source>
        <translation>Der VNC-Server hat einen Mauszeiger von %1×%2 gesendet; höchstens %3×%3 werden akzeptiert.</translation>
    </message>
    <message>
        <source>Unexpected pseudo-encoding %1.</source>
        <translation>Unerwartete Pseudo-Codierung %1.</translation>
    </message>
    <message>
        <source>The VNC server sent %1 bytes of clipboard; at most %2 are accepted.</source>
        <translation>Der VNC-Server hat %1 Bytes Zwischenablage gesendet; höchstens %2 werden akzeptiert.</translation>
    </message>
    <message>
        <source>The VNC server sent a malformed extended clipboard message.</source>
        <translation>Der VNC-Server hat eine fehlerhafte erweiterte Zwischenablage-Nachricht gesendet.</translation>
    </message>
    <message>
        <source>The VNC server sent a clipboard that does not decompress.</source>
        <translation>Der VNC-Server hat eine Zwischenablage gesendet, die sich nicht dekomprimieren lässt.</translation>
    </message>
    <message>
        <source>The VNC server sent a malformed clipboard.</source>
        <translation>Der VNC-Server hat eine fehlerhafte Zwischenablage gesendet.</translation>
    </message>
    <message>
        <source>%1: it is not issued for %2</source>
        <translation>%1: Es wurde nicht für %2 ausgestellt</translation>
    </message>
    <message>
        <source>Could not set up TLS.</source>
        <translation>TLS konnte nicht eingerichtet werden.</translation>
    </message>
    <message>
        <source>This OpenSSL build offers no anonymous TLS cipher suites, which VeNCrypt&apos;s TLS sub-types need. Use an X509 sub-type on the server.</source>
        <translation>Dieser OpenSSL-Build bietet keine anonymen TLS-Cipher-Suites, die die TLS-Untertypen von VeNCrypt benötigen. Verwenden Sie auf dem Server einen X509-Untertyp.</translation>
    </message>
    <message>
        <source>Could not read the CA certificate file %1. It must hold one or more PEM certificates.</source>
        <translation>Die CA-Zertifikatsdatei %1 konnte nicht gelesen werden. Sie muss ein oder mehrere PEM-Zertifikate enthalten.</translation>
    </message>
    <message>
        <source>Could not load the system&apos;s CA certificates.</source>
        <translation>Die CA-Zertifikate des Systems konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>The VNC server sent no certificate.</source>
        <translation>Der VNC-Server hat kein Zertifikat gesendet.</translation>
    </message>
    <message>
        <source>The encrypted connection to the VNC server failed.</source>
        <translation>Die verschlüsselte Verbindung zum VNC-Server ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The VNC server&apos;s certificate is not trusted (%1). Subject: %2. SHA-256 fingerprint: %3. Connect using a name the certificate carries, or pin this fingerprint if this is the right server.</source>
        <translation>Das Zertifikat des VNC-Servers ist nicht vertrauenswürdig (%1). Inhaber: %2. SHA-256-Fingerabdruck: %3. Verbinden Sie sich über einen Namen, den das Zertifikat enthält, oder pinnen Sie diesen Fingerabdruck, wenn dies der richtige Server ist.</translation>
    </message>
    <message>
        <source>The VNC server&apos;s certificate is not trusted (%1). Subject: %2. SHA-256 fingerprint: %3. If this is the right server, give the CA certificate that signed it (a PEM file) in the connection settings, or pin this fingerprint.</source>
        <translation>Das Zertifikat des VNC-Servers ist nicht vertrauenswürdig (%1). Inhaber: %2. SHA-256-Fingerabdruck: %3. Wenn dies der richtige Server ist, geben Sie in den Verbindungseinstellungen das CA-Zertifikat an, mit dem es signiert wurde (eine PEM-Datei), oder pinnen Sie diesen Fingerabdruck.</translation>
    </message>
    <message>
        <source>The TLS handshake with the VNC server failed.</source>
        <translation>Der TLS-Handshake mit dem VNC-Server ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The anonymous TLS handshake with the VNC server failed. The server may not allow anonymous TLS; try an X509 sub-type.</source>
        <translation>Der anonyme TLS-Handshake mit dem VNC-Server ist fehlgeschlagen. Der Server erlaubt möglicherweise kein anonymes TLS; versuchen Sie einen X509-Untertyp.</translation>
    </message>
    <message>
        <source>Out of memory in the TLS layer.</source>
        <translation>Nicht genügend Speicher in der TLS-Schicht.</translation>
    </message>
    <message>
        <source>%1, %2, anonymous (the server is not authenticated)</source>
        <translation>%1, %2, anonym (der Server ist nicht authentifiziert)</translation>
    </message>
    <message>
        <source>accepted by pinned fingerprint</source>
        <translation>über gepinnten Fingerabdruck akzeptiert</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <source>%1, %2, certificate %3 (SHA-256 %4), %5</source>
        <translation>%1, %2, Zertifikat %3 (SHA-256 %4), %5</translation>
    </message>
    <message>
        <source>The server speaks VeNCrypt %1.%2, but Corral needs version %3.%4 or later. Update the VNC server or allow another security type on it.</source>
        <translation>Der Server spricht VeNCrypt %1.%2, Corral benötigt aber Version %3.%4 oder neuer. Aktualisieren Sie den VNC-Server oder erlauben Sie dort einen anderen Sicherheitstyp.</translation>
    </message>
    <message>
        <source>The server refused VeNCrypt version %1.%2.</source>
        <translation>Der Server hat die VeNCrypt-Version %1.%2 abgelehnt.</translation>
    </message>
    <message>
        <source>The server could not set up TLS for VeNCrypt %1.</source>
        <translation>Der Server konnte TLS für VeNCrypt %1 nicht einrichten.</translation>
    </message>
    <message>
        <source>The server offers no VeNCrypt sub-types.</source>
        <translation>Der Server bietet keine VeNCrypt-Untertypen an.</translation>
    </message>
    <message>
        <source>The server offers only VeNCrypt sub-types Corral does not support: %1. Corral supports %2.</source>
        <translation>Der Server bietet nur VeNCrypt-Untertypen an, die Corral nicht unterstützt: %1. Corral unterstützt %2.</translation>
    </message>
    <message>
        <source>The VNC authentication challenge is malformed.</source>
        <translation>Die Challenge der VNC-Authentifizierung ist fehlerhaft.</translation>
    </message>
    <message>
        <source>VNC password authentication needs DES from OpenSSL&apos;s &quot;legacy&quot; provider, which could not be loaded. Install the package that ships legacy.so in %1 (libssl3 on Debian and Ubuntu, openssl-libs on Fedora), or use a security type such as VeNCrypt X509Plain.</source>
        <translation>Die VNC-Passwortauthentifizierung benötigt DES aus dem „legacy“-Provider von OpenSSL, der nicht geladen werden konnte. Installieren Sie das Paket, das legacy.so in %1 bereitstellt (libssl3 unter Debian und Ubuntu, openssl-libs unter Fedora), oder verwenden Sie einen Sicherheitstyp wie VeNCrypt X509Plain.</translation>
    </message>
    <message>
        <source>Could not compute the VNC authentication response.</source>
        <translation>Die Antwort für die VNC-Authentifizierung konnte nicht berechnet werden.</translation>
    </message>
    <message>
        <source>Cannot resolve %1: %2.</source>
        <translation>%1 kann nicht aufgelöst werden: %2.</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>Cannot connect to the VNC server at %1:%2: %3.</source>
        <translation>Keine Verbindung zum VNC-Server unter %1:%2: %3.</translation>
    </message>
    <message>
        <source>The connection to the VNC server broke: %1.</source>
        <translation>Die Verbindung zum VNC-Server ist abgebrochen: %1.</translation>
    </message>
    <message>
        <source>Polling the VNC connection failed: %1.</source>
        <translation>Abfragen der VNC-Verbindung fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>The VNC server did not finish the handshake within %1 s.</source>
        <translation>Der VNC-Server hat den Handshake nicht innerhalb von %1 s abgeschlossen.</translation>
    </message>
    <message>
        <source>The VNC server closed the connection.</source>
        <translation>Der VNC-Server hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>The VNC server closed the connection during the handshake.</source>
        <translation>Der VNC-Server hat die Verbindung während des Handshakes geschlossen.</translation>
    </message>
    <message>
        <source>The VM&apos;s screen could not be decoded.</source>
        <translation>Der Bildschirm der VM konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 läuft nicht.</translation>
    </message>
    <message>
        <source>Cannot read the screen of %1.</source>
        <translation>Der Bildschirm von %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 has no display.</source>
        <translation>%1 hat keine Anzeige.</translation>
    </message>
    <message>
        <source>Reading the screen of %1 failed.</source>
        <translation>Lesen des Bildschirms von %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The screen of %1 is too large to show.</source>
        <translation>Der Bildschirm von %1 ist zu groß zum Anzeigen.</translation>
    </message>
    <message>
        <source>The file starts like a qcow2 image but is cut off inside its header. Copy it again from the original.</source>
        <translation>Die Datei beginnt wie ein qcow2-Abbild, bricht aber mitten im Header ab. Kopieren Sie sie erneut vom Original.</translation>
    </message>
    <message>
        <source>The file is a qcow2 image of version %1; only versions 2 and 3 are supported. Convert it with: qemu-img convert -O qcow2 IN OUT</source>
        <translation>Die Datei ist ein qcow2-Abbild der Version %1; unterstützt werden nur die Versionen 2 und 3. Konvertieren Sie es mit: qemu-img convert -O qcow2 EIN AUS</translation>
    </message>
    <message>
        <source>The qcow2 header is damaged (cluster size 2^%1). Check the file with qemu-img check.</source>
        <translation>Der qcow2-Header ist beschädigt (Clustergröße 2^%1). Prüfen Sie die Datei mit qemu-img check.</translation>
    </message>
    <message>
        <source>The qcow2 image is truncated (%1 bytes, less than one cluster). Copy it again from the original.</source>
        <translation>Das qcow2-Abbild ist abgeschnitten (%1 Bytes, weniger als ein Cluster). Kopieren Sie es erneut vom Original.</translation>
    </message>
    <message>
        <source>The ISO 9660 volume descriptor is damaged (no size). Download the installer again.</source>
        <translation>Der ISO-9660-Volume-Deskriptor ist beschädigt (keine Größe). Laden Sie das Installationsmedium erneut herunter.</translation>
    </message>
    <message>
        <source>The ISO image is truncated: its volume is %1 bytes but the file has %2. Download it again.</source>
        <translation>Das ISO-Abbild ist abgeschnitten: Sein Volume hat %1 Bytes, die Datei aber %2. Laden Sie es erneut herunter.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file is a %1 image. Convert it first: qemu-img convert -O qcow2 IN OUT.qcow2</source>
        <translation>Die Datei ist ein %1-Abbild. Konvertieren Sie es zuerst: qemu-img convert -O qcow2 EIN AUS.qcow2</translation>
    </message>
    <message>
        <source>The file is text, not a disk image or ISO. Choose the image file.</source>
        <translation>Die Datei ist Text, kein Festplattenabbild und kein ISO. Wählen Sie die Abbilddatei.</translation>
    </message>
    <message>
        <source>The file is neither qcow2 nor ISO, and as a raw disk its size (%1 bytes) is not a whole number of 512-byte sectors. It may be truncated or not an image.</source>
        <translation>Die Datei ist weder qcow2 noch ISO, und als Raw-Festplatte ist ihre Größe (%1 Bytes) kein Vielfaches von 512-Byte-Sektoren. Sie ist vielleicht abgeschnitten oder kein Abbild.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>An image name is 1 to 64 characters: letters, digits, &quot;.&quot;, &quot;-&quot; and &quot;_&quot; (not &quot;.&quot; or &quot;..&quot;).</source>
        <translation>Ein Abbildname hat 1 bis 64 Zeichen: Buchstaben, Ziffern, „.“, „-“ und „_“ (nicht „.“ oder „..“).</translation>
    </message>
    <message>
        <source>There is no image named %1. `corralctl image list` shows the images.</source>
        <translation>Es gibt kein Abbild namens %1. `corralctl image list` zeigt die Abbilder.</translation>
    </message>
    <message>
        <source>An image named %1 already exists.</source>
        <translation>Ein Abbild namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image name. %2</source>
        <translation>„%1“ ist kein gültiger Abbildname. %2</translation>
    </message>
    <message>
        <source>Corral was closed during the transfer: resume it.</source>
        <translation>Corral wurde während der Übertragung beendet: Setzen Sie sie fort.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>Wird übertragen</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Wird verifiziert</translation>
    </message>
    <message>
        <source>Interrupted (resumable)</source>
        <translation>Unterbrochen (fortsetzbar)</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cannot map the file&apos;s data: %1</source>
        <translation>Die Datenbereiche der Datei können nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>the host could not compute a SHA-256 (is openssl or sha256sum installed?)</source>
        <translation>der Host konnte keine SHA-256-Prüfsumme berechnen (ist openssl oder sha256sum installiert?)</translation>
    </message>
    <message>
        <source>No space left in the image pool on %1: free space there or choose another host.</source>
        <translation>Kein Platz mehr im Abbild-Pool auf %1: Geben Sie dort Speicherplatz frei oder wählen Sie einen anderen Host.</translation>
    </message>
    <message>
        <source>Permission denied on %1 (%2): the SSH user needs write access to the corral-images pool directory.</source>
        <translation>Zugriff auf %1 verweigert (%2): Der SSH-Benutzer braucht Schreibzugriff auf das Verzeichnis des Pools corral-images.</translation>
    </message>
    <message>
        <source>%1 reported: %2</source>
        <translation>%1 meldete: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was lost at %2: resume the transfer when the host is back.</source>
        <translation>Die Verbindung zu %1 wurde bei %2 unterbrochen: Setzen Sie die Übertragung fort, sobald der Host wieder da ist.</translation>
    </message>
    <message>
        <source>Checksum mismatch on %1: the host wrote SHA-256 %2… but the source has %3…. The partial copy was removed; start the transfer again.</source>
        <translation>Prüfsummenfehler auf %1: Der Host hat SHA-256 %2… geschrieben, die Quelle hat aber %3…. Die unvollständige Kopie wurde entfernt; starten Sie die Übertragung erneut.</translation>
    </message>
    <message>
        <source>%1 changed since the upload began: start the upload again.</source>
        <translation>%1 hat sich seit Beginn des Hochladens geändert: Starten Sie das Hochladen erneut.</translation>
    </message>
    <message>
        <source>the file got shorter</source>
        <translation>die Datei wurde kürzer</translation>
    </message>
    <message>
        <source>no reply</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>The connection to %1 (the source) was lost: resume the copy when it is back.</source>
        <translation>Die Verbindung zu %1 (der Quelle) wurde unterbrochen: Setzen Sie das Kopieren fort, sobald der Host wieder da ist.</translation>
    </message>
    <message>
        <source>%1 computed SHA-256 %2… for its copy but %3… arrived: the copy was not registered.</source>
        <translation>%1 hat für seine Kopie SHA-256 %2… berechnet, angekommen ist aber %3…: Die Kopie wurde nicht registriert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Checksum mismatch: %1 has SHA-256 %2… but %3… arrived. The partial file was removed; download again.</source>
        <translation>Prüfsummenfehler: %1 hat SHA-256 %2…, angekommen ist aber %3…. Die unvollständige Datei wurde entfernt; laden Sie sie erneut herunter.</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>%1 kann nicht in %2 umbenannt werden.</translation>
    </message>
    <message>
        <source>The replica on %1 is damaged: its SHA-256 is %2… but the image&apos;s is %3…. Delete it there and copy it again from a good host.</source>
        <translation>Das Replikat auf %1 ist beschädigt: Sein SHA-256 ist %2…, der des Abbilds aber %3…. Löschen Sie es dort und kopieren Sie es erneut von einem intakten Host.</translation>
    </message>
    <message>
        <source>There is no transfer %1. `corralctl image jobs` lists them.</source>
        <translation>Es gibt keine Übertragung %1. `corralctl image jobs` listet sie auf.</translation>
    </message>
    <message>
        <source>Host %1 has no active storage pool %2: create it with `virsh pool-define-as %2 dir --target /var/lib/libvirt/images/%2 &amp;&amp; virsh pool-build %2 &amp;&amp; virsh pool-start %2 &amp;&amp; virsh pool-autostart %2` on the host.</source>
        <translation>Host %1 hat keinen aktiven Speicherpool %2: Legen Sie ihn auf dem Host an mit `virsh pool-define-as %2 dir --target /var/lib/libvirt/images/%2 &amp;&amp; virsh pool-build %2 &amp;&amp; virsh pool-start %2 &amp;&amp; virsh pool-autostart %2`.</translation>
    </message>
    <message>
        <source>Host %1 is not connected: connect it first.</source>
        <translation>Host %1 ist nicht verbunden: Verbinden Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>Cannot refresh the pool %1 on %2.</source>
        <translation>Der Pool %1 auf %2 kann nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>Cannot list the volumes of %1 on %2.</source>
        <translation>Die Volumes von %1 auf %2 können nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>The host is not connected.</source>
        <translation>Der Host ist nicht verbunden.</translation>
    </message>
    <message>
        <source>Cannot list the VMs.</source>
        <translation>Die VMs können nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Cannot delete %1 from the pool %2 on %3.</source>
        <translation>%1 kann nicht aus dem Pool %2 auf %3 gelöscht werden.</translation>
    </message>
    <message>
        <source>Cannot create the disk %1 in the pool %2 on %3.</source>
        <translation>Der Datenträger %1 kann nicht im Pool %2 auf %3 angelegt werden.</translation>
    </message>
    <message>
        <source>%1 is shorter than recorded: resume the download to continue from what it holds.</source>
        <translation>%1 ist kürzer als vermerkt: Setzen Sie das Herunterladen fort, um mit dem vorhandenen Inhalt weiterzumachen.</translation>
    </message>
    <message>
        <source>No VM config named %1: `corralctl config list` shows them.</source>
        <translation>Keine VM-Konfiguration namens %1: `corralctl config list` zeigt sie an.</translation>
    </message>
    <message>
        <source>Namespace %1 was made by another console and is not in this catalog: create it here too (corralctl ns create %1) to deploy into it.</source>
        <translation>Namespace %1 wurde von einer anderen Konsole angelegt und steht nicht in diesem Katalog: Legen Sie ihn auch hier an (corralctl ns create %1), um in ihn bereitzustellen.</translation>
    </message>
    <message>
        <source>No namespace named %1: create it with `corralctl ns create %1`.</source>
        <translation>Kein Namespace namens %1: Legen Sie ihn mit `corralctl ns create %1` an.</translation>
    </message>
    <message>
        <source>Deploy 1 to 100 VMs at a time, not %1.</source>
        <translation>Stellen Sie 1 bis 100 VMs auf einmal bereit, nicht %1.</translation>
    </message>
    <message>
        <source>No image named %1 in the library: upload it first (corralctl image upload FILE --host HOST).</source>
        <translation>Kein Abbild namens %1 in der Bibliothek: Laden Sie es zuerst hoch (corralctl image upload DATEI --host HOST).</translation>
    </message>
    <message>
        <source>%1 is an ISO; a VM needs a disk image (qcow2 or raw) as its base.</source>
        <translation>%1 ist ein ISO; eine VM braucht ein Datenträgerabbild (qcow2 oder raw) als Basis.</translation>
    </message>
    <message>
        <source>No connected host has a copy of %1: connect a host that has it, or upload it again.</source>
        <translation>Kein verbundener Host hat eine Kopie von %1: Verbinden Sie einen Host, der sie hat, oder laden Sie es erneut hoch.</translation>
    </message>
    <message>
        <source>no Apple SMC key set for macOS guests (corralctl host set %1 --smc-key-file FILE)</source>
        <translation>kein Apple-SMC-Schlüssel für macOS-Gäste gesetzt (corralctl host set %1 --smc-key-file DATEI)</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>A VM named %1 already exists; pick another name.</source>
        <translation>Eine VM namens %1 gibt es bereits; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Deploy %1</source>
        <translation>%1 bereitstellen</translation>
    </message>
    <message>
        <source>Making sure %1 has %2</source>
        <translation>Sicherstellen, dass %1 %2 hat</translation>
    </message>
    <message>
        <source>Copying %1 to %2: %3%</source>
        <translation>%1 wird nach %2 kopiert: %3 %</translation>
    </message>
    <message>
        <source>Image %1 is no longer in the library.</source>
        <translation>Das Abbild %1 ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <source>No connected host has a copy of %1 to copy from.</source>
        <translation>Kein verbundener Host hat eine Kopie von %1, von der kopiert werden könnte.</translation>
    </message>
    <message>
        <source>Copying %1 to %2 did not finish: %3</source>
        <translation>Das Kopieren von %1 nach %2 wurde nicht abgeschlossen: %3</translation>
    </message>
    <message>
        <source>Creating the disk on %1</source>
        <translation>Datenträger wird auf %1 erstellt</translation>
    </message>
    <message>
        <source>Host %1 was removed.</source>
        <translation>Host %1 wurde entfernt.</translation>
    </message>
    <message>
        <source>Starting on %1</source>
        <translation>Wird auf %1 gestartet</translation>
    </message>
    <message>
        <source>%1 is full by now (%2 of %3 vCPUs, %4 of %5 MiB in use)</source>
        <translation>%1 ist inzwischen voll (%2 von %3 vCPUs, %4 von %5 MiB belegt)</translation>
    </message>
    <message>
        <source>%1 already has a VM named %2.</source>
        <translation>%1 hat bereits eine VM namens %2.</translation>
    </message>
    <message>
        <source>Another console kept %1 busy with deploys for a minute; try again.</source>
        <translation>Eine andere Konsole hat %1 eine Minute lang mit Bereitstellungen belegt; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Waiting for another console&apos;s deploy on %1</source>
        <translation>Warten auf die Bereitstellung einer anderen Konsole auf %1</translation>
    </message>
    <message>
        <source>%1; other consoles keep filling the hosts, try again.</source>
        <translation>%1; andere Konsolen füllen die Hosts weiter, versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1, and undoing the disk there failed; it is undone when the host is back.</source>
        <translation>%1, und das Rückgängigmachen des Datenträgers dort schlug fehl; es geschieht, sobald der Host wieder da ist.</translation>
    </message>
    <message>
        <source>; ports %1</source>
        <translation>; Ports %1</translation>
    </message>
    <message>
        <source>Running on %1</source>
        <translation>Läuft auf %1</translation>
    </message>
    <message>
        <source>There is no such host.</source>
        <translation>Diesen Host gibt es nicht.</translation>
    </message>
    <message numerus="yes">
        <source>The host is in maintenance, but %n VM(s) did not shut down: %1</source>
        <translation>
            <numerusform>Der Host ist im Wartungsmodus, aber %n VM wurde nicht heruntergefahren: %1</numerusform>
            <numerusform>Der Host ist im Wartungsmodus, aber %n VMs wurden nicht heruntergefahren: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>offline (not connected)</source>
        <translation>offline (nicht verbunden)</translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation>im Wartungsmodus</translation>
    </message>
    <message>
        <source>dedicated to namespace &quot;%1&quot;</source>
        <translation>dem Namespace „%1“ zugeordnet</translation>
    </message>
    <message>
        <source>not dedicated to namespace &quot;%1&quot; (it deploys only onto its dedicated hosts)</source>
        <translation>nicht dem Namespace „%1“ zugeordnet (er stellt nur auf seinen dedizierten Hosts bereit)</translation>
    </message>
    <message>
        <source>lacks tag &quot;%1&quot;</source>
        <translation>ohne Tag „%1“</translation>
    </message>
    <message numerus="yes">
        <source>needs %n vCPUs, %1 of %2 free at %3× overcommit</source>
        <translation>
            <numerusform>braucht %n vCPU, %1 von %2 frei bei %3× Überbuchung</numerusform>
            <numerusform>braucht %n vCPUs, %1 von %2 frei bei %3× Überbuchung</numerusform>
        </translation>
    </message>
    <message>
        <source>needs %1 MiB of memory, %2 of %3 MiB free (%4 MiB kept for the host)</source>
        <translation>braucht %1 MiB Speicher, %2 von %3 MiB frei (%4 MiB für den Host reserviert)</translation>
    </message>
    <message>
        <source>needs %1 MiB of memory, %2 of %3 MiB free at %4× overcommit (%5 MiB kept for the host)</source>
        <translation>braucht %1 MiB Speicher, %2 von %3 MiB frei bei %4× Überbuchung (%5 MiB für den Host reserviert)</translation>
    </message>
    <message>
        <source>%1 of %2 vCPUs, %3 of %4 GiB in use</source>
        <translation>%1 von %2 vCPUs, %3 von %4 GiB belegt</translation>
    </message>
    <message>
        <source>the requested host (%1)</source>
        <translation>der gewünschte Host (%1)</translation>
    </message>
    <message>
        <source>pack: has the preferred tag &quot;%1&quot;, most allocated of those (%2)</source>
        <translation>packen: hat das bevorzugte Tag „%1“, am stärksten belegt davon (%2)</translation>
    </message>
    <message>
        <source>spread: has the preferred tag &quot;%1&quot;, least allocated of those (%2)</source>
        <translation>verteilen: hat das bevorzugte Tag „%1“, am wenigsten belegt davon (%2)</translation>
    </message>
    <message>
        <source>pack: most allocated; no host with the preferred tag &quot;%1&quot; has room (%2)</source>
        <translation>packen: am stärksten belegt; kein Host mit dem bevorzugten Tag „%1“ hat Platz (%2)</translation>
    </message>
    <message>
        <source>spread: least allocated; no host with the preferred tag &quot;%1&quot; has room (%2)</source>
        <translation>verteilen: am wenigsten belegt; kein Host mit dem bevorzugten Tag „%1“ hat Platz (%2)</translation>
    </message>
    <message>
        <source>pack: most allocated (%1)</source>
        <translation>packen: am stärksten belegt (%1)</translation>
    </message>
    <message>
        <source>spread: least allocated (%1)</source>
        <translation>verteilen: am wenigsten belegt (%1)</translation>
    </message>
    <message>
        <source>A VM needs at least one vCPU; the request asks for %1.</source>
        <translation>Eine VM braucht mindestens eine vCPU; angefordert sind %1.</translation>
    </message>
    <message>
        <source>A VM needs at least 1 MiB of memory; the request asks for %1 MiB.</source>
        <translation>Eine VM braucht mindestens 1 MiB Speicher; angefordert sind %1 MiB.</translation>
    </message>
    <message>
        <source>A deploy places at least one VM; the request asks for %1.</source>
        <translation>Eine Bereitstellung platziert mindestens eine VM; angefordert sind %1.</translation>
    </message>
    <message>
        <source>Invalid request: %1</source>
        <translation>Ungültige Anforderung: %1</translation>
    </message>
    <message numerus="yes">
        <source>Namespace &quot;%1&quot; allows at most %n VMs; it has %2 and this deploy adds %3. Delete some of its VMs or raise the quota: corralctl ns set %1 --max-vms %4.</source>
        <translation>
            <numerusform>Namespace „%1“ erlaubt höchstens %n VM; er hat %2, und diese Bereitstellung fügt %3 hinzu. Löschen Sie einige seiner VMs oder erhöhen Sie das Kontingent: corralctl ns set %1 --max-vms %4.</numerusform>
            <numerusform>Namespace „%1“ erlaubt höchstens %n VMs; er hat %2, und diese Bereitstellung fügt %3 hinzu. Löschen Sie einige seiner VMs oder erhöhen Sie das Kontingent: corralctl ns set %1 --max-vms %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Namespace &quot;%1&quot; allows at most %n vCPUs; its VMs have %2 and this deploy adds %3. Delete or shrink some of its VMs or raise the quota: corralctl ns set %1 --max-vcpus %4.</source>
        <translation>
            <numerusform>Namespace „%1“ erlaubt höchstens %n vCPU; seine VMs haben %2, und diese Bereitstellung fügt %3 hinzu. Löschen oder verkleinern Sie einige seiner VMs oder erhöhen Sie das Kontingent: corralctl ns set %1 --max-vcpus %4.</numerusform>
            <numerusform>Namespace „%1“ erlaubt höchstens %n vCPUs; seine VMs haben %2, und diese Bereitstellung fügt %3 hinzu. Löschen oder verkleinern Sie einige seiner VMs oder erhöhen Sie das Kontingent: corralctl ns set %1 --max-vcpus %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>more</source>
        <translation>weitere</translation>
    </message>
    <message>
        <source>Namespace &quot;%1&quot; allows at most %2 MiB of memory; its VMs have %3 MiB and this deploy adds %4 MiB. Delete or shrink some of its VMs or raise the quota: corralctl ns set %1 --max-memory-mib %5.</source>
        <translation>Namespace „%1“ erlaubt höchstens %2 MiB Speicher; seine VMs haben %3 MiB, und diese Bereitstellung fügt %4 MiB hinzu. Löschen oder verkleinern Sie einige seiner VMs oder erhöhen Sie das Kontingent: corralctl ns set %1 --max-memory-mib %5.</translation>
    </message>
    <message>
        <source>No host can take the VM: the fleet has no hosts. Add a host first.</source>
        <translation>Kein Host kann die VM aufnehmen: Die Flotte hat keine Hosts. Fügen Sie zuerst einen Host hinzu.</translation>
    </message>
    <message>
        <source>No host named &quot;%1&quot; in the fleet. Check the name (corralctl host list) or leave the host out to let Corral choose.</source>
        <translation>Kein Host namens „%1“ in der Flotte. Prüfen Sie den Namen (corralctl host list) oder lassen Sie den Host weg, damit Corral wählt.</translation>
    </message>
    <message numerus="yes">
        <source>full after %n VMs of this deploy: %1</source>
        <translation>
            <numerusform>voll nach %n VM dieser Bereitstellung: %1</numerusform>
            <numerusform>voll nach %n VMs dieser Bereitstellung: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %1 of %n VMs fit on host &quot;%2&quot;, so none is deployed: %3</source>
        <translation>
            <numerusform>Nur %1 von %n VM passt auf Host „%2“, daher wird keine bereitgestellt: %3</numerusform>
            <numerusform>Nur %1 von %n VMs passen auf Host „%2“, daher wird keine bereitgestellt: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; cannot take the VM: %2</source>
        <translation>Host „%1“ kann die VM nicht aufnehmen: %2</translation>
    </message>
    <message numerus="yes">
        <source>Host &quot;%1&quot; cannot take any of the %n VMs: %2</source>
        <translation>
            <numerusform>Host „%1“ kann die %n VM nicht aufnehmen: %2</numerusform>
            <numerusform>Host „%1“ kann keine der %n VMs aufnehmen: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %1 of %n VMs fit, so none is deployed. Deploy fewer, free capacity on a host or add a host. Why each host took no more:</source>
        <translation>
            <numerusform>Nur %1 von %n VM passt, daher wird keine bereitgestellt. Stellen Sie weniger bereit, schaffen Sie Platz auf einem Host oder fügen Sie einen Host hinzu. Warum jeder Host nicht mehr aufnahm:</numerusform>
            <numerusform>Nur %1 von %n VMs passen, daher wird keine bereitgestellt. Stellen Sie weniger bereit, schaffen Sie Platz auf einem Host oder fügen Sie einen Host hinzu. Warum jeder Host nicht mehr aufnahm:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No host can take the VM (%n vCPUs, %1 MiB of memory). Free capacity on a host, add a host or change the request. Why each host refused:</source>
        <translation>
            <numerusform>Kein Host kann die VM aufnehmen (%n vCPU, %1 MiB Speicher). Schaffen Sie Platz auf einem Host, fügen Sie einen Host hinzu oder ändern Sie die Anforderung. Warum jeder Host ablehnte:</numerusform>
            <numerusform>Kein Host kann die VM aufnehmen (%n vCPUs, %1 MiB Speicher). Schaffen Sie Platz auf einem Host, fügen Sie einen Host hinzu oder ändern Sie die Anforderung. Warum jeder Host ablehnte:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No host can take any of the %n VMs (%1 vCPUs and %2 MiB of memory each). Free capacity on a host, add a host or change the request. Why each host refused:</source>
        <translation>
            <numerusform>Kein Host kann die %n VM aufnehmen (je %1 vCPUs und %2 MiB Speicher). Schaffen Sie Platz auf einem Host, fügen Sie einen Host hinzu oder ändern Sie die Anforderung. Warum jeder Host ablehnte:</numerusform>
            <numerusform>Kein Host kann eine der %n VMs aufnehmen (je %1 vCPUs und %2 MiB Speicher). Schaffen Sie Platz auf einem Host, fügen Sie einen Host hinzu oder ändern Sie die Anforderung. Warum jeder Host ablehnte:</numerusform>
        </translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>Generisch</translation>
    </message>
    <message>
        <source>A %1 name must have 1 to 63 characters: lowercase letters a-z, digits 0-9 and &apos;-&apos;, starting and ending with a letter or digit.</source>
        <translation>Der Name (%1) hat 1 bis 63 Zeichen: Kleinbuchstaben a-z, Ziffern 0-9 und &apos;-&apos;, am Anfang und Ende ein Buchstabe oder eine Ziffer.</translation>
    </message>
    <message>
        <source>VM config</source>
        <translation>VM-Konfiguration</translation>
    </message>
    <message>
        <source>Choose the base image VMs are deployed from.</source>
        <translation>Wählen Sie das Basisabbild, aus dem VMs bereitgestellt werden.</translation>
    </message>
    <message>
        <source>A VM has 1 to 512 virtual CPUs.</source>
        <translation>Eine VM hat 1 bis 512 virtuelle CPUs.</translation>
    </message>
    <message>
        <source>A VM has 128 MiB to 4 TiB (4194304 MiB) of memory.</source>
        <translation>Eine VM hat 128 MiB bis 4 TiB (4194304 MiB) Speicher.</translation>
    </message>
    <message>
        <source>The disk size is 0 (the base image&apos;s size) to 65536 GiB.</source>
        <translation>Die Datenträgergröße ist 0 (die Größe des Basisabbilds) bis 65536 GiB.</translation>
    </message>
    <message>
        <source>The display is 640 to 7680 pixels wide and 480 to 4320 pixels high.</source>
        <translation>Die Anzeige ist 640 bis 7680 Pixel breit und 480 bis 4320 Pixel hoch.</translation>
    </message>
    <message>
        <source>Exposed guest ports are 1 to 65535.</source>
        <translation>Freigegebene Gast-Ports liegen zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>Each guest port can be exposed only once.</source>
        <translation>Jeder Gast-Port kann nur einmal freigegeben werden.</translation>
    </message>
    <message>
        <source>A VM exposes at most 32 guest ports.</source>
        <translation>Eine VM gibt höchstens 32 Gast-Ports frei.</translation>
    </message>
    <message>
        <source>The system serial number has at most 64 characters: letters A-Z and a-z, digits and &apos;-&apos;.</source>
        <translation>Die Systemseriennummer hat höchstens 64 Zeichen: Buchstaben A-Z und a-z, Ziffern und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>The GPU is a host PCI address like 0000:03:00.0 (domain:bus:slot.function in hexadecimal), or empty for none.</source>
        <translation>Die GPU ist eine PCI-Adresse des Hosts wie 0000:03:00.0 (Domäne:Bus:Slot.Funktion, hexadezimal) oder leer für keine.</translation>
    </message>
    <message>
        <source>The network is &quot;user&quot;, &quot;user-isolated&quot;, &quot;network:NAME&quot; (a libvirt network) or &quot;bridge:NAME&quot; (a host bridge), where NAME has letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>Das Netzwerk ist „user“, „user-isolated“, „network:NAME“ (ein libvirt-Netzwerk) oder „bridge:NAME“ (eine Bridge des Hosts), wobei NAME aus Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos; besteht.</translation>
    </message>
    <message>
        <source>A macOS VM needs an OpenCore image: choose the catalog image to boot from.</source>
        <translation>Eine macOS-VM braucht ein OpenCore-Abbild: Wählen Sie das Katalog-Abbild, von dem sie startet.</translation>
    </message>
    <message>
        <source>The macOS CPU model is empty (Haswell-noTSX), Haswell-noTSX, Penryn, Skylake-Client-noTSX-IBRS or Cascadelake-Server-noTSX.</source>
        <translation>Das macOS-CPU-Modell ist leer (Haswell-noTSX), Haswell-noTSX, Penryn, Skylake-Client-noTSX-IBRS oder Cascadelake-Server-noTSX.</translation>
    </message>
    <message>
        <source>macOS boots through OpenCore on UEFI: choose UEFI or auto.</source>
        <translation>macOS startet über OpenCore mit UEFI: Wählen Sie UEFI oder automatisch.</translation>
    </message>
    <message>
        <source>The host tag has letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; only, or is empty.</source>
        <translation>Das Host-Tag besteht nur aus Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos; oder ist leer.</translation>
    </message>
    <message>
        <source>Give the host tag the VMs require, or do not require one.</source>
        <translation>Geben Sie das Host-Tag an, das die VMs verlangen, oder verlangen Sie keines.</translation>
    </message>
    <message>
        <source>The guest login has at most 32 characters: letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>Der Gast-Login hat höchstens 32 Zeichen: Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>The VM config&apos;s &quot;%1&quot; must be %2.</source>
        <translation>„%1“ der VM-Konfiguration muss %2 sein.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>The VM config&apos;s &quot;%1&quot; cannot be &quot;%2&quot;.</source>
        <translation>„%1“ der VM-Konfiguration kann nicht „%2“ sein.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a list of ports 1-65535</source>
        <translation>eine Liste von Ports 1-65535</translation>
    </message>
    <message>
        <source>Revert %1</source>
        <translation>%1 zurücksetzen</translation>
    </message>
    <message>
        <source>Back to a fresh disk.</source>
        <translation>Zurück auf einem frischen Datenträger.</translation>
    </message>
    <message>
        <source>Resize the disk of %1</source>
        <translation>Datenträger von %1 vergrößern</translation>
    </message>
    <message>
        <source>The disk is %1 GiB now.</source>
        <translation>Der Datenträger hat jetzt %1 GiB.</translation>
    </message>
    <message>
        <source>Save as image %1</source>
        <translation>Als Abbild %1 speichern</translation>
    </message>
    <message>
        <source>The library already has an image named %1; pick another name.</source>
        <translation>Die Bibliothek enthält bereits ein Abbild namens %1; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>%1 was written on the host but did not appear in the library; refresh the Images view.</source>
        <translation>%1 wurde auf den Host geschrieben, erscheint aber nicht in der Bibliothek; aktualisieren Sie die Abbilder-Ansicht.</translation>
    </message>
    <message>
        <source>Save %1 as image </source>
        <translation>%1 als Abbild speichern </translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Als %1 gespeichert.</translation>
    </message>
    <message>
        <source>Clone %1 as %2</source>
        <translation>%1 als %2 klonen</translation>
    </message>
    <message>
        <source>Cloned.</source>
        <translation>Geklont.</translation>
    </message>
    <message>
        <source>Only VMs that Corral deployed (from an image in the library) can be cloned.</source>
        <translation>Nur VMs, die Corral bereitgestellt hat (aus einem Abbild der Bibliothek), können geklont werden.</translation>
    </message>
    <message>
        <source>%1 is running: shut it down first, so that its disk is consistent.</source>
        <translation>%1 läuft: Fahren Sie die VM zuerst herunter, damit ihr Datenträger konsistent ist.</translation>
    </message>
    <message>
        <source>Snapshot %1</source>
        <translation>Snapshot von %1</translation>
    </message>
    <message>
        <source>Snapshot %1 taken.</source>
        <translation>Snapshot %1 erstellt.</translation>
    </message>
    <message>
        <source>Revert %1 to a snapshot</source>
        <translation>%1 auf einen Snapshot zurücksetzen</translation>
    </message>
    <message>
        <source>Back at snapshot %1.</source>
        <translation>Zurück auf Snapshot %1.</translation>
    </message>
    <message>
        <source>Delete a snapshot of %1</source>
        <translation>Einen Snapshot von %1 löschen</translation>
    </message>
    <message>
        <source>Snapshot %1 deleted.</source>
        <translation>Snapshot %1 gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>Namespace %1 still has %n VM(s) (%2): delete them first, or delete the namespace with its VMs (--cascade).</source>
        <translation>
            <numerusform>Namespace %1 hat noch %n VM (%2): Löschen Sie sie zuerst oder löschen Sie den Namespace mit seinen VMs (--cascade).</numerusform>
            <numerusform>Namespace %1 hat noch %n VMs (%2): Löschen Sie sie zuerst oder löschen Sie den Namespace mit seinen VMs (--cascade).</numerusform>
        </translation>
    </message>
    <message>
        <source>Overcommit must be between 0.1 and 64 for CPUs and 0.1 and 16 for memory, and the reserved memory 0 MiB or more.</source>
        <translation>Die Überbuchung muss für CPUs zwischen 0,1 und 64 und für Speicher zwischen 0,1 und 16 liegen, der reservierte Speicher bei 0 MiB oder mehr.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address: the port address of host %2 is where its VMs&apos; forwarded ports listen, e.g. 127.0.0.1.</source>
        <translation>„%1“ ist keine IP-Adresse: Die Port-Adresse von Host %2 ist die Adresse, an der die weitergeleiteten Ports seiner VMs lauschen, z. B. 127.0.0.1.</translation>
    </message>
    <message>
        <source>The Apple SMC key of host %1 must be 64 printable ASCII characters (it has %2): read it from the host&apos;s SMC again.</source>
        <translation>Der Apple-SMC-Schlüssel von Host %1 muss aus 64 druckbaren ASCII-Zeichen bestehen (er hat %2): Lesen Sie ihn erneut aus dem SMC des Hosts.</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Quotas of namespace %1 must be 0 (no limit) or more.</source>
        <translation>Die Kontingente von Namespace %1 müssen 0 (keine Grenze) oder mehr sein.</translation>
    </message>
    <message>
        <source>No namespace named %1: `corralctl ns list` shows them.</source>
        <translation>Kein Namespace namens %1: `corralctl ns list` zeigt sie an.</translation>
    </message>
    <message>
        <source>Cannot dedicate host %1 to namespace %2: there is no such host (`corralctl host list` shows them).</source>
        <translation>Host %1 kann dem Namespace %2 nicht zugeordnet werden: Diesen Host gibt es nicht (`corralctl host list` zeigt sie an).</translation>
    </message>
    <message>
        <source>Host %1 is already dedicated to namespace %2; a host serves at most one namespace. Remove it there first.</source>
        <translation>Host %1 ist bereits dem Namespace %2 zugeordnet; ein Host dient höchstens einem Namespace. Entfernen Sie ihn zuerst dort.</translation>
    </message>
    <message>
        <source>A namespace named %1 already exists.</source>
        <translation>Ein Namespace namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>The default namespace cannot be deleted: VMs without a namespace belong to it.</source>
        <translation>Der Namespace „default“ kann nicht gelöscht werden: VMs ohne Namespace gehören zu ihm.</translation>
    </message>
    <message>
        <source>The stored VM config %1 is unreadable; delete it and create it again.</source>
        <translation>Die gespeicherte VM-Konfiguration %1 ist unlesbar; löschen Sie sie und legen Sie sie neu an.</translation>
    </message>
    <message>
        <source>A VM config named %1 already exists.</source>
        <translation>Eine VM-Konfiguration namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>Host %1 has no volume %2 in its pool %3.</source>
        <translation>Host %1 hat kein Volume %2 in seinem Pool %3.</translation>
    </message>
    <message>
        <source>Host %1 is not connected: wait for it to come back.</source>
        <translation>Host %1 ist nicht verbunden: Warten Sie, bis er wieder da ist.</translation>
    </message>
    <message>
        <source>The VM no longer exists on %1.</source>
        <translation>Die VM existiert auf %1 nicht mehr.</translation>
    </message>
    <message>
        <source>%1 on %2 has no disk in a storage pool; Corral works on pool volumes only.</source>
        <translation>%1 auf %2 hat keinen Datenträger in einem Speicherpool; Corral arbeitet nur mit Pool-Volumes.</translation>
    </message>
    <message>
        <source>%1 has no snapshot named %2.</source>
        <translation>%1 hat keinen Snapshot namens %2.</translation>
    </message>
    <message>
        <source>Snapshot name &quot;%1&quot; is not valid: use 1 to 64 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Der Snapshot-Name „%1“ ist ungültig: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; oder &apos;_&apos;.</translation>
    </message>
    <message>
        <source>%1 has no overlay disk on a base image, so there is nothing to revert to.</source>
        <translation>%1 hat keinen Overlay-Datenträger auf einem Basisabbild; es gibt nichts, worauf zurückgesetzt werden könnte.</translation>
    </message>
    <message>
        <source>Cannot power off %1 to revert it.</source>
        <translation>%1 kann zum Zurücksetzen nicht ausgeschaltet werden.</translation>
    </message>
    <message>
        <source>%1 lost its disk %2 while reverting and could not get a new one: %3. Revert again once the host is fine.</source>
        <translation>%1 hat beim Zurücksetzen seinen Datenträger %2 verloren und keinen neuen bekommen: %3. Setzen Sie erneut zurück, sobald der Host in Ordnung ist.</translation>
    </message>
    <message>
        <source>%1 was reverted but did not start again.</source>
        <translation>%1 wurde zurückgesetzt, ist aber nicht wieder gestartet.</translation>
    </message>
    <message>
        <source>Cannot find the disk of %1 or the pool %2 on %3.</source>
        <translation>Der Datenträger von %1 oder der Pool %2 auf %3 ist nicht zu finden.</translation>
    </message>
    <message>
        <source>Cannot write %1 from the disk of %2 on %3.</source>
        <translation>%1 kann nicht aus dem Datenträger von %2 auf %3 geschrieben werden.</translation>
    </message>
    <message>
        <source>The disk of %1 is %2 bytes already; it can only grow.</source>
        <translation>Der Datenträger von %1 hat bereits %2 Bytes; er kann nur wachsen.</translation>
    </message>
    <message>
        <source>Cannot resize the disk of %1: %2</source>
        <translation>Die Größe des Datenträgers von %1 kann nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Cannot list the snapshots of %1.</source>
        <translation>Die Snapshots von %1 können nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Cannot take snapshot %1 of %2: %3</source>
        <translation>Snapshot %1 von %2 kann nicht erstellt werden: %3</translation>
    </message>
    <message>
        <source>Cannot revert %1 to snapshot %2: %3</source>
        <translation>%1 kann nicht auf Snapshot %2 zurückgesetzt werden: %3</translation>
    </message>
    <message>
        <source>Cannot delete snapshot %2 of %1: %3</source>
        <translation>Snapshot %2 von %1 kann nicht gelöscht werden: %3</translation>
    </message>
    <message>
        <source>Host %1 has no active storage pool %2 for VM disks: create it like corral-images (see the README).</source>
        <translation>Host %1 hat keinen aktiven Speicherpool %2 für VM-Datenträger: Legen Sie ihn wie corral-images an (siehe README).</translation>
    </message>
    <message>
        <source>Cannot take the deploy lock on %1.</source>
        <translation>Die Bereitstellungssperre auf %1 kann nicht genommen werden.</translation>
    </message>
    <message>
        <source>Cannot list the VMs of %1.</source>
        <translation>Die VMs von %1 können nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>%1 refused the definition of %2: %3</source>
        <translation>%1 hat die Definition von %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 could not start %2: %3</source>
        <translation>%1 konnte %2 nicht starten: %3</translation>
    </message>
    <message>
        <source>Cannot look up a VM on %1.</source>
        <translation>Eine VM auf %1 kann nicht nachgeschlagen werden.</translation>
    </message>
</context>
<context>
    <name>Corral::ConfigModel</name>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (Pflicht)</translation>
    </message>
    <message>
        <source>%1 (preferred)</source>
        <translation>%1 (bevorzugt)</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Abbildgröße</translation>
    </message>
    <message>
        <source>The VM&apos;s disk has the virtual size of its base image.</source>
        <translation>Der Datenträger der VM hat die virtuelle Größe ihres Basisabbilds.</translation>
    </message>
    <message>
        <source>The VM&apos;s disk has a virtual size of %1.</source>
        <translation>Der Datenträger der VM hat eine virtuelle Größe von %1.</translation>
    </message>
    <message>
        <source>Deployed only onto hosts tagged %1.</source>
        <translation>Wird nur auf Hosts mit dem Tag %1 bereitgestellt.</translation>
    </message>
    <message>
        <source>Hosts tagged %1 are preferred; others are used when they are full.</source>
        <translation>Hosts mit dem Tag %1 werden bevorzugt; andere werden genutzt, wenn sie voll sind.</translation>
    </message>
    <message>
        <source>Guest ports exposed on the host: %1</source>
        <translation>Auf dem Host freigegebene Gast-Ports: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Abbild</translation>
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
        <source>Disk</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>Host Tag</source>
        <translation>Host-Tag</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>Corral::ConfigPage</name>
    <message>
        <source>New Config…</source>
        <translation>Neue Konfiguration …</translation>
    </message>
    <message>
        <source>Create a VM config: what to deploy, from which image, in which shape</source>
        <translation>Eine VM-Konfiguration anlegen: was bereitgestellt wird, aus welchem Abbild, in welcher Größe</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Change the selected VM config</source>
        <translation>Die ausgewählte VM-Konfiguration ändern</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>Duplizieren …</translation>
    </message>
    <message>
        <source>Create a new VM config from a copy of the selected one</source>
        <translation>Eine neue VM-Konfiguration aus einer Kopie der ausgewählten anlegen</translation>
    </message>
    <message>
        <source>Deploy…</source>
        <translation>Bereitstellen …</translation>
    </message>
    <message>
        <source>Deploy VMs from the selected VM config</source>
        <translation>VMs aus der ausgewählten VM-Konfiguration bereitstellen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected VM config</source>
        <translation>Die ausgewählte VM-Konfiguration löschen</translation>
    </message>
    <message>
        <source>VM Config Actions</source>
        <translation>Aktionen für VM-Konfigurationen</translation>
    </message>
    <message>
        <source>Reading the VM configs…</source>
        <translation>VM-Konfigurationen werden gelesen …</translation>
    </message>
    <message>
        <source>No VM configs yet. A config says what to deploy: create one with New Config… (%1).</source>
        <translation>Noch keine VM-Konfigurationen. Eine Konfiguration legt fest, was bereitgestellt wird: Legen Sie eine mit Neue Konfiguration … (%1) an.</translation>
    </message>
    <message>
        <source>Delete VM Config</source>
        <translation>VM-Konfiguration löschen</translation>
    </message>
    <message>
        <source>Delete VM config %1?</source>
        <translation>VM-Konfiguration %1 löschen?</translation>
    </message>
    <message>
        <source>VMs deployed from it are not touched. This cannot be undone.</source>
        <translation>Aus ihr bereitgestellte VMs bleiben unberührt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cannot Delete %1</source>
        <translation>%1 kann nicht gelöscht werden</translation>
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
    <name>Corral::DeployDialog</name>
    <message>
        <source>Deploy VMs</source>
        <translation>VMs bereitstellen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>From a VM &amp;config:</source>
        <translation>Aus einer VM-&amp;Konfiguration:</translation>
    </message>
    <message>
        <source>No VM configs yet</source>
        <translation>Noch keine VM-Konfigurationen</translation>
    </message>
    <message>
        <source>&amp;Ad hoc, from an image:</source>
        <translation>&amp;Direkt aus einem Abbild:</translation>
    </message>
    <message>
        <source>No disk image in the library</source>
        <translation>Kein Datenträgerabbild in der Bibliothek</translation>
    </message>
    <message>
        <source> MiB</source>
        <extracomment>Unit after a memory size</extracomment>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;vCPUs:</source>
        <translation>&amp;vCPUs:</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>C&amp;ount:</source>
        <translation>A&amp;nzahl:</translation>
    </message>
    <message>
        <source>generated from the config or image</source>
        <translation>aus der Konfiguration oder dem Abbild erzeugt</translation>
    </message>
    <message>
        <source>The VM&apos;s name; with a count above 1 the stem of the names: NAME-1, NAME-2, …</source>
        <translation>Der Name der VM; bei einer Anzahl über 1 der Stamm der Namen: NAME-1, NAME-2, …</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Platzierung</translation>
    </message>
    <message>
        <source>A&amp;utomatic</source>
        <translation>A&amp;utomatisch</translation>
    </message>
    <message>
        <source>On &amp;host:</source>
        <translation>Auf &amp;Host:</translation>
    </message>
    <message>
        <source>No hosts yet</source>
        <translation>Noch keine Hosts</translation>
    </message>
    <message>
        <source>On hosts &amp;tagged:</source>
        <translation>Auf Hosts mit &amp;Tag:</translation>
    </message>
    <message>
        <source>Spread: least allocated host first</source>
        <translation>Verteilen: am wenigsten belegter Host zuerst</translation>
    </message>
    <message>
        <source>Pack: fill one host before the next</source>
        <translation>Packen: einen Host vor dem nächsten füllen</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>&amp;Strategie:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Why this host</source>
        <extracomment>Column of the deploy preview: why the scheduler chose the host</extracomment>
        <translation>Warum dieser Host</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Warum nicht</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Waiting for the first VM…</source>
        <translation>Warten auf die erste VM …</translation>
    </message>
    <message>
        <source>Each VM is also a task in the task list. Closing this window does not stop the deploy.</source>
        <translation>Jede VM ist auch eine Aufgabe in der Aufgabenliste. Das Schließen dieses Fensters hält die Bereitstellung nicht an.</translation>
    </message>
    <message>
        <source>%1 (made by another console)</source>
        <translation>%1 (von einer anderen Konsole angelegt)</translation>
    </message>
    <message>
        <source>There is no fleet to deploy to.</source>
        <translation>Es gibt keine Flotte für die Bereitstellung.</translation>
    </message>
    <message>
        <source>Deploy (%1)</source>
        <translation>Bereitstellen (%1)</translation>
    </message>
    <message>
        <source>Continue in Background</source>
        <translation>Im Hintergrund fortsetzen</translation>
    </message>
    <message>
        <source>Close this window; the deploy goes on</source>
        <translation>Dieses Fenster schließen; die Bereitstellung läuft weiter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>Deploying %n VM(s) into namespace %1: %2 running.</source>
        <translation>
            <numerusform>%n VM wird in Namespace %1 bereitgestellt: %2 läuft.</numerusform>
            <numerusform>%n VMs werden in Namespace %1 bereitgestellt: %2 laufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) deployed and running in namespace %1.</source>
        <translation>
            <numerusform>%n VM bereitgestellt und läuft in Namespace %1.</numerusform>
            <numerusform>%n VMs bereitgestellt und laufen in Namespace %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) failed; the list says why. What was set up for them has been removed.</source>
        <translation>
            <numerusform>%n VM ist fehlgeschlagen; die Liste nennt den Grund. Was für sie angelegt war, wurde entfernt.</numerusform>
            <numerusform>%n VMs sind fehlgeschlagen; die Liste nennt die Gründe. Was für sie angelegt war, wurde entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corral::DeployModel</name>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Copying image</source>
        <translation>Abbild wird kopiert</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>Wird erstellt</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <extracomment>Deploy progress: &quot;Copying image 45 %&quot;</extracomment>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>%1 in namespace %2</source>
        <translation>%1 in Namespace %2</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Corral::EmptyDiskDialog</name>
    <message>
        <source>Create Empty Disk</source>
        <translation>Leeren Datenträger erstellen</translation>
    </message>
    <message>
        <source>e.g. data-disk.qcow2</source>
        <translation>z. B. data-disk.qcow2</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source> GiB</source>
        <extracomment>Unit after the size field of a new disk</extracomment>
        <translation> GiB</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>No host is connected</source>
        <translation>Kein Host ist verbunden</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>The disk is thin: it takes space on the host only as the guest writes to it.</source>
        <translation>Der Datenträger wird dünn bereitgestellt: Er belegt auf dem Host erst Platz, wenn der Gast darauf schreibt.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The library already has an image named %1.</source>
        <translation>Die Bibliothek enthält bereits ein Abbild namens %1.</translation>
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
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
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
    <message>
        <source>Deploy</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>127.0.0.1 (only the host itself)</source>
        <translation>127.0.0.1 (nur der Host selbst)</translation>
    </message>
    <message>
        <source>The address on the host where the exposed ports of its VMs listen, e.g. the host&apos;s LAN address</source>
        <translation>Die Adresse auf dem Host, an der die freigegebenen Ports seiner VMs lauschen, z. B. die LAN-Adresse des Hosts</translation>
    </message>
    <message>
        <source>Port a&amp;ddress:</source>
        <translation>Port-A&amp;dresse:</translation>
    </message>
    <message>
        <source>none: no macOS guests on this host</source>
        <translation>keiner: keine macOS-Gäste auf diesem Host</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation>Schlüssel verbergen</translation>
    </message>
    <message>
        <source>Apple &amp;SMC key:</source>
        <translation>Apple-&amp;SMC-Schlüssel:</translation>
    </message>
    <message>
        <source>macOS guests need the 64-character key of the Apple SMC of the Mac they run on. Read it on that Mac; Corral keeps it in its catalog.</source>
        <translation>macOS-Gäste brauchen den 64 Zeichen langen Schlüssel des Apple-SMC des Macs, auf dem sie laufen. Lesen Sie ihn auf diesem Mac aus; Corral bewahrt ihn in seinem Katalog auf.</translation>
    </message>
    <message>
        <source>%1 is not an IP address, such as 192.168.1.20.</source>
        <translation>%1 ist keine IP-Adresse wie etwa 192.168.1.20.</translation>
    </message>
    <message>
        <source>The key holds printable ASCII characters only.</source>
        <translation>Der Schlüssel besteht nur aus druckbaren ASCII-Zeichen.</translation>
    </message>
    <message numerus="yes">
        <source>The key has 64 characters; this one has %n.</source>
        <translation>
            <numerusform>Der Schlüssel hat 64 Zeichen; dieser hat %n.</numerusform>
            <numerusform>Der Schlüssel hat 64 Zeichen; dieser hat %n.</numerusform>
        </translation>
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
    <message>
        <source>In maintenance</source>
        <extracomment>Host state of a connected host in maintenance mode</extracomment>
        <translation>Im Wartungsmodus</translation>
    </message>
    <message>
        <source>%1 — maintenance</source>
        <translation>%1 — Wartungsmodus</translation>
    </message>
    <message>
        <source>In maintenance: no new VMs are placed on this host.</source>
        <translation>Im Wartungsmodus: Auf diesem Host werden keine neuen VMs platziert.</translation>
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
    <message>
        <source>Maintenance Mode</source>
        <translation>Wartungsmodus</translation>
    </message>
    <message>
        <source>Place no new VMs on the selected hosts; optionally shut down their running VMs</source>
        <translation>Keine neuen VMs auf den ausgewählten Hosts platzieren; auf Wunsch ihre laufenden VMs herunterfahren</translation>
    </message>
    <message>
        <source>Put %1 into maintenance?</source>
        <translation>%1 in den Wartungsmodus versetzen?</translation>
    </message>
    <message numerus="yes">
        <source>Put %n host(s) into maintenance?</source>
        <translation>
            <numerusform>%n Host in den Wartungsmodus versetzen?</numerusform>
            <numerusform>%n Hosts in den Wartungsmodus versetzen?</numerusform>
        </translation>
    </message>
    <message>
        <source>No new VMs are placed on it while it is in maintenance. The VMs on it keep running unless you drain it.</source>
        <translation>Solange er im Wartungsmodus ist, werden keine neuen VMs auf ihm platziert. Seine VMs laufen weiter, es sei denn, Sie räumen ihn.</translation>
    </message>
    <message numerus="yes">
        <source>Drain: shut down its %n running VM(s) (gracefully)</source>
        <translation>
            <numerusform>Räumen: seine %n laufende VM (geordnet) herunterfahren</numerusform>
            <numerusform>Räumen: seine %n laufenden VMs (geordnet) herunterfahren</numerusform>
        </translation>
    </message>
    <message>
        <source>Start Maintenance</source>
        <translation>Wartungsmodus starten</translation>
    </message>
    <message>
        <source>Cannot Start Maintenance of %1</source>
        <translation>Wartungsmodus für %1 kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Cannot End Maintenance of %1</source>
        <translation>Wartungsmodus für %1 kann nicht beendet werden</translation>
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
    <name>Corral::ImageLibrary</name>
    <message>
        <source>Corral was closed during the transfer: resume it.</source>
        <translation>Corral wurde während der Übertragung beendet: Setzen Sie sie fort.</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>No catalog.</source>
        <translation>Kein Katalog.</translation>
    </message>
    <message>
        <source>There is no host with id %1.</source>
        <translation>Es gibt keinen Host mit der ID %1.</translation>
    </message>
    <message>
        <source>Host %1 is not connected%2: connect it first.</source>
        <translation>Host %1 ist nicht verbunden%2: Verbinden Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>%1 already has a volume named %2 in %3: choose another name, or delete that volume.</source>
        <translation>%1 hat in %3 bereits ein Volume namens %2: Wählen Sie einen anderen Namen oder löschen Sie dieses Volume.</translation>
    </message>
    <message>
        <source>Not enough space on %1: the image needs %2 but the pool %3 has %4 free. Free space there or choose another host.</source>
        <translation>Nicht genug Platz auf %1: Das Abbild braucht %2, im Pool %3 sind aber nur %4 frei. Geben Sie dort Speicherplatz frei oder wählen Sie einen anderen Host.</translation>
    </message>
    <message>
        <source>The pool %1 on %2 is not a directory pool: Corral stores images as files.</source>
        <translation>Der Pool %1 auf %2 ist kein Verzeichnis-Pool: Corral speichert Abbilder als Dateien.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image name. %2</source>
        <translation>„%1“ ist kein gültiger Abbildname. %2</translation>
    </message>
    <message>
        <source>Choose at least one host to upload %1 to.</source>
        <translation>Wählen Sie mindestens einen Host, auf den %1 hochgeladen werden soll.</translation>
    </message>
    <message>
        <source>An image named %1 is already in the library: choose another name, or use &quot;Copy to Host&quot; (corralctl image copy) to put it on more hosts.</source>
        <translation>Ein Abbild namens %1 ist bereits in der Bibliothek: Wählen Sie einen anderen Namen oder verwenden Sie „Auf Host kopieren“ (corralctl image copy), um es auf weitere Hosts zu bringen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>There is no image named %1.</source>
        <translation>Es gibt kein Abbild namens %1.</translation>
    </message>
    <message>
        <source>%1 has no copy of %2.</source>
        <translation>%1 hat keine Kopie von %2.</translation>
    </message>
    <message>
        <source>%1 exists: choose another file name or delete it.</source>
        <translation>%1 existiert bereits: Wählen Sie einen anderen Dateinamen oder löschen Sie die Datei.</translation>
    </message>
    <message>
        <source>%1 has no copy of %2 to copy from.</source>
        <translation>%1 hat keine Kopie von %2, von der kopiert werden könnte.</translation>
    </message>
    <message>
        <source>%1 already has %2.</source>
        <translation>%1 hat %2 bereits.</translation>
    </message>
    <message>
        <source>Choose two different hosts.</source>
        <translation>Wählen Sie zwei verschiedene Hosts.</translation>
    </message>
    <message>
        <source>The size must be a positive multiple of 512 bytes.</source>
        <translation>Die Größe muss ein positives Vielfaches von 512 Bytes sein.</translation>
    </message>
    <message>
        <source>An image named %1 is already in the library.</source>
        <translation>Ein Abbild namens %1 ist bereits in der Bibliothek.</translation>
    </message>
    <message>
        <source>%1 no longer has %2.</source>
        <translation>%1 hat %2 nicht mehr.</translation>
    </message>
    <message>
        <source>%1 no longer has the volume %2.</source>
        <translation>%1 hat das Volume %2 nicht mehr.</translation>
    </message>
    <message>
        <source>The transfer stopped without a result: resume it.</source>
        <translation>Die Übertragung endete ohne Ergebnis: Setzen Sie sie fort.</translation>
    </message>
    <message>
        <source>Cannot check whether VMs on %1 use %2: %3</source>
        <translation>Es kann nicht geprüft werden, ob VMs auf %1 das Abbild %2 verwenden: %3</translation>
    </message>
    <message>
        <source>%1 is in use by %2: delete those VMs (or their disks) first.</source>
        <translation>%1 wird von %2 verwendet: Löschen Sie zuerst diese VMs (oder ihre Datenträger).</translation>
    </message>
</context>
<context>
    <name>Corral::ImageModel</name>
    <message>
        <source>host #%1</source>
        <extracomment>A host that is no longer configured, by its catalog id</extracomment>
        <translation>Host #%1</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>transferring</source>
        <translation>wird übertragen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>%1 ✓</source>
        <extracomment>A host that holds the image</extracomment>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>%1 …</source>
        <extracomment>A host the image is being transferred to</extracomment>
        <translation>%1 …</translation>
    </message>
    <message>
        <source>%1 ✗ failed</source>
        <translation>%1 ✗ fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 ✗ missing</source>
        <translation>%1 ✗ fehlt</translation>
    </message>
    <message>
        <source>on no host</source>
        <translation>auf keinem Host</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Replica tooltip line: &quot;lab1: present&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No host holds this image.</source>
        <translation>Kein Host hat dieses Abbild.</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>nicht verifiziert</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>%1 bytes as the guest sees it</source>
        <translation>%1 Bytes aus Sicht des Gasts</translation>
    </message>
    <message>
        <source>%1 bytes in the file</source>
        <translation>%1 Bytes in der Datei</translation>
    </message>
    <message>
        <source>No checksum yet: Verify computes it on a host.</source>
        <translation>Noch keine Prüfsumme: „Verifizieren“ berechnet sie auf einem Host.</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Virtual Size</source>
        <translation>Virtuelle Größe</translation>
    </message>
    <message>
        <source>Actual Size</source>
        <translation>Tatsächliche Größe</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>Corral::ImagePage</name>
    <message>
        <source>Image Actions</source>
        <translation>Abbild-Aktionen</translation>
    </message>
    <message>
        <source>Filter by name, description or format (%1)</source>
        <translation>Nach Name, Beschreibung oder Format filtern (%1)</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>Hochladen …</translation>
    </message>
    <message>
        <source>Upload disk images or ISOs from this computer to hosts</source>
        <translation>Festplattenabbilder oder ISOs von diesem Computer auf Hosts hochladen</translation>
    </message>
    <message>
        <source>Upload (%1)</source>
        <translation>Hochladen (%1)</translation>
    </message>
    <message>
        <source>Create Empty Disk…</source>
        <translation>Leeren Datenträger erstellen …</translation>
    </message>
    <message>
        <source>Create an empty qcow2 disk in a host&apos;s image pool</source>
        <translation>Einen leeren qcow2-Datenträger im Abbild-Pool eines Hosts erstellen</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen …</translation>
    </message>
    <message>
        <source>Save a host&apos;s copy of the image to a file on this computer</source>
        <translation>Die Kopie des Abbilds auf einem Host in eine Datei auf diesem Computer speichern</translation>
    </message>
    <message>
        <source>Copy to Host…</source>
        <translation>Auf Host kopieren …</translation>
    </message>
    <message>
        <source>Copy the image from a host that has it to another host</source>
        <translation>Das Abbild von einem Host, der es hat, auf einen anderen Host kopieren</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verifizieren</translation>
    </message>
    <message>
        <source>Compute the SHA-256 of a host&apos;s copy and compare it with the library&apos;s</source>
        <translation>Die SHA-256-Prüfsumme der Kopie auf einem Host berechnen und mit der in der Bibliothek vergleichen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename the image on every host</source>
        <translation>Das Abbild auf allen Hosts umbenennen</translation>
    </message>
    <message>
        <source>Rename (%1)</source>
        <translation>Umbenennen (%1)</translation>
    </message>
    <message>
        <source>Edit Description…</source>
        <translation>Beschreibung bearbeiten …</translation>
    </message>
    <message>
        <source>Change the image&apos;s description</source>
        <translation>Die Beschreibung des Abbilds ändern</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Delete the image from every host and from the library</source>
        <translation>Das Abbild von allen Hosts und aus der Bibliothek löschen</translation>
    </message>
    <message>
        <source>Delete (%1)</source>
        <translation>Löschen (%1)</translation>
    </message>
    <message>
        <source>Filter Images</source>
        <translation>Abbilder filtern</translation>
    </message>
    <message>
        <source>Drop disk images or ISOs here, or click Upload… (%1).</source>
        <translation>Legen Sie Festplattenabbilder oder ISOs hier ab oder klicken Sie auf „Hochladen …“ (%1).</translation>
    </message>
    <message>
        <source>No images match the filter.</source>
        <translation>Keine Abbilder passen zum Filter.</translation>
    </message>
    <message>
        <source>Upload Images</source>
        <translation>Abbilder hochladen</translation>
    </message>
    <message>
        <source>Disk images and ISOs (*.qcow2 *.img *.raw *.iso *.cdr);;All files (*)</source>
        <translation>Festplattenabbilder und ISOs (*.qcow2 *.img *.raw *.iso *.cdr);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>%1 herunterladen</translation>
    </message>
    <message>
        <source>Download from host:</source>
        <translation>Von Host herunterladen:</translation>
    </message>
    <message>
        <source>Copy %1 to Host</source>
        <translation>%1 auf Host kopieren</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Nach:</translation>
    </message>
    <message>
        <source>The image streams from one host to the other through this computer; nothing is written to its disk.</source>
        <translation>Das Abbild wird über diesen Computer von einem Host zum anderen geleitet; hier wird nichts auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>%1 verifizieren</translation>
    </message>
    <message>
        <source>Compute the checksum of the copy on host:</source>
        <translation>Prüfsumme der Kopie berechnen auf Host:</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>The library already has an image named %1.</source>
        <translation>Die Bibliothek enthält bereits ein Abbild namens %1.</translation>
    </message>
    <message>
        <source>Edit Description</source>
        <translation>Beschreibung bearbeiten</translation>
    </message>
    <message>
        <source>Description of %1:</source>
        <translation>Beschreibung von %1:</translation>
    </message>
    <message>
        <source>Edit Description of %1</source>
        <translation>Beschreibung von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Delete Image</source>
        <translation>Abbild löschen</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>It is removed from the library. This cannot be undone.</source>
        <translation>Es wird aus der Bibliothek entfernt. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>It is deleted from %1 and removed from the library. This cannot be undone.</source>
        <translation>Es wird von %1 gelöscht und aus der Bibliothek entfernt. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>%1 — on %2</source>
        <extracomment>One image of several to delete, with the hosts that hold it</extracomment>
        <translation>%1 – auf %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n image(s)?</source>
        <translation>
            <numerusform>%n Abbild löschen?</numerusform>
            <numerusform>%n Abbilder löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>They are deleted from these hosts and removed from the library. This cannot be undone.</source>
        <translation>Sie werden von diesen Hosts gelöscht und aus der Bibliothek entfernt. Dies lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cannot Delete %1</source>
        <translation>%1 kann nicht gelöscht werden</translation>
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
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
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
        <source>No consoles yet: select a host or VM and choose Open SSH or Serial Console.</source>
        <translation>Noch keine Konsolen: Wählen Sie einen Host oder eine VM und dann „SSH öffnen“ oder „Serielle Konsole“.</translation>
    </message>
    <message>
        <source>%1 — screen</source>
        <translation>%1 – Bildschirm</translation>
    </message>
    <message>
        <source>Waiting for %1 to start…</source>
        <translation>Warte, bis %1 startet …</translation>
    </message>
    <message>
        <source>Show the window with the shell, serial console and VM screen tabs</source>
        <translation>Das Fenster mit den Tabs für Shell, serielle Konsole und VM-Bildschirm anzeigen</translation>
    </message>
    <message>
        <source>T&amp;ransfers</source>
        <translation>Übe&amp;rtragungen</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>A&amp;bbild</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) running</source>
        <translation>
            <numerusform>%n Übertragung läuft</numerusform>
            <numerusform>%n Übertragungen laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 — %3: %4</source>
        <extracomment>Status bar: &quot;Upload macOS_14.iso — lab1: &lt;what happened&gt;&quot;</extracomment>
        <translation>%1 %2 – %3: %4</translation>
    </message>
    <message>
        <source>VM Configs</source>
        <translation>VM-Konfigurationen</translation>
    </message>
    <message>
        <source>&amp;Deploy…</source>
        <translation>&amp;Bereitstellen …</translation>
    </message>
    <message>
        <source>Deploy new VMs from a VM config or an image</source>
        <translation>Neue VMs aus einer VM-Konfiguration oder einem Abbild bereitstellen</translation>
    </message>
    <message>
        <source>&amp;Namespace</source>
        <translation>&amp;Namespace</translation>
    </message>
    <message>
        <source>&amp;Config</source>
        <translation>&amp;Konfiguration</translation>
    </message>
</context>
<context>
    <name>Corral::NameDialog</name>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
</context>
<context>
    <name>Corral::NamespaceDialog</name>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>New Namespace</source>
        <translation>Neuer Namespace</translation>
    </message>
    <message>
        <source>Set Up Namespace %1</source>
        <translation>Namespace %1 einrichten</translation>
    </message>
    <message>
        <source>Edit Namespace %1</source>
        <translation>Namespace %1 bearbeiten</translation>
    </message>
    <message>
        <source>e.g. ci-runners</source>
        <translation>z. B. ci-runners</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>optional, e.g. the team that uses it</source>
        <translation>optional, z. B. das Team, das ihn nutzt</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>Kontingente</translation>
    </message>
    <message>
        <source>&amp;VMs:</source>
        <translation>&amp;VMs:</translation>
    </message>
    <message>
        <source>v&amp;CPUs:</source>
        <translation>v&amp;CPUs:</translation>
    </message>
    <message>
        <source> GiB</source>
        <extracomment>Unit after a memory quota</extracomment>
        <translation> GiB</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>Deploys that would go over a quota are refused. VMs that exist already are never touched.</source>
        <translation>Bereitstellungen, die ein Kontingent überschreiten würden, werden abgelehnt. Bestehende VMs bleiben immer unberührt.</translation>
    </message>
    <message numerus="yes">
        <source>In use now: %n VM(s), %1 vCPUs, %2 of memory.</source>
        <translation>
            <numerusform>Derzeit belegt: %n VM, %1 vCPUs, %2 Speicher.</numerusform>
            <numerusform>Derzeit belegt: %n VMs, %1 vCPUs, %2 Speicher.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dedicated Hosts</source>
        <translation>Dedizierte Hosts</translation>
    </message>
    <message>
        <source>A namespace with dedicated hosts deploys onto them and nowhere else, and no other namespace uses them. Without any, its VMs go to the shared hosts.</source>
        <translation>Ein Namespace mit dedizierten Hosts stellt nur auf ihnen bereit, und kein anderer Namespace nutzt sie. Ohne dedizierte Hosts kommen seine VMs auf die gemeinsamen Hosts.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 — dedicated to %2</source>
        <translation>%1 — %2 zugeordnet</translation>
    </message>
    <message>
        <source>%1 is dedicated to namespace %2; only one namespace can have a host to itself.</source>
        <translation>%1 ist dem Namespace %2 zugeordnet; nur ein Namespace kann einen Host für sich haben.</translation>
    </message>
    <message>
        <source>No hosts yet</source>
        <translation>Noch keine Hosts</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>A namespace named %1 exists already.</source>
        <translation>Ein Namespace namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>A namespace keeps its name: the VMs in it record it.</source>
        <translation>Ein Namespace behält seinen Namen: Die VMs in ihm vermerken ihn.</translation>
    </message>
</context>
<context>
    <name>Corral::NamespaceModel</name>
    <message>
        <source>%1 / %2</source>
        <extracomment>Used / quota of a namespace</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1: made by another console; no quota here.</source>
        <translation>%1: von einer anderen Konsole angelegt; hier ohne Kontingent.</translation>
    </message>
    <message>
        <source>VMs deployed without a namespace, and VMs Corral did not create, are in the default namespace.</source>
        <translation>VMs, die ohne Namespace bereitgestellt wurden, und VMs, die Corral nicht angelegt hat, sind im Namespace „default“.</translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) of at most %1</source>
        <translation>
            <numerusform>%n VM von höchstens %1</numerusform>
            <numerusform>%n VMs von höchstens %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s), no limit</source>
        <translation>
            <numerusform>%n VM, keine Grenze</numerusform>
            <numerusform>%n VMs, keine Grenze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s) of at most %1</source>
        <translation>
            <numerusform>%n vCPU von höchstens %1</numerusform>
            <numerusform>%n vCPUs von höchstens %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s), no limit</source>
        <translation>
            <numerusform>%n vCPU, keine Grenze</numerusform>
            <numerusform>%n vCPUs, keine Grenze</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of at most %2 of memory</source>
        <translation>%1 von höchstens %2 Speicher</translation>
    </message>
    <message>
        <source>%1 of memory, no limit</source>
        <translation>%1 Speicher, keine Grenze</translation>
    </message>
    <message>
        <source>No dedicated hosts: the VMs go to any shared host.</source>
        <translation>Keine dedizierten Hosts: Die VMs kommen auf beliebige gemeinsame Hosts.</translation>
    </message>
    <message>
        <source>The VMs run on these hosts only, and no other namespace uses them.</source>
        <translation>Die VMs laufen nur auf diesen Hosts, und kein anderer Namespace nutzt sie.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>VMs</source>
        <translation>VMs</translation>
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
        <source>Dedicated Hosts</source>
        <translation>Dedizierte Hosts</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>Corral::NamespacePage</name>
    <message>
        <source>Namespace Actions</source>
        <translation>Namespace-Aktionen</translation>
    </message>
    <message>
        <source>Reading the namespaces…</source>
        <translation>Namespaces werden gelesen …</translation>
    </message>
    <message>
        <source>Select a namespace to see its VMs.</source>
        <translation>Wählen Sie einen Namespace, um seine VMs zu sehen.</translation>
    </message>
    <message>
        <source>New Namespace…</source>
        <translation>Neuer Namespace …</translation>
    </message>
    <message>
        <source>Create a namespace with quotas and dedicated hosts</source>
        <translation>Einen Namespace mit Kontingenten und dedizierten Hosts anlegen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Change the namespace&apos;s description, quotas and dedicated hosts</source>
        <translation>Beschreibung, Kontingente und dedizierte Hosts des Namespace ändern</translation>
    </message>
    <message>
        <source>Deploy…</source>
        <translation>Bereitstellen …</translation>
    </message>
    <message>
        <source>Deploy VMs into the selected namespace</source>
        <translation>VMs in den ausgewählten Namespace bereitstellen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>No namespaces.</source>
        <translation>Keine Namespaces.</translation>
    </message>
    <message>
        <source>No namespaces yet. Create one with New Namespace… (%1).</source>
        <translation>Noch keine Namespaces. Legen Sie einen mit Neuer Namespace … (%1) an.</translation>
    </message>
    <message>
        <source>VMs</source>
        <translation>VMs</translation>
    </message>
    <message>
        <source>VMs in %1</source>
        <translation>VMs in %1</translation>
    </message>
    <message>
        <source>Deleting the VMs of %1…</source>
        <translation>Die VMs von %1 werden gelöscht …</translation>
    </message>
    <message>
        <source>No VMs in %1. Deploy… (%2) adds some.</source>
        <translation>Keine VMs in %1. Bereitstellen … (%2) fügt welche hinzu.</translation>
    </message>
    <message>
        <source>Select a namespace.</source>
        <translation>Wählen Sie einen Namespace.</translation>
    </message>
    <message>
        <source>The default namespace cannot be deleted: VMs without a namespace are in it.</source>
        <translation>Der Namespace „default“ kann nicht gelöscht werden: VMs ohne Namespace sind in ihm.</translation>
    </message>
    <message>
        <source>%1 is being deleted.</source>
        <translation>%1 wird gelöscht.</translation>
    </message>
    <message>
        <source>Delete the namespace (%1)</source>
        <translation>Den Namespace löschen (%1)</translation>
    </message>
    <message>
        <source>Set Up…</source>
        <translation>Einrichten …</translation>
    </message>
    <message>
        <source>Give %1 quotas and dedicated hosts in this catalog</source>
        <translation>%1 in diesem Katalog Kontingente und dedizierte Hosts geben</translation>
    </message>
    <message>
        <source>Edit the namespace</source>
        <translation>Den Namespace bearbeiten</translation>
    </message>
    <message>
        <source>Delete Namespace</source>
        <translation>Namespace löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete namespace %1?</source>
        <translation>Namespace %1 löschen?</translation>
    </message>
    <message>
        <source>Its quotas and host dedications are removed. This cannot be undone.</source>
        <translation>Seine Kontingente und Host-Zuordnungen werden entfernt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message numerus="yes">
        <source>Namespace %1 holds %n VM(s).</source>
        <translation>
            <numerusform>Namespace %1 enthält %n VM.</numerusform>
            <numerusform>Namespace %1 enthält %n VMs.</numerusform>
        </translation>
    </message>
    <message>
        <source>A namespace with VMs cannot be deleted. Delete its VMs first, or tick the box to delete them with their disks now; running VMs are powered off first. This cannot be undone.</source>
        <translation>Ein Namespace mit VMs kann nicht gelöscht werden. Löschen Sie zuerst seine VMs oder kreuzen Sie das Kästchen an, um sie jetzt samt ihren Datenträgern zu löschen; laufende VMs werden zuerst ausgeschaltet. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message numerus="yes">
        <source>Also delete its %n VM(s) and their disks</source>
        <translation>
            <numerusform>Auch seine %n VM und ihre Datenträger löschen</numerusform>
            <numerusform>Auch seine %n VMs und ihre Datenträger löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Deleting the %n VM(s) of %1 before the namespace…</source>
        <translation>
            <numerusform>Die %n VM von %1 wird vor dem Namespace gelöscht …</numerusform>
            <numerusform>Die %n VMs von %1 werden vor dem Namespace gelöscht …</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Delete Namespace %1</source>
        <translation>Namespace %1 kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Not every VM of %1 could be deleted, so the namespace was kept:</source>
        <translation>Nicht alle VMs von %1 konnten gelöscht werden, daher bleibt der Namespace bestehen:</translation>
    </message>
    <message>
        <source>Waiting for the hosts to report the VMs of %1 gone…</source>
        <translation>Warten, bis die Hosts die VMs von %1 als gelöscht melden …</translation>
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
    <name>Corral::ReplicaBadgeDelegate</name>
    <message>
        <source>%1 ✓</source>
        <translation>%1 ✓</translation>
    </message>
    <message>
        <source>%1 …</source>
        <translation>%1 …</translation>
    </message>
    <message>
        <source>%1 ✗</source>
        <translation>%1 ✗</translation>
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
    <name>Corral::SessionTab</name>
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
</context>
<context>
    <name>Corral::SnapshotDialog</name>
    <message>
        <source>Snapshots of %1</source>
        <translation>Snapshots von %1</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>Erstellen …</translation>
    </message>
    <message>
        <source>Take a snapshot of the VM&apos;s disk (and memory, if it runs)</source>
        <translation>Einen Snapshot des Datenträgers der VM erstellen (und ihres Speichers, wenn sie läuft)</translation>
    </message>
    <message>
        <source>Revert…</source>
        <translation>Zurücksetzen …</translation>
    </message>
    <message>
        <source>Return the VM to the selected snapshot</source>
        <translation>Die VM auf den ausgewählten Snapshot zurücksetzen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected snapshot; the VM is not changed</source>
        <translation>Den ausgewählten Snapshot löschen; die VM bleibt unverändert</translation>
    </message>
    <message>
        <source>No snapshots.</source>
        <translation>Keine Snapshots.</translation>
    </message>
    <message>
        <source>Reading the snapshots…</source>
        <translation>Snapshots werden gelesen …</translation>
    </message>
    <message>
        <source>No snapshots yet. Create… takes one of the VM as it is now.</source>
        <translation>Noch keine Snapshots. Erstellen … hält die VM in ihrem jetzigen Zustand fest.</translation>
    </message>
    <message>
        <source>Create Snapshot of %1</source>
        <translation>Snapshot von %1 erstellen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>The VM has a snapshot named %1 already.</source>
        <translation>Die VM hat bereits einen Snapshot namens %1.</translation>
    </message>
    <message>
        <source>A snapshot name has 1 to 64 letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Ein Snapshot-Name hat 1 bis 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; oder &apos;_&apos;.</translation>
    </message>
    <message>
        <source>A running VM is snapshotted with its memory: reverting to it resumes the guest where it was.</source>
        <translation>Bei einer laufenden VM wird der Speicher mit festgehalten: Das Zurücksetzen setzt den Gast dort fort, wo er war.</translation>
    </message>
    <message>
        <source>Taking snapshot %1…</source>
        <translation>Snapshot %1 wird erstellt …</translation>
    </message>
    <message>
        <source>Snapshot %1 failed</source>
        <translation>Snapshot %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Revert to Snapshot</source>
        <translation>Auf Snapshot zurücksetzen</translation>
    </message>
    <message>
        <source>Revert %1 to snapshot %2?</source>
        <translation>%1 auf Snapshot %2 zurücksetzen?</translation>
    </message>
    <message>
        <source>Everything written to the VM&apos;s disk since the snapshot was taken is lost. A snapshot taken while the VM ran restores the running guest.</source>
        <translation>Alles, was seit dem Snapshot auf den Datenträger der VM geschrieben wurde, geht verloren. Ein Snapshot einer laufenden VM stellt den laufenden Gast wieder her.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reverting to %1…</source>
        <translation>Wird auf %1 zurückgesetzt …</translation>
    </message>
    <message>
        <source>Reverting to %1 failed</source>
        <translation>Zurücksetzen auf %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Delete Snapshot</source>
        <translation>Snapshot löschen</translation>
    </message>
    <message>
        <source>Delete snapshot %1 of %2?</source>
        <translation>Snapshot %1 von %2 löschen?</translation>
    </message>
    <message>
        <source>The VM stays as it is now; you can no longer return to this snapshot. This cannot be undone.</source>
        <translation>Die VM bleibt, wie sie ist; zu diesem Snapshot können Sie dann nicht mehr zurück. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>%1 wird gelöscht …</translation>
    </message>
    <message>
        <source>Deleting %1 failed</source>
        <translation>Löschen von %1 ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Corral::SnapshotModel</name>
    <message>
        <source>Current: the VM&apos;s disk was last reverted to or taken from this snapshot.</source>
        <translation>Aktuell: Der Datenträger der VM wurde zuletzt auf diesen Snapshot zurückgesetzt oder aus ihm erstellt.</translation>
    </message>
    <message>
        <source>Taken while running: reverting restores the running guest, memory included.</source>
        <translation>Im laufenden Betrieb erstellt: Das Zurücksetzen stellt den laufenden Gast samt Speicher wieder her.</translation>
    </message>
    <message>
        <source>Taken while the VM was not running: reverting restores its disk.</source>
        <translation>Erstellt, als die VM nicht lief: Das Zurücksetzen stellt ihren Datenträger wieder her.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>VM State</source>
        <translation>VM-Zustand</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
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
    <name>Corral::TransferDock</name>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the selected transfers; they resume where they stopped</source>
        <translation>Die ausgewählten Übertragungen anhalten; sie werden dort fortgesetzt, wo sie angehalten wurden</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Continue the selected paused or interrupted transfers from the last confirmed byte</source>
        <translation>Die ausgewählten angehaltenen oder unterbrochenen Übertragungen ab dem zuletzt bestätigten Byte fortsetzen</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Abbrechen …</translation>
    </message>
    <message>
        <source>Stop the selected transfers for good and delete what they transferred</source>
        <translation>Die ausgewählten Übertragungen endgültig beenden und das bereits Übertragene löschen</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>Remove the finished transfers from this list</source>
        <translation>Die abgeschlossenen Übertragungen aus dieser Liste entfernen</translation>
    </message>
    <message>
        <source>Transfer Actions</source>
        <translation>Übertragungsaktionen</translation>
    </message>
    <message>
        <source>No transfers. Uploads, downloads and copies of images show their progress here.</source>
        <translation>Keine Übertragungen. Hoch- und Herunterladen sowie Kopieren von Abbildern zeigen hier ihren Fortschritt.</translation>
    </message>
    <message>
        <source>Cancel Transfer</source>
        <translation>Übertragung abbrechen</translation>
    </message>
    <message>
        <source>Cancel the upload of %1 to %2?</source>
        <translation>Hochladen von %1 auf %2 abbrechen?</translation>
    </message>
    <message>
        <source>Cancel the download of %1 from %2?</source>
        <translation>Herunterladen von %1 vom Host %2 abbrechen?</translation>
    </message>
    <message>
        <source>Cancel the copy of %1 from %2 to %3?</source>
        <translation>Kopieren von %1 vom Host %2 auf %3 abbrechen?</translation>
    </message>
    <message>
        <source>Cancel creating %1 on %2?</source>
        <translation>Erstellen von %1 auf %2 abbrechen?</translation>
    </message>
    <message>
        <source>Cancel the verification of %1 on %2?</source>
        <translation>Verifizieren von %1 auf %2 abbrechen?</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>One line of the list of transfers to cancel: &quot;macOS_14.iso — lab1&quot;</extracomment>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n transfer(s)?</source>
        <translation>
            <numerusform>%n Übertragung abbrechen?</numerusform>
            <numerusform>%n Übertragungen abbrechen?</numerusform>
        </translation>
    </message>
    <message>
        <source>What was transferred so far is deleted: the transfer cannot be resumed and starts from the beginning if you run it again.</source>
        <translation>Das bisher Übertragene wird gelöscht: Die Übertragung kann nicht fortgesetzt werden und beginnt von vorn, wenn Sie sie erneut starten.</translation>
    </message>
    <message>
        <source>Keep Transferring</source>
        <translation>Weiter übertragen</translation>
    </message>
</context>
<context>
    <name>Corral::TransferModel</name>
    <message>
        <source>host #%1</source>
        <translation>Host #%1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>Copy from one host to another: &quot;lab1 → lab2&quot;
----------
Download from a host to a local file: &quot;lab1 → macOS_14.iso&quot;</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verifizieren</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Wird kopiert</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>Wird erstellt</translation>
    </message>
    <message>
        <source>Computing the checksum</source>
        <translation>Prüfsumme wird berechnet</translation>
    </message>
    <message>
        <source>Verifying the checksum</source>
        <translation>Prüfsumme wird verifiziert</translation>
    </message>
    <message>
        <source>Paused — resumable</source>
        <translation>Angehalten – fortsetzbar</translation>
    </message>
    <message>
        <source>Connection lost — resumable</source>
        <translation>Verbindung unterbrochen – fortsetzbar</translation>
    </message>
    <message>
        <source>Verified sha256 %1</source>
        <translation>Verifiziert: sha256 %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
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
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Transfer progress: &quot;42 % of 3.1 GiB&quot;</extracomment>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <extracomment>Transfer tooltip headline: &quot;Upload macOS_14.iso — lab1&quot;</extracomment>
        <translation>%1 %2 – %3</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>%1 of %2 confirmed by the receiving side</source>
        <translation>Von der Empfängerseite bestätigt: %1 von %2</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Abbild</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Corral::UploadDialog</name>
    <message>
        <source>Upload Image</source>
        <translation>Abbild hochladen</translation>
    </message>
    <message numerus="yes">
        <source>Upload %n Image(s)</source>
        <translation>
            <numerusform>%n Abbild hochladen</numerusform>
            <numerusform>%n Abbilder hochladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Upload To</source>
        <translation>Hochladen auf</translation>
    </message>
    <message>
        <source>Each host receives the file over its own SSH connection; holes in sparse files are not sent. A transfer that is interrupted resumes where it stopped, and the image is registered only once its SHA-256 on the host matches the file&apos;s.</source>
        <translation>Jeder Host empfängt die Datei über seine eigene SSH-Verbindung; Lücken in Sparse-Dateien werden nicht gesendet. Eine unterbrochene Übertragung wird dort fortgesetzt, wo sie angehalten hat, und das Abbild wird erst registriert, wenn sein SHA-256 auf dem Host mit dem der Datei übereinstimmt.</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Detected:</source>
        <translation>Erkannt:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>optional, e.g. macOS 14.5 base with Xcode 15</source>
        <translation>optional, z. B. macOS-14.5-Basis mit Xcode 15</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A host that cannot receive an upload now: &quot;lab2 (Offline)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Only connected hosts can receive an upload.</source>
        <translation>Nur verbundene Hosts können hochgeladene Dateien empfangen.</translation>
    </message>
    <message>
        <source>No hosts yet: add a host on the Hosts page first.</source>
        <translation>Noch keine Hosts: Fügen Sie zuerst auf der Seite „Hosts“ einen Host hinzu.</translation>
    </message>
    <message>
        <source>No host is connected: connect one on the Hosts page first.</source>
        <translation>Kein Host ist verbunden: Verbinden Sie zuerst einen auf der Seite „Hosts“.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>qcow2 disk, %1 virtual, %2 file</source>
        <translation>qcow2-Datenträger, %1 virtuell, %2 als Datei</translation>
    </message>
    <message>
        <source>raw disk, %1</source>
        <translation>Raw-Datenträger, %1</translation>
    </message>
    <message>
        <source>ISO image, %1</source>
        <translation>ISO-Abbild, %1</translation>
    </message>
    <message>
        <source>The library already has an image named %1.</source>
        <translation>Die Bibliothek enthält bereits ein Abbild namens %1.</translation>
    </message>
    <message>
        <source>Another file of this upload is named %1 too.</source>
        <translation>Eine weitere hochzuladende Datei heißt ebenfalls %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A problem with one file of several: &quot;disk.img: An image named ...&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Upload started</source>
        <translation>Hochladen gestartet</translation>
    </message>
</context>
<context>
    <name>Corral::VmConfigDialog</name>
    <message>
        <source>BIOS</source>
        <translation>BIOS</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>VGA</source>
        <translation>VGA</translation>
    </message>
    <message>
        <source>VMware SVGA</source>
        <translation>VMware SVGA</translation>
    </message>
    <message>
        <source>virtio</source>
        <translation>virtio</translation>
    </message>
    <message>
        <source>Edit VM Config %1</source>
        <translation>VM-Konfiguration %1 bearbeiten</translation>
    </message>
    <message>
        <source>New VM Config</source>
        <translation>Neue VM-Konfiguration</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>bridge, e.g. br0</source>
        <translation>Bridge, z. B. br0</translation>
    </message>
    <message>
        <source>network, e.g. default</source>
        <translation>Netzwerk, z. B. default</translation>
    </message>
    <message>
        <source>e.g. ci-runner</source>
        <translation>z. B. ci-runner</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>No disk image in the library</source>
        <translation>Kein Datenträgerabbild in der Bibliothek</translation>
    </message>
    <message>
        <source>Base &amp;image:</source>
        <translation>Basis&amp;abbild:</translation>
    </message>
    <message>
        <source>Guest &amp;profile:</source>
        <translation>Gast&amp;profil:</translation>
    </message>
    <message>
        <source>&amp;OpenCore image:</source>
        <translation>&amp;OpenCore-Abbild:</translation>
    </message>
    <message>
        <source>Default (Haswell-noTSX)</source>
        <translation>Standard (Haswell-noTSX)</translation>
    </message>
    <message>
        <source>C&amp;PU model:</source>
        <translation>C&amp;PU-Modell:</translation>
    </message>
    <message>
        <source>Runs only on hosts with an Apple SMC key (Edit Host…).
Penryn is the CPU model before macOS 10.15.</source>
        <extracomment>Two lines (a line break, no wrapping): keep each about as long as the English ones</extracomment>
        <translation>Läuft nur auf Hosts mit Apple-SMC-Schlüssel (Host bearbeiten …).
Vor macOS 10.15 ist Penryn das CPU-Modell.</translation>
    </message>
    <message>
        <source>&amp;Firmware:</source>
        <translation>&amp;Firmware:</translation>
    </message>
    <message>
        <source>asked when an SSH console opens</source>
        <translation>wird beim Öffnen einer SSH-Konsole abgefragt</translation>
    </message>
    <message>
        <source>Guest &amp;user:</source>
        <translation>Gast&amp;benutzer:</translation>
    </message>
    <message>
        <source>&amp;vCPUs:</source>
        <translation>&amp;vCPUs:</translation>
    </message>
    <message>
        <source> MiB</source>
        <extracomment>Unit after a memory size</extracomment>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Abbildgröße</translation>
    </message>
    <message>
        <source> GiB</source>
        <extracomment>Unit after a disk size</extracomment>
        <translation> GiB</translation>
    </message>
    <message>
        <source>&amp;Disk:</source>
        <translation>&amp;Datenträger:</translation>
    </message>
    <message>
        <source>×</source>
        <extracomment>Between the width and height of a display resolution</extracomment>
        <translation>×</translation>
    </message>
    <message>
        <source>Dis&amp;play:</source>
        <translation>An&amp;zeige:</translation>
    </message>
    <message>
        <source>any host</source>
        <translation>beliebiger Host</translation>
    </message>
    <message>
        <source>&amp;Required</source>
        <translation>&amp;Pflicht</translation>
    </message>
    <message>
        <source>Deploy only onto hosts with this tag; otherwise they are just preferred.</source>
        <translation>Nur auf Hosts mit diesem Tag bereitstellen; sonst werden sie nur bevorzugt.</translation>
    </message>
    <message>
        <source>Host &amp;tag:</source>
        <translation>Host-&amp;Tag:</translation>
    </message>
    <message>
        <source>comma separated, e.g. 22, 5900</source>
        <translation>durch Kommas getrennt, z. B. 22, 5900</translation>
    </message>
    <message>
        <source>E&amp;xposed ports:</source>
        <translation>Frei&amp;gegebene Ports:</translation>
    </message>
    <message>
        <source>Each deployed VM gets its own host port for every guest port listed here, on the host&apos;s port address.</source>
        <translation>Jede bereitgestellte VM erhält für jeden hier genannten Gast-Port einen eigenen Host-Port an der Port-Adresse des Hosts.</translation>
    </message>
    <message>
        <source>&amp;NIC model:</source>
        <translation>&amp;Netzwerkkarte:</translation>
    </message>
    <message>
        <source>&amp;Video model:</source>
        <translation>&amp;Grafikkarte:</translation>
    </message>
    <message>
        <source>User-mode (ports forwarded)</source>
        <translation>User-Mode (Ports weitergeleitet)</translation>
    </message>
    <message>
        <source>User-mode, isolated</source>
        <translation>User-Mode, isoliert</translation>
    </message>
    <message>
        <source>Libvirt network</source>
        <translation>libvirt-Netzwerk</translation>
    </message>
    <message>
        <source>Host bridge</source>
        <translation>Bridge des Hosts</translation>
    </message>
    <message>
        <source>Net&amp;work:</source>
        <translation>Netz&amp;werk:</translation>
    </message>
    <message>
        <source>Isolated guests reach nothing outside. Exposed ports are forwarded only on user-mode networks.</source>
        <translation>Isolierte Gäste erreichen nichts außerhalb. Freigegebene Ports werden nur in User-Mode-Netzwerken weitergeleitet.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>System &amp;serial:</source>
        <translation>System&amp;seriennummer:</translation>
    </message>
    <message>
        <source>none, or a PCI address such as 0000:03:00.0</source>
        <translation>keine oder eine PCI-Adresse wie 0000:03:00.0</translation>
    </message>
    <message>
        <source>&amp;GPU passthrough:</source>
        <translation>&amp;GPU-Durchreichung:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>%1 (not in the library)</source>
        <extracomment>An image a config names that the library does not have</extracomment>
        <translation>%1 (nicht in der Bibliothek)</translation>
    </message>
    <message>
        <source>%1 is not a port number (1 to 65535).</source>
        <translation>%1 ist keine Portnummer (1 bis 65535).</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
</context>
<context>
    <name>Corral::VmLifecycleActions</name>
    <message>
        <source>Revert…</source>
        <translation>Zurücksetzen …</translation>
    </message>
    <message>
        <source>Save as Image…</source>
        <translation>Als Abbild speichern …</translation>
    </message>
    <message>
        <source>Clone…</source>
        <translation>Klonen …</translation>
    </message>
    <message>
        <source>Resize Disk…</source>
        <translation>Datenträger vergrößern …</translation>
    </message>
    <message>
        <source>Snapshots…</source>
        <translation>Snapshots …</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>Select a VM deployed by Corral.</source>
        <translation>Wählen Sie eine von Corral bereitgestellte VM.</translation>
    </message>
    <message>
        <source>Select a single VM.</source>
        <translation>Wählen Sie eine einzelne VM.</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 ist nicht verbunden.</translation>
    </message>
    <message>
        <source>%1 was not deployed by Corral: it has no base image and overlay to work with.</source>
        <translation>%1 wurde nicht von Corral bereitgestellt: Es gibt kein Basisabbild und kein Overlay, mit dem gearbeitet werden könnte.</translation>
    </message>
    <message>
        <source>Shut %1 down first: its disk must not change while it is copied.</source>
        <translation>Fahren Sie %1 zuerst herunter: Der Datenträger darf sich beim Kopieren nicht ändern.</translation>
    </message>
    <message>
        <source>Return the VM to a fresh copy of its image (asks first)</source>
        <translation>Die VM auf eine frische Kopie ihres Abbilds zurücksetzen (mit Rückfrage)</translation>
    </message>
    <message>
        <source>Save the VM&apos;s disk as a new image of the library</source>
        <translation>Den Datenträger der VM als neues Abbild der Bibliothek speichern</translation>
    </message>
    <message>
        <source>Make a new VM on the same host with a copy of this VM&apos;s disk</source>
        <translation>Eine neue VM auf demselben Host mit einer Kopie des Datenträgers dieser VM anlegen</translation>
    </message>
    <message>
        <source>Make the VM&apos;s disk larger</source>
        <translation>Den Datenträger der VM vergrößern</translation>
    </message>
    <message>
        <source>Take, revert to and delete snapshots of the VM</source>
        <translation>Snapshots der VM erstellen, auf sie zurücksetzen und sie löschen</translation>
    </message>
    <message>
        <source>Revert VM</source>
        <translation>VM zurücksetzen</translation>
    </message>
    <message>
        <source>Revert %1 to its image?</source>
        <translation>%1 auf ihr Abbild zurücksetzen?</translation>
    </message>
    <message>
        <source>Everything written to the VM&apos;s disk since it was deployed is lost, and so are all its snapshots. A running VM is powered off and started again. This cannot be undone.</source>
        <translation>Alles, was seit der Bereitstellung auf den Datenträger der VM geschrieben wurde, geht verloren, ebenso alle ihre Snapshots. Eine laufende VM wird ausgeschaltet und wieder gestartet. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save %1 as Image</source>
        <translation>%1 als Abbild speichern</translation>
    </message>
    <message>
        <source>Image &amp;name:</source>
        <translation>Abbild&amp;name:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>The library already has an image named %1.</source>
        <translation>Die Bibliothek enthält bereits ein Abbild namens %1.</translation>
    </message>
    <message>
        <source>The VM&apos;s disk and its base image are merged into one new image on %1, then checked. The VM is not changed.</source>
        <translation>Der Datenträger der VM und ihr Basisabbild werden auf %1 zu einem neuen Abbild zusammengeführt und dann geprüft. Die VM bleibt unverändert.</translation>
    </message>
    <message>
        <source>Clone %1</source>
        <translation>%1 klonen</translation>
    </message>
    <message>
        <source>&amp;Name of the clone:</source>
        <translation>&amp;Name des Klons:</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>Klonen</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>%1 already has a VM named %2.</source>
        <translation>%1 hat bereits eine VM namens %2.</translation>
    </message>
    <message>
        <source>The clone runs on %1 in namespace %2, with the same shape, a copy of the disk, a new MAC address and new forwarded ports.</source>
        <translation>Der Klon läuft auf %1 in Namespace %2, mit derselben Größe, einer Kopie des Datenträgers, einer neuen MAC-Adresse und neuen weitergeleiteten Ports.</translation>
    </message>
    <message>
        <source>Resize Disk of %1</source>
        <translation>Datenträger von %1 vergrößern</translation>
    </message>
    <message>
        <source>Current size:</source>
        <translation>Aktuelle Größe:</translation>
    </message>
    <message>
        <source> GiB</source>
        <extracomment>Unit after a disk size</extracomment>
        <translation> GiB</translation>
    </message>
    <message>
        <source>&amp;New size:</source>
        <translation>&amp;Neue Größe:</translation>
    </message>
    <message>
        <source>A disk can only grow. Grow the partition inside the guest afterwards to use the new space.</source>
        <translation>Ein Datenträger kann nur wachsen. Vergrößern Sie danach die Partition im Gast, um den neuen Platz zu nutzen.</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Vergrößern</translation>
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
    <message>
        <source>Deployed from config %1</source>
        <translation>Aus Konfiguration %1 bereitgestellt</translation>
    </message>
    <message>
        <source>Base image: %1</source>
        <translation>Basisabbild: %1</translation>
    </message>
    <message>
        <source>In namespace %1</source>
        <translation>In Namespace %1</translation>
    </message>
    <message>
        <source>Not deployed by Corral: counts as namespace %1</source>
        <translation>Nicht von Corral bereitgestellt: zählt zu Namespace %1</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
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
    <message>
        <source>Open Screen</source>
        <translation>Bildschirm öffnen</translation>
    </message>
    <message>
        <source>Open the screens of the selected running VMs (VNC console)</source>
        <translation>Die Bildschirme der ausgewählten laufenden VMs öffnen (VNC-Konsole)</translation>
    </message>
    <message>
        <source>Grid View</source>
        <translation>Rasteransicht</translation>
    </message>
    <message>
        <source>Show the VMs as a grid of screen thumbnails instead of a table</source>
        <translation>Die VMs als Raster aus Bildschirm-Vorschaubildern statt als Tabelle anzeigen</translation>
    </message>
    <message>
        <source>Revert, save as image, clone, resize or snapshot the selected VM</source>
        <translation>Die ausgewählte VM zurücksetzen, als Abbild speichern, klonen, vergrößern oder Snapshots verwalten</translation>
    </message>
    <message>
        <source>Deploy…</source>
        <translation>Bereitstellen …</translation>
    </message>
    <message>
        <source>Deploy new VMs from a VM config or an image</source>
        <translation>Neue VMs aus einer VM-Konfiguration oder einem Abbild bereitstellen</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Alle Namespaces</translation>
    </message>
    <message>
        <source>%1: made by another console; no quota here.</source>
        <translation>%1: von einer anderen Konsole angelegt; hier ohne Kontingent.</translation>
    </message>
</context>
<context>
    <name>Corral::VmThumbnailDelegate</name>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Ruhezustand</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation>Wird heruntergefahren</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>Abgestürzt</translation>
    </message>
    <message>
        <source>Host offline</source>
        <translation>Host offline</translation>
    </message>
    <message>
        <source>No display</source>
        <translation>Keine Anzeige</translation>
    </message>
    <message>
        <source>Waiting for the screen…</source>
        <translation>Warte auf den Bildschirm …</translation>
    </message>
</context>
<context>
    <name>Corral::VncSession</name>
    <message>
        <source>Nothing to connect to.</source>
        <translation>Kein Ziel für die Verbindung.</translation>
    </message>
    <message>
        <source>No password was given for %1.</source>
        <translation>Für %1 wurde kein Passwort angegeben.</translation>
    </message>
</context>
<context>
    <name>Corral::VncTab</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Tool tip: what an action does and its keyboard shortcut</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The screen is shown full screen.</source>
        <translation>Der Bildschirm wird im Vollbild angezeigt.</translation>
    </message>
    <message>
        <source>Leave Full Screen</source>
        <translation>Vollbild beenden</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Scale the screen to the window, keeping its proportions</source>
        <translation>Den Bildschirm unter Beibehaltung der Proportionen an das Fenster anpassen</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <source>One screen pixel per display pixel, with scroll bars</source>
        <translation>Ein Bildschirmpixel pro Anzeigepixel, mit Bildlaufleisten</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Show the screen on the whole display; F11 or the bar at the top edge leaves (Esc goes to the VM)</source>
        <translation>Den Bildschirm auf der gesamten Anzeige zeigen; F11 oder die Leiste am oberen Rand beendet dies (Esc geht an die VM)</translation>
    </message>
    <message>
        <source>&amp;Grab Keyboard</source>
        <translation>Tastatur &amp;abfangen</translation>
    </message>
    <message>
        <source>Send every key to the VM, including Tab, Alt+Tab and the Super key; Ctrl+Alt+G releases</source>
        <translation>Jede Taste an die VM senden, auch Tab, Alt+Tab und die Super-Taste; Strg+Alt+G gibt sie frei</translation>
    </message>
    <message>
        <source>Send &amp;Key</source>
        <translation>Taste &amp;senden</translation>
    </message>
    <message>
        <source>Send a key combination the desktop would not pass on (Ctrl+Alt+Del, Ctrl+Alt+F1…, Cmd+Tab)</source>
        <translation>Eine Tastenkombination senden, die der Desktop nicht weitergeben würde (Strg+Alt+Entf, Strg+Alt+F1 …, Cmd+Tab)</translation>
    </message>
    <message>
        <source>&amp;Type Clipboard</source>
        <translation>Zwischenablage &amp;eintippen</translation>
    </message>
    <message>
        <source>Type the clipboard&apos;s text into the VM as key presses, for guests without clipboard sharing</source>
        <translation>Den Text der Zwischenablage als Tastenanschläge in die VM eintippen, für Gäste ohne gemeinsame Zwischenablage</translation>
    </message>
    <message>
        <source>&amp;Screenshot…</source>
        <translation>&amp;Bildschirmfoto …</translation>
    </message>
    <message>
        <source>Save the screen as a PNG image</source>
        <translation>Den Bildschirm als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Ask the VM for the whole screen again</source>
        <translation>Den gesamten Bildschirm erneut von der VM anfordern</translation>
    </message>
    <message>
        <source>Virtual &amp;Console</source>
        <translation>Virtuelle &amp;Konsole</translation>
    </message>
    <message>
        <source>&amp;macOS</source>
        <translation>&amp;macOS</translation>
    </message>
    <message>
        <source>Send %1 to the VM</source>
        <translation>%1 an die VM senden</translation>
    </message>
    <message>
        <source>Keyboard grabbed — Ctrl+Alt+G releases</source>
        <translation>Tastatur abgefangen – Strg+Alt+G gibt sie frei</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Num</source>
        <translation>Num</translation>
    </message>
    <message>
        <source>Caps</source>
        <translation>Feststell</translation>
    </message>
    <message>
        <source>The VM&apos;s screen resolution</source>
        <translation>Die Bildschirmauflösung der VM</translation>
    </message>
    <message>
        <source>Waiting for the password</source>
        <translation>Warte auf das Passwort</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation>Verbindung wird wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>User name for the screen of %1:</source>
        <translation>Benutzername für den Bildschirm von %1:</translation>
    </message>
    <message>
        <source>VNC password for the screen of %1:</source>
        <translation>VNC-Passwort für den Bildschirm von %1:</translation>
    </message>
    <message>
        <source>Password of %1 for the screen of %2:</source>
        <translation>Passwort von %1 für den Bildschirm von %2:</translation>
    </message>
    <message>
        <source>Scroll Lock</source>
        <translation>Rollen-Taste</translation>
    </message>
    <message>
        <source>Num Lock</source>
        <translation>Num-Taste</translation>
    </message>
    <message>
        <source>Caps Lock</source>
        <translation>Feststelltaste</translation>
    </message>
    <message>
        <source>%1 is on in the VM</source>
        <translation>%1 ist in der VM aktiviert</translation>
    </message>
    <message>
        <source>%1 is off in the VM</source>
        <translation>%1 ist in der VM deaktiviert</translation>
    </message>
    <message>
        <source>The clipboard holds no text to type.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Eintippen.</translation>
    </message>
    <message>
        <source>The clipboard holds %1 characters; at most %2 are typed.</source>
        <translation>Die Zwischenablage enthält %1 Zeichen; höchstens %2 werden eingetippt.</translation>
    </message>
    <message numerus="yes">
        <source>Typing %n character(s)…</source>
        <translation>
            <numerusform>%n Zeichen wird eingetippt …</numerusform>
            <numerusform>%n Zeichen werden eingetippt …</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no screen to save yet.</source>
        <translation>Es gibt noch keinen Bildschirm zum Speichern.</translation>
    </message>
    <message>
        <source>Save Screenshot</source>
        <translation>Bildschirmfoto speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Corral::VncView</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Waiting for the password…</source>
        <translation>Warte auf das Passwort …</translation>
    </message>
    <message>
        <source>The VNC server of %1 asks for a password.</source>
        <translation>Der VNC-Server von %1 verlangt ein Passwort.</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s…</source>
        <translation>
            <numerusform>Erneute Verbindung in %n s …</numerusform>
            <numerusform>Erneute Verbindung in %n s …</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Reconnect Now</source>
        <translation>Jetzt erneut verbinden</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Erneut verbinden</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Press Ctrl+Alt+G to release the keyboard</source>
        <translation>Drücken Sie Strg+Alt+G, um die Tastatur freizugeben</translation>
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
