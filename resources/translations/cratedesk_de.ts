<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActivityArea</name>
    <message>
        <source>Running operations</source>
        <translation>Laufende Vorgänge</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 abbrechen</translation>
    </message>
    <message>
        <source>%1 (cancelling…)</source>
        <translation>%1 (wird abgebrochen …)</translation>
    </message>
</context>
<context>
    <name>CargoConfigEditor</name>
    <message>
        <source>line %1, column %2: %3</source>
        <comment>where in the TOML text: what is wrong</comment>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>internal error: %1 is not a TOML value</source>
        <translation>interner Fehler: %1 ist kein TOML-Wert</translation>
    </message>
    <message>
        <source>%1 is a table, not a value</source>
        <translation>%1 ist eine Tabelle, kein Wert</translation>
    </message>
    <message>
        <source>%1 is an array of tables ([[%1]]), so %2 cannot be set</source>
        <translation>%1 ist ein Array von Tabellen ([[%1]]), daher kann %2 nicht gesetzt werden</translation>
    </message>
    <message>
        <source>internal error: cargo has no top-level keys such as %1</source>
        <translation>interner Fehler: Cargo hat keine Schlüssel auf oberster Ebene wie %1</translation>
    </message>
    <message>
        <source>%1 already has a value that is not a table, so %2 cannot be added</source>
        <translation>%1 hat bereits einen Wert, der keine Tabelle ist, daher kann %2 nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>the edited file would not be valid TOML (%1)</source>
        <translation>die bearbeitete Datei wäre kein gültiges TOML (%1)</translation>
    </message>
    <message>
        <source>internal error: the edited file does not mean what was intended</source>
        <translation>interner Fehler: Die bearbeitete Datei bedeutet nicht das, was beabsichtigt war</translation>
    </message>
</context>
<context>
    <name>CargoLock</name>
    <message>
        <source>name, version, source and checksum must be strings</source>
        <translation>name, version, source und checksum müssen Zeichenketten sein</translation>
    </message>
    <message>
        <source>the version &quot;%1&quot; is not SemVer</source>
        <translation>die Version „%1“ ist nicht SemVer-konform</translation>
    </message>
    <message>
        <source>the source &quot;%1&quot; is neither a registry, git nor a path</source>
        <translation>die Quelle „%1“ ist weder eine Registry noch Git noch ein Pfad</translation>
    </message>
    <message>
        <source>the checksum &quot;%1&quot; is not a sha256 in hex</source>
        <translation>die Prüfsumme „%1“ ist kein hexadezimaler sha256-Wert</translation>
    </message>
    <message>
        <source>%1:%2:%3: %4</source>
        <comment>file:line:column: problem</comment>
        <translation>%1:%2:%3: %4</translation>
    </message>
    <message>
        <source>%1: the lockfile version is not a number (this reader knows 1 to 4)</source>
        <translation>%1: die Lockfile-Version ist keine Zahl (dieser Parser kennt 1 bis 4)</translation>
    </message>
    <message>
        <source>%1: lockfile version %2 is not one this reader knows (1 to 4)</source>
        <translation>%1: die Lockfile-Version %2 kennt dieser Parser nicht (er kennt 1 bis 4)</translation>
    </message>
    <message>
        <source>%1: `package` is not a list of [[package]] tables</source>
        <translation>%1: `package` ist keine Liste von [[package]]-Tabellen</translation>
    </message>
    <message>
        <source>%1: more than %2 packages</source>
        <translation>%1: mehr als %2 Pakete</translation>
    </message>
    <message>
        <source>%1: package %2: %3</source>
        <translation>%1: Paket %2: %3</translation>
    </message>
    <message>
        <source>%1: package %2 (%3): %4</source>
        <translation>%1: Paket %2 (%3): %4</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 MiB a Cargo.lock may have here</source>
        <translation>%1 ist größer als die %2 MiB, die eine Cargo.lock hier haben darf</translation>
    </message>
</context>
<context>
    <name>CargoManifest</name>
    <message>
        <source>%1:%2:%3: %4</source>
        <comment>file:line:column: problem</comment>
        <translation>%1:%2:%3: %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>file: problem</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 muss true oder false sein</translation>
    </message>
    <message>
        <source>%1 must be an array of strings</source>
        <translation>%1 muss ein Array von Zeichenketten sein</translation>
    </message>
    <message>
        <source>%1 must hold only strings</source>
        <translation>%1 darf nur Zeichenketten enthalten</translation>
    </message>
    <message>
        <source>%1 must be a table</source>
        <translation>%1 muss eine Tabelle sein</translation>
    </message>
    <message>
        <source>%1 still says workspace = true; a .crate&apos;s Cargo.toml has inherited values written out</source>
        <translation>%1 enthält noch workspace = true; in der Cargo.toml einer .crate-Datei sind geerbte Werte ausgeschrieben</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 must be a path or a boolean</source>
        <translation>%1 muss ein Pfad oder ein boolescher Wert sein</translation>
    </message>
    <message>
        <source>%1 must be a boolean or an array of registry names</source>
        <translation>%1 muss ein boolescher Wert oder ein Array von Registry-Namen sein</translation>
    </message>
    <message>
        <source>%1 must be a version string or a table</source>
        <translation>%1 muss eine Versionszeichenkette oder eine Tabelle sein</translation>
    </message>
    <message>
        <source>there is no [package] table</source>
        <translation>es gibt keine [package]-Tabelle</translation>
    </message>
    <message>
        <source>the readme &quot;%1&quot; is not in the package</source>
        <translation>das Readme „%1“ ist nicht im Paket</translation>
    </message>
    <message>
        <source>the license file &quot;%1&quot; is not in the package</source>
        <translation>die Lizenzdatei „%1“ ist nicht im Paket</translation>
    </message>
    <message>
        <source>the readme &quot;%1&quot; is %2 bytes, more than the %3 allowed</source>
        <translation>das Readme „%1“ hat %2 Byte, mehr als die erlaubten %3</translation>
    </message>
    <message>
        <source>the license file &quot;%1&quot; is %2 bytes, more than the %3 allowed</source>
        <translation>die Lizenzdatei „%1“ hat %2 Byte, mehr als die erlaubten %3</translation>
    </message>
    <message>
        <source>the readme &quot;%1&quot; cannot be read</source>
        <translation>das Readme „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the license file &quot;%1&quot; cannot be read</source>
        <translation>die Lizenzdatei „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the readme &quot;%1&quot; is not valid UTF-8</source>
        <translation>das Readme „%1“ ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>the license file &quot;%1&quot; is not valid UTF-8</source>
        <translation>die Lizenzdatei „%1“ ist kein gültiges UTF-8</translation>
    </message>
</context>
<context>
    <name>CargoSetupDialog</name>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Use “%1” with Cargo</source>
        <translation>„%1“ mit Cargo verwenden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Register “%1” with cargo&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;„%1“ bei Cargo registrieren&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>&amp;Undo Last Change</source>
        <translation>Letzte Änderung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Restore the config files from the backup CrateDesk kept</source>
        <translation>Die Konfigurationsdateien aus der Sicherung wiederherstellen, die CrateDesk angelegt hat</translation>
    </message>
    <message>
        <source>Cargo</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>How Cargo.toml files and cargo commands name this feed; cargo accepts letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>Der Name dieses Feeds in Cargo.toml-Dateien und Cargo-Befehlen; Cargo erlaubt Buchstaben, Ziffern, „-“ und „_“</translation>
    </message>
    <message>
        <source>Registry &amp;name:</source>
        <translation>Registry-&amp;Name:</translation>
    </message>
    <message>
        <source>Make it the default registry</source>
        <translation>Als Standard-Registry festlegen</translation>
    </message>
    <message>
        <source>cargo publish, yank, owner and search use it without --registry</source>
        <translation>cargo publish, yank, owner und search verwenden sie ohne --registry</translation>
    </message>
    <message>
        <source>Fetch crates.io dependencies through this feed</source>
        <translation>Abhängigkeiten von crates.io über diesen Feed beziehen</translation>
    </message>
    <message>
        <source>[source.crates-io] replace-with: the feed must hold every crate your projects take from crates.io</source>
        <translation>[source.crates-io] replace-with: Der Feed muss jedes Crate enthalten, das Ihre Projekte von crates.io beziehen</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Keep it in the keychain (recommended)</source>
        <translation>Im Schlüsselbund aufbewahren (empfohlen)</translation>
    </message>
    <message>
        <source>Copy it into credentials.toml (cargo:token)</source>
        <translation>In credentials.toml kopieren (cargo:token)</translation>
    </message>
    <message>
        <source>⚠ The token is then stored in plain text: anyone who can read the file can publish as you.</source>
        <translation>⚠ Das Token wird dann im Klartext gespeichert: Wer die Datei lesen kann, kann in Ihrem Namen veröffentlichen.</translation>
    </message>
    <message>
        <source>cargo asks CrateDesk for the token each time; it exists only in the keychain.</source>
        <translation>Cargo fragt CrateDesk jedes Mal nach dem Token; es liegt nur im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>For all projects</source>
        <translation>Für alle Projekte</translation>
    </message>
    <message>
        <source>For one project:</source>
        <translation>Für ein Projekt:</translation>
    </message>
    <message>
        <source>Project folder</source>
        <translation>Projektordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Project Folder</source>
        <translation>Projektordner</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>config.toml</source>
        <translation>config.toml</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Choose the project folder.</source>
        <translation>Wählen Sie den Projektordner.</translation>
    </message>
    <message>
        <source>%1 already registers “%2” this way.</source>
        <translation>%1 registriert „%2“ bereits auf diese Weise.</translation>
    </message>
    <message>
        <source>Reading the token from the keychain…</source>
        <translation>Token wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>Updated %1 (backup: %2).</source>
        <translation>%1 aktualisiert (Sicherung: %2).</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 erstellt.</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Changes to the Cargo configuration</source>
        <translation>Änderungen an der Cargo-Konfiguration</translation>
    </message>
    <message>
        <source>Lines for config.toml</source>
        <translation>Zeilen für config.toml</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
</context>
<context>
    <name>CargoSetupPlan</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cargo would refuse the registry name: %1</source>
        <translation>Cargo würde den Registry-Namen ablehnen: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sparse index URL (sparse+https://…/)</source>
        <translation>„%1“ ist keine Sparse-Index-URL (sparse+https://…/)</translation>
    </message>
    <message>
        <source>cargo would refuse the index URL: invalid url `%1`: relative URL without a base</source>
        <translation>Cargo würde die Index-URL ablehnen: ungültige URL `%1`: relative URL ohne Basis</translation>
    </message>
    <message>
        <source>cargo would refuse the index URL: registry URLs may not contain passwords</source>
        <translation>Cargo würde die Index-URL ablehnen: Registry-URLs dürfen keine Passwörter enthalten</translation>
    </message>
    <message>
        <source>cargo would refuse the index URL: sparse registry url must end in a slash `/`: %1</source>
        <translation>Cargo würde die Index-URL ablehnen: Die URL einer Sparse-Registry muss auf einen Schrägstrich `/` enden: %1</translation>
    </message>
    <message>
        <source>internal error: no credential provider command</source>
        <translation>interner Fehler: kein Befehl für den Credential-Provider</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text, which cargo requires</source>
        <translation>%1 ist kein UTF-8-Text, wie Cargo ihn verlangt</translation>
    </message>
    <message>
        <source>cargo cannot read %1 as it is (%2); fix it first</source>
        <translation>Cargo kann %1 in der jetzigen Form nicht lesen (%2); beheben Sie das zuerst</translation>
    </message>
    <message>
        <source>cannot edit %1: %2</source>
        <translation>%1 kann nicht bearbeitet werden: %2</translation>
    </message>
    <message>
        <source>Every crates.io dependency now comes from &quot;%1&quot;, which must hold the same crates as crates.io. Cargo.lock still names crates.io for them, so a machine without this setting fetches them from crates.io itself.</source>
        <translation>Jede Abhängigkeit von crates.io kommt jetzt aus „%1“; dort müssen dieselben Crates liegen wie auf crates.io. Die Cargo.lock nennt für sie weiterhin crates.io, daher lädt ein Rechner ohne diese Einstellung sie direkt von crates.io.</translation>
    </message>
    <message>
        <source>With crates.io replaced, cargo publish, yank and owner need an explicit --registry.</source>
        <translation>Da crates.io ersetzt ist, brauchen cargo publish, yank und owner ein ausdrückliches --registry.</translation>
    </message>
    <message>
        <source>%1 names this machine&apos;s cratedesk as credential provider; keep it out of version control or use the global config.</source>
        <translation>%1 nennt das cratedesk dieses Rechners als Credential-Provider; halten Sie die Datei aus der Versionsverwaltung heraus oder verwenden Sie die globale Konfiguration.</translation>
    </message>
    <message>
        <source>%1 holds a plain-text token for &quot;%2&quot;; cargo ignores it now, so delete that line.</source>
        <translation>%1 enthält ein Token im Klartext für „%2“; Cargo ignoriert es jetzt, löschen Sie also diese Zeile.</translation>
    </message>
    <message>
        <source>%1 still holds a plain-text token for &quot;%2&quot;; cargo ignores it now, so delete that entry.</source>
        <translation>%1 enthält noch ein Token im Klartext für „%2“; Cargo ignoriert es jetzt, löschen Sie also diesen Eintrag.</translation>
    </message>
    <message>
        <source>%1 sets [registry] index, which cargo rejects: &quot;the `registry.index` config value is no longer supported&quot;; remove that line first</source>
        <translation>%1 setzt [registry] index, was Cargo ablehnt: „the `registry.index` config value is no longer supported“; entfernen Sie diese Zeile zuerst</translation>
    </message>
    <message>
        <source>[registries.%1] in %2 already uses %3; with a second name for it cargo fails with &quot;multiple registries are configured with the same index url&quot;. Use the name &quot;%1&quot; or remove that entry.</source>
        <translation>[registries.%1] in %2 verwendet bereits %3; mit einem zweiten Namen dafür schlägt Cargo fehl mit „multiple registries are configured with the same index url“. Verwenden Sie den Namen „%1“ oder entfernen Sie diesen Eintrag.</translation>
    </message>
    <message>
        <source>[source.%1] in %2 would make cargo fail: &quot;detected a cycle of `replace-with` sources&quot;</source>
        <translation>[source.%1] in %2 würde Cargo scheitern lassen: „detected a cycle of `replace-with` sources“</translation>
    </message>
    <message>
        <source>[source.%1] in %2 would make cargo fail: &quot;no source location specified for `source.%1`, need `registry`, `local-registry`, `directory`, or `git` defined&quot;</source>
        <translation>[source.%1] in %2 würde Cargo scheitern lassen: „no source location specified for `source.%1`, need `registry`, `local-registry`, `directory`, or `git` defined“</translation>
    </message>
    <message>
        <source>%1 has its own [source.%2], which cargo would use instead of the feed for crates.io (it looks up [source] before [registries]); rename or remove it first</source>
        <translation>%1 hat einen eigenen Abschnitt [source.%2], den Cargo für crates.io statt des Feeds verwenden würde (Cargo sieht [source] vor [registries] nach); benennen Sie ihn zuerst um oder entfernen Sie ihn</translation>
    </message>
    <message>
        <source>there is no token for &quot;%1&quot; in the keychain to copy into %2</source>
        <translation>im Schlüsselbund gibt es kein Token für „%1“, das nach %2 kopiert werden könnte</translation>
    </message>
    <message>
        <source>The token is copied in plain text to %1: anyone who can read that file can use it. The keychain provider avoids that copy.</source>
        <translation>Das Token wird im Klartext nach %1 kopiert: Wer diese Datei lesen kann, kann es verwenden. Der Schlüsselbund-Provider vermeidet diese Kopie.</translation>
    </message>
    <message>
        <source>&lt;token from the keychain&gt;</source>
        <comment>stands for the secret in a diff of credentials.toml</comment>
        <translation>&lt;Token aus dem Schlüsselbund&gt;</translation>
    </message>
    <message>
        <source>&lt;the token&gt;</source>
        <comment>stands for the secret in a shell line</comment>
        <translation>&lt;das Token&gt;</translation>
    </message>
    <message>
        <source># [source] tables have no environment form; pass instead: %1</source>
        <comment>a shell comment; %1 is a cargo option</comment>
        <translation># [source]-Tabellen haben keine Form als Umgebungsvariable; übergeben Sie stattdessen: %1</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>der Ordner von %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>there is nothing to undo in %1</source>
        <translation>in %1 gibt es nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>%1 is damaged; restore the files from their .cratedesk-backup copies by hand</source>
        <translation>%1 ist beschädigt; stellen Sie die Dateien von Hand aus ihren .cratedesk-backup-Kopien wieder her</translation>
    </message>
    <message>
        <source>%1 changed after CrateDesk edited it; undo would lose that change, so restore %2 by hand if you want</source>
        <translation>%1 wurde geändert, nachdem CrateDesk die Datei bearbeitet hatte; Rückgängigmachen würde diese Änderung verwerfen, stellen Sie %2 also bei Bedarf von Hand wieder her</translation>
    </message>
    <message>
        <source>the backup %1 is missing</source>
        <translation>die Sicherung %1 fehlt</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>CargoWorkspace</name>
    <message>
        <source>%1: is not a regular file</source>
        <translation>%1: ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: is %2 bytes, more than the %3 a manifest may have</source>
        <translation>%1: hat %2 Byte, mehr als die %3, die ein Manifest haben darf</translation>
    </message>
    <message>
        <source>%1:%2:%3: %4</source>
        <comment>file:line:column: problem</comment>
        <translation>%1:%2:%3: %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>file: problem</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: has neither [package] nor [workspace]</source>
        <translation>%1: hat weder [package] noch [workspace]</translation>
    </message>
    <message>
        <source>workspace.members must hold only paths</source>
        <translation>workspace.members darf nur Pfade enthalten</translation>
    </message>
    <message>
        <source>the workspace has more than %1 packages</source>
        <translation>der Workspace hat mehr als %1 Pakete</translation>
    </message>
    <message>
        <source>package.name is missing</source>
        <translation>package.name fehlt</translation>
    </message>
    <message>
        <source>%1 says workspace = true, but [workspace.dependencies] in %2 has no %1</source>
        <translation>%1 gibt workspace = true an, aber [workspace.dependencies] in %2 hat kein %1</translation>
    </message>
    <message>
        <source>workspace.dependencies.%1 must be a version string or a table</source>
        <translation>workspace.dependencies.%1 muss eine Versionszeichenkette oder eine Tabelle sein</translation>
    </message>
    <message>
        <source>dependency %1 must be a version string or a table</source>
        <translation>Abhängigkeit %1 muss eine Versionszeichenkette oder eine Tabelle sein</translation>
    </message>
    <message>
        <source>%1: %2 comes from git, which no registry serves; left out</source>
        <translation>%1: %2 stammt aus Git, was keine Registry ausliefert; ausgelassen</translation>
    </message>
</context>
<context>
    <name>ClosureResolver</name>
    <message>
        <source>The feed has no crate named `%1`.</source>
        <translation>Der Feed hat kein Crate namens `%1`.</translation>
    </message>
    <message>
        <source>The index of `%1` could not be fetched: %2</source>
        <translation>Der Index von `%1` konnte nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <source>The index file of `%1` lists no version under exactly that name.</source>
        <translation>Die Indexdatei von `%1` führt keine Version unter genau diesem Namen.</translation>
    </message>
    <message>
        <source>No version of `%1` matches `%2`. Only yanked versions do, and cargo never picks those without a lock file.</source>
        <translation>Keine Version von `%1` erfüllt `%2`. Nur zurückgezogene Versionen tun das, und Cargo wählt diese ohne Lockfile nie aus.</translation>
    </message>
    <message>
        <source>No version of `%1` matches `%2`. The versions that do are yanked, invalid or need a newer cargo.</source>
        <translation>Keine Version von `%1` erfüllt `%2`. Die passenden Versionen sind zurückgezogen, ungültig oder brauchen ein neueres Cargo.</translation>
    </message>
    <message>
        <source>No version of `%1` matches `%2`.</source>
        <translation>Keine Version von `%1` erfüllt `%2`.</translation>
    </message>
    <message>
        <source>`%1` comes from another registry (%2) and is not followed.</source>
        <translation>`%1` stammt aus einer anderen Registry (%2) und wird nicht weiterverfolgt.</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <comment>a version requirement (from the crate version that asks for it)</comment>
        <translation>%1 (von %2)</translation>
    </message>
    <message>
        <source>No version of `%1` in the %2 range meets all of %3; showing %4.</source>
        <translation>Keine Version von `%1` im Bereich %2 erfüllt alle Anforderungen aus %3; angezeigt wird %4.</translation>
    </message>
    <message>
        <source>`%1` %2 has no feature `%3`.</source>
        <translation>`%1` %2 hat kein Feature `%3`.</translation>
    </message>
    <message>
        <source>The requirements kept changing each other&apos;s versions; the graph shown may not be what cargo picks.</source>
        <translation>Die Anforderungen haben sich gegenseitig immer wieder die Versionen geändert; der angezeigte Graph entspricht möglicherweise nicht dem, was Cargo auswählt.</translation>
    </message>
</context>
<context>
    <name>CompareVersionsDialog</name>
    <message>
        <source>Compare Versions of %1</source>
        <translation>Versionen von %1 vergleichen</translation>
    </message>
    <message>
        <source>Older version</source>
        <translation>Ältere Version</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>Neuere Version</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>&amp;with</source>
        <translation>&amp;mit</translation>
    </message>
    <message>
        <source>Changes a dependent sees</source>
        <translation>Änderungen, die abhängige Crates betreffen</translation>
    </message>
    <message>
        <source>Files that changed</source>
        <translation>Geänderte Dateien</translation>
    </message>
    <message>
        <source>Pick a file to see what changed in it.</source>
        <translation>Wählen Sie eine Datei, um ihre Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>Differences in the file</source>
        <translation>Unterschiede in der Datei</translation>
    </message>
    <message>
        <source>Downloading %1 and %2: %3%</source>
        <translation>%1 und %2 werden heruntergeladen: %3 %</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen …</translation>
    </message>
    <message>
        <source>%1 and %2 are the same version.</source>
        <translation>%1 und %2 sind dieselbe Version.</translation>
    </message>
    <message>
        <source>%1 and %2 hold the same files and metadata.</source>
        <translation>%1 und %2 enthalten dieselben Dateien und Metadaten.</translation>
    </message>
    <message numerus="yes">
        <source>From %1 to %2: %n file(s) differ, %3 unchanged.</source>
        <translation>
            <numerusform>Von %1 zu %2: %n Datei unterscheidet sich, %3 unverändert.</numerusform>
            <numerusform>Von %1 zu %2: %n Dateien unterscheiden sich, %3 unverändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) a dependent sees.</source>
        <translation>
            <numerusform>%n Änderung, die abhängige Crates betrifft.</numerusform>
            <numerusform>%n Änderungen, die abhängige Crates betreffen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to compare.</source>
        <translation>Nichts zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 and %2 could not be compared: %3</source>
        <translation>%1 und %2 konnten nicht verglichen werden: %3</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>… the rest of the diff is left out.</source>
        <translation>… der Rest des Diffs wird nicht angezeigt.</translation>
    </message>
    <message>
        <source>%1 is binary or too large to compare.</source>
        <translation>%1 ist binär oder zu groß zum Vergleichen.</translation>
    </message>
    <message>
        <source>%1 is in neither version.</source>
        <translation>%1 ist in keiner der beiden Versionen.</translation>
    </message>
    <message>
        <source>Comparing %1 %2 with %3</source>
        <translation>%1 %2 wird mit %3 verglichen</translation>
    </message>
    <message>
        <source>The comparison was cancelled. Pick two versions to compare again.</source>
        <translation>Der Vergleich wurde abgebrochen. Wählen Sie zwei Versionen, um erneut zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>ConnectorConfig</name>
    <message>
        <source>invalid connector name &quot;%1&quot;: use up to 64 letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;, starting with a letter or digit</source>
        <translation>ungültiger Connector-Name „%1“: Verwenden Sie bis zu 64 Buchstaben, Ziffern, „.“, „-“ und „_“, beginnend mit einem Buchstaben oder einer Ziffer</translation>
    </message>
    <message>
        <source>connector %1: the upstream index URL &quot;%2&quot; is not an http(s) URL</source>
        <translation>Connector %1: Die Upstream-Index-URL „%2“ ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>connector %1: Basic authentication needs a user name</source>
        <translation>Connector %1: Basic-Authentifizierung braucht einen Benutzernamen</translation>
    </message>
    <message>
        <source>connector %1: the timeout must be 1 to 600 seconds, not %2</source>
        <translation>Connector %1: Das Zeitlimit muss 1 bis 600 Sekunden betragen, nicht %2</translation>
    </message>
    <message>
        <source>connector %1: the cache time cannot be negative</source>
        <translation>Connector %1: Die Zwischenspeicherdauer kann nicht negativ sein</translation>
    </message>
    <message>
        <source>connector %1: %2</source>
        <comment>connector name: what is wrong with it</comment>
        <translation>Connector %1: %2</translation>
    </message>
    <message>
        <source>connector %1: the advisory database must be an absolute folder path, not &quot;%2&quot;</source>
        <translation>Connector %1: Die Advisory-Datenbank muss ein absoluter Ordnerpfad sein, nicht „%2“</translation>
    </message>
    <message>
        <source>connector %1: advisories are blocked from severity low, medium, high or critical, not &quot;%2&quot;</source>
        <translation>Connector %1: Sicherheitshinweise werden ab dem Schweregrad „low“, „medium“, „high“ oder „critical“ gesperrt, nicht „%2“</translation>
    </message>
    <message>
        <source>connector %1: blocking advisories by severity needs an advisory database</source>
        <translation>Connector %1: Zum Sperren von Sicherheitshinweisen nach Schweregrad wird eine Advisory-Datenbank benötigt</translation>
    </message>
    <message>
        <source>connector %1: the release-age delay must be 0 to %2 days, not %3</source>
        <translation>Connector %1: Die Wartezeit ab Veröffentlichung muss 0 bis %2 Tage betragen, nicht %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sparse registry URL like https://index.crates.io/ or sparse+http://host:port/</source>
        <translation>„%1“ ist keine Sparse-Registry-URL wie https://index.crates.io/ oder sparse+http://host:port/</translation>
    </message>
    <message>
        <source>put no user or password in the URL &quot;%1&quot;; use --user and --password-stdin so that the secret goes to the keychain</source>
        <translation>geben Sie keinen Benutzer und kein Passwort in der URL „%1“ an; verwenden Sie --user und --password-stdin, damit das Geheimnis in den Schlüsselbund kommt</translation>
    </message>
    <message>
        <source>approved entry &quot;%1&quot;: %2</source>
        <comment>an approved crate as written: what is wrong with it</comment>
        <translation>freigegebener Eintrag „%1“: %2</translation>
    </message>
</context>
<context>
    <name>ConnectorListModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) changed upstream</source>
        <translation>
            <numerusform>%n Version upstream geändert</numerusform>
            <numerusform>%n Versionen upstream geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>No credentials</source>
        <translation>Keine Zugangsdaten</translation>
    </message>
    <message>
        <source>A token from the keychain</source>
        <translation>Ein Token aus dem Schlüsselbund</translation>
    </message>
    <message>
        <source>Basic authentication as %1, password in the keychain</source>
        <translation>Basic-Authentifizierung als %1, Passwort im Schlüsselbund</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s)</source>
        <translation>
            <numerusform>%n Filter</numerusform>
            <numerusform>%n Filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approved</source>
        <translation>
            <numerusform>%n freigegeben</numerusform>
            <numerusform>%n freigegeben</numerusform>
        </translation>
    </message>
    <message>
        <source>license rules</source>
        <translation>Lizenzregeln</translation>
    </message>
    <message numerus="yes">
        <source>holds new versions %n day(s)</source>
        <translation>
            <numerusform>hält neue Versionen %n Tag zurück</numerusform>
            <numerusform>hält neue Versionen %n Tage zurück</numerusform>
        </translation>
    </message>
    <message>
        <source>advisories: blocks malware</source>
        <translation>Sicherheitshinweise: sperrt Schadsoftware</translation>
    </message>
    <message>
        <source>advisories: blocks malware and %1 or worse</source>
        <translation>Sicherheitshinweise: sperrt Schadsoftware und ab %1</translation>
    </message>
    <message>
        <source>serves everything</source>
        <translation>liefert alles aus</translation>
    </message>
    <message>
        <source>%1 %2: first sha256 %3 (%4), now %5 (%6)</source>
        <translation>%1 %2: zuerst sha256 %3 (%4), jetzt %5 (%6)</translation>
    </message>
</context>
<context>
    <name>ConnectorSaver</name>
    <message>
        <source>the local feed already has a connector named %1; remove it first</source>
        <translation>der lokale Feed hat bereits einen Connector namens %1; entfernen Sie ihn zuerst</translation>
    </message>
    <message>
        <source>the connector %1 needs a secret, and none was given</source>
        <translation>der Connector %1 braucht ein Geheimnis, aber es wurde keines angegeben</translation>
    </message>
    <message>
        <source>its secret could not be kept in the keychain: %1</source>
        <translation>sein Geheimnis konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>the local feed has no connector named %1</source>
        <translation>der lokale Feed hat keinen Connector namens %1</translation>
    </message>
    <message>
        <source>the connector %1 authenticates another way now and needs its new secret</source>
        <translation>der Connector %1 authentifiziert sich jetzt auf andere Weise und braucht sein neues Geheimnis</translation>
    </message>
    <message>
        <source>the connector needs no secret now, but its old one stays in the keychain: %1</source>
        <translation>der Connector braucht jetzt kein Geheimnis mehr, aber sein altes bleibt im Schlüsselbund: %1</translation>
    </message>
    <message>
        <source>the new secret could not be kept in the keychain, so nothing changed: %1</source>
        <translation>das neue Geheimnis konnte nicht im Schlüsselbund gespeichert werden, daher wurde nichts geändert: %1</translation>
    </message>
    <message>
        <source>the connector is removed, but its secret stays in the keychain: %1</source>
        <translation>der Connector ist entfernt, aber sein Geheimnis bleibt im Schlüsselbund: %1</translation>
    </message>
</context>
<context>
    <name>ConnectorStore</name>
    <message>
        <source>cannot save the connector %1</source>
        <translation>der Connector %1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>the local feed has no connector named %1</source>
        <translation>der lokale Feed hat keinen Connector namens %1</translation>
    </message>
    <message>
        <source>cannot remove the connector %1</source>
        <translation>der Connector %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>the feed&apos;s database could not be written</source>
        <translation>die Datenbank des Feeds konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>connector %1 has no changed version %2@%3 to accept</source>
        <translation>Connector %1 hat keine geänderte Version %2@%3, die angenommen werden könnte</translation>
    </message>
</context>
<context>
    <name>CrateAcrossFeedsDialog</name>
    <message>
        <source>%1 in Every Feed</source>
        <translation>%1 in allen Feeds</translation>
    </message>
    <message numerus="yes">
        <source>Asking %n feed(s) for %1…</source>
        <translation>
            <numerusform>%n Feed wird nach %1 gefragt …</numerusform>
            <numerusform>%n Feeds werden nach %1 gefragt …</numerusform>
        </translation>
    </message>
    <message>
        <source>Versions of %1 by feed</source>
        <translation>Versionen von %1 nach Feed</translation>
    </message>
    <message numerus="yes">
        <source>%1 is in %2 of %n feed(s).</source>
        <translation>
            <numerusform>%1 ist in %2 von %n Feed.</numerusform>
            <numerusform>%1 ist in %2 von %n Feeds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Different bytes under the same version: %1 %2. A version never changes once published, so one of these feeds serves a different build, perhaps a substitute. Find out which before you build with it.</source>
        <translation>Unterschiedliche Bytes unter derselben Version: %1 %2. Eine veröffentlichte Version ändert sich nie, also liefert einer dieser Feeds einen anderen Build aus, vielleicht einen untergeschobenen. Finden Sie heraus, welcher, bevor Sie damit bauen.</translation>
    </message>
</context>
<context>
    <name>CrateAcrossFeedsModel</name>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>DIFFERENT</source>
        <translation>ABWEICHEND</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The same version with other bytes:
%1</source>
        <translation>Dieselbe Version mit anderen Bytes:
%1</translation>
    </message>
    <message>
        <source>yanked</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>sha256 %1</source>
        <translation>sha256 %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Checksums</source>
        <translation>Prüfsummen</translation>
    </message>
    <message>
        <source>%1 (not reached)</source>
        <translation>%1 (nicht erreicht)</translation>
    </message>
    <message>
        <source>%1 (no such crate)</source>
        <translation>%1 (kein solches Crate)</translation>
    </message>
    <message>
        <source>%1 (cached)</source>
        <translation>%1 (zwischengespeichert)</translation>
    </message>
</context>
<context>
    <name>CrateArchive</name>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: the file is %2, more than the %3 a .crate may have</source>
        <translation>%1: die Datei ist %2 groß, mehr als die %3, die eine .crate-Datei haben darf</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the .crate is %1, more than the %2 allowed</source>
        <translation>die .crate-Datei ist %1 groß, mehr als die erlaubten %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>crate file: problem</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CrateBrowser</name>
    <message>
        <source>Listing the crates of %1</source>
        <translation>Crates von %1 werden aufgelistet</translation>
    </message>
    <message>
        <source>Could not list the crates of %1</source>
        <translation>Die Crates von %1 konnten nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 has no valid sha256 checksum in the index, so it is not opened</source>
        <translation>%1 hat im Index keine gültige sha256-Prüfsumme und wird daher nicht geöffnet</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>Could not download %1</source>
        <translation>%1 konnte nicht heruntergeladen werden</translation>
    </message>
    <message>
        <source>Yanking %1@%2</source>
        <translation>%1@%2 wird zurückgezogen</translation>
    </message>
    <message>
        <source>Unyanking %1@%2</source>
        <translation>Zurückziehen von %1@%2 wird aufgehoben</translation>
    </message>
    <message>
        <source>Could not yank %1@%2</source>
        <translation>%1@%2 konnte nicht zurückgezogen werden</translation>
    </message>
    <message>
        <source>Could not unyank %1@%2</source>
        <translation>Das Zurückziehen von %1@%2 konnte nicht aufgehoben werden</translation>
    </message>
    <message>
        <source>%1 is no file name for a crate</source>
        <translation>%1 ist kein Dateiname für ein Crate</translation>
    </message>
</context>
<context>
    <name>CrateDesk</name>
    <message>
        <source>Local feed</source>
        <translation>Lokaler Feed</translation>
    </message>
    <message>
        <source>The local feed is not running: %1</source>
        <translation>Der lokale Feed läuft nicht: %1</translation>
    </message>
    <message>
        <source>Local feed serving %1</source>
        <translation>Lokaler Feed stellt %1 bereit</translation>
    </message>
</context>
<context>
    <name>CrateDetailsView</name>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versionen</translation>
    </message>
    <message>
        <source>&amp;Dependencies</source>
        <translation>&amp;Abhängigkeiten</translation>
    </message>
    <message>
        <source>F&amp;eatures</source>
        <translation>F&amp;eatures</translation>
    </message>
    <message>
        <source>&amp;License</source>
        <translation>&amp;Lizenz</translation>
    </message>
    <message>
        <source>&amp;Readme</source>
        <translation>&amp;Readme</translation>
    </message>
    <message>
        <source>Select a file to view it.</source>
        <translation>Wählen Sie eine Datei aus, um sie anzuzeigen.</translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation>Da&amp;teien</translation>
    </message>
    <message>
        <source>&amp;Used By</source>
        <translation>Ver&amp;wendet von</translation>
    </message>
    <message>
        <source>Asking the feed what depends on %1…</source>
        <translation>Der Feed wird gefragt, was von %1 abhängt …</translation>
    </message>
    <message>
        <source>The feed does not say what depends on %1: %2</source>
        <translation>Der Feed sagt nicht, was von %1 abhängt: %2</translation>
    </message>
    <message>
        <source>The feed cannot say what depends on %1, and none of its index files this app has read so far names it. Crates never opened or resolved here are not counted.</source>
        <translation>Der Feed kann nicht sagen, was von %1 abhängt, und keine seiner Indexdateien, die diese Anwendung bisher gelesen hat, nennt es. Crates, die hier nie geöffnet oder aufgelöst wurden, sind nicht mitgezählt.</translation>
    </message>
    <message numerus="yes">
        <source>Partial: %n crate(s) among the index files this app has read from the feed depend on %1. The feed cannot say what depends on a crate, so crates never opened or resolved here are missing.</source>
        <translation>
            <numerusform>Unvollständig: %n Crate unter den Indexdateien, die diese Anwendung aus dem Feed gelesen hat, hängt von %1 ab. Der Feed kann nicht sagen, was von einem Crate abhängt, daher fehlen Crates, die hier nie geöffnet oder aufgelöst wurden.</numerusform>
            <numerusform>Unvollständig: %n Crates unter den Indexdateien, die diese Anwendung aus dem Feed gelesen hat, hängen von %1 ab. Der Feed kann nicht sagen, was von einem Crate abhängt, daher fehlen Crates, die hier nie geöffnet oder aufgelöst wurden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No crate of this feed depends on %1.</source>
        <translation>Kein Crate dieses Feeds hängt von %1 ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n crate(s) of this feed depend on %1, each with its newest version that does.</source>
        <translation>
            <numerusform>%n Crate dieses Feeds hängt von %1 ab, mit seiner neuesten Version, die das tut.</numerusform>
            <numerusform>%n Crates dieses Feeds hängen von %1 ab, jeweils mit ihrer neuesten Version, die das tut.</numerusform>
        </translation>
    </message>
    <message>
        <source>License: looking it up…</source>
        <translation>Lizenz: wird ermittelt …</translation>
    </message>
    <message>
        <source>Reading the readme of %1 %2…</source>
        <translation>Readme von %1 %2 wird gelesen …</translation>
    </message>
    <message>
        <source>The crate declares no license.</source>
        <translation>Das Crate gibt keine Lizenz an.</translation>
    </message>
    <message>
        <source>License (SPDX): %1</source>
        <translation>Lizenz (SPDX): %1</translation>
    </message>
    <message>
        <source>The .crate could not be read: %1</source>
        <translation>Die .crate-Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 has no readme.</source>
        <translation>%1 hat kein Readme.</translation>
    </message>
    <message>
        <source>The package holds no license file.</source>
        <translation>Das Paket enthält keine Lizenzdatei.</translation>
    </message>
    <message>
        <source>%1 is not text.</source>
        <translation>%1 ist kein Text.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is a binary file (%2 bytes).</source>
        <translation>%1 ist eine Binärdatei (%2 Byte).</translation>
    </message>
    <message>
        <source>No crate selected</source>
        <translation>Kein Crate ausgewählt</translation>
    </message>
    <message>
        <source>Choose a crate from the list, or drop .crate files here to publish them.</source>
        <translation>Wählen Sie ein Crate aus der Liste oder legen Sie hier .crate-Dateien ab, um sie zu veröffentlichen.</translation>
    </message>
    <message>
        <source>yanked</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>Rust %1 or newer</source>
        <translation>Rust %1 oder neuer</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n Version</numerusform>
            <numerusform>%n Versionen</numerusform>
        </translation>
    </message>
    <message>
        <source>offline: from the cache</source>
        <translation>offline: aus dem Zwischenspeicher</translation>
    </message>
    <message>
        <source>License text</source>
        <translation>Lizenztext</translation>
    </message>
    <message>
        <source>Files of the crate</source>
        <translation>Dateien des Crates</translation>
    </message>
    <message>
        <source>Content of the selected file</source>
        <translation>Inhalt der ausgewählten Datei</translation>
    </message>
    <message>
        <source>Crates that depend on this one</source>
        <translation>Crates, die von diesem abhängen</translation>
    </message>
</context>
<context>
    <name>CrateDropFilter</name>
    <message>
        <source>Only .crate files can be published; what was dropped is not a file.</source>
        <translation>Nur .crate-Dateien können veröffentlicht werden; das Abgelegte ist keine Datei.</translation>
    </message>
    <message>
        <source>%1 is not a local file; download it first, then drop the .crate file.</source>
        <translation>%1 ist keine lokale Datei; laden Sie sie zuerst herunter und legen Sie dann die .crate-Datei ab.</translation>
    </message>
    <message>
        <source>%1 is a folder; drop the .crate files inside it instead.</source>
        <translation>%1 ist ein Ordner; legen Sie stattdessen die .crate-Dateien darin ab.</translation>
    </message>
    <message>
        <source>%1 is not a .crate file; only .crate files can be published.</source>
        <translation>%1 ist keine .crate-Datei; nur .crate-Dateien können veröffentlicht werden.</translation>
    </message>
</context>
<context>
    <name>CrateFileTreeModel</name>
    <message numerus="yes">
        <source>%1 (%Ln byte(s), executable)</source>
        <translation>
            <numerusform>%1 (%Ln Byte, ausführbar)</numerusform>
            <numerusform>%1 (%Ln Byte, ausführbar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln byte(s))</source>
        <translation>
            <numerusform>%1 (%Ln Byte)</numerusform>
            <numerusform>%1 (%Ln Byte)</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>CrateFilter</name>
    <message>
        <source>filter &quot;%1&quot; is not a crate name pattern: use letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;*&apos; and &apos;?&apos;, with &apos;!&apos; in front to block</source>
        <translation>Filter „%1“ ist kein Muster für Crate-Namen: Verwenden Sie Buchstaben, Ziffern, „-“, „_“, „*“ und „?“, mit vorangestelltem „!“ zum Sperren</translation>
    </message>
</context>
<context>
    <name>CrateListModel</name>
    <message>
        <source>License: %1</source>
        <translation>Lizenz: %1</translation>
    </message>
    <message>
        <source>The listed version is yanked.</source>
        <translation>Die aufgeführte Version ist zurückgezogen.</translation>
    </message>
    <message>
        <source>The feed blocks downloads of the listed version.</source>
        <translation>Der Feed sperrt Downloads der aufgeführten Version.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>Neueste Version</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>CrateName</name>
    <message>
        <source>invalid crate name &quot;%1&quot;: %2</source>
        <translation>ungültiger Crate-Name „%1“: %2</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <source>the first character must be an ASCII letter</source>
        <translation>das erste Zeichen muss ein ASCII-Buchstabe sein</translation>
    </message>
    <message>
        <source>invalid character &apos;%1&apos;; only ASCII letters, digits, &apos;-&apos; and &apos;_&apos; are allowed</source>
        <translation>ungültiges Zeichen „%1“; erlaubt sind nur ASCII-Buchstaben, Ziffern, „-“ und „_“</translation>
    </message>
    <message numerus="yes">
        <source>%n characters, at most %1 are allowed</source>
        <translation>
            <numerusform>%n Zeichen, höchstens %1 sind erlaubt</numerusform>
            <numerusform>%n Zeichen, höchstens %1 sind erlaubt</numerusform>
        </translation>
    </message>
    <message>
        <source>it is a reserved Windows device name</source>
        <translation>der Name ist ein reservierter Windows-Gerätename</translation>
    </message>
    <message>
        <source>the name is reserved</source>
        <translation>der Name ist reserviert</translation>
    </message>
    <message>
        <source>the name is reserved (as &quot;%1&quot;)</source>
        <translation>der Name ist reserviert (als „%1“)</translation>
    </message>
    <message>
        <source>it is a Rust keyword</source>
        <translation>der Name ist ein Rust-Schlüsselwort</translation>
    </message>
</context>
<context>
    <name>CrateOverviewView</name>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Rust</source>
        <translation>Rust</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Line for Cargo.toml</source>
        <translation>Zeile für Cargo.toml</translation>
    </message>
    <message>
        <source>Paste this under [dependencies] in Cargo.toml</source>
        <translation>Unter [dependencies] in Cargo.toml einfügen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the line for Cargo.toml</source>
        <translation>Die Zeile für Cargo.toml kopieren</translation>
    </message>
    <message>
        <source>feed policy: %1</source>
        <translation>Richtlinie des Feeds: %1</translation>
    </message>
    <message>
        <source>%1 or newer</source>
        <translation>%1 oder neuer</translation>
    </message>
    <message>
        <source>edition %1</source>
        <translation>Edition %1</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Homepage</source>
        <translation>Homepage</translation>
    </message>
    <message>
        <source>Documentation (docs.rs)</source>
        <translation>Dokumentation (docs.rs)</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 of this version, %2 in all</source>
        <translation>%1 für diese Version, %2 insgesamt</translation>
    </message>
    <message>
        <source>%1 of this version</source>
        <translation>%1 für diese Version</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>%1 insgesamt</translation>
    </message>
    <message>
        <source>none listed</source>
        <translation>keine angegeben</translation>
    </message>
</context>
<context>
    <name>CratePreflight</name>
    <message>
        <source>%1 is %2, more than the %3 the feed accepts</source>
        <translation>%1 ist %2 groß, mehr als die %3, die der Feed annimmt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>crate file: problem</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the version &quot;%2&quot; is not SemVer: %3</source>
        <translation>%1: die Version „%2“ ist kein SemVer: %3</translation>
    </message>
    <message>
        <source>%1: Cargo.toml describes %2 %3, but the package folder is %4</source>
        <translation>%1: Cargo.toml beschreibt %2 %3, aber der Paketordner ist %4</translation>
    </message>
    <message>
        <source>%1: Cargo.toml says `publish = false`, so cargo would not publish it anywhere</source>
        <translation>%1: Cargo.toml legt `publish = false` fest, daher würde Cargo es nirgends veröffentlichen</translation>
    </message>
    <message>
        <source>%1: Cargo.toml allows publishing only to %2, not to %3</source>
        <translation>%1: Cargo.toml erlaubt das Veröffentlichen nur in %2, nicht in %3</translation>
    </message>
    <message>
        <source>%1 declares neither `license` nor `license-file`; users of the feed will not know its terms</source>
        <translation>%1 gibt weder `license` noch `license-file` an; Nutzer des Feeds werden seine Lizenzbedingungen nicht kennen</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <comment>a dependency (from its registry&apos;s index), one item of a list</comment>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <source>%1 depends on crates from other registries, which crates.io refuses: %2</source>
        <translation>%1 hängt von Crates aus anderen Registrys ab, was crates.io ablehnt: %2</translation>
    </message>
</context>
<context>
    <name>CratePublisher</name>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the feed %1 is no longer configured</source>
        <translation>der Feed %1 ist nicht mehr eingerichtet</translation>
    </message>
    <message>
        <source>%1 is too large to publish</source>
        <translation>%1 ist zu groß zum Veröffentlichen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 was uploaded, but %2&apos;s index did not list it within %3 s; it may appear later</source>
        <translation>%1 wurde hochgeladen, aber der Index von %2 hat es nicht innerhalb von %3 s aufgeführt; es erscheint möglicherweise später</translation>
    </message>
</context>
<context>
    <name>CrateScan</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>crate file: problem</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot start decompressing</source>
        <translation>die Dekomprimierung kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>the file is empty, not a gzip&apos;d tar</source>
        <translation>die Datei ist leer, kein gzip-komprimiertes tar-Archiv</translation>
    </message>
    <message>
        <source>not a gzip file (it starts with %1, gzip with 1f 8b)</source>
        <translation>keine gzip-Datei (sie beginnt mit %1, gzip mit 1f 8b)</translation>
    </message>
    <message>
        <source>not a deflate-compressed gzip file</source>
        <translation>keine deflate-komprimierte gzip-Datei</translation>
    </message>
    <message>
        <source>the gzip data ends early (%1 bytes)</source>
        <translation>die gzip-Daten enden vorzeitig (%1 Byte)</translation>
    </message>
    <message>
        <source>the gzip data is corrupt (tar header at offset %1)</source>
        <translation>die gzip-Daten sind beschädigt (tar-Header bei Offset %1)</translation>
    </message>
    <message>
        <source>the gzip data is corrupt (tar extension header at offset %1)</source>
        <translation>die gzip-Daten sind beschädigt (tar-Erweiterungsheader bei Offset %1)</translation>
    </message>
    <message>
        <source>the gzip data is corrupt (entry %1)</source>
        <translation>die gzip-Daten sind beschädigt (Eintrag %1)</translation>
    </message>
    <message>
        <source>the gzip data is corrupt (after the end of the tar archive)</source>
        <translation>die gzip-Daten sind beschädigt (nach dem Ende des tar-Archivs)</translation>
    </message>
    <message>
        <source>the gzip data ends early (tar header at offset %1); the file is truncated</source>
        <translation>die gzip-Daten enden vorzeitig (tar-Header bei Offset %1); die Datei ist abgeschnitten</translation>
    </message>
    <message>
        <source>the gzip data ends early (tar extension header at offset %1); the file is truncated</source>
        <translation>die gzip-Daten enden vorzeitig (tar-Erweiterungsheader bei Offset %1); die Datei ist abgeschnitten</translation>
    </message>
    <message>
        <source>the gzip data ends early (entry %1); the file is truncated</source>
        <translation>die gzip-Daten enden vorzeitig (Eintrag %1); die Datei ist abgeschnitten</translation>
    </message>
    <message>
        <source>the gzip data ends early (after the end of the tar archive); the file is truncated</source>
        <translation>die gzip-Daten enden vorzeitig (nach dem Ende des tar-Archivs); die Datei ist abgeschnitten</translation>
    </message>
    <message>
        <source>the tar archive ends early, inside tar header at offset %1</source>
        <translation>das tar-Archiv endet vorzeitig, innerhalb des tar-Headers bei Offset %1</translation>
    </message>
    <message>
        <source>the tar archive ends early, inside tar extension header at offset %1</source>
        <translation>das tar-Archiv endet vorzeitig, innerhalb des tar-Erweiterungsheaders bei Offset %1</translation>
    </message>
    <message>
        <source>the tar archive ends early, inside entry %1</source>
        <translation>das tar-Archiv endet vorzeitig, innerhalb von Eintrag %1</translation>
    </message>
    <message>
        <source>the tar archive ends early</source>
        <translation>das tar-Archiv endet vorzeitig</translation>
    </message>
    <message>
        <source>unpacks to more than %1 (while reading tar header at offset %2)</source>
        <translation>ergibt entpackt mehr als %1 (beim Lesen des tar-Headers bei Offset %2)</translation>
    </message>
    <message>
        <source>unpacks to more than %1 (while reading tar extension header at offset %2)</source>
        <translation>ergibt entpackt mehr als %1 (beim Lesen des tar-Erweiterungsheaders bei Offset %2)</translation>
    </message>
    <message>
        <source>unpacks to more than %1 (while reading entry %2)</source>
        <translation>ergibt entpackt mehr als %1 (beim Lesen von Eintrag %2)</translation>
    </message>
    <message>
        <source>unpacks to more than %1 (while reading after the end of the tar archive)</source>
        <translation>ergibt entpackt mehr als %1 (beim Lesen nach dem Ende des tar-Archivs)</translation>
    </message>
    <message>
        <source>unpacks to more than %1, over %2 times its compressed size of %3 (a decompression bomb?) (while reading tar header at offset %4)</source>
        <translation>ergibt entpackt mehr als %1, über das %2-Fache seiner komprimierten Größe von %3 (eine Dekomprimierungsbombe?) (beim Lesen des tar-Headers bei Offset %4)</translation>
    </message>
    <message>
        <source>unpacks to more than %1, over %2 times its compressed size of %3 (a decompression bomb?) (while reading tar extension header at offset %4)</source>
        <translation>ergibt entpackt mehr als %1, über das %2-Fache seiner komprimierten Größe von %3 (eine Dekomprimierungsbombe?) (beim Lesen des tar-Erweiterungsheaders bei Offset %4)</translation>
    </message>
    <message>
        <source>unpacks to more than %1, over %2 times its compressed size of %3 (a decompression bomb?) (while reading entry %4)</source>
        <translation>ergibt entpackt mehr als %1, über das %2-Fache seiner komprimierten Größe von %3 (eine Dekomprimierungsbombe?) (beim Lesen von Eintrag %4)</translation>
    </message>
    <message>
        <source>unpacks to more than %1, over %2 times its compressed size of %3 (a decompression bomb?) (while reading after the end of the tar archive)</source>
        <translation>ergibt entpackt mehr als %1, über das %2-Fache seiner komprimierten Größe von %3 (eine Dekomprimierungsbombe?) (beim Lesen nach dem Ende des tar-Archivs)</translation>
    </message>
    <message>
        <source>the tar header at offset %1 has a bad size field</source>
        <translation>der tar-Header bei Offset %1 hat ein ungültiges Größenfeld</translation>
    </message>
    <message>
        <source>a pre-POSIX (v7) tar archive; cargo writes GNU or POSIX ustar headers</source>
        <translation>ein tar-Archiv aus der Zeit vor POSIX (v7); Cargo schreibt GNU- oder POSIX-ustar-Header</translation>
    </message>
    <message>
        <source>the gzip data is not a tar archive</source>
        <translation>die gzip-Daten sind kein tar-Archiv</translation>
    </message>
    <message>
        <source>no tar header at offset %1</source>
        <translation>kein tar-Header bei Offset %1</translation>
    </message>
    <message>
        <source>the tar header at offset %1 has a bad checksum</source>
        <translation>der tar-Header bei Offset %1 hat eine falsche Prüfsumme</translation>
    </message>
    <message>
        <source>the long name at offset %1 is longer than %2 bytes</source>
        <translation>der lange Name bei Offset %1 ist länger als %2 Byte</translation>
    </message>
    <message>
        <source>the pax header at offset %1 is %2, more than the %3 allowed</source>
        <translation>der pax-Header bei Offset %1 ist %2 groß, mehr als die erlaubten %3</translation>
    </message>
    <message>
        <source>the long name at offset %1 contains a NUL byte: %2</source>
        <translation>der lange Name bei Offset %1 enthält ein NUL-Byte: %2</translation>
    </message>
    <message>
        <source>the long link name at offset %1 contains a NUL byte: %2</source>
        <translation>der lange Linkname bei Offset %1 enthält ein NUL-Byte: %2</translation>
    </message>
    <message>
        <source>the pax header at offset %1 is malformed</source>
        <translation>der pax-Header bei Offset %1 ist fehlerhaft</translation>
    </message>
    <message>
        <source>the pax header at offset %1 gives a path with a NUL byte: %2</source>
        <translation>der pax-Header bei Offset %1 gibt einen Pfad mit einem NUL-Byte an: %2</translation>
    </message>
    <message>
        <source>the pax global header at offset %1 sets a path or size for every entry</source>
        <translation>der globale pax-Header bei Offset %1 legt einen Pfad oder eine Größe für jeden Eintrag fest</translation>
    </message>
    <message>
        <source>holds more than %1 entries</source>
        <translation>enthält mehr als %1 Einträge</translation>
    </message>
    <message>
        <source>entry %1 is not valid UTF-8</source>
        <translation>Eintrag %1 ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>entry %1 has a path longer than %2 bytes</source>
        <translation>Eintrag %1 hat einen Pfad, der länger als %2 Byte ist</translation>
    </message>
    <message>
        <source>the entry at offset %1 has an empty path</source>
        <translation>der Eintrag bei Offset %1 hat einen leeren Pfad</translation>
    </message>
    <message>
        <source>entry %1 has an absolute path</source>
        <translation>Eintrag %1 hat einen absoluten Pfad</translation>
    </message>
    <message>
        <source>entry %1 contains a backslash, a folder separator on Windows</source>
        <translation>Eintrag %1 enthält einen Backslash, unter Windows ein Ordnertrennzeichen</translation>
    </message>
    <message>
        <source>entry %1 leaves the package folder</source>
        <translation>Eintrag %1 verlässt den Paketordner</translation>
    </message>
    <message>
        <source>entry %1 is not a normalized path</source>
        <translation>Eintrag %1 ist kein normalisierter Pfad</translation>
    </message>
    <message>
        <source>entry %1 is not inside a NAME-VERSION folder</source>
        <translation>Eintrag %1 liegt nicht in einem Ordner NAME-VERSION</translation>
    </message>
    <message>
        <source>the package folder %1 is not NAME-VERSION</source>
        <translation>der Paketordner %1 hat nicht die Form NAME-VERSION</translation>
    </message>
    <message>
        <source>entry %1 is outside the package folder %2</source>
        <translation>Eintrag %1 liegt außerhalb des Paketordners %2</translation>
    </message>
    <message>
        <source>entry %1 is a hard link to %2; a .crate holds only regular files</source>
        <translation>Eintrag %1 ist ein Hardlink auf %2; eine .crate-Datei enthält nur reguläre Dateien</translation>
    </message>
    <message>
        <source>entry %1 is a symbolic link to %2; a .crate holds only regular files</source>
        <translation>Eintrag %1 ist ein symbolischer Link auf %2; eine .crate-Datei enthält nur reguläre Dateien</translation>
    </message>
    <message>
        <source>entry %1 is a device; a .crate holds only regular files</source>
        <translation>Eintrag %1 ist eine Gerätedatei; eine .crate-Datei enthält nur reguläre Dateien</translation>
    </message>
    <message>
        <source>entry %1 is a FIFO; a .crate holds only regular files</source>
        <translation>Eintrag %1 ist ein FIFO; eine .crate-Datei enthält nur reguläre Dateien</translation>
    </message>
    <message>
        <source>entry %1 is of the unsupported tar type %2; a .crate holds only regular files</source>
        <translation>Eintrag %1 hat den nicht unterstützten tar-Typ %2; eine .crate-Datei enthält nur reguläre Dateien</translation>
    </message>
    <message>
        <source>entry %1 is %2, more than the %3 allowed for one file</source>
        <translation>Eintrag %1 ist %2 groß, mehr als die für eine Datei erlaubten %3</translation>
    </message>
    <message>
        <source>%1 is both a file and a folder</source>
        <translation>%1 ist sowohl eine Datei als auch ein Ordner</translation>
    </message>
    <message>
        <source>folders %1 and %2 differ only in case</source>
        <translation>die Ordner %1 und %2 unterscheiden sich nur in der Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>entry %1 appears twice</source>
        <translation>Eintrag %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>entries %1 and %2 differ only in case</source>
        <translation>die Einträge %1 und %2 unterscheiden sich nur in der Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>%1 is %2, more than the %3 allowed for a manifest</source>
        <translation>%1 ist %2 groß, mehr als die für ein Manifest erlaubten %3</translation>
    </message>
    <message>
        <source>there is data after the end of the tar archive (at offset %1, the end is at %2), which cargo would never read</source>
        <translation>nach dem Ende des tar-Archivs folgen noch Daten (bei Offset %1, das Ende liegt bei %2), die Cargo nie lesen würde</translation>
    </message>
    <message>
        <source>the gzip data unpacks to %1 bytes but its trailer says %2: it holds several gzip members (cargo writes one and reads only the first) or a wrong length</source>
        <translation>die gzip-Daten ergeben entpackt %1 Byte, ihr Trailer nennt aber %2: Die Daten enthalten mehrere gzip-Member (Cargo schreibt eines und liest nur das erste) oder eine falsche Länge</translation>
    </message>
    <message>
        <source>the archive holds no files</source>
        <translation>das Archiv enthält keine Dateien</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 is missing (there is %2, which has the wrong case)</source>
        <translation>%1 fehlt (vorhanden ist %2, in falscher Groß-/Kleinschreibung)</translation>
    </message>
</context>
<context>
    <name>CrateVersionDiff</name>
    <message>
        <source>package %1</source>
        <comment>a renamed dependency: the crate it names</comment>
        <translation>Paket %1</translation>
    </message>
    <message>
        <source>optional</source>
        <comment>a dependency</comment>
        <translation>optional</translation>
    </message>
    <message>
        <source>features %1</source>
        <comment>a dependency: the features it turns on</comment>
        <translation>Features %1</translation>
    </message>
    <message>
        <source>no default features</source>
        <comment>a dependency</comment>
        <translation>keine Standard-Features</translation>
    </message>
    <message>
        <source>from crates.io</source>
        <comment>a dependency</comment>
        <translation>aus crates.io</translation>
    </message>
    <message>
        <source>from %1</source>
        <comment>a dependency: its registry&apos;s index URL</comment>
        <translation>aus %1</translation>
    </message>
</context>
<context>
    <name>DependencyClosure</name>
    <message>
        <source>the index source is gone</source>
        <translation>die Indexquelle existiert nicht mehr</translation>
    </message>
</context>
<context>
    <name>DependencyModel</name>
    <message>
        <source>Dependencies (%1)</source>
        <translation>Abhängigkeiten (%1)</translation>
    </message>
    <message>
        <source>Build dependencies (%1)</source>
        <translation>Build-Abhängigkeiten (%1)</translation>
    </message>
    <message>
        <source>Dev dependencies (%1)</source>
        <translation>Entwicklungsabhängigkeiten (%1)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1, renamed from the crate %2 %3</source>
        <comment>dependency name, crate, version requirement</comment>
        <translation>%1, umbenannt aus dem Crate %2 %3</translation>
    </message>
    <message>
        <source>Optional: only built when a feature turns it on.</source>
        <translation>Optional: Wird nur gebaut, wenn ein Feature sie aktiviert.</translation>
    </message>
    <message>
        <source>Only for target %1</source>
        <translation>Nur für Zielplattform %1</translation>
    </message>
    <message>
        <source>Without its default features.</source>
        <translation>Ohne ihre Standard-Features.</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>Features: %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Anforderung</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielplattform</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Features</translation>
    </message>
    <message>
        <source>Default features</source>
        <translation>Standard-Features</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
</context>
<context>
    <name>ExtraCaCertificates</name>
    <message>
        <source>The CA certificates file %1 cannot be read: %2</source>
        <translation>Die Datei der Zertifizierungsstellen %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA certificates file %1 is larger than %2 MiB; it should hold PEM certificates only.</source>
        <translation>Die Datei der Zertifizierungsstellen %1 ist größer als %2 MiB; sie sollte nur PEM-Zertifikate enthalten.</translation>
    </message>
    <message>
        <source>The CA certificates file %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>Die Datei der Zertifizierungsstellen %1 enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----).</translation>
    </message>
</context>
<context>
    <name>FeatureModel</name>
    <message>
        <source>feature %1</source>
        <translation>Feature %1</translation>
    </message>
    <message>
        <source>optional dependency %1</source>
        <translation>optionale Abhängigkeit %1</translation>
    </message>
    <message>
        <source>feature %1 of %2, if %2 is enabled otherwise</source>
        <translation>Feature %1 von %2, sofern %2 anderweitig aktiviert ist</translation>
    </message>
    <message>
        <source>feature %1 of %2</source>
        <translation>Feature %1 von %2</translation>
    </message>
    <message>
        <source>Implicit feature: turns on the optional dependency %1.</source>
        <translation>Implizites Feature: Aktiviert die optionale Abhängigkeit %1.</translation>
    </message>
    <message>
        <source>Enabled unless a dependent sets default-features = false.</source>
        <translation>Aktiviert, sofern kein abhängiges Crate default-features = false setzt.</translation>
    </message>
    <message>
        <source>Part of the default feature set.</source>
        <translation>Gehört zu den Standard-Features.</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Feature</translation>
    </message>
    <message>
        <source>Enables</source>
        <translation>Aktiviert</translation>
    </message>
</context>
<context>
    <name>FeedConnectionResult</name>
    <message>
        <source>The sparse index at %1 answers.</source>
        <translation>Der Sparse-Index unter %1 antwortet.</translation>
    </message>
    <message>
        <source>Every request needs credentials (auth-required).</source>
        <translation>Jede Anfrage braucht Zugangsdaten (auth-required).</translation>
    </message>
    <message>
        <source>Every request needs credentials (auth-required); yours were accepted.</source>
        <translation>Jede Anfrage braucht Zugangsdaten (auth-required); Ihre wurden angenommen.</translation>
    </message>
    <message>
        <source>Public: reading needs no credentials.</source>
        <translation>Öffentlich: Lesen braucht keine Zugangsdaten.</translation>
    </message>
    <message>
        <source>No web API: browsing and downloading only, no publishing or yanking.</source>
        <translation>Keine Web-API: nur Durchsuchen und Herunterladen, kein Veröffentlichen oder Zurückziehen.</translation>
    </message>
    <message>
        <source>Web API at %1 (search, publish, yank, owners).</source>
        <translation>Web-API unter %1 (Suchen, Veröffentlichen, Zurückziehen, Eigentümer).</translation>
    </message>
    <message>
        <source>ProGet detected.</source>
        <translation>ProGet erkannt.</translation>
    </message>
</context>
<context>
    <name>FeedDialog</name>
    <message>
        <source>Check the URL and your connection, or whether the server is running. You can save the feed anyway and use it once it is reachable.</source>
        <translation>Prüfen Sie die URL und Ihre Verbindung oder ob der Server läuft. Sie können den Feed trotzdem speichern und verwenden, sobald er erreichbar ist.</translation>
    </message>
    <message>
        <source>There is no config.json at this URL: check the path, which is the index URL of the feed, not its web page.</source>
        <translation>Unter dieser URL gibt es keine config.json: Prüfen Sie den Pfad. Gemeint ist die Index-URL des Feeds, nicht seine Webseite.</translation>
    </message>
    <message>
        <source>The server answered, but not as a Cargo sparse index: check that the URL points at the feed&apos;s index.</source>
        <translation>Der Server hat geantwortet, aber nicht als Cargo-Sparse-Index: Prüfen Sie, ob die URL auf den Index des Feeds zeigt.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>Ver&amp;gessen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Add Feed</source>
        <translation>Feed hinzufügen</translation>
    </message>
    <message>
        <source>The name cargo knows this feed by: --registry NAME</source>
        <translation>Der Name, unter dem Cargo diesen Feed kennt: --registry NAME</translation>
    </message>
    <message>
        <source>The sparse index URL, with or without &quot;sparse+&quot;, ending in &apos;/&apos;</source>
        <translation>Die URL des Sparse-Index, mit oder ohne „sparse+“, endet auf „/“</translation>
    </message>
    <message>
        <source>None (public feed)</source>
        <translation>Keine (öffentlicher Feed)</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>User name and password (Basic)</source>
        <translation>Benutzername und Passwort (Basic)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Index &amp;URL:</source>
        <translation>Index-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Read the feed&apos;s config.json with these settings, without saving them</source>
        <translation>Die config.json des Feeds mit diesen Einstellungen lesen, ohne sie zu speichern</translation>
    </message>
    <message>
        <source>Edit Feed %1</source>
        <translation>Feed %1 bearbeiten</translation>
    </message>
    <message>
        <source>A feed&apos;s name cannot change; remove the feed and add it again to rename it</source>
        <translation>Der Name eines Feeds lässt sich nicht ändern; entfernen Sie den Feed und fügen Sie ihn neu hinzu, um ihn umzubenennen</translation>
    </message>
    <message>
        <source>Credentials for %1</source>
        <translation>Zugangsdaten für %1</translation>
    </message>
    <message>
        <source>%1
Enter the %2 and save, or test the connection first.</source>
        <translation>%1
Geben Sie das %2 ein und speichern Sie, oder testen Sie zuerst die Verbindung.</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>To&amp;ken:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft …</translation>
    </message>
    <message>
        <source>A %1 is stored in the keychain. Leave the field empty to keep it.</source>
        <translation>Ein %1 ist im Schlüsselbund gespeichert. Lassen Sie das Feld leer, um es zu behalten.</translation>
    </message>
    <message>
        <source>The stored %1 will be replaced when you save.</source>
        <translation>Das gespeicherte %1 wird beim Speichern ersetzt.</translation>
    </message>
    <message>
        <source>The stored %1 will be forgotten when you save; CrateDesk asks again when the feed wants one.</source>
        <translation>Das gespeicherte %1 wird beim Speichern vergessen; CrateDesk fragt erneut, wenn der Feed eines verlangt.</translation>
    </message>
    <message>
        <source>No %1 is stored in the keychain.</source>
        <translation>Im Schlüsselbund ist kein %1 gespeichert.</translation>
    </message>
    <message>
        <source>Stored in the system keychain when you save, never in a file.</source>
        <translation>Wird beim Speichern im Schlüsselbund des Systems abgelegt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>Be&amp;halten</translation>
    </message>
    <message>
        <source>Keep the stored %1</source>
        <translation>Das gespeicherte %1 behalten</translation>
    </message>
    <message>
        <source>Remove the stored %1 from the keychain when you save</source>
        <translation>Das gespeicherte %1 beim Speichern aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Enter a name for the feed, such as my-company.</source>
        <translation>Geben Sie einen Namen für den Feed ein, etwa my-company.</translation>
    </message>
    <message>
        <source>&quot;local&quot; is the embedded feed&apos;s name; choose another name.</source>
        <translation>„local“ ist der Name des eingebauten Feeds; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>A feed called &quot;%1&quot; already exists; choose another name or edit that feed.</source>
        <translation>Ein Feed namens „%1“ existiert bereits; wählen Sie einen anderen Namen oder bearbeiten Sie diesen Feed.</translation>
    </message>
    <message>
        <source>Enter the feed&apos;s index URL, such as sparse+https://cargo.example.com/index/.</source>
        <translation>Geben Sie die Index-URL des Feeds ein, etwa sparse+https://cargo.example.com/index/.</translation>
    </message>
    <message>
        <source>Enter the user name for Basic authentication.</source>
        <translation>Geben Sie den Benutzernamen für die Basic-Authentifizierung ein.</translation>
    </message>
    <message>
        <source>Enter the %1, or choose None if the feed is public.</source>
        <translation>Geben Sie das %1 ein oder wählen Sie „Keine“, wenn der Feed öffentlich ist.</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Verbindung zu %1 wird getestet …</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;The feed is online.&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Der Feed ist erreichbar.&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;The server said: %1</source>
        <translation>&lt;br&gt;Der Server meldet: %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Get a token at &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</source>
        <translation>&lt;br&gt;Ein Token erhalten Sie unter &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The connection test failed.&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Der Verbindungstest ist fehlgeschlagen.&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>FeedListModel</name>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline: showing the cache</source>
        <translation>offline: Zwischenspeicher wird angezeigt</translation>
    </message>
    <message>
        <source>needs credentials</source>
        <translation>braucht Zugangsdaten</translation>
    </message>
    <message>
        <source>%1 (served by CrateDesk)</source>
        <translation>%1 (von CrateDesk bereitgestellt)</translation>
    </message>
</context>
<context>
    <name>FeedOwnership</name>
    <message>
        <source>cannot write the feed&apos;s ownership key %1: %2</source>
        <translation>der Besitzschlüssel %1 des Feeds kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create the feed&apos;s ownership key %1: %2</source>
        <translation>der Besitzschlüssel %1 des Feeds kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>%1 does not exist: the local feed of %2 has not been started by this version of CrateDesk</source>
        <translation>%1 existiert nicht: Der lokale Feed von %2 wurde nicht von dieser Version von CrateDesk gestartet</translation>
    </message>
    <message>
        <source>%1 is not a file of this user, so it cannot prove who serves the feed</source>
        <translation>%1 ist keine Datei dieses Benutzers und kann daher nicht belegen, wer den Feed bereitstellt</translation>
    </message>
    <message>
        <source>%1 may be read or written by other users (chmod 600 it), so it cannot prove who serves the feed</source>
        <translation>%1 kann von anderen Benutzern gelesen oder geschrieben werden (chmod 600 darauf anwenden) und kann daher nicht belegen, wer den Feed bereitstellt</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a CrateDesk ownership key</source>
        <translation>%1 ist kein CrateDesk-Besitzschlüssel</translation>
    </message>
</context>
<context>
    <name>FeedRemover</name>
    <message>
        <source>the feed&apos;s credential could not be removed from the keychain: %1</source>
        <translation>die Zugangsdaten des Feeds konnten nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>FeedSaver</name>
    <message>
        <source>the credential could not be stored in the keychain, so the feed was not saved: %1</source>
        <translation>die Zugangsdaten konnten nicht im Schlüsselbund gespeichert werden, daher wurde der Feed nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>the old credential could not be removed from the keychain: %1</source>
        <translation>die alten Zugangsdaten konnten nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>FeedSessions</name>
    <message>
        <source>the settings of the feed %1 changed</source>
        <translation>die Einstellungen des Feeds %1 haben sich geändert</translation>
    </message>
    <message>
        <source>the feed %1 was edited or removed</source>
        <translation>der Feed %1 wurde bearbeitet oder entfernt</translation>
    </message>
</context>
<context>
    <name>FeedSettings</name>
    <message>
        <source>&quot;%1&quot; cannot name a feed: use letters, digits, &apos;-&apos; and &apos;_&apos;, starting with a letter</source>
        <translation>„%1“ ist als Feed-Name nicht möglich: Verwenden Sie Buchstaben, Ziffern, „-“ und „_“, beginnend mit einem Buchstaben</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>FeedStore</name>
    <message>
        <source>cannot create the feed folder: %1</source>
        <translation>der Ordner des Feeds kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>the local feed in %1 is already in use by process %2; stop it first</source>
        <translation>der lokale Feed in %1 wird bereits von Prozess %2 verwendet; beenden Sie diesen zuerst</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot configure %1: %2</source>
        <translation>%1 kann nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>cannot open %1 to read: %2</source>
        <translation>%1 kann nicht zum Lesen geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not in WAL mode: a reader would block the writer</source>
        <translation>%1 ist nicht im WAL-Modus: ein Leser würde den Schreiber blockieren</translation>
    </message>
</context>
<context>
    <name>FeedUrl</name>
    <message>
        <source>&quot;%1&quot; is a git index; CrateDesk reads sparse feeds (sparse+https://…/)</source>
        <translation>„%1“ ist ein Git-Index; CrateDesk liest Sparse-Feeds (sparse+https://…/)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL; a feed looks like sparse+https://host/path/</source>
        <translation>„%1“ ist keine URL; ein Feed hat die Form sparse+https://host/path/</translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses %2:, but a sparse feed is served over https (or http)</source>
        <translation>„%1“ verwendet %2:, aber ein Sparse-Feed wird über https (oder http) bereitgestellt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a password; cargo refuses that, so store it as the feed&apos;s credentials instead</source>
        <translation>„%1“ enthält ein Passwort; Cargo lehnt das ab, speichern Sie es daher stattdessen als Zugangsdaten des Feeds</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a query or fragment, which a feed&apos;s index URL cannot have</source>
        <translation>„%1“ hat einen Query-Teil oder ein Fragment, was die Index-URL eines Feeds nicht haben kann</translation>
    </message>
    <message>
        <source>the index URL must end in &apos;/&apos;: use %1/</source>
        <translation>die Index-URL muss auf „/“ enden: Verwenden Sie %1/</translation>
    </message>
</context>
<context>
    <name>FilterListEditor</name>
    <message>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Crate name patterns with &lt;b&gt;*&lt;/b&gt; and &lt;b&gt;?&lt;/b&gt;. Blocked patterns (shown with &lt;b&gt;!&lt;/b&gt;) always win; once any allow pattern exists, only matching crates are served.</source>
        <translation>Muster für Crate-Namen mit &lt;b&gt;*&lt;/b&gt; und &lt;b&gt;?&lt;/b&gt;. Sperrmuster (mit &lt;b&gt;!&lt;/b&gt; angezeigt) haben immer Vorrang; sobald es ein Erlaubnismuster gibt, werden nur passende Crates ausgeliefert.</translation>
    </message>
    <message>
        <source>serde*, tokio-?, left-pad</source>
        <translation>serde*, tokio-?, left-pad</translation>
    </message>
    <message>
        <source>Block  %1</source>
        <translation>Sperren  %1</translation>
    </message>
    <message>
        <source>Allow  %1</source>
        <translation>Erlauben  %1</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>%1 answered in the Content-Encoding &quot;%2&quot;, which CrateDesk did not ask for</source>
        <translation>%1 hat mit dem Content-Encoding „%2“ geantwortet, das CrateDesk nicht angefordert hat</translation>
    </message>
    <message>
        <source>%1 sent more than the %2 CrateDesk accepts for this answer; nothing was kept</source>
        <translation>%1 hat mehr als die %2 gesendet, die CrateDesk für diese Antwort annimmt; nichts wurde behalten</translation>
    </message>
    <message>
        <source>%1 sent a gzip body that is not gzip; nothing was kept</source>
        <translation>%1 hat einen gzip-Body gesendet, der kein gzip ist; nichts wurde behalten</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 redirects too often or to an invalid place</source>
        <translation>%1 leitet zu oft oder an ein ungültiges Ziel weiter</translation>
    </message>
    <message>
        <source>the download from %1 is corrupt: its sha256 is %2 but the index says %3; nothing was saved</source>
        <translation>der Download von %1 ist beschädigt: Sein sha256 ist %2, laut Index aber %3; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1 timed out: the server sent nothing for %2 s</source>
        <translation>Zeitüberschreitung bei %1: Der Server hat %2 s lang nichts gesendet</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <comment>request: the network library&apos;s reason</comment>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 failed: its gzip stream ended early</source>
        <translation>%1 fehlgeschlagen: Der gzip-Stream endete vorzeitig</translation>
    </message>
    <message>
        <source>%1 failed: the connection ended after %2 of %3 bytes</source>
        <translation>%1 fehlgeschlagen: Die Verbindung endete nach %2 von %3 Byte</translation>
    </message>
    <message>
        <source>%1 answered %2 %3</source>
        <comment>request, HTTP status, the server&apos;s reason phrase</comment>
        <translation>%1 hat mit %2 %3 geantwortet</translation>
    </message>
    <message>
        <source>%1 answered %2 %3: %4</source>
        <comment>request, HTTP status, the server&apos;s reason phrase: its words</comment>
        <translation>%1 hat mit %2 %3 geantwortet: %4</translation>
    </message>
</context>
<context>
    <name>IndexEntry</name>
    <message>
        <source>dev-dependencies are not allowed to be optional: `%1`</source>
        <translation>Entwicklungsabhängigkeiten (dev-dependencies) dürfen nicht optional sein: `%1`</translation>
    </message>
    <message>
        <source>feature `%1` includes `%2` which is neither a dependency nor another feature</source>
        <translation>Feature `%1` enthält `%2`, das weder eine Abhängigkeit noch ein anderes Feature ist</translation>
    </message>
    <message>
        <source>feature `%1` includes `%2`, but `%2` is not an optional dependency</source>
        <translation>Feature `%1` enthält `%2`, aber `%2` ist keine optionale Abhängigkeit</translation>
    </message>
    <message>
        <source>feature `%1` includes `%2`, but `%2` is an optional dependency without an implicit feature</source>
        <translation>Feature `%1` enthält `%2`, aber `%2` ist eine optionale Abhängigkeit ohne implizites Feature</translation>
    </message>
    <message>
        <source>feature `%1` includes `%2`, but `%3` is not listed as a dependency</source>
        <translation>Feature `%1` enthält `%2`, aber `%3` ist nicht als Abhängigkeit aufgeführt</translation>
    </message>
    <message>
        <source>feature `%1` includes `%2`, but `%3` is not an optional dependency</source>
        <translation>Feature `%1` enthält `%2`, aber `%3` ist keine optionale Abhängigkeit</translation>
    </message>
    <message>
        <source>multiple slashes in feature `%1` (included by feature `%2`) are not allowed</source>
        <translation>mehrere Schrägstriche in Feature `%1` (enthalten in Feature `%2`) sind nicht erlaubt</translation>
    </message>
    <message>
        <source>feature `%1` includes `%2` with both `dep:` and `/`</source>
        <translation>Feature `%1` enthält `%2` mit sowohl `dep:` als auch `/`</translation>
    </message>
    <message>
        <source>feature `%1` includes `%2`, but `%3` is not a dependency</source>
        <translation>Feature `%1` enthält `%2`, aber `%3` ist keine Abhängigkeit</translation>
    </message>
    <message>
        <source>feature `%1` includes `%2` with a `?`, but `%3` is not an optional dependency</source>
        <translation>Feature `%1` enthält `%2` mit einem `?`, aber `%3` ist keine optionale Abhängigkeit</translation>
    </message>
    <message>
        <source>unexpected prerelease field, expected a version like &quot;1.32&quot;</source>
        <translation>unerwartetes Pre-Release-Feld, erwartet wird eine Version wie „1.32“</translation>
    </message>
    <message>
        <source>unexpected build field, expected a version like &quot;1.32&quot;</source>
        <translation>unerwartetes Build-Feld, erwartet wird eine Version wie „1.32“</translation>
    </message>
    <message>
        <source>expected a version like &quot;1.32&quot;</source>
        <translation>erwartet wird eine Version wie „1.32“</translation>
    </message>
    <message>
        <source>unexpected version requirement, expected a version like &quot;1.32&quot;</source>
        <translation>unerwartete Versionsanforderung, erwartet wird eine Version wie „1.32“</translation>
    </message>
</context>
<context>
    <name>IndexFileParser</name>
    <message>
        <source>failed to parse `%1` as a cfg expression</source>
        <translation>`%1` konnte nicht als cfg-Ausdruck geparst werden</translation>
    </message>
    <message>
        <source>unexpected `(` character in `%1`, cfg expressions must start with `cfg(`</source>
        <translation>unerwartetes Zeichen `(` in `%1`, cfg-Ausdrücke müssen mit `cfg(` beginnen</translation>
    </message>
    <message>
        <source>unexpected character %1 in target name `%2`</source>
        <translation>unerwartetes Zeichen %1 im Namen der Zielplattform `%2`</translation>
    </message>
    <message>
        <source>invalid type for `%1` of dependency `%2`: expected a string</source>
        <translation>ungültiger Typ für `%1` der Abhängigkeit `%2`: Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>invalid type for `%1`: expected a string</source>
        <translation>ungültiger Typ für `%1`: Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>invalid type for `%1` of dependency `%2`: expected a boolean</source>
        <translation>ungültiger Typ für `%1` der Abhängigkeit `%2`: boolescher Wert erwartet</translation>
    </message>
    <message>
        <source>invalid type for `%1`: expected a boolean</source>
        <translation>ungültiger Typ für `%1`: boolescher Wert erwartet</translation>
    </message>
    <message>
        <source>invalid type for `%1`: expected a map</source>
        <translation>ungültiger Typ für `%1`: Map erwartet</translation>
    </message>
    <message>
        <source>deps[%1] is not an object</source>
        <translation>deps[%1] ist kein Objekt</translation>
    </message>
    <message>
        <source>deps[%1] has no name</source>
        <translation>deps[%1] hat keinen Namen</translation>
    </message>
    <message>
        <source>missing field `req` of dependency `%1`</source>
        <translation>Feld `req` der Abhängigkeit `%1` fehlt</translation>
    </message>
    <message>
        <source>failed to parse the version requirement `%1` for dependency `%2`: %3</source>
        <translation>die Versionsanforderung `%1` der Abhängigkeit `%2` konnte nicht geparst werden: %3</translation>
    </message>
    <message>
        <source>duplicate field `%1` of dependency `%2`</source>
        <translation>doppeltes Feld `%1` in der Abhängigkeit `%2`</translation>
    </message>
    <message>
        <source>invalid registry URL `%1` of dependency `%2`</source>
        <translation>ungültige Registry-URL `%1` der Abhängigkeit `%2`</translation>
    </message>
    <message>
        <source>invalid type for `public` of dependency `%1`</source>
        <translation>ungültiger Typ für `public` der Abhängigkeit `%1`</translation>
    </message>
    <message>
        <source>invalid type for the features of dependency `%1`: expected a list of strings</source>
        <translation>ungültiger Typ für die Features der Abhängigkeit `%1`: Liste von Zeichenketten erwartet</translation>
    </message>
    <message>
        <source>invalid type for `artifact` of dependency `%1`: expected a list of strings</source>
        <translation>ungültiger Typ für `artifact` der Abhängigkeit `%1`: Liste von Zeichenketten erwartet</translation>
    </message>
    <message>
        <source>invalid type for feature `%1`: expected a list of strings</source>
        <translation>ungültiger Typ für das Feature `%1`: Liste von Zeichenketten erwartet</translation>
    </message>
    <message>
        <source>invalid type in the features of dependency `%1`: expected a string</source>
        <translation>ungültiger Typ in den Features der Abhängigkeit `%1`: Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>invalid type in `artifact` of dependency `%1`: expected a string</source>
        <translation>ungültiger Typ in `artifact` der Abhängigkeit `%1`: Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>invalid type in feature `%1`: expected a string</source>
        <translation>ungültiger Typ im Feature `%1`: Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>invalid</source>
        <comment>a version requirement</comment>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>kein JSON: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no `name` string</source>
        <translation>keine Zeichenkette `name`</translation>
    </message>
    <message>
        <source>no `vers` string</source>
        <translation>keine Zeichenkette `vers`</translation>
    </message>
    <message>
        <source>duplicate field `%1`</source>
        <translation>doppeltes Feld `%1`</translation>
    </message>
    <message>
        <source>missing field `deps`</source>
        <translation>Feld `deps` fehlt</translation>
    </message>
    <message>
        <source>invalid type for `deps`: expected a list</source>
        <translation>ungültiger Typ für `deps`: Liste erwartet</translation>
    </message>
    <message>
        <source>missing field `cksum`</source>
        <translation>Feld `cksum` fehlt</translation>
    </message>
    <message>
        <source>invalid value for `v`: expected an unsigned 32-bit integer</source>
        <translation>ungültiger Wert für `v`: vorzeichenlose 32-Bit-Ganzzahl erwartet</translation>
    </message>
    <message>
        <source>invalid `rust_version` &quot;%1&quot;: %2</source>
        <translation>ungültige `rust_version` „%1“: %2</translation>
    </message>
    <message>
        <source>invalid `pubtime` &quot;%1&quot;: expected YYYY-MM-DDTHH:MM:SSZ</source>
        <translation>ungültige `pubtime` „%1“: YYYY-MM-DDTHH:MM:SSZ erwartet</translation>
    </message>
    <message>
        <source>the line names `%1`, not the crate `%2` its file is for</source>
        <translation>die Zeile nennt `%1`, nicht das Crate `%2`, zu dem ihre Datei gehört</translation>
    </message>
    <message>
        <source>version %1 has no valid sha256 `cksum`, so it cannot be downloaded safely</source>
        <translation>Version %1 hat keine gültige sha256-Prüfsumme in `cksum` und kann daher nicht sicher heruntergeladen werden</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <comment>index file line number: why the line was left out</comment>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>Für %1 ist kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>The keychain refused access to %1 (%2). Unlock the keyring and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff auf %1 verweigert (%2). Entsperren Sie den Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain is available (%1). Start a Secret Service such as GNOME Keyring or KWallet.</source>
        <translation>Es ist kein Schlüsselbund verfügbar (%1). Starten Sie einen Secret Service wie GNOME Keyring oder KWallet.</translation>
    </message>
    <message>
        <source>The keychain failed for %1: %2</source>
        <translation>Der Schlüsselbund ist für %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>LocalConnectorDialog</name>
    <message>
        <source>Add Upstream Connector</source>
        <translation>Upstream-Connector hinzufügen</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>crates-io</source>
        <translation>crates-io</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>User name and password (Basic)</source>
        <translation>Benutzername und Passwort (Basic)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Index URL:</source>
        <translation>&amp;Index-URL:</translation>
    </message>
    <message>
        <source>The upstream&apos;s sparse index, with or without &quot;sparse+&quot;. Cargo never talks to it: the local feed fetches, checks and caches for it.</source>
        <translation>Der Sparse-Index des Upstreams, mit oder ohne „sparse+“. Cargo spricht nie direkt mit ihm: Der lokale Feed holt, prüft und speichert für Cargo zwischen.</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;Cache index files for:</source>
        <translation>Index&amp;dateien zwischenspeichern für:</translation>
    </message>
    <message>
        <source>serde ^1.0
tokio &gt;=1.38, &lt;2
log</source>
        <translation>serde ^1.0
tokio &gt;=1.38, &lt;2
log</translation>
    </message>
    <message>
        <source>&amp;Approved crates (optional), one per line with a version requirement:</source>
        <translation>&amp;Freigegebene Crates (optional), eines pro Zeile mit Versionsanforderung:</translation>
    </message>
    <message>
        <source>With an approved list, only the listed crates and versions come through this connector.</source>
        <translation>Mit einer Freigabeliste kommen nur die aufgeführten Crates und Versionen über diesen Connector.</translation>
    </message>
    <message>
        <source>Serve versions whose license is neither allowed nor blocked</source>
        <translation>Versionen ausliefern, deren Lizenz weder erlaubt noch gesperrt ist</translation>
    </message>
    <message>
        <source>A&amp;llowed licenses:</source>
        <translation>&amp;Erlaubte Lizenzen:</translation>
    </message>
    <message>
        <source>&amp;Blocked licenses:</source>
        <translation>&amp;Gesperrte Lizenzen:</translation>
    </message>
    <message>
        <source>SPDX expressions are evaluated: &quot;MIT OR GPL-3.0-only&quot; passes when either side does, &quot;MIT AND Zlib&quot; only when both do, and &quot;Apache-2.0 WITH LLVM-exception&quot; is judged as written or else by its license. A blocked version stays in the index cargo sees, marked yanked, so that a new resolution skips it; its download and CrateDesk say why.</source>
        <translation>SPDX-Ausdrücke werden ausgewertet: „MIT OR GPL-3.0-only“ besteht, wenn eine der beiden Seiten besteht, „MIT AND Zlib“ nur, wenn beide bestehen, und „Apache-2.0 WITH LLVM-exception“ wird so bewertet, wie es dasteht, sonst nach seiner Lizenz. Eine gesperrte Version bleibt in dem Index, den Cargo sieht, als zurückgezogen markiert, sodass eine neue Auflösung sie überspringt; ihr Download und CrateDesk nennen den Grund.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>my-company-crate
serde =1.0.219</source>
        <translation>my-company-crate
serde =1.0.219</translation>
    </message>
    <message>
        <source>a clone of github.com/rustsec/advisory-db</source>
        <translation>ein Klon von github.com/rustsec/advisory-db</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen …</translation>
    </message>
    <message>
        <source>Only malicious code</source>
        <translation>Nur Schadcode</translation>
    </message>
    <message>
        <source>Critical vulnerabilities too</source>
        <translation>Auch kritische Schwachstellen</translation>
    </message>
    <message>
        <source>High and critical too</source>
        <translation>Auch hohe und kritische</translation>
    </message>
    <message>
        <source>Medium and worse too</source>
        <translation>Auch mittlere und schwerere</translation>
    </message>
    <message>
        <source>Every scored vulnerability too</source>
        <translation>Auch jede bewertete Schwachstelle</translation>
    </message>
    <message>
        <source>&amp;Hold new versions for:</source>
        <translation>&amp;Neue Versionen zurückhalten für:</translation>
    </message>
    <message>
        <source>Malicious crates strike when they are new. A held version stays in the index marked yanked until it is old enough; its age comes from the upstream&apos;s publish time, or from when this feed first saw it.</source>
        <translation>Schädliche Crates schlagen zu, solange sie neu sind. Eine zurückgehaltene Version bleibt als zurückgezogen markiert im Index, bis sie alt genug ist; ihr Alter ergibt sich aus dem Veröffentlichungszeitpunkt beim Upstream oder daraus, wann dieser Feed sie zuerst gesehen hat.</translation>
    </message>
    <message>
        <source>&amp;Never hold, one per line with an optional version requirement:</source>
        <translation>Nie zurück&amp;halten, eines pro Zeile mit optionaler Versionsanforderung:</translation>
    </message>
    <message>
        <source>RustSec &amp;advisories:</source>
        <translation>RustSec-&amp;Sicherheitshinweise:</translation>
    </message>
    <message>
        <source>A local copy of the RustSec advisory database, updated as you like. Versions it calls malicious are always blocked; other advisories are shown with the version, and blocked only from the severity chosen below.</source>
        <translation>Eine lokale Kopie der RustSec-Advisory-Datenbank, aktualisiert nach Ihrem Belieben. Versionen, die sie als schädlich einstuft, werden immer gesperrt; andere Sicherheitshinweise werden bei der Version angezeigt und erst ab dem unten gewählten Schweregrad gesperrt.</translation>
    </message>
    <message>
        <source>&amp;Block advisories:</source>
        <translation>Sicherheitshinweise s&amp;perren:</translation>
    </message>
    <message>
        <source>Severity is the advisory&apos;s CVSS 3 base score: low below 4, medium from 4, high from 7, critical from 9. Advisories without a score are never blocked by severity.</source>
        <translation>Der Schweregrad ist der CVSS-3-Basiswert des Sicherheitshinweises: niedrig unter 4, mittel ab 4, hoch ab 7, kritisch ab 9. Sicherheitshinweise ohne Wert werden nie nach Schweregrad gesperrt.</translation>
    </message>
    <message>
        <source>Choose the RustSec Advisory Database</source>
        <translation>RustSec-Advisory-Datenbank auswählen</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>kept in the keychain; type to replace</source>
        <translation>im Schlüsselbund gespeichert; zum Ersetzen eintippen</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Edit Connector %1</source>
        <translation>Connector %1 bearbeiten</translation>
    </message>
    <message>
        <source>Never hold: %1</source>
        <translation>Nie zurückhalten: %1</translation>
    </message>
    <message>
        <source>%1 is not a RustSec advisory database: it has no crates folder.</source>
        <translation>%1 ist keine RustSec-Advisory-Datenbank: Es fehlt der Ordner „crates“.</translation>
    </message>
    <message>
        <source>Blocking advisories by severity needs a RustSec advisory database.</source>
        <translation>Zum Sperren nach Schweregrad wird eine RustSec-Advisory-Datenbank benötigt.</translation>
    </message>
    <message>
        <source>Enter the upstream&apos;s token.</source>
        <translation>Geben Sie das Token des Upstreams ein.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> Tag</numerusform>
            <numerusform> Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalFeedHost</name>
    <message>
        <source>the local feed is not running</source>
        <translation>der lokale Feed läuft nicht</translation>
    </message>
</context>
<context>
    <name>LocalFeedListener</name>
    <message>
        <source>cannot listen on 127.0.0.1:%1: %2</source>
        <translation>auf 127.0.0.1:%1 kann nicht gelauscht werden: %2</translation>
    </message>
</context>
<context>
    <name>LocalFeedServer</name>
    <message>
        <source>cannot serve on a thread of its own: %1</source>
        <translation>kann nicht in einem eigenen Thread ausliefern: %1</translation>
    </message>
</context>
<context>
    <name>LocalUpstreamsDialog</name>
    <message>
        <source>Upstreams of the Local Feed</source>
        <translation>Upstreams des lokalen Feeds</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>Accept &amp;Changed Bytes…</source>
        <translation>&amp;Geänderte Bytes annehmen …</translation>
    </message>
    <message>
        <source>Serve the upstream&apos;s new bytes for the versions it changed. Do this only when you know why they changed: a registry never changes a published version.</source>
        <translation>Die neuen Bytes des Upstreams für die geänderten Versionen ausliefern. Tun Sie das nur, wenn Sie wissen, warum sie sich geändert haben: Eine Registry ändert nie eine veröffentlichte Version.</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) changed upstream after they were published. The local feed refuses them; select the upstream to see which.</source>
        <translation>
            <numerusform>%n Version wurde nach der Veröffentlichung upstream geändert. Der lokale Feed verweigert sie; wählen Sie den Upstream aus, um zu sehen, welche.</numerusform>
            <numerusform>%n Versionen wurden nach der Veröffentlichung upstream geändert. Der lokale Feed verweigert sie; wählen Sie den Upstream aus, um zu sehen, welche.</numerusform>
        </translation>
    </message>
    <message>
        <source>Upstream %1: %2</source>
        <translation>Upstream %1: %2</translation>
    </message>
    <message>
        <source>Remove Upstream</source>
        <translation>Upstream entfernen</translation>
    </message>
    <message>
        <source>Remove the upstream %1? The local feed stops serving its crates, forgets what it cached from it, and its secret leaves the keychain.</source>
        <translation>Upstream %1 entfernen? Der lokale Feed liefert seine Crates nicht mehr aus, vergisst, was er von ihm zwischengespeichert hat, und sein Geheimnis wird aus dem Schlüsselbund gelöscht.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Accept Changed Bytes</source>
        <translation>Geänderte Bytes annehmen</translation>
    </message>
    <message>
        <source>The upstream %1 serves other bytes for versions it had already published. A registry never does that by itself: it may have been compromised. Accept the new bytes only if you know why they changed.</source>
        <translation>Der Upstream %1 liefert andere Bytes für Versionen, die er bereits veröffentlicht hatte. Eine Registry tut das nie von sich aus: Sie könnte kompromittiert sein. Nehmen Sie die neuen Bytes nur an, wenn Sie wissen, warum sie sich geändert haben.</translation>
    </message>
    <message>
        <source>Accept the New Bytes</source>
        <translation>Neue Bytes annehmen</translation>
    </message>
</context>
<context>
    <name>LockfileAudit</name>
    <message>
        <source>from git: %1</source>
        <translation>aus Git: %1</translation>
    </message>
    <message>
        <source>a path or workspace package</source>
        <translation>ein Pfad- oder Workspace-Paket</translation>
    </message>
    <message>
        <source>the feed was removed while the audit ran</source>
        <translation>der Feed wurde während der Prüfung entfernt</translation>
    </message>
    <message>
        <source>the feed has no crate %1</source>
        <translation>der Feed hat kein Crate %1</translation>
    </message>
    <message>
        <source>the feed has %1, but not version %2</source>
        <translation>der Feed hat %1, aber nicht Version %2</translation>
    </message>
    <message>
        <source>the feed&apos;s %1 %2 is not the build Cargo.lock pins: its checksum is %3, the lockfile&apos;s %4</source>
        <translation>%1 %2 im Feed ist nicht der Build, den Cargo.lock festlegt: seine Prüfsumme ist %3, die des Lockfiles %4</translation>
    </message>
    <message>
        <source>yanked in the feed: `cargo build --locked` still works, a new resolution avoids it</source>
        <translation>im Feed zurückgezogen: `cargo build --locked` funktioniert weiterhin, eine neue Auflösung meidet die Version</translation>
    </message>
    <message>
        <source>ProGet&apos;s metadata could not be read: %1</source>
        <translation>Die Metadaten von ProGet konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>vulnerability %1</source>
        <translation>Schwachstelle %1</translation>
    </message>
    <message>
        <source>ProGet blocks downloads of %1 %2</source>
        <translation>ProGet sperrt Downloads von %1 %2</translation>
    </message>
    <message>
        <source>ProGet finds %1 %2 noncompliant: %3</source>
        <translation>ProGet stuft %1 %2 als nicht konform ein: %3</translation>
    </message>
    <message>
        <source>ProGet&apos;s compliance analysis: %1 %2</source>
        <translation>Konformitätsanalyse von ProGet: %1 %2</translation>
    </message>
    <message>
        <source>deprecated in ProGet: %1</source>
        <translation>in ProGet als veraltet markiert: %1</translation>
    </message>
    <message>
        <source>ProGet&apos;s vulnerability audit failed: %1</source>
        <translation>Die Schwachstellenprüfung von ProGet ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 (the license could not be read: %2)</source>
        <translation>%1 (die Lizenz konnte nicht gelesen werden: %2)</translation>
    </message>
    <message>
        <source>the feed holds %1 %2 until %3: %4</source>
        <translation>der Feed hält %1 %2 bis %3 zurück: %4</translation>
    </message>
    <message>
        <source>the feed keeps %1 %2 out: %3</source>
        <translation>der Feed lässt %1 %2 nicht zu: %3</translation>
    </message>
    <message>
        <source>ProGet blocks %1 %2 for vulnerability %3</source>
        <translation>ProGet sperrt %1 %2 wegen der Schwachstelle %3</translation>
    </message>
    <message>
        <source>ProGet blocks %1 %2 for these vulnerabilities: %3</source>
        <translation>ProGet sperrt %1 %2 wegen dieser Schwachstellen: %3</translation>
    </message>
    <message>
        <source>ProGet finds %1 %2 noncompliant: no reason given</source>
        <translation>ProGet stuft %1 %2 als nicht konform ein: kein Grund angegeben</translation>
    </message>
</context>
<context>
    <name>LockfileAuditModel</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Yanked</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Not from a registry</source>
        <translation>Nicht aus einer Registry</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Crate</source>
        <translation>Crate</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>LockfileAuditWindow</name>
    <message>
        <source>&amp;Promote Missing…</source>
        <translation>Fehlende &amp;übertragen …</translation>
    </message>
    <message>
        <source>&amp;Copy Report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Export Bill of Materials…</source>
        <translation>Stückliste &amp;exportieren …</translation>
    </message>
    <message>
        <source>Audit of %1 against %2</source>
        <translation>Prüfung von %1 gegen %2</translation>
    </message>
    <message>
        <source>Asking %1 about every package of %2…</source>
        <translation>%1 wird nach jedem Paket von %2 gefragt …</translation>
    </message>
    <message>
        <source>Packages that need attention</source>
        <translation>Pakete, die Aufmerksamkeit brauchen</translation>
    </message>
    <message>
        <source>All packages</source>
        <translation>Alle Pakete</translation>
    </message>
    <message>
        <source>Copy the missing versions into %1 from another feed, with cargo&apos;s metadata, dependencies first.</source>
        <translation>Die fehlenden Versionen aus einem anderen Feed nach %1 kopieren, mit den Metadaten von Cargo, Abhängigkeiten zuerst.</translation>
    </message>
    <message>
        <source>Save a CycloneDX 1.5 JSON bill of materials: every package with its package URL, checksum and license.</source>
        <translation>Eine Stückliste als CycloneDX 1.5 JSON speichern: jedes Paket mit Paket-URL, Prüfsumme und Lizenz.</translation>
    </message>
    <message>
        <source>Export Bill of Materials</source>
        <translation>Stückliste exportieren</translation>
    </message>
    <message>
        <source>CycloneDX JSON (*.cdx.json *.json)</source>
        <translation>CycloneDX JSON (*.cdx.json *.json)</translation>
    </message>
    <message>
        <source>The bill of materials is in %1.</source>
        <translation>Die Stückliste liegt in %1.</translation>
    </message>
    <message>
        <source>The bill of materials could not be saved: %1</source>
        <translation>Die Stückliste konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Nothing was audited.</source>
        <translation>Es wurde nichts geprüft.</translation>
    </message>
    <message>
        <source>%1 in %2 as locked</source>
        <translation>%1 in %2 wie festgelegt</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 fehlend</translation>
    </message>
    <message>
        <source>%1 yanked</source>
        <translation>%1 zurückgezogen</translation>
    </message>
    <message>
        <source>%1 blocked</source>
        <translation>%1 gesperrt</translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation>%1 zurückgehalten</translation>
    </message>
    <message>
        <source>%1 not checked</source>
        <translation>%1 nicht geprüft</translation>
    </message>
    <message>
        <source>%1 not from a registry</source>
        <translation>%1 nicht aus einer Registry</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s): %1</source>
        <translation>
            <numerusform>%n Paket: %1</numerusform>
            <numerusform>%n Pakete: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything this project locks from a registry is in %1.</source>
        <translation>Alles, was dieses Projekt aus einer Registry festlegt, ist in %1 vorhanden.</translation>
    </message>
    <message>
        <source>Packages of the lockfile</source>
        <translation>Pakete des Lockfiles</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>No feeds yet</source>
        <translation>Noch keine Feeds</translation>
    </message>
    <message>
        <source>Add a Cargo feed to browse its crates.</source>
        <translation>Fügen Sie einen Cargo-Feed hinzu, um seine Crates zu durchsuchen.</translation>
    </message>
    <message>
        <source>Add Feed…</source>
        <translation>Feed hinzufügen …</translation>
    </message>
    <message>
        <source>Search crates (Ctrl+F or /)</source>
        <translation>Crates suchen (Strg+F oder /)</translation>
    </message>
    <message>
        <source>yanked</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add Feed…</source>
        <translation>Feed &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Publish Crates…</source>
        <translation>Crates &amp;veröffentlichen …</translation>
    </message>
    <message>
        <source>A&amp;udit Cargo.lock…</source>
        <translation>Cargo.lock &amp;prüfen …</translation>
    </message>
    <message>
        <source>Check every package a project&apos;s Cargo.lock pins against the selected feed.</source>
        <translation>Jedes Paket, das die Cargo.lock eines Projekts festlegt, gegen den ausgewählten Feed prüfen.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>F&amp;eed</source>
        <translation>&amp;Feed</translation>
    </message>
    <message>
        <source>&amp;Edit Feed…</source>
        <translation>Feed &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove Feed</source>
        <translation>Feed &amp;entfernen</translation>
    </message>
    <message>
        <source>Use with &amp;Cargo…</source>
        <translation>Mit &amp;Cargo verwenden …</translation>
    </message>
    <message>
        <source>Add &amp;Upstream to the Local Feed…</source>
        <translation>&amp;Upstream zum lokalen Feed hinzufügen …</translation>
    </message>
    <message>
        <source>Upstreams of the &amp;Local Feed…</source>
        <translation>Upstreams des &amp;lokalen Feeds …</translation>
    </message>
    <message>
        <source>The registries the local feed serves crates from: their policies, and versions they changed.</source>
        <translation>Die Registrys, aus denen der lokale Feed Crates ausliefert: ihre Richtlinien und Versionen, die sie geändert haben.</translation>
    </message>
    <message>
        <source>ProGet C&amp;onnectors…</source>
        <translation>ProGet-C&amp;onnectors …</translation>
    </message>
    <message>
        <source>The connectors of the selected ProGet feed&apos;s server, and which of them the feed uses.</source>
        <translation>Die Connectors des Servers des ausgewählten ProGet-Feeds und welche davon der Feed verwendet.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Crate</source>
        <translation>&amp;Crate</translation>
    </message>
    <message>
        <source>&amp;Yank Version…</source>
        <translation>Version &amp;zurückziehen …</translation>
    </message>
    <message>
        <source>&amp;Unyank Version…</source>
        <translation>Zurückziehen &amp;aufheben …</translation>
    </message>
    <message>
        <source>&amp;Download .crate…</source>
        <translation>.crate &amp;herunterladen …</translation>
    </message>
    <message>
        <source>&amp;Copy Dependency Line</source>
        <translation>Abhängigkeitszeile &amp;kopieren</translation>
    </message>
    <message>
        <source>In &amp;Every Feed…</source>
        <translation>In allen &amp;Feeds …</translation>
    </message>
    <message>
        <source>Which versions of this crate each of your feeds holds, and whether they are the same bytes</source>
        <translation>Welche Versionen dieses Crates jeder Ihrer Feeds enthält und ob es dieselben Bytes sind</translation>
    </message>
    <message>
        <source>Promotion &amp;History…</source>
        <translation>Übertragungs&amp;verlauf …</translation>
    </message>
    <message>
        <source>How the versions of this crate came into the ProGet feed: from which feed, when and by whom</source>
        <translation>Wie die Versionen dieses Crates in den ProGet-Feed gelangt sind: aus welchem Feed, wann und durch wen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About CrateDesk</source>
        <translation>Ü&amp;ber CrateDesk</translation>
    </message>
    <message numerus="yes">
        <source>%n crate(s)</source>
        <translation>
            <numerusform>%n Crate</numerusform>
            <numerusform>%n Crates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n crate(s)</source>
        <translation>
            <numerusform>%1 von %n Crate</numerusform>
            <numerusform>%1 von %n Crates</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, more as you scroll</source>
        <translation>%1, weitere beim Blättern</translation>
    </message>
    <message>
        <source>Some versions of %1 are not shown: the feed&apos;s index file has lines that cannot be trusted.</source>
        <translation>Einige Versionen von %1 werden nicht angezeigt: Die Indexdatei des Feeds enthält Zeilen, denen nicht zu trauen ist.</translation>
    </message>
    <message>
        <source>%1 cannot be reached. You are looking at the cached index; it may be out of date.</source>
        <translation>%1 ist nicht erreichbar. Angezeigt wird der zwischengespeicherte Index; er kann veraltet sein.</translation>
    </message>
    <message>
        <source>Yanked %1 %2</source>
        <translation>%1 %2 zurückgezogen</translation>
    </message>
    <message>
        <source>Unyanked %1 %2</source>
        <translation>Zurückziehen von %1 %2 aufgehoben</translation>
    </message>
    <message>
        <source>Saved %1 (checksum verified)</source>
        <translation>%1 gespeichert (Prüfsumme bestätigt)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>failure sentence: the registry&apos;s reason</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Check that the feed is running and reachable from this computer, then retry. Cached crates stay browsable.</source>
        <translation>Prüfen Sie, ob der Feed läuft und von diesem Rechner aus erreichbar ist, und versuchen Sie es dann erneut. Zwischengespeicherte Crates bleiben durchsuchbar.</translation>
    </message>
    <message>
        <source>Enter Credentials…</source>
        <translation>Zugangsdaten eingeben …</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>the settings of the feed %1 changed</source>
        <translation>die Einstellungen des Feeds %1 haben sich geändert</translation>
    </message>
    <message>
        <source>Remove Feed</source>
        <translation>Feed entfernen</translation>
    </message>
    <message>
        <source>Remove the feed %1 from CrateDesk?</source>
        <translation>Feed %1 aus CrateDesk entfernen?</translation>
    </message>
    <message>
        <source>Its stored token or password is deleted from the keychain. The feed itself and its crates are not touched.</source>
        <translation>Sein gespeichertes Token oder Passwort wird aus dem Schlüsselbund gelöscht. Der Feed selbst und seine Crates bleiben unberührt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>the feed %1 was removed</source>
        <translation>der Feed %1 wurde entfernt</translation>
    </message>
    <message>
        <source>Could not add the upstream %1: %2</source>
        <translation>Der Upstream %1 konnte nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>The local feed now serves crates of %1</source>
        <translation>Der lokale Feed liefert jetzt Crates von %1 aus</translation>
    </message>
    <message>
        <source>Yank %1</source>
        <translation>%1 zurückziehen</translation>
    </message>
    <message>
        <source>Unyank %1</source>
        <translation>Zurückziehen von %1 aufheben</translation>
    </message>
    <message>
        <source>Yank %1 on %2?</source>
        <translation>%1 in %2 zurückziehen?</translation>
    </message>
    <message>
        <source>Unyank %1 on %2?</source>
        <translation>Zurückziehen von %1 in %2 aufheben?</translation>
    </message>
    <message>
        <source>Cargo will no longer choose this version for new dependency resolutions. Projects whose Cargo.lock already names it keep building, and it stays downloadable. You can unyank it later.</source>
        <translation>Cargo wählt diese Version für neue Abhängigkeitsauflösungen nicht mehr aus. Projekte, deren Cargo.lock sie bereits nennt, lassen sich weiter bauen, und sie bleibt herunterladbar. Sie können das Zurückziehen später aufheben.</translation>
    </message>
    <message>
        <source>Cargo will again choose this version when it matches a requirement.</source>
        <translation>Cargo wählt diese Version wieder aus, wenn sie zu einer Anforderung passt.</translation>
    </message>
    <message>
        <source>Yank</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Unyank</source>
        <translation>Zurückziehen aufheben</translation>
    </message>
    <message>
        <source>Save the .crate to</source>
        <translation>Die .crate-Datei speichern unter</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
    <message>
        <source>Select the feed to publish to first.</source>
        <translation>Wählen Sie zuerst den Feed aus, in dem veröffentlicht werden soll.</translation>
    </message>
    <message>
        <source>About CrateDesk</source>
        <translation>Über CrateDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CrateDesk %1&lt;/h3&gt;&lt;p&gt;A desktop client for Cargo package feeds.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CrateDesk %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Client für Cargo-Paketfeeds.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Audit Cargo.lock</source>
        <translation>Cargo.lock prüfen</translation>
    </message>
    <message>
        <source>Cargo lockfiles (Cargo.lock *.lock)</source>
        <translation>Cargo-Lockfiles (Cargo.lock *.lock)</translation>
    </message>
    <message>
        <source>%1 %2 from %3</source>
        <translation>%1 %2 aus %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An upstream changed %n published version(s) of its crates: %1. The local feed refuses them until you accept the new bytes.</source>
        <translation>
            <numerusform>Ein Upstream hat %n veröffentlichte Version seiner Crates geändert: %1. Der lokale Feed verweigert sie, bis Sie die neuen Bytes annehmen.</numerusform>
            <numerusform>Ein Upstream hat %n veröffentlichte Versionen seiner Crates geändert: %1. Der lokale Feed verweigert sie, bis Sie die neuen Bytes annehmen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Review Upstreams…</source>
        <translation>Upstreams prüfen …</translation>
    </message>
    <message>
        <source>Search crates</source>
        <translation>Crates suchen</translation>
    </message>
    <message>
        <source>Crates</source>
        <translation>Crates</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Compare &amp;Versions…</source>
        <translation>Versionen ver&amp;gleichen …</translation>
    </message>
    <message>
        <source>What changed between two versions of this crate: files, dependencies, features, license</source>
        <translation>Was sich zwischen zwei Versionen dieses Crates geändert hat: Dateien, Abhängigkeiten, Features, Lizenz</translation>
    </message>
    <message>
        <source>the local feed moved to %1</source>
        <translation>der lokale Feed ist nach %1 umgezogen</translation>
    </message>
    <message>
        <source>Local feed serving %1</source>
        <translation>Lokaler Feed stellt %1 bereit</translation>
    </message>
    <message>
        <source>The local feed now serves on port %1. Cargo&apos;s configuration written for port %2 no longer reaches it: use it with Cargo again.</source>
        <translation>Der lokale Feed antwortet jetzt auf Port %1. Die für Port %2 geschriebene Cargo-Konfiguration erreicht ihn nicht mehr: Verwenden Sie ihn erneut mit Cargo.</translation>
    </message>
    <message>
        <source>%1 Until it is fixed in Settings, only the system&apos;s certificate authorities are trusted.</source>
        <translation>%1 Bis sie in den Einstellungen korrigiert ist, gelten nur die Zertifizierungsstellen des Systems als vertrauenswürdig.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Message kind</source>
        <translation>Art der Meldung</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>ProGetCall</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>ProGetConnectorDialog</name>
    <message>
        <source>New ProGet Connector</source>
        <translation>Neuer ProGet-Connector</translation>
    </message>
    <message>
        <source>only for third-party registries</source>
        <translation>nur für Registrys von Drittanbietern</translation>
    </message>
    <message>
        <source>sent to ProGet, never stored by CrateDesk</source>
        <translation>wird an ProGet gesendet, nie von CrateDesk gespeichert</translation>
    </message>
    <message>
        <source>ProGet&apos;s default</source>
        <translation>Vorgabe von ProGet</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Filters&lt;/b&gt;</source>
        <translation>&lt;b&gt;Filter&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Edit ProGet Connector %1</source>
        <translation>ProGet-Connector %1 bearbeiten</translation>
    </message>
    <message>
        <source>unchanged unless typed</source>
        <translation>unverändert, solange nichts eingegeben wird</translation>
    </message>
    <message>
        <source>Give the connector a name.</source>
        <translation>Geben Sie dem Connector einen Namen.</translation>
    </message>
    <message>
        <source>The URL must be the registry&apos;s http(s) address, e.g. https://crates.io (without &quot;sparse+&quot;).</source>
        <translation>Die URL muss die http(s)-Adresse der Registry sein, z. B. https://crates.io (ohne „sparse+“).</translation>
    </message>
    <message>
        <source>Give both a user and a password, or neither.</source>
        <translation>Geben Sie Benutzer und Passwort an oder keines von beiden.</translation>
    </message>
</context>
<context>
    <name>ProGetConnectorsDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>ProGet Connectors — %1</source>
        <translation>ProGet-Connectors – %1</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Connector</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Used by %1</source>
        <translation>Verwendet von %1</translation>
    </message>
    <message>
        <source>Delete Connector</source>
        <translation>Connector löschen</translation>
    </message>
    <message>
        <source>Delete the ProGet connector %1? Feeds that use it stop reaching its upstream.</source>
        <translation>ProGet-Connector %1 löschen? Feeds, die ihn verwenden, erreichen seinen Upstream dann nicht mehr.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Loading connectors…</source>
        <translation>Connectors werden geladen …</translation>
    </message>
    <message>
        <source>Loading feed %1…</source>
        <translation>Feed %1 wird geladen …</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>This ProGet server has no connectors yet. Add one for crates.io with the URL https://crates.io.</source>
        <translation>Dieser ProGet-Server hat noch keine Connectors. Fügen Sie einen für crates.io mit der URL https://crates.io hinzu.</translation>
    </message>
    <message>
        <source>ProGet %1, %2 edition.</source>
        <translation>ProGet %1, Edition %2.</translation>
    </message>
    <message>
        <source>Connector filters need a paid edition (Basic or Enterprise): this server keeps them but ignores them.</source>
        <translation>Connector-Filter erfordern eine kostenpflichtige Edition (Basic oder Enterprise): Dieser Server speichert sie, wendet sie aber nicht an.</translation>
    </message>
    <message>
        <source>De&amp;tach from %1</source>
        <translation>Von %1 &amp;trennen</translation>
    </message>
    <message>
        <source>A&amp;ttach to %1</source>
        <translation>Mit %1 &amp;verbinden</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>%1 wird erstellt …</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert …</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>%1 wird gelöscht …</translation>
    </message>
    <message>
        <source>Attaching %1 to %2…</source>
        <translation>%1 wird mit %2 verbunden …</translation>
    </message>
    <message>
        <source>Detaching %1 from %2…</source>
        <translation>%1 wird von %2 getrennt …</translation>
    </message>
</context>
<context>
    <name>ProGetEdition</name>
    <message>
        <source>Connector filters need a paid ProGet edition (Basic or Enterprise); this server runs ProGet Free, which keeps the filters but ignores them</source>
        <translation>Connector-Filter erfordern eine kostenpflichtige ProGet-Edition (Basic oder Enterprise); dieser Server verwendet ProGet Free, das die Filter speichert, aber nicht anwendet</translation>
    </message>
    <message>
        <source>Connector filters need a paid ProGet edition (Basic or Enterprise); this server runs ProGet %1 Free, which keeps the filters but ignores them</source>
        <translation>Connector-Filter erfordern eine kostenpflichtige ProGet-Edition (Basic oder Enterprise); dieser Server verwendet ProGet %1 Free, das die Filter speichert, aber nicht anwendet</translation>
    </message>
</context>
<context>
    <name>ProGetManagementClient</name>
    <message>
        <source>not found</source>
        <comment>why a call failed, after a colon</comment>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>connector %1 already has the filter &quot;%2&quot;</source>
        <translation>Connector %1 hat bereits den Filter „%2“</translation>
    </message>
    <message>
        <source>connector %1 has no filter &quot;%2&quot;</source>
        <translation>Connector %1 hat keinen Filter „%2“</translation>
    </message>
    <message>
        <source>cannot list the connectors of %1</source>
        <translation>die Connectors von %1 können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>cannot read connector %1 on %2</source>
        <translation>Connector %1 auf %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot create connector %1 on %2</source>
        <translation>Connector %1 auf %2 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot update connector %1 on %2</source>
        <translation>Connector %1 auf %2 kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>cannot delete connector %1 on %2</source>
        <translation>Connector %1 auf %2 kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>cannot change the filters of connector %1 on %2</source>
        <translation>die Filter von Connector %1 auf %2 können nicht geändert werden</translation>
    </message>
    <message>
        <source>cannot read feed %1 on %2</source>
        <translation>Feed %1 auf %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot update the connectors of feed %1 on %2</source>
        <translation>die Connectors von Feed %1 auf %2 können nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>the server refused the key (%1); the connector API needs a system API key with &quot;Manage Feeds&quot;, feed keys cannot use it</source>
        <translation>der Server hat den Schlüssel abgelehnt (%1); die Connector-API braucht einen System-API-Schlüssel mit „Manage Feeds“, Feed-Schlüssel können sie nicht verwenden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>what failed: why</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ProGetVulnerability</name>
    <message>
        <source>%1 (%2)</source>
        <comment>vulnerability id (severity, score)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>vulnerability: its summary</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PromotionDialog</name>
    <message>
        <source>Also promote what they &amp;depend on</source>
        <translation>Auch ihre &amp;Abhängigkeiten übertragen</translation>
    </message>
    <message>
        <source>Promote into %1</source>
        <translation>Nach %1 übertragen</translation>
    </message>
    <message>
        <source>Everything cargo would need from the source to build these versions, resolved as cargo does without a lockfile, so that the target serves the whole closure.</source>
        <translation>Alles, was Cargo aus der Quelle bräuchte, um diese Versionen zu bauen, aufgelöst wie von Cargo ohne Lockfile, sodass das Ziel den gesamten Abhängigkeitsbaum ausliefert.</translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation>Ü&amp;bertragen</translation>
    </message>
    <message numerus="yes">
        <source>Promoting %n version(s), dependencies first…</source>
        <translation>
            <numerusform>%n Version wird übertragen, Abhängigkeiten zuerst …</numerusform>
            <numerusform>%n Versionen werden übertragen, Abhängigkeiten zuerst …</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>Add another feed to promote from.</source>
        <translation>Fügen Sie einen weiteren Feed hinzu, aus dem übertragen werden kann.</translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 and %2 about %n version(s)…</source>
        <translation>
            <numerusform>%1 und %2 werden nach %n Version gefragt …</numerusform>
            <numerusform>%1 und %2 werden nach %n Versionen gefragt …</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to promote, %2 already in %3, %4 not in the source.</source>
        <translation>%1 zu übertragen, %2 bereits in %3, %4 nicht in der Quelle.</translation>
    </message>
    <message>
        <source>%1 promoted, %2 failed, %3 skipped, %4 were already there.</source>
        <translation>%1 übertragen, %2 fehlgeschlagen, %3 übersprungen, %4 bereits vorhanden.</translation>
    </message>
    <message>
        <source>%1 now serves every version asked for.</source>
        <translation>%1 liefert jetzt jede angefragte Version aus.</translation>
    </message>
    <message>
        <source>Some versions were not promoted; each row says why.</source>
        <translation>Einige Versionen wurden nicht übertragen; jede Zeile nennt den Grund.</translation>
    </message>
</context>
<context>
    <name>PromotionHistory</name>
    <message>
        <source>the feed is gone</source>
        <translation>der Feed existiert nicht mehr</translation>
    </message>
</context>
<context>
    <name>PromotionHistoryDialog</name>
    <message>
        <source>Promotion History of %1</source>
        <translation>Übertragungsverlauf von %1</translation>
    </message>
    <message>
        <source>Asking %1 how %2 came into it…</source>
        <translation>%1 wird gefragt, wie %2 dorthin gelangt ist …</translation>
    </message>
    <message>
        <source>Promotions of %1 into %2</source>
        <translation>Übertragungen von %1 nach %2</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>ProGet has no record of %1 being promoted into %2: its versions were published there, or came through a connector.</source>
        <translation>ProGet hat keinen Eintrag darüber, dass %1 nach %2 übertragen wurde: Seine Versionen wurden dort veröffentlicht oder kamen über einen Connector.</translation>
    </message>
    <message numerus="yes">
        <source>%n promotion(s) of %1 into %2, newest first.</source>
        <translation>
            <numerusform>%n Übertragung von %1 nach %2.</numerusform>
            <numerusform>%n Übertragungen von %1 nach %2, neueste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>No history to show.</source>
        <translation>Kein Verlauf vorhanden.</translation>
    </message>
    <message>
        <source>The promotion history could not be read: %1</source>
        <translation>Der Übertragungsverlauf konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>PromotionHistoryModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>From Feed</source>
        <translation>Aus Feed</translation>
    </message>
    <message>
        <source>To Feed</source>
        <translation>In Feed</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>PromotionModel</name>
    <message>
        <source>checking</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <source>to promote</source>
        <translation>zu übertragen</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>bereits vorhanden</translation>
    </message>
    <message>
        <source>not in the source</source>
        <translation>nicht in der Quelle</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>wird heruntergeladen</translation>
    </message>
    <message>
        <source>publishing</source>
        <translation>wird veröffentlicht</translation>
    </message>
    <message>
        <source>promoted</source>
        <translation>übertragen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 (yanked)</source>
        <translation>%1 (zurückgezogen)</translation>
    </message>
    <message>
        <source>Needs %1</source>
        <translation>Benötigt %1</translation>
    </message>
    <message>
        <source>Crate</source>
        <translation>Crate</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>PromotionPlan</name>
    <message>
        <source>&quot;%1&quot; is not a version</source>
        <translation>„%1“ ist keine Version</translation>
    </message>
    <message>
        <source>the source feed has no %1 %2</source>
        <translation>der Quell-Feed enthält %1 %2 nicht</translation>
    </message>
    <message>
        <source>the target holds other bytes for this version (sha256 %1, the source&apos;s %2)</source>
        <translation>das Ziel enthält für diese Version andere Bytes (sha256 %1, in der Quelle %2)</translation>
    </message>
</context>
<context>
    <name>PromotionSession</name>
    <message>
        <source>the source feed has no crate %1</source>
        <translation>der Quell-Feed hat kein Crate %1</translation>
    </message>
    <message>
        <source>the source feed could not say: %1</source>
        <translation>der Quell-Feed konnte keine Auskunft geben: %1</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
    <message>
        <source>it needs %1, which the target does not serve</source>
        <translation>benötigt %1, das vom Ziel nicht ausgeliefert wird</translation>
    </message>
    <message>
        <source>downloading from the source failed: %1</source>
        <translation>das Herunterladen aus der Quelle ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>ProGet did not promote it: %1</source>
        <translation>ProGet hat die Version nicht übertragen: %1</translation>
    </message>
    <message>
        <source>promoted by ProGet</source>
        <translation>von ProGet übertragen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>publishing to the target failed: %1</source>
        <translation>das Veröffentlichen im Ziel ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>uploaded; the target&apos;s index did not show it in time</source>
        <translation>hochgeladen; der Index des Ziels hat die Version nicht rechtzeitig angezeigt</translation>
    </message>
    <message>
        <source>promoted, but not yanked as in the source: %1</source>
        <translation>übertragen, aber nicht wie in der Quelle zurückgezogen: %1</translation>
    </message>
    <message>
        <source>yanked, as in the source</source>
        <translation>zurückgezogen, wie in der Quelle</translation>
    </message>
</context>
<context>
    <name>PublishMetadata</name>
    <message>
        <source>dependency &quot;%1&quot; names the registry &quot;%2&quot; rather than its index URL; only a Cargo.toml normalized by cargo package can be published</source>
        <translation>Abhängigkeit „%1“ nennt die Registry „%2“ statt ihrer Index-URL; veröffentlicht werden kann nur eine von cargo package normalisierte Cargo.toml</translation>
    </message>
    <message>
        <source>dependency &quot;%1&quot; has the invalid version requirement &quot;%2&quot;: %3</source>
        <translation>Abhängigkeit „%1“ hat die ungültige Versionsanforderung „%2“: %3</translation>
    </message>
    <message>
        <source>%1 describes %2 %3, but the package folder is %4</source>
        <translation>%1 beschreibt %2 %3, aber der Paketordner ist %4</translation>
    </message>
    <message>
        <source>the readme &quot;%1&quot; named in %2 is not in the package</source>
        <translation>das in %2 genannte Readme „%1“ ist nicht im Paket</translation>
    </message>
    <message>
        <source>the readme &quot;%1&quot; is larger than %2 MiB</source>
        <translation>das Readme „%1“ ist größer als %2 MiB</translation>
    </message>
    <message>
        <source>the readme &quot;%1&quot; cannot be read</source>
        <translation>das Readme „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the readme &quot;%1&quot; is not valid UTF-8</source>
        <translation>das Readme „%1“ ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>the license file &quot;%1&quot; does not exist in the package</source>
        <translation>die Lizenzdatei „%1“ existiert nicht im Paket</translation>
    </message>
</context>
<context>
    <name>PublishPanel</name>
    <message>
        <source>Upload through:</source>
        <translation>Hochladen über:</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>Dateien hinzufügen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Publish to %1</source>
        <translation>In %1 veröffentlichen</translation>
    </message>
    <message>
        <source>Cargo registry API, as cargo publish</source>
        <translation>Cargo-Registry-API, wie cargo publish</translation>
    </message>
    <message>
        <source>ProGet package upload</source>
        <translation>ProGet-Paket-Upload</translation>
    </message>
    <message>
        <source>ProGet accepts crates both ways; its own upload keeps ProGet&apos;s package metadata.</source>
        <translation>ProGet nimmt Crates auf beiden Wegen an; der eigene Upload behält die Paketmetadaten von ProGet.</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Drop .crate files here&lt;/p&gt;&lt;p&gt;or use &lt;b&gt;Add Files…&lt;/b&gt; to choose them.&lt;/p&gt;&lt;p&gt;Each file is checked before anything is sent: name, version, license, size, and whether the feed already has that version.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;.crate-Dateien hier ablegen&lt;/p&gt;&lt;p&gt;oder mit &lt;b&gt;Dateien hinzufügen …&lt;/b&gt; auswählen.&lt;/p&gt;&lt;p&gt;Jede Datei wird geprüft, bevor etwas gesendet wird: Name, Version, Lizenz, Größe und ob der Feed diese Version bereits hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Nothing more can be published from this window: %1.</source>
        <translation>Aus diesem Fenster kann nichts mehr veröffentlicht werden: %1.</translation>
    </message>
    <message>
        <source>Crates can be added once the running batch has finished (or after Cancel All).</source>
        <translation>Crates können hinzugefügt werden, sobald der laufende Durchgang beendet ist (oder nach „Alle abbrechen“).</translation>
    </message>
    <message>
        <source>Already in the list: %1.</source>
        <translation>Bereits in der Liste: %1.</translation>
    </message>
    <message>
        <source>Add Crates to Publish</source>
        <translation>Crates zum Veröffentlichen hinzufügen</translation>
    </message>
    <message>
        <source>Crate files (*.crate)</source>
        <translation>Crate-Dateien (*.crate)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Remove from the List</source>
        <translation>Aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Publish %1 Crates</source>
        <translation>%1 Crates veröffentlichen</translation>
    </message>
    <message>
        <source>Nothing to publish yet.</source>
        <translation>Noch nichts zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Publishing: %1.</source>
        <translation>Veröffentlichung läuft: %1.</translation>
    </message>
    <message>
        <source>Finished: %1.</source>
        <translation>Abgeschlossen: %1.</translation>
    </message>
    <message>
        <source>%1. Nothing can be published; see the messages.</source>
        <translation>%1. Nichts kann veröffentlicht werden; siehe die Meldungen.</translation>
    </message>
    <message>
        <source>Crates to publish</source>
        <translation>Zu veröffentlichende Crates</translation>
    </message>
</context>
<context>
    <name>PublishPreflight</name>
    <message>
        <source>%1 is already in %2, yanked; versions cannot be replaced, publish a new version instead</source>
        <translation>%1 ist bereits in %2, zurückgezogen; Versionen können nicht ersetzt werden, veröffentlichen Sie stattdessen eine neue Version</translation>
    </message>
    <message>
        <source>%1 is already in %2; versions cannot be replaced, publish a new version instead</source>
        <translation>%1 ist bereits in %2; Versionen können nicht ersetzt werden, veröffentlichen Sie stattdessen eine neue Version</translation>
    </message>
    <message>
        <source>%1 is already in %2 as %3, yanked; versions cannot be replaced, publish a new version instead</source>
        <translation>%1 ist bereits als %3 in %2, zurückgezogen; Versionen können nicht ersetzt werden, veröffentlichen Sie stattdessen eine neue Version</translation>
    </message>
    <message>
        <source>%1 is already in %2 as %3; versions cannot be replaced, publish a new version instead</source>
        <translation>%1 ist bereits als %3 in %2; Versionen können nicht ersetzt werden, veröffentlichen Sie stattdessen eine neue Version</translation>
    </message>
    <message>
        <source>%1 cannot be reached; only its cached index was checked for %2</source>
        <translation>%1 ist nicht erreichbar; für %2 wurde nur der zwischengespeicherte Index geprüft</translation>
    </message>
    <message>
        <source>could not check whether %1 is already in %2: %3</source>
        <translation>es konnte nicht geprüft werden, ob %1 bereits in %2 ist: %3</translation>
    </message>
    <message>
        <source>the feed %1 is no longer configured</source>
        <translation>der Feed %1 ist nicht mehr eingerichtet</translation>
    </message>
    <message>
        <source>%1 cannot be published: %2</source>
        <comment>crate: why</comment>
        <translation>%1 kann nicht veröffentlicht werden: %2</translation>
    </message>
</context>
<context>
    <name>PublishPreview</name>
    <message>
        <source>License:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>Abhängigkeiten</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Features</translation>
    </message>
    <message>
        <source>No crate selected</source>
        <translation>Kein Crate ausgewählt</translation>
    </message>
    <message>
        <source>see %1</source>
        <translation>siehe %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>none declared</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>Alle Prüfungen bestanden.</translation>
    </message>
    <message>
        <source>Reading the file and asking the feed…</source>
        <translation>Datei wird gelesen und der Feed befragt …</translation>
    </message>
    <message>
        <source>Dependencies (%1)</source>
        <translation>Abhängigkeiten (%1)</translation>
    </message>
    <message>
        <source>Features (%1)</source>
        <translation>Features (%1)</translation>
    </message>
    <message>
        <source>Dependencies of the selected crate</source>
        <translation>Abhängigkeiten des ausgewählten Crates</translation>
    </message>
    <message>
        <source>Features of the selected crate</source>
        <translation>Features des ausgewählten Crates</translation>
    </message>
</context>
<context>
    <name>PublishQueue</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>PublishQueueModel</name>
    <message>
        <source>Crate</source>
        <translation>Crate</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Ready, 1 warning</source>
        <translation>Bereit, 1 Warnung</translation>
    </message>
    <message>
        <source>Ready, %1 warnings</source>
        <translation>Bereit, %1 Warnungen</translation>
    </message>
    <message>
        <source>Cannot be published</source>
        <translation>Kann nicht veröffentlicht werden</translation>
    </message>
    <message>
        <source>Cannot be published, %1 errors</source>
        <translation>Kann nicht veröffentlicht werden, %1 Fehler</translation>
    </message>
    <message>
        <source>Sent, waiting for the registry</source>
        <translation>Gesendet, wartet auf die Registry</translation>
    </message>
    <message>
        <source>Uploading %1%</source>
        <translation>Wird hochgeladen: %1 %</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Ready, with warnings</source>
        <translation>Bereit, mit Warnungen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Uploaded, waiting for the index</source>
        <translation>Hochgeladen, wartet auf den Index</translation>
    </message>
    <message>
        <source>Published, visible in the index</source>
        <translation>Veröffentlicht, im Index sichtbar</translation>
    </message>
    <message>
        <source>Uploaded, not yet visible in the index</source>
        <translation>Hochgeladen, noch nicht im Index sichtbar</translation>
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
        <source>%1 being checked</source>
        <translation>%1 in Prüfung</translation>
    </message>
    <message>
        <source>%1 ready to publish</source>
        <translation>%1 bereit zum Veröffentlichen</translation>
    </message>
    <message>
        <source>%1 published</source>
        <translation>%1 veröffentlicht</translation>
    </message>
    <message>
        <source>%1 uploaded but not yet in the index</source>
        <translation>%1 hochgeladen, aber noch nicht im Index</translation>
    </message>
    <message>
        <source>%1 in progress</source>
        <translation>%1 in Arbeit</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 wartend</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <source>%1 cannot be published</source>
        <translation>%1 nicht veröffentlichbar</translation>
    </message>
</context>
<context>
    <name>PublishSession</name>
    <message>
        <source>the feed %1 is no longer configured</source>
        <translation>der Feed %1 ist nicht mehr eingerichtet</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Schl&amp;ießen</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
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
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RegistryClient</name>
    <message>
        <source>%1 answered HTTP %2 for the index file of %3, which carries no index file</source>
        <translation>%1 hat für die Indexdatei von %3 mit HTTP %2 geantwortet, einer Antwort, die keine Indexdatei enthält</translation>
    </message>
    <message>
        <source>the feed %1 needs a token: add one to the feed</source>
        <translation>der Feed %1 braucht ein Token: Fügen Sie dem Feed eines hinzu</translation>
    </message>
    <message>
        <source>the feed %1 needs a token: add one to the feed (get it at %2)</source>
        <translation>der Feed %1 braucht ein Token: Fügen Sie dem Feed eines hinzu (erhältlich unter %2)</translation>
    </message>
    <message>
        <source>the feed %1 rejected the token: check or replace it</source>
        <translation>der Feed %1 hat das Token abgelehnt: Prüfen oder ersetzen Sie es</translation>
    </message>
    <message>
        <source>the feed %1 rejected the token: check or replace it (%2)</source>
        <translation>der Feed %1 hat das Token abgelehnt: Prüfen oder ersetzen Sie es (%2)</translation>
    </message>
    <message>
        <source>the feed %1 does not allow this token to do that: use a token with that permission</source>
        <translation>der Feed %1 erlaubt diesem Token diese Aktion nicht: Verwenden Sie ein Token mit dieser Berechtigung</translation>
    </message>
    <message>
        <source>the feed %1 does not allow this token to do that: use a token with that permission (%2)</source>
        <translation>der Feed %1 erlaubt diesem Token diese Aktion nicht: Verwenden Sie ein Token mit dieser Berechtigung (%2)</translation>
    </message>
    <message>
        <source>the feed %1 answered HTTP %2: %3</source>
        <translation>der Feed %1 hat mit HTTP %2 geantwortet: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>feed: what is wrong with its config.json</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid crate name</source>
        <translation>„%1“ ist kein gültiger Crate-Name</translation>
    </message>
    <message>
        <source>%1 has no config.json: its index URL is wrong, or it is not a sparse registry</source>
        <translation>%1 hat keine config.json: Die Index-URL ist falsch, oder es ist keine Sparse-Registry</translation>
    </message>
    <message>
        <source>there is no crate %1 in %2</source>
        <translation>in %2 gibt es kein Crate %1</translation>
    </message>
    <message>
        <source>the feed %1 has no web API: its config.json names no &quot;api&quot;</source>
        <translation>der Feed %1 hat keine Web-API: Seine config.json nennt kein „api“</translation>
    </message>
    <message>
        <source>the feed %1 answered something that is not JSON</source>
        <translation>der Feed %1 hat etwas geantwortet, das kein JSON ist</translation>
    </message>
    <message>
        <source>the feed %1 answered with an error: %2</source>
        <translation>der Feed %1 hat mit einem Fehler geantwortet: %2</translation>
    </message>
    <message>
        <source>the following are not valid category slugs and were ignored: %1</source>
        <translation>folgende Angaben sind keine gültigen Kategorie-Slugs und wurden ignoriert: %1</translation>
    </message>
    <message>
        <source>the following are not valid badges and were ignored: %1</source>
        <translation>folgende Angaben sind keine gültigen Badges und wurden ignoriert: %1</translation>
    </message>
    <message>
        <source>%1 does not look like a ProGet Cargo feed (…/cargo/FEED/), so %2 cannot go through ProGet&apos;s upload</source>
        <translation>%1 sieht nicht nach einem ProGet-Cargo-Feed aus (…/cargo/FEED/), daher kann %2 nicht über den ProGet-Paket-Upload hochgeladen werden</translation>
    </message>
    <message>
        <source>ProGet needs an API key to upload %1 to %2: add one to the feed</source>
        <translation>ProGet braucht einen API-Schlüssel, um %1 nach %2 hochzuladen: Fügen Sie dem Feed einen hinzu</translation>
    </message>
    <message>
        <source>%1: the index file of %2 has a line that was left out: %3</source>
        <translation>%1: Die Indexdatei von %2 enthält eine Zeile, die ausgelassen wurde: %3</translation>
    </message>
    <message>
        <source>the curation report of %1 is not a JSON object</source>
        <translation>der Kurationsbericht von %1 ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no index cache</source>
        <translation>kein Index-Zwischenspeicher</translation>
    </message>
    <message>
        <source>%1@%2 cannot be downloaded from %3: its index line has no valid sha256 checksum</source>
        <translation>%1@%2 kann nicht von %3 heruntergeladen werden: Die Indexzeile hat keine gültige sha256-Prüfsumme</translation>
    </message>
    <message>
        <source>%1 is no web address</source>
        <translation>%1 ist keine Webadresse</translation>
    </message>
    <message>
        <source>%1 has no web API, so its crates cannot be listed; open crates by name instead</source>
        <translation>%1 hat keine Web-API, daher lassen sich die Crates nicht auflisten; öffnen Sie Crates stattdessen über ihren Namen</translation>
    </message>
    <message>
        <source>%1 is a ProGet server, but its index URL does not look like …/cargo/FEED/</source>
        <translation>%1 ist ein ProGet-Server, aber die Index-URL sieht nicht wie …/cargo/FEED/ aus</translation>
    </message>
    <message>
        <source>%1&apos;s metadata of %2@%3 is not a JSON object</source>
        <translation>die Metadaten von %2@%3 bei %1 sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1 is not a ProGet Cargo feed (…/cargo/FEED/)</source>
        <translation>%1 ist kein ProGet-Cargo-Feed (…/cargo/FEED/)</translation>
    </message>
    <message>
        <source>%1&apos;s vulnerability audit is not a JSON list</source>
        <translation>die Schwachstellenprüfung von %1 ist keine JSON-Liste</translation>
    </message>
    <message>
        <source>ProGet needs an API key with the Promote permission to promote into %1: add one to the feed</source>
        <translation>ProGet braucht einen API-Schlüssel mit der Berechtigung „Promote“, um nach %1 zu übertragen: Fügen Sie dem Feed einen hinzu</translation>
    </message>
    <message>
        <source>%1&apos;s promotion history is not a JSON list</source>
        <translation>der Übertragungsverlauf von %1 ist keine JSON-Liste</translation>
    </message>
    <message>
        <source>%1 cannot be reached (%2)</source>
        <translation>%1 ist nicht erreichbar (%2)</translation>
    </message>
    <message>
        <source>%1 cannot be reached (%2), and %3 is not in the cache</source>
        <translation>%1 ist nicht erreichbar (%2), und %3 ist nicht im Zwischenspeicher</translation>
    </message>
</context>
<context>
    <name>RegistryConfig</name>
    <message>
        <source>config.json is not a JSON object (%1)</source>
        <translation>config.json ist kein JSON-Objekt (%1)</translation>
    </message>
    <message>
        <source>config.json has no &quot;dl&quot; download template, so cargo cannot use this feed</source>
        <translation>config.json hat keine Download-Vorlage „dl“, daher kann Cargo diesen Feed nicht verwenden</translation>
    </message>
    <message>
        <source>config.json&apos;s &quot;api&quot; is not a URL: %1</source>
        <translation>„api“ in config.json ist keine URL: %1</translation>
    </message>
</context>
<context>
    <name>RegistryName</name>
    <message>
        <source>registry name cannot be empty</source>
        <translation>der Registry-Name darf nicht leer sein</translation>
    </message>
    <message>
        <source>the name `%1` cannot be used as a registry name, the first character cannot be a number</source>
        <translation>der Name `%1` kann nicht als Registry-Name verwendet werden, das erste Zeichen darf keine Ziffer sein</translation>
    </message>
    <message>
        <source>invalid character `%1` in registry name: `%2`, the first character must be a Unicode XID start character (most letters or `_`)</source>
        <translation>ungültiges Zeichen `%1` im Registry-Namen: `%2`, das erste Zeichen muss ein Unicode-XID-Startzeichen sein (die meisten Buchstaben oder `_`)</translation>
    </message>
    <message>
        <source>invalid character `%1` in registry name: `%2`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)</source>
        <translation>ungültiges Zeichen `%1` im Registry-Namen: `%2`, Zeichen müssen Unicode-XID-Zeichen sein (Ziffern, `-`, `_` oder die meisten Buchstaben)</translation>
    </message>
    <message>
        <source>`crates-io` is cargo&apos;s own name for crates.io; give the feed another name</source>
        <translation>`crates-io` ist Cargos eigener Name für crates.io; geben Sie dem Feed einen anderen Namen</translation>
    </message>
</context>
<context>
    <name>ReverseDependencyModel</name>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (optional)</translation>
    </message>
    <message>
        <source>development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>Crate</source>
        <translation>Crate</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Requires</source>
        <translation>Anforderung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
</context>
<context>
    <name>SemVer</name>
    <message>
        <source>&quot;%1&quot; is not a valid version: %2</source>
        <translation>„%1“ ist keine gültige Version: %2</translation>
    </message>
    <message>
        <source>the version is empty</source>
        <translation>die Version ist leer</translation>
    </message>
</context>
<context>
    <name>SemVerLexer</name>
    <message>
        <source>unexpected end of input while parsing major version</source>
        <translation>unerwartetes Ende der Eingabe beim Lesen der Major-Version</translation>
    </message>
    <message>
        <source>unexpected end of input while parsing minor version</source>
        <translation>unerwartetes Ende der Eingabe beim Lesen der Minor-Version</translation>
    </message>
    <message>
        <source>unexpected end of input while parsing patch version</source>
        <translation>unerwartetes Ende der Eingabe beim Lesen der Patch-Version</translation>
    </message>
    <message>
        <source>unexpected space while parsing major version</source>
        <translation>unerwartetes Leerzeichen beim Lesen der Major-Version</translation>
    </message>
    <message>
        <source>unexpected space while parsing minor version</source>
        <translation>unerwartetes Leerzeichen beim Lesen der Minor-Version</translation>
    </message>
    <message>
        <source>unexpected space while parsing patch version</source>
        <translation>unerwartetes Leerzeichen beim Lesen der Patch-Version</translation>
    </message>
    <message>
        <source>unexpected character %1 while parsing major version</source>
        <translation>unerwartetes Zeichen %1 beim Lesen der Major-Version</translation>
    </message>
    <message>
        <source>unexpected character %1 while parsing minor version</source>
        <translation>unerwartetes Zeichen %1 beim Lesen der Minor-Version</translation>
    </message>
    <message>
        <source>unexpected character %1 while parsing patch version</source>
        <translation>unerwartetes Zeichen %1 beim Lesen der Patch-Version</translation>
    </message>
    <message>
        <source>missing minor version</source>
        <translation>Minor-Version fehlt</translation>
    </message>
    <message>
        <source>missing patch version</source>
        <translation>Patch-Version fehlt</translation>
    </message>
    <message>
        <source>unexpected end of input after patch version</source>
        <translation>unerwartetes Ende der Eingabe nach der Patch-Version</translation>
    </message>
    <message>
        <source>unexpected end of input after pre-release identifier</source>
        <translation>unerwartetes Ende der Eingabe nach der Pre-Release-Kennung</translation>
    </message>
    <message>
        <source>unexpected end of input after build metadata</source>
        <translation>unerwartetes Ende der Eingabe nach den Build-Metadaten</translation>
    </message>
    <message>
        <source>unexpected space after major version</source>
        <translation>unerwartetes Leerzeichen nach der Major-Version</translation>
    </message>
    <message>
        <source>unexpected space after minor version</source>
        <translation>unerwartetes Leerzeichen nach der Minor-Version</translation>
    </message>
    <message>
        <source>unexpected space after patch version</source>
        <translation>unerwartetes Leerzeichen nach der Patch-Version</translation>
    </message>
    <message>
        <source>unexpected space after pre-release identifier</source>
        <translation>unerwartetes Leerzeichen nach der Pre-Release-Kennung</translation>
    </message>
    <message>
        <source>unexpected space after build metadata</source>
        <translation>unerwartetes Leerzeichen nach den Build-Metadaten</translation>
    </message>
    <message>
        <source>unexpected character %1 after major version</source>
        <translation>unerwartetes Zeichen %1 nach der Major-Version</translation>
    </message>
    <message>
        <source>unexpected character %1 after minor version</source>
        <translation>unerwartetes Zeichen %1 nach der Minor-Version</translation>
    </message>
    <message>
        <source>unexpected character %1 after patch version</source>
        <translation>unerwartetes Zeichen %1 nach der Patch-Version</translation>
    </message>
    <message>
        <source>unexpected character %1 after pre-release identifier</source>
        <translation>unerwartetes Zeichen %1 nach der Pre-Release-Kennung</translation>
    </message>
    <message>
        <source>unexpected character %1 after build metadata</source>
        <translation>unerwartetes Zeichen %1 nach den Build-Metadaten</translation>
    </message>
    <message>
        <source>leading zero in major version</source>
        <translation>führende Null in der Major-Version</translation>
    </message>
    <message>
        <source>leading zero in minor version</source>
        <translation>führende Null in der Minor-Version</translation>
    </message>
    <message>
        <source>leading zero in patch version</source>
        <translation>führende Null in der Patch-Version</translation>
    </message>
    <message>
        <source>major version exceeds %1</source>
        <translation>Major-Version übersteigt %1</translation>
    </message>
    <message>
        <source>minor version exceeds %1</source>
        <translation>Minor-Version übersteigt %1</translation>
    </message>
    <message>
        <source>patch version exceeds %1</source>
        <translation>Patch-Version übersteigt %1</translation>
    </message>
    <message>
        <source>unexpected space in build metadata</source>
        <translation>unerwartetes Leerzeichen in den Build-Metadaten</translation>
    </message>
    <message>
        <source>unexpected space in pre-release identifier</source>
        <translation>unerwartetes Leerzeichen in der Pre-Release-Kennung</translation>
    </message>
    <message>
        <source>unexpected character %1 in build metadata</source>
        <translation>unerwartetes Zeichen %1 in den Build-Metadaten</translation>
    </message>
    <message>
        <source>unexpected character %1 in pre-release identifier</source>
        <translation>unerwartetes Zeichen %1 in der Pre-Release-Kennung</translation>
    </message>
    <message>
        <source>empty build metadata identifier</source>
        <translation>leere Build-Metadaten-Kennung</translation>
    </message>
    <message>
        <source>empty pre-release identifier</source>
        <translation>leere Pre-Release-Kennung</translation>
    </message>
    <message>
        <source>leading zero in numeric pre-release identifier &quot;%1&quot;</source>
        <translation>führende Null in der numerischen Pre-Release-Kennung „%1“</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Local feed</source>
        <translation>Lokaler Feed</translation>
    </message>
    <message>
        <source>Local feed port</source>
        <translation>Port des lokalen Feeds</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>&amp;Port on 127.0.0.1:</source>
        <translation>&amp;Port auf 127.0.0.1:</translation>
    </message>
    <message>
        <source>Cargo&apos;s configuration names the port: after a change, use Feed &gt; Use with Cargo again.</source>
        <translation>Die Cargo-Konfiguration nennt den Port: Verwenden Sie nach einer Änderung erneut Feed &gt; Mit Cargo verwenden.</translation>
    </message>
    <message>
        <source>Require a &amp;token to read the local feed</source>
        <translation>Zum Lesen des lokalen Feeds ein &amp;Token verlangen</translation>
    </message>
    <message>
        <source>Cargo and other programs then need a token of the local feed to read its index and download crates.</source>
        <translation>Cargo und andere Programme brauchen dann ein Token des lokalen Feeds, um seinen Index zu lesen und Crates herunterzuladen.</translation>
    </message>
    <message>
        <source>Index cache</source>
        <translation>Index-Zwischenspeicher</translation>
    </message>
    <message>
        <source>Index cache size limit in MiB</source>
        <translation>Größengrenze des Index-Zwischenspeichers in MiB</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Size &amp;limit:</source>
        <translation>&amp;Größengrenze:</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Wird gemessen …</translation>
    </message>
    <message>
        <source>Index cache size on disk</source>
        <translation>Größe des Index-Zwischenspeichers auf der Festplatte</translation>
    </message>
    <message>
        <source>On disk now:</source>
        <translation>Jetzt auf der Festplatte:</translation>
    </message>
    <message>
        <source>Index files confirmed longest ago go first once the cache outgrows the limit.</source>
        <translation>Wächst der Zwischenspeicher über die Grenze, werden zuerst die Indexdateien entfernt, die am längsten nicht bestätigt wurden.</translation>
    </message>
    <message>
        <source>Network proxy</source>
        <translation>Netzwerk-Proxy</translation>
    </message>
    <message>
        <source>Use the s&amp;ystem&apos;s proxy settings</source>
        <translation>Proxy-Einstellungen des S&amp;ystems verwenden</translation>
    </message>
    <message>
        <source>&amp;No proxy</source>
        <translation>&amp;Kein Proxy</translation>
    </message>
    <message>
        <source>&amp;Manual proxy:</source>
        <translation>&amp;Manueller Proxy:</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>Proxy-Host</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Proxy-Port</translation>
    </message>
    <message>
        <source>Proxy po&amp;rt:</source>
        <translation>Proxy-Po&amp;rt:</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Proxy-Benutzername</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy-Passwort</translation>
    </message>
    <message>
        <source>Kept in the keychain; empty keeps the stored one</source>
        <translation>Im Schlüsselbund gespeichert; leer lässt das gespeicherte unverändert</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Requests to the local feed on 127.0.0.1 never go through a proxy.</source>
        <translation>Anfragen an den lokalen Feed auf 127.0.0.1 gehen nie über einen Proxy.</translation>
    </message>
    <message>
        <source>Enter a port number from %1 to %2.</source>
        <translation>Geben Sie eine Portnummer von %1 bis %2 ein.</translation>
    </message>
    <message>
        <source>Ports below %1 need administrator rights; choose one from %1 to %2.</source>
        <translation>Ports unter %1 brauchen Administratorrechte; wählen Sie einen von %1 bis %2.</translation>
    </message>
    <message>
        <source>Ports end at %1; choose one from %2 to %1.</source>
        <translation>Ports enden bei %1; wählen Sie einen von %2 bis %1.</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des Proxys ein.</translation>
    </message>
    <message>
        <source>A host name has no spaces.</source>
        <translation>Ein Hostname enthält keine Leerzeichen.</translation>
    </message>
    <message>
        <source>Enter the host alone, without &quot;http://&quot;; the port has a field of its own.</source>
        <translation>Geben Sie nur den Host ein, ohne „http://“; der Port hat ein eigenes Feld.</translation>
    </message>
    <message>
        <source>This is not a host name or address; the port and user name have fields of their own.</source>
        <translation>Das ist kein Hostname und keine Adresse; Port und Benutzername haben eigene Felder.</translation>
    </message>
    <message>
        <source>Moving the local feed to port %1…</source>
        <translation>Der lokale Feed wird auf Port %1 verlegt …</translation>
    </message>
    <message>
        <source>Port %1 cannot be used (%2). The local feed still serves on port %3.</source>
        <translation>Port %1 kann nicht verwendet werden (%2). Der lokale Feed antwortet weiter auf Port %3.</translation>
    </message>
    <message>
        <source>Port %1 cannot be used.</source>
        <translation>Port %1 kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The proxy&apos;s password could not be kept in the keychain: %1</source>
        <translation>Das Passwort des Proxys konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Clearing…</source>
        <translation>Wird geleert …</translation>
    </message>
    <message>
        <source>The index cache could not be cleared. The log says why.</source>
        <translation>Der Index-Zwischenspeicher konnte nicht geleert werden. Der Grund steht im Protokoll.</translation>
    </message>
    <message>
        <source>&amp;Clear Now</source>
        <translation>Jetzt &amp;leeren</translation>
    </message>
    <message>
        <source>Removes every cached index file at once, without waiting for OK. Feeds are then read from the network again; until then, offline feeds show nothing.</source>
        <translation>Entfernt jede zwischengespeicherte Indexdatei sofort, ohne auf OK zu warten. Feeds werden dann wieder aus dem Netzwerk gelesen; bis dahin zeigen Offline-Feeds nichts an.</translation>
    </message>
    <message>
        <source>Certificate authorities</source>
        <translation>Zertifizierungsstellen</translation>
    </message>
    <message>
        <source>File of certificate authorities to trust</source>
        <translation>Datei mit vertrauenswürdigen Zertifizierungsstellen</translation>
    </message>
    <message>
        <source>None: the system&apos;s only</source>
        <translation>Keine: nur die des Systems</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Also &amp;trust:</source>
        <translation>Zusätzlich &amp;vertrauen:</translation>
    </message>
    <message>
        <source>A PEM file of your organisation&apos;s certificate authorities, as cargo&apos;s http.cainfo names it, for feeds on https whose certificate the system does not know. The command line uses CARGO_HTTP_CAINFO instead when it is set.</source>
        <translation>Eine PEM-Datei mit den Zertifizierungsstellen Ihrer Organisation, wie sie cargos http.cainfo nennt, für Feeds über https, deren Zertifikat das System nicht kennt. Die Befehlszeile verwendet stattdessen CARGO_HTTP_CAINFO, wenn es gesetzt ist.</translation>
    </message>
    <message>
        <source>Choose a File of Certificate Authorities</source>
        <translation>Datei mit Zertifizierungsstellen auswählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the file&apos;s full path, or choose it with Browse.</source>
        <translation>Geben Sie den vollständigen Pfad der Datei ein oder wählen Sie sie mit „Durchsuchen“ aus.</translation>
    </message>
    <message>
        <source>%1 The certificate authorities trusted before stay in effect.</source>
        <translation>%1 Die bisher vertrauenswürdigen Zertifizierungsstellen bleiben in Kraft.</translation>
    </message>
    <message>
        <source>This file cannot be used.</source>
        <translation>Diese Datei kann nicht verwendet werden.</translation>
    </message>
</context>
<context>
    <name>SpdxExpression</name>
    <message>
        <source>unexpected &quot;%1&quot;</source>
        <translation>unerwartetes „%1“</translation>
    </message>
    <message>
        <source>the expression ends where a license was expected</source>
        <translation>der Ausdruck endet, wo eine Lizenz erwartet wurde</translation>
    </message>
    <message>
        <source>missing &quot;)&quot;</source>
        <translation>„)“ fehlt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; where a license was expected</source>
        <translation>„%1“, wo eine Lizenz erwartet wurde</translation>
    </message>
    <message>
        <source>WITH needs an exception identifier after it</source>
        <translation>auf WITH muss eine Ausnahmekennung folgen</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen „%1“</translation>
    </message>
    <message>
        <source>%1 is blocked</source>
        <translation>%1 ist gesperrt</translation>
    </message>
    <message>
        <source>%1 is allowed</source>
        <translation>%1 ist erlaubt</translation>
    </message>
    <message>
        <source>%1 is neither allowed nor blocked</source>
        <translation>%1 ist weder erlaubt noch gesperrt</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>two findings on licenses, each a clause</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>the license expression is empty</source>
        <translation>der Lizenzausdruck ist leer</translation>
    </message>
    <message>
        <source>cannot read the license &quot;%1&quot;: %2</source>
        <translation>die Lizenz „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no license</source>
        <translation>keine Lizenz</translation>
    </message>
    <message>
        <source>declares no license; unknown licenses pass</source>
        <translation>gibt keine Lizenz an; unbekannte Lizenzen werden durchgelassen</translation>
    </message>
    <message>
        <source>declares no license, and unknown licenses are not allowed</source>
        <translation>gibt keine Lizenz an, und unbekannte Lizenzen sind nicht erlaubt</translation>
    </message>
    <message>
        <source>%1; unknown licenses pass</source>
        <comment>why the license cannot be read</comment>
        <translation>%1; unbekannte Lizenzen werden durchgelassen</translation>
    </message>
    <message>
        <source>%1; unknown licenses are not allowed</source>
        <comment>why the license cannot be read</comment>
        <translation>%1; unbekannte Lizenzen sind nicht erlaubt</translation>
    </message>
    <message>
        <source>license %1: %2</source>
        <comment>license expression: findings on its licenses</comment>
        <translation>Lizenz %1: %2</translation>
    </message>
    <message>
        <source>license %1: %2; unknown licenses pass</source>
        <translation>Lizenz %1: %2; unbekannte Lizenzen werden durchgelassen</translation>
    </message>
    <message>
        <source>license %1: %2; unknown licenses are not allowed</source>
        <translation>Lizenz %1: %2; unbekannte Lizenzen sind nicht erlaubt</translation>
    </message>
</context>
<context>
    <name>SqliteMigrations</name>
    <message>
        <source>cannot read the schema version of %1: %2</source>
        <translation>die Schemaversion von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer CrateDesk (schema %2, this one knows %3)</source>
        <translation>%1 wurde von einem neueren CrateDesk geschrieben (Schema %2, diese Version kennt %3)</translation>
    </message>
    <message>
        <source>cannot start migration %1 of %2: %3</source>
        <translation>Migration %1 für %2 kann nicht gestartet werden: %3</translation>
    </message>
    <message>
        <source>migration %1 of %2 failed: %3</source>
        <translation>Migration %1 für %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>migration %1 of %2 could not be committed: %3</source>
        <translation>Migration %1 für %2 konnte nicht festgeschrieben werden (Commit): %3</translation>
    </message>
</context>
<context>
    <name>TomlGuard</name>
    <message>
        <source>a non-ASCII character outside a string or comment</source>
        <translation>ein Nicht-ASCII-Zeichen außerhalb eines Strings oder Kommentars</translation>
    </message>
    <message>
        <source>a table header must start with a key, not &apos;%1&apos;</source>
        <translation>ein Tabellenkopf muss mit einem Schlüssel beginnen, nicht mit „%1“</translation>
    </message>
    <message>
        <source>a table header must start with a key, not byte 0x%1</source>
        <translation>ein Tabellenkopf muss mit einem Schlüssel beginnen, nicht mit dem Byte 0x%1</translation>
    </message>
    <message>
        <source>tables, arrays and dotted keys nested more than %1 deep</source>
        <translation>Tabellen, Arrays und gepunktete Schlüssel, mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>a dotted key or table name with more than %1 parts</source>
        <translation>ein gepunkteter Schlüssel oder Tabellenname mit mehr als %1 Teilen</translation>
    </message>
    <message>
        <source>the text is not UTF-8</source>
        <translation>der Text ist kein UTF-8</translation>
    </message>
    <message>
        <source>a backslash followed by a non-ASCII character in a string (no TOML escape)</source>
        <translation>ein Backslash, gefolgt von einem Nicht-ASCII-Zeichen in einem String (keine TOML-Escape-Sequenz)</translation>
    </message>
    <message>
        <source>a backslash followed by blanks and a non-ASCII character in a string (a line-ending backslash must end its line)</source>
        <translation>ein Backslash, gefolgt von Leerraum und einem Nicht-ASCII-Zeichen in einem String (ein Backslash am Zeilenende muss seine Zeile auch beenden)</translation>
    </message>
</context>
<context>
    <name>TomlLayout</name>
    <message>
        <source>a table header is not closed with ]</source>
        <translation>ein Tabellenkopf ist nicht mit ] geschlossen</translation>
    </message>
    <message>
        <source>unexpected text after a table header</source>
        <translation>unerwarteter Text nach einem Tabellenkopf</translation>
    </message>
    <message>
        <source>unexpected text after a value</source>
        <translation>unerwarteter Text nach einem Wert</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <comment>line number: what is wrong</comment>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>unexpected text</source>
        <translation>unerwarteter Text</translation>
    </message>
    <message>
        <source>a key was expected</source>
        <translation>es wurde ein Schlüssel erwartet</translation>
    </message>
    <message>
        <source>a string is not closed</source>
        <translation>eine Zeichenkette ist nicht geschlossen</translation>
    </message>
    <message>
        <source>arrays and inline tables nested more than %1 deep</source>
        <translation>Arrays und Inline-Tabellen sind mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>an array is not closed with ]</source>
        <translation>ein Array ist nicht mit ] geschlossen</translation>
    </message>
    <message>
        <source>an inline table is not closed with }</source>
        <translation>eine Inline-Tabelle ist nicht mit } geschlossen</translation>
    </message>
    <message>
        <source>a value was expected</source>
        <translation>es wurde ein Wert erwartet</translation>
    </message>
    <message>
        <source>= was expected after a key</source>
        <translation>nach einem Schlüssel wurde = erwartet</translation>
    </message>
</context>
<context>
    <name>UpstreamConnector</name>
    <message>
        <source>%1 answered, but its config.json is not a sparse registry&apos;s: %2</source>
        <translation>%1 hat geantwortet, aber seine config.json ist nicht die einer Sparse-Registry: %2</translation>
    </message>
    <message>
        <source>%1 (the connector&apos;s secret could not be read: %2)</source>
        <comment>upstream error (keychain error)</comment>
        <translation>%1 (das Geheimnis des Connectors konnte nicht gelesen werden: %2)</translation>
    </message>
    <message>
        <source>%1 is a sparse registry with a web API</source>
        <translation>%1 ist eine Sparse-Registry mit Web-API</translation>
    </message>
    <message>
        <source>%1 is a sparse registry without a web API</source>
        <translation>%1 ist eine Sparse-Registry ohne Web-API</translation>
    </message>
    <message>
        <source>%1 is a sparse registry with a web API; it requires credentials, which it accepted</source>
        <translation>%1 ist eine Sparse-Registry mit Web-API; sie verlangt Zugangsdaten und hat sie akzeptiert</translation>
    </message>
    <message>
        <source>%1 is a sparse registry without a web API; it requires credentials, which it accepted</source>
        <translation>%1 ist eine Sparse-Registry ohne Web-API; sie verlangt Zugangsdaten und hat sie akzeptiert</translation>
    </message>
    <message>
        <source>%1 is a sparse registry with a web API; it requires credentials, and none are set</source>
        <translation>%1 ist eine Sparse-Registry mit Web-API; sie verlangt Zugangsdaten, aber es sind keine hinterlegt</translation>
    </message>
    <message>
        <source>%1 is a sparse registry without a web API; it requires credentials, and none are set</source>
        <translation>%1 ist eine Sparse-Registry ohne Web-API; sie verlangt Zugangsdaten, aber es sind keine hinterlegt</translation>
    </message>
</context>
<context>
    <name>VersionComparison</name>
    <message>
        <source>“%1” is not a version: %2</source>
        <translation>„%1“ ist keine Version: %2</translation>
    </message>
    <message>
        <source>no feed to compare in</source>
        <translation>kein Feed zum Vergleichen</translation>
    </message>
    <message>
        <source>%1 has no version %2 in %3</source>
        <translation>%1 hat in %3 keine Version %2</translation>
    </message>
    <message>
        <source>%1@%2 has no valid sha256 checksum in the index</source>
        <translation>%1@%2 hat im Index keine gültige sha256-Prüfsumme</translation>
    </message>
    <message>
        <source>the feed is gone</source>
        <translation>der Feed ist nicht mehr da</translation>
    </message>
</context>
<context>
    <name>VersionDiffFileModel</name>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>added, binary</source>
        <translation>hinzugefügt, binär</translation>
    </message>
    <message>
        <source>removed, binary</source>
        <translation>entfernt, binär</translation>
    </message>
    <message>
        <source>changed, binary</source>
        <translation>geändert, binär</translation>
    </message>
</context>
<context>
    <name>VersionDiffMetadataModel</name>
    <message>
        <source>dev-dependency %1</source>
        <translation>Entwicklungsabhängigkeit %1</translation>
    </message>
    <message>
        <source>build-dependency %1</source>
        <translation>Build-Abhängigkeit %1</translation>
    </message>
    <message>
        <source>dependency %1</source>
        <translation>Abhängigkeit %1</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>feature %1</source>
        <translation>Feature %1</translation>
    </message>
    <message>
        <source>dev-dependency %1 (for %2)</source>
        <translation>Entwicklungsabhängigkeit %1 (für %2)</translation>
    </message>
    <message>
        <source>build-dependency %1 (for %2)</source>
        <translation>Build-Abhängigkeit %1 (für %2)</translation>
    </message>
    <message>
        <source>dependency %1 (for %2)</source>
        <translation>Abhängigkeit %1 (für %2)</translation>
    </message>
</context>
<context>
    <name>VersionListModel</name>
    <message>
        <source>held until %1</source>
        <translation>zurückgehalten bis %1</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>yanked</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>advisory %1</source>
        <translation>Sicherheitshinweis %1</translation>
    </message>
    <message>
        <source>Held by the feed until %1: %2</source>
        <translation>Vom Feed zurückgehalten bis %1: %2</translation>
    </message>
    <message>
        <source>Blocked by the feed: %1</source>
        <translation>Vom Feed gesperrt: %1</translation>
    </message>
    <message>
        <source>Yanked: cargo keeps it for existing lock files but never picks it for new ones.</source>
        <translation>Zurückgezogen: Cargo behält die Version für bestehende Lockfiles, wählt sie aber nie für neue aus.</translation>
    </message>
    <message>
        <source>Advisory %1</source>
        <translation>Sicherheitshinweis %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>MSRV</source>
        <translation>MSRV</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>cargo will not use this version: %1</source>
        <translation>Cargo wird diese Version nicht verwenden: %1</translation>
    </message>
    <message>
        <source>needs a newer cargo (index schema v%1)</source>
        <translation>braucht ein neueres Cargo (Index-Schema v%1)</translation>
    </message>
</context>
<context>
    <name>VersionReq</name>
    <message>
        <source>a wildcard must not be followed by a number</source>
        <translation>auf einen Platzhalter darf keine Zahl folgen</translation>
    </message>
    <message>
        <source>expected a comma after major version, found character %1</source>
        <translation>nach der Major-Version wird ein Komma erwartet, gefunden wurde das Zeichen %1</translation>
    </message>
    <message>
        <source>expected a comma after minor version, found character %1</source>
        <translation>nach der Minor-Version wird ein Komma erwartet, gefunden wurde das Zeichen %1</translation>
    </message>
    <message>
        <source>expected a comma after patch version, found character %1</source>
        <translation>nach der Patch-Version wird ein Komma erwartet, gefunden wurde das Zeichen %1</translation>
    </message>
    <message>
        <source>expected a comma after pre-release identifier, found character %1</source>
        <translation>nach dem Pre-Release-Bezeichner wird ein Komma erwartet, gefunden wurde das Zeichen %1</translation>
    </message>
    <message>
        <source>expected a comma after build metadata, found character %1</source>
        <translation>nach den Build-Metadaten wird ein Komma erwartet, gefunden wurde das Zeichen %1</translation>
    </message>
    <message>
        <source>unexpected end of input after the wildcard</source>
        <translation>unerwartetes Ende der Eingabe nach dem Platzhalter</translation>
    </message>
    <message>
        <source>unexpected space after the wildcard</source>
        <translation>unerwartetes Leerzeichen nach dem Platzhalter</translation>
    </message>
    <message>
        <source>unexpected character %1 after the wildcard</source>
        <translation>unerwartetes Zeichen %1 nach dem Platzhalter</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid version requirement: %2</source>
        <translation>„%1“ ist keine gültige Versionsanforderung: %2</translation>
    </message>
    <message>
        <source>the wildcard %1 must be the only comparator</source>
        <translation>der Platzhalter %1 muss der einzige Vergleichsausdruck sein</translation>
    </message>
    <message numerus="yes">
        <source>more than %n comparators</source>
        <translation>
            <numerusform>mehr als %n Vergleichsausdruck</numerusform>
            <numerusform>mehr als %n Vergleichsausdrücke</numerusform>
        </translation>
    </message>
</context>
</TS>
