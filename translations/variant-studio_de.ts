<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CellStatus</name>
    <message>
        <source>not defined</source>
        <translation>nicht definiert</translation>
    </message>
    <message>
        <source>No recipe on this branch; Generate can write one.</source>
        <translation>Kein Rezept auf diesem Branch; „Erzeugen“ kann eines schreiben.</translation>
    </message>
    <message>
        <source>incompatible</source>
        <translation>inkompatibel</translation>
    </message>
    <message>
        <source>The catalogue says this combination cannot be built.</source>
        <translation>Laut Katalog lässt sich diese Kombination nicht bauen.</translation>
    </message>
    <message>
        <source>defined</source>
        <translation>definiert</translation>
    </message>
    <message>
        <source>A committed recipe.</source>
        <translation>Ein committetes Rezept.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>New or modified in the working tree, not committed.</source>
        <translation>Im Arbeitsverzeichnis neu oder geändert, nicht committet.</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>The recipe has lint warnings or errors.</source>
        <translation>Das Rezept hat Lint-Warnungen oder -Fehler.</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>Waiting in the build queue.</source>
        <translation>Wartet in der Build-Warteschlange.</translation>
    </message>
    <message>
        <source>building</source>
        <translation>wird gebaut</translation>
    </message>
    <message>
        <source>Being built now.</source>
        <translation>Wird gerade gebaut.</translation>
    </message>
    <message>
        <source>built</source>
        <translation>gebaut</translation>
    </message>
    <message>
        <source>The last build succeeded.</source>
        <translation>Der letzte Build war erfolgreich.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>The last build failed.</source>
        <translation>Der letzte Build ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <source>Built and published to the catalog.</source>
        <translation>Gebaut und im Katalog veröffentlicht.</translation>
    </message>
    <message>
        <source>needs PyTorch</source>
        <translation>braucht PyTorch</translation>
    </message>
    <message>
        <source>A companion recipe whose PyTorch recipe is missing on the paired branch.</source>
        <translation>Ein Begleitrezept, dessen PyTorch-Rezept auf dem gepaarten Branch fehlt.</translation>
    </message>
    <message>
        <source>dependency failed</source>
        <translation>Abhängigkeit fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not built: the PyTorch build it waited for failed (the tooltip names its log).</source>
        <translation>Nicht gebaut: Der PyTorch-Build, auf den es gewartet hat, ist fehlgeschlagen (der Tooltip nennt sein Log).</translation>
    </message>
</context>
<context>
    <name>vs</name>
    <message>
        <source>Cannot create the folder of %1</source>
        <translation>Der Ordner von %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>&apos;git %1&apos; failed in %2: %3</source>
        <translation>„git %1“ ist in %2 fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>vs::BranchListModel</name>
    <message numerus="yes">
        <source>%n recipe(s)</source>
        <translation>
            <numerusform>%n Rezept</numerusform>
            <numerusform>%n Rezepte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (checked out: recipes include the working tree)</source>
        <translation>%1 (ausgecheckt: Rezepte enthalten das Arbeitsverzeichnis)</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n recipe(s)</source>
        <translation>
            <numerusform>%1, %n Rezept</numerusform>
            <numerusform>%1, %n Rezepte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vs::BuildController</name>
    <message>
        <source>Build Output</source>
        <translation>Build-Ausgabe</translation>
    </message>
    <message>
        <source>Build Queue</source>
        <translation>Build-Warteschlange</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Bauen</translation>
    </message>
    <message>
        <source>Build the selected cells (double-click a cell does the same)</source>
        <translation>Die ausgewählten Zellen bauen (Doppelklick auf eine Zelle tut dasselbe)</translation>
    </message>
    <message>
        <source>&amp;Cancel Build</source>
        <translation>Build &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Veröffentlichen…</translation>
    </message>
    <message>
        <source>Publish the selected built cell to a Flox organisation</source>
        <translation>Die ausgewählte gebaute Zelle in einer Flox-Organisation veröffentlichen</translation>
    </message>
    <message>
        <source>Open a build repository first: builds run in its folder.</source>
        <translation>Öffnen Sie zuerst ein Build-Repository: Builds laufen in seinem Ordner.</translation>
    </message>
    <message>
        <source>Not built: %1 has no recipe on this branch yet. Generate it first.</source>
        <translation>Nicht gebaut: %1 hat auf diesem Branch noch kein Rezept. Erzeugen Sie es zuerst.</translation>
    </message>
    <message>
        <source>Select a cell with a recipe to build it.</source>
        <translation>Wählen Sie eine Zelle mit Rezept, um sie zu bauen.</translation>
    </message>
    <message>
        <source>Select a built cell of an open repository to publish it.</source>
        <translation>Wählen Sie eine gebaute Zelle eines geöffneten Repositorys, um sie zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Build history: %1</source>
        <translation>Build-Verlauf: %1</translation>
    </message>
    <message>
        <source>A build could not be recorded in the history: %1</source>
        <translation>Ein Build konnte nicht im Verlauf festgehalten werden: %1</translation>
    </message>
    <message>
        <source>Build Whole B&amp;ranch</source>
        <translation>Ganzen B&amp;ranch bauen</translation>
    </message>
    <message>
        <source>Build every recipe of the shown branch (on the build farm when it has builders)</source>
        <translation>Jedes Rezept des angezeigten Branches bauen (auf der Build-Farm, wenn sie Builder hat)</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n build(s) of branch %1.</source>
        <translation>
            <numerusform>%n Build von Branch %1 eingereiht.</numerusform>
            <numerusform>%n Builds von Branch %1 eingereiht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Build R&amp;ow</source>
        <translation>&amp;Zeile bauen</translation>
    </message>
    <message>
        <source>Build every recipe in the current cell&apos;s row (its GPU architecture) of the shown slice</source>
        <translation>Jedes Rezept in der Zeile der aktuellen Zelle (ihre GPU-Architektur) im angezeigten Ausschnitt bauen</translation>
    </message>
    <message>
        <source>Build Co&amp;lumn</source>
        <translation>&amp;Spalte bauen</translation>
    </message>
    <message>
        <source>Build every recipe in the current cell&apos;s column (its CPU ISA) of the shown slice</source>
        <translation>Jedes Rezept in der Spalte der aktuellen Zelle (ihre CPU-ISA) im angezeigten Ausschnitt bauen</translation>
    </message>
    <message>
        <source>Nothing to build: branch %1 has no recipe that is not already queued.</source>
        <translation>Nichts zu bauen: Branch %1 hat kein Rezept, das nicht schon eingereiht ist.</translation>
    </message>
    <message>
        <source>Select a cell first: its row or column is built.</source>
        <translation>Wählen Sie zuerst eine Zelle: ihre Zeile oder Spalte wird gebaut.</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n build(s).</source>
        <translation>
            <numerusform>%n Build eingereiht.</numerusform>
            <numerusform>%n Builds eingereiht.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not built: %1 is not matched with its PyTorch yet (the companion analysis is still running).</source>
        <translation>Nicht gebaut: %1 ist seinem PyTorch noch nicht zugeordnet (die Begleitpaket-Analyse läuft noch).</translation>
    </message>
</context>
<context>
    <name>vs::BuildLogView</name>
    <message>
        <source>No build selected</source>
        <translation>Kein Build ausgewählt</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>⏳ %1 — waiting in the queue</source>
        <translation>⏳ %1 — wartet in der Warteschlange</translation>
    </message>
    <message>
        <source>⚙ %1 — running %2</source>
        <translation>⚙ %1 — läuft seit %2</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>✓ %1 — succeeded in %2</source>
        <translation>✓ %1 — erfolgreich in %2</translation>
    </message>
    <message>
        <source>✗ %1 — failed (exit code %2) after %3</source>
        <translation>✗ %1 — fehlgeschlagen (Exit-Code %2) nach %3</translation>
    </message>
    <message>
        <source>✗ %1 — failed: %2</source>
        <translation>✗ %1 — fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>⊘ %1 — cancelled after %2</source>
        <translation>⊘ %1 — abgebrochen nach %2</translation>
    </message>
    <message>
        <source>⚠ %1 — interrupted</source>
        <translation>⚠ %1 — unterbrochen</translation>
    </message>
</context>
<context>
    <name>vs::BuildNotifier</name>
    <message>
        <source>✓ published to %1</source>
        <translation>✓ veröffentlicht in %1</translation>
    </message>
    <message>
        <source>✓ built</source>
        <translation>✓ gebaut</translation>
    </message>
    <message>
        <source>✗ failed (exit code %1)</source>
        <translation>✗ fehlgeschlagen (Exit-Code %1)</translation>
    </message>
    <message>
        <source>✗ failed: %1</source>
        <translation>✗ fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>⊘ cancelled</source>
        <translation>⊘ abgebrochen</translation>
    </message>
    <message>
        <source>⚠ interrupted</source>
        <translation>⚠ unterbrochen</translation>
    </message>
</context>
<context>
    <name>vs::BuildQueue</name>
    <message>
        <source>dependency failed: %1 did not succeed</source>
        <translation>Abhängigkeit fehlgeschlagen: %1 war nicht erfolgreich</translation>
    </message>
    <message>
        <source>dependency failed: %1 did not succeed (its log: %2)</source>
        <translation>Abhängigkeit fehlgeschlagen: %1 war nicht erfolgreich (sein Log: %2)</translation>
    </message>
</context>
<context>
    <name>vs::BuildQueueModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>%1 with %2 in %3</source>
        <translation>%1 mit %2 in %3</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>%1/%2 derivations</source>
        <translation>%1/%2 Derivations</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>Starts once %1 has succeeded; not run when it fails.</source>
        <translation>Startet, sobald %1 erfolgreich war; läuft nicht, wenn es fehlschlägt.</translation>
    </message>
</context>
<context>
    <name>vs::CompanionOverlay</name>
    <message>
        <source>(no paired branch)</source>
        <translation>(kein gepaarter Branch)</translation>
    </message>
    <message>
        <source>PyTorch %1 on %2: %3</source>
        <translation>PyTorch %1 auf %2: %3</translation>
    </message>
    <message>
        <source>Its last build: %1</source>
        <translation>Sein letzter Build: %1</translation>
    </message>
    <message>
        <source>  %1: %2 (PyTorch recipe: %3)</source>
        <translation>  %1: %2 (PyTorch-Rezept: %3)</translation>
    </message>
</context>
<context>
    <name>vs::CompanionRecipeActions</name>
    <message>
        <source>Generate &amp;Companion Recipes</source>
        <translation>Be&amp;gleitrezepte erzeugen</translation>
    </message>
    <message>
        <source>Generate &amp;PyTorch Recipe</source>
        <translation>Py&amp;Torch-Rezept erzeugen</translation>
    </message>
    <message>
        <source>Write the TorchVision/TorchAudio recipes of the selected PyTorch cells into the workspace&apos;s companion repositories, embedding the PyTorch recipe so both share one PyTorch build</source>
        <translation>Die TorchVision-/TorchAudio-Rezepte der ausgewählten PyTorch-Zellen in die Begleit-Repositorys des Arbeitsbereichs schreiben und dabei das PyTorch-Rezept einbetten, sodass beide einen PyTorch-Build teilen</translation>
    </message>
    <message>
        <source>Write the PyTorch recipe the selected companion recipes lack, with their nixpkgs pin, into the PyTorch repository</source>
        <translation>Das PyTorch-Rezept, das den ausgewählten Begleitrezepten fehlt, mit deren nixpkgs-Pin in das PyTorch-Repository schreiben</translation>
    </message>
    <message>
        <source>Select PyTorch cells of an open repository to generate their companion recipes.</source>
        <translation>Wählen Sie PyTorch-Zellen eines geöffneten Repositorys, um ihre Begleitrezepte zu erzeugen.</translation>
    </message>
    <message>
        <source>The companion repositories are still being read; try again in a moment.</source>
        <translation>Die Begleit-Repositorys werden noch eingelesen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>No companion repository in the workspace: add one with File › Add Repository to Workspace…</source>
        <translation>Kein Begleit-Repository im Arbeitsbereich: Fügen Sie eines hinzu mit Datei › Repository zum Arbeitsbereich hinzufügen…</translation>
    </message>
    <message>
        <source>Select companion recipes in the Companions dock to generate their PyTorch recipes.</source>
        <translation>Wählen Sie Begleitrezepte im Dock „Begleitpakete“, um ihre PyTorch-Rezepte zu erzeugen.</translation>
    </message>
    <message numerus="yes">
        <source>Kept %n existing recipe(s) unchanged.</source>
        <translation>
            <numerusform>%n vorhandenes Rezept unverändert gelassen.</numerusform>
            <numerusform>%n vorhandene Rezepte unverändert gelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing %n recipe(s)…</source>
        <translation>
            <numerusform>Schreibe %n Rezept…</numerusform>
            <numerusform>Schreibe %n Rezepte…</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1 (staged)</source>
        <translation>%1 geschrieben (zum Commit vorgemerkt)</translation>
    </message>
</context>
<context>
    <name>vs::CompanionTableModel</name>
    <message>
        <source>(no paired branch)</source>
        <translation>(kein gepaarter Branch)</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>Begleitpaket</translation>
    </message>
    <message>
        <source>PyTorch partner</source>
        <translation>PyTorch-Partner</translation>
    </message>
    <message>
        <source>PyTorch status</source>
        <translation>PyTorch-Status</translation>
    </message>
    <message>
        <source>PyTorch build</source>
        <translation>PyTorch-Build</translation>
    </message>
</context>
<context>
    <name>vs::CompanionsController</name>
    <message numerus="yes">
        <source>%n companion recipe(s)</source>
        <translation>
            <numerusform>%n Begleitrezept</numerusform>
            <numerusform>%n Begleitrezepte</numerusform>
        </translation>
    </message>
    <message>
        <source>Evaluating the companion recipes…</source>
        <translation>Begleitrezepte werden ausgewertet…</translation>
    </message>
    <message>
        <source>%1/%2:%3: %4 (branches are paired by inference)</source>
        <translation>%1/%2:%3: %4 (die Branch-Paarung ist abgeleitet)</translation>
    </message>
</context>
<context>
    <name>vs::CompanionsDock</name>
    <message>
        <source>Companions</source>
        <translation>Begleitpakete</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>no PyTorch recipe</source>
        <translation>kein PyTorch-Rezept</translation>
    </message>
    <message>
        <source>no %1 recipe</source>
        <translation>kein %1-Rezept</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>Paarung</translation>
    </message>
    <message>
        <source>no PyTorch branch</source>
        <translation>kein PyTorch-Branch</translation>
    </message>
    <message>
        <source>%1: %2 ↔ %3</source>
        <translation>%1: %2 ↔ %3</translation>
    </message>
    <message>
        <source>no partner</source>
        <translation>kein Partner</translation>
    </message>
    <message>
        <source>stated</source>
        <translation>angegeben</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>abgeleitet</translation>
    </message>
</context>
<context>
    <name>vs::EditController</name>
    <message>
        <source>&amp;Edit Recipes…</source>
        <translation>Rezepte &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Change the pin, a setting or any text in the recipes of several branches, with a preview</source>
        <translation>Den Pin, eine Einstellung oder beliebigen Text in den Rezepten mehrerer Branches ändern, mit Vorschau</translation>
    </message>
    <message>
        <source># branch %1
</source>
        <translation># Branch %1
</translation>
    </message>
    <message>
        <source>
# left alone
</source>
        <translation>
# unverändert gelassen
</translation>
    </message>
    <message>
        <source>%1 file(s) would change on %2 branch(es); %3 already so, %4 not recognised, %5 skipped.</source>
        <translation>%1 Datei(en) würden sich auf %2 Branch(es) ändern; %3 schon so, %4 nicht erkannt, %5 übersprungen.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Open a build repository first: Edit Recipes changes its branches.</source>
        <translation>Öffnen Sie zuerst ein Build-Repository: „Rezepte bearbeiten“ ändert seine Branches.</translation>
    </message>
    <message>
        <source>Computing the preview…</source>
        <translation>Vorschau wird berechnet…</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>Wird committet…</translation>
    </message>
    <message>
        <source>&amp;Undo Last Edit</source>
        <translation>Letzte Bearbeitung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Revert the commits of the last Edit Recipes change (refused when a branch moved since)</source>
        <translation>Die Commits der letzten Änderung mit „Rezepte bearbeiten“ zurücknehmen (verweigert, wenn sich ein Branch seitdem bewegt hat)</translation>
    </message>
    <message>
        <source>Committed %1 (not pushed; Undo Last Edit reverts it).</source>
        <translation>%1 committet (nicht gepusht; „Letzte Bearbeitung rückgängig machen“ nimmt es zurück).</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>Nicht rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Undid &quot;%1&quot;: reverted with %2 (not pushed).</source>
        <translation>„%1“ rückgängig gemacht: zurückgenommen mit %2 (nicht gepusht).</translation>
    </message>
    <message>
        <source>The deep check needs nix-instantiate on PATH; uncheck it or install Nix.</source>
        <translation>Die Tiefenprüfung braucht nix-instantiate im PATH; schalten Sie sie ab oder installieren Sie Nix.</translation>
    </message>
    <message>
        <source>Computing the preview and deep-checking the changed recipes…</source>
        <translation>Vorschau wird berechnet und die geänderten Rezepte werden tiefengeprüft…</translation>
    </message>
    <message>
        <source># left alone on branch %1 (what regenerating it would change)
</source>
        <translation># unverändert gelassen auf Branch %1 (was ein Neuerzeugen ändern würde)
</translation>
    </message>
    <message>
        <source> Deep-checked the changed recipes before and after.</source>
        <translation> Die geänderten Rezepte wurden vorher und nachher tiefengeprüft.</translation>
    </message>
    <message numerus="yes">
        <source> The change brings %n new lint or deep-check error(s):
</source>
        <translation>
            <numerusform> Die Änderung bringt %n neuen Lint- oder Tiefenprüfungsfehler:
</numerusform>
            <numerusform> Die Änderung bringt %n neue Lint- oder Tiefenprüfungsfehler:
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> The change brings %n new lint error(s):
</source>
        <translation>
            <numerusform> Die Änderung bringt %n neuen Lint-Fehler:
</numerusform>
            <numerusform> Die Änderung bringt %n neue Lint-Fehler:
</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a build repository first: Undo Last Edit reverts an edit of its branches.</source>
        <translation>Öffnen Sie zuerst ein Build-Repository: „Letzte Bearbeitung rückgängig machen“ nimmt eine Bearbeitung seiner Branches zurück.</translation>
    </message>
    <message>
        <source>Undoing the last edit…</source>
        <translation>Letzte Bearbeitung wird rückgängig gemacht…</translation>
    </message>
</context>
<context>
    <name>vs::EditRecipesDialog</name>
    <message>
        <source>Edit Recipes</source>
        <translation>Rezepte bearbeiten</translation>
    </message>
    <message>
        <source>Set the nixpkgs pin</source>
        <translation>Den nixpkgs-Pin setzen</translation>
    </message>
    <message>
        <source>Set a binding or attribute</source>
        <translation>Eine Bindung oder ein Attribut setzen</translation>
    </message>
    <message>
        <source>Find and replace (regular expression)</source>
        <translation>Suchen und ersetzen (regulärer Ausdruck)</translation>
    </message>
    <message>
        <source>all variants, or a wildcard such as pytorch-*-cuda12_9-*</source>
        <translation>alle Varianten, oder ein Muster wie pytorch-*-cuda12_9-*</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>Änderung:</translation>
    </message>
    <message>
        <source>Variants:</source>
        <translation>Varianten:</translation>
    </message>
    <message>
        <source>Branches:</source>
        <translation>Branches:</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>&amp;Apply (one commit per branch)</source>
        <translation>&amp;Anwenden (ein Commit je Branch)</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>Revision:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>Muster:</translation>
    </message>
    <message>
        <source>sha256 (if the pin has one):</source>
        <translation>sha256 (falls der Pin eine hat):</translation>
    </message>
    <message>
        <source>Value (Nix):</source>
        <translation>Wert (Nix):</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>Ersetzen durch:</translation>
    </message>
    <message>
        <source>%1 (checked out)</source>
        <translation>%1 (ausgecheckt)</translation>
    </message>
    <message>
        <source>Regenerate from the template</source>
        <translation>Aus der Vorlage neu erzeugen</translation>
    </message>
    <message>
        <source>Deep check the changed recipes before and after (nix-instantiate; slower)</source>
        <translation>Die geänderten Rezepte vorher und nachher tiefenprüfen (nix-instantiate; langsamer)</translation>
    </message>
    <message>
        <source>&amp;Undo Last Edit</source>
        <translation>Letzte Bearbeitung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Revert the commits of the last edit (one revert commit per branch; refused when a branch moved since)</source>
        <translation>Die Commits der letzten Bearbeitung zurücknehmen (ein Revert-Commit je Branch; verweigert, wenn sich ein Branch seitdem bewegt hat)</translation>
    </message>
    <message>
        <source>Apply anyway, with the new errors</source>
        <translation>Trotzdem anwenden, mit den neuen Fehlern</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>none, or hand-made variants to overwrite too, separated by spaces</source>
        <translation>keine, oder von Hand erstellte Varianten, die ebenfalls überschrieben werden, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>Overwrite:</source>
        <translation>Überschreiben:</translation>
    </message>
</context>
<context>
    <name>vs::FarmController</name>
    <message>
        <source>Build Farm</source>
        <translation>Build-Farm</translation>
    </message>
    <message>
        <source>Builders</source>
        <translation>Builder</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>Nix&apos;s configuration names no builders (nix.conf, /etc/nix/machines).</source>
        <translation>Die Nix-Konfiguration nennt keine Builder (nix.conf, /etc/nix/machines).</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>reachable, Nix %1</source>
        <translation>erreichbar, Nix %1</translation>
    </message>
    <message>
        <source>, not trusted (add the user to trusted-users on the builder)</source>
        <translation>, nicht vertrauenswürdig (fügen Sie den Benutzer auf dem Builder zu trusted-users hinzu)</translation>
    </message>
    <message>
        <source>, trusted</source>
        <translation>, vertrauenswürdig</translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation>nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Build &amp;Farm…</source>
        <translation>Build-&amp;Farm…</translation>
    </message>
    <message>
        <source>The builders Nix distributes builds to, farm only and retries</source>
        <translation>Die Builder, an die Nix Builds verteilt, „Nur Farm“ und Wiederholungen</translation>
    </message>
</context>
<context>
    <name>vs::FarmDock</name>
    <message>
        <source>&amp;Check Builders</source>
        <translation>Builder &amp;prüfen</translation>
    </message>
    <message>
        <source>Builder</source>
        <translation>Builder</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systeme</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
</context>
<context>
    <name>vs::FarmSettingsDialog</name>
    <message>
        <source>Build Farm</source>
        <translation>Build-Farm</translation>
    </message>
    <message>
        <source>&lt;b&gt;Builders&lt;/b&gt; for Nix&apos;s distributed builds, one a line in Nix&apos;s machines format (&lt;tt&gt;-&lt;/tt&gt; for a default):&lt;br&gt;&lt;tt&gt;URI systems ssh-key max-jobs speed-factor supported-features mandatory-features host-key&lt;/tt&gt;&lt;br&gt;The recipes require &lt;tt&gt;big-parallel&lt;/tt&gt;, so a builder must list it. Changes apply to builds that start later.</source>
        <translation>&lt;b&gt;Builder&lt;/b&gt; für die verteilten Builds von Nix, einer je Zeile im machines-Format von Nix (&lt;tt&gt;-&lt;/tt&gt; für einen Standardwert):&lt;br&gt;&lt;tt&gt;URI systems ssh-key max-jobs speed-factor supported-features mandatory-features host-key&lt;/tt&gt;&lt;br&gt;Die Rezepte verlangen &lt;tt&gt;big-parallel&lt;/tt&gt;, daher muss ein Builder es aufführen. Änderungen gelten für Builds, die später starten.</translation>
    </message>
    <message>
        <source>Check in the &amp;Dock</source>
        <translation>Im &amp;Dock prüfen</translation>
    </message>
    <message>
        <source>Show the Build Farm dock, which checks every builder and lists the result</source>
        <translation>Das Build-Farm-Dock zeigen, das jeden Builder prüft und das Ergebnis auflistet</translation>
    </message>
</context>
<context>
    <name>vs::FarmSettingsEditor</name>
    <message>
        <source>Farm only (build nothing on this machine)</source>
        <translation>Nur Farm (nichts auf diesem Rechner bauen)</translation>
    </message>
    <message>
        <source>&amp;Import from Nix</source>
        <translation>Aus Nix &amp;importieren</translation>
    </message>
    <message>
        <source>One builder a line (Nix&apos;s machines format), e.g.
ssh-ng://builder1 x86_64-linux - 8 1 big-parallel
Empty: the builders of your Nix configuration.</source>
        <translation>Ein Builder je Zeile (machines-Format von Nix), z. B.
ssh-ng://builder1 x86_64-linux - 8 1 big-parallel
Leer: die Builder Ihrer Nix-Konfiguration.</translation>
    </message>
    <message>
        <source>Retries: </source>
        <translation>Wiederholungen: </translation>
    </message>
    <message>
        <source>How often a build is queued again when a builder failed it (unreachable, dropped)</source>
        <translation>Wie oft ein Build erneut eingereiht wird, wenn ein Builder daran gescheitert ist (nicht erreichbar, Verbindung abgebrochen)</translation>
    </message>
    <message>
        <source>Replace the lines with the builders of your Nix configuration (nix.conf, /etc/nix/machines)</source>
        <translation>Die Zeilen durch die Builder Ihrer Nix-Konfiguration ersetzen (nix.conf, /etc/nix/machines)</translation>
    </message>
</context>
<context>
    <name>vs::HardwareController</name>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>No NVIDIA driver found (nvidia-smi is missing)</source>
        <translation>Kein NVIDIA-Treiber gefunden (nvidia-smi fehlt)</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>%1 (%2, compute %3) %4</source>
        <translation>%1 (%2, Compute %3) %4</translation>
    </message>
    <message>
        <source>not in the catalogue</source>
        <translation>nicht im Katalog</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>Highest CUDA</source>
        <translation>Höchstes CUDA</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>unbekanntes Modell</translation>
    </message>
    <message>
        <source>Runs ISAs</source>
        <translation>Unterstützte ISAs</translation>
    </message>
    <message>
        <source>none of the catalogue</source>
        <translation>keine aus dem Katalog</translation>
    </message>
    <message>
        <source>Alternative</source>
        <translation>Alternative</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
    <message>
        <source>nothing in the catalogue fits</source>
        <translation>nichts im Katalog passt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Branch &apos;%1&apos; builds CUDA %2, which needs driver %3 or newer; this machine has %4.</source>
        <translation>Branch &apos;%1&apos; baut CUDA %2, das Treiber %3 oder neuer braucht; dieser Rechner hat %4.</translation>
    </message>
    <message>
        <source>No recipe on branch &apos;%1&apos; runs on this machine.</source>
        <translation>Kein Rezept auf Branch &apos;%1&apos; läuft auf diesem Rechner.</translation>
    </message>
</context>
<context>
    <name>vs::HardwareDock</name>
    <message>
        <source>This machine</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <source>&amp;Go to my cell</source>
        <translation>&amp;Zu meiner Zelle</translation>
    </message>
    <message>
        <source>Select the variant recommended for this machine on the current branch</source>
        <translation>Die für diesen Rechner empfohlene Variante auf dem aktuellen Branch auswählen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Looking at the GPUs and the CPU…</source>
        <translation>GPUs und CPU werden untersucht …</translation>
    </message>
</context>
<context>
    <name>vs::Legend</name>
    <message>
        <source>runs on this machine</source>
        <translation>läuft auf diesem Rechner</translation>
    </message>
    <message>
        <source>A corner mark: this machine&apos;s GPU, driver and CPU can run the variant.</source>
        <translation>Eine Eckmarkierung: GPU, Treiber und CPU dieses Rechners können die Variante ausführen.</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>empfohlen</translation>
    </message>
    <message>
        <source>A bold frame: the best variant for this machine.</source>
        <translation>Ein fetter Rahmen: die beste Variante für diesen Rechner.</translation>
    </message>
    <message>
        <source>its PyTorch: status, = shared / ≠ own build</source>
        <translation>sein PyTorch: Status, = geteilter / ≠ eigener Build</translation>
    </message>
    <message>
        <source>On a TorchVision or TorchAudio cell: its PyTorch partner&apos;s status (⚠ needs PyTorch, ✓ defined, ◆ built, ★ published), then = when both share one PyTorch build or ≠ when the companion builds its own PyTorch.</source>
        <translation>Auf einer TorchVision- oder TorchAudio-Zelle: der Status des PyTorch-Partners (⚠ braucht PyTorch, ✓ definiert, ◆ gebaut, ★ veröffentlicht), dann =, wenn beide einen PyTorch-Build teilen, oder ≠, wenn das Begleitpaket sein eigenes PyTorch baut.</translation>
    </message>
</context>
<context>
    <name>vs::MainWindow</name>
    <message>
        <source>Variant Studio</source>
        <translation>Variant Studio</translation>
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
        <source>Open a build repository to see its matrix.</source>
        <translation>Öffnen Sie ein Build-Repository, um seine Matrix zu sehen.</translation>
    </message>
    <message>
        <source>No repository open: this is the catalogue&apos;s plan. Open a build repository (File › Open…, or drop a folder here) or create one with File › New Build Repository…</source>
        <translation>Kein Repository geöffnet: Dies ist der Plan des Katalogs. Öffnen Sie ein Build-Repository (Datei › Öffnen… oder einen Ordner hierher ziehen) oder legen Sie eines an mit Datei › Neues Build-Repository…</translation>
    </message>
    <message>
        <source>Scanning %p%</source>
        <translation>Einlesen %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop scanning the repository</source>
        <translation>Das Einlesen des Repositorys anhalten</translation>
    </message>
    <message>
        <source>&amp;Open Repository…</source>
        <translation>Repository ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;New Build Repository…</source>
        <translation>&amp;Neues Build-Repository…</translation>
    </message>
    <message>
        <source>Re&amp;scan</source>
        <translation>Neu &amp;einlesen</translation>
    </message>
    <message>
        <source>&amp;Recipe</source>
        <translation>&amp;Rezept</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Bauen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Go to My Cell</source>
        <translation>&amp;Zu meiner Zelle</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Scanning %1…</source>
        <translation>Lese %1 ein…</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Scan cancelled.</source>
        <translation>Einlesen abgebrochen.</translation>
    </message>
    <message>
        <source>%1 — Variant Studio</source>
        <translation>%1 — Variant Studio</translation>
    </message>
    <message>
        <source>%1 has no branches with commits yet. Generate recipes after the first commit.</source>
        <translation>%1 hat noch keine Branches mit Commits. Erzeugen Sie Rezepte nach dem ersten Commit.</translation>
    </message>
    <message>
        <source>Open Build Repository</source>
        <translation>Build-Repository öffnen</translation>
    </message>
    <message>
        <source>New Build Repository: Choose an Empty Folder</source>
        <translation>Neues Build-Repository: einen leeren Ordner wählen</translation>
    </message>
    <message>
        <source>New Build Repository</source>
        <translation>Neues Build-Repository</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <source>Quit Variant Studio</source>
        <translation>Variant Studio beenden</translation>
    </message>
    <message>
        <source>Builds are still running or queued. Quit and stop them?</source>
        <translation>Es laufen oder warten noch Builds. Beenden und sie anhalten?</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>Branches</translation>
    </message>
    <message>
        <source>&amp;Add Repository to Workspace…</source>
        <translation>Repository zum Arbeitsbereich &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a TorchVision or TorchAudio build repository next to the open PyTorch repository</source>
        <translation>Ein TorchVision- oder TorchAudio-Build-Repository neben dem geöffneten PyTorch-Repository hinzufügen</translation>
    </message>
    <message>
        <source>Add Repository to Workspace</source>
        <translation>Repository zum Arbeitsbereich hinzufügen</translation>
    </message>
    <message>
        <source>Build &amp;Farm Dock</source>
        <translation>Build-&amp;Farm-Dock</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
</context>
<context>
    <name>vs::MatrixFilterProxy</name>
    <message>
        <source>All cells</source>
        <translation>Alle Zellen</translation>
    </message>
    <message>
        <source>Only problems</source>
        <translation>Nur Probleme</translation>
    </message>
    <message>
        <source>Only defined</source>
        <translation>Nur definierte</translation>
    </message>
    <message>
        <source>Only not defined</source>
        <translation>Nur nicht definierte</translation>
    </message>
</context>
<context>
    <name>vs::MatrixModel</name>
    <message numerus="yes">
        <source>%n files describe this cell: %1</source>
        <translation>
            <numerusform>%n Datei beschreibt diese Zelle: %1</numerusform>
            <numerusform>%n Dateien beschreiben diese Zelle: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Working tree: %1</source>
        <translation>Arbeitsverzeichnis: %1</translation>
    </message>
    <message>
        <source>pname: %1</source>
        <translation>pname: %1</translation>
    </message>
    <message>
        <source>GPU architecture: %1</source>
        <translation>GPU-Architektur: %1</translation>
    </message>
    <message>
        <source>CPU flags: %1</source>
        <translation>CPU-Flags: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Problems:
%1</source>
        <translation>Probleme:
%1</translation>
    </message>
    <message>
        <source>Runs on this machine</source>
        <translation>Läuft auf diesem Rechner</translation>
    </message>
    <message>
        <source>Recommended for this machine</source>
        <translation>Für diesen Rechner empfohlen</translation>
    </message>
    <message>
        <source>%1: not in the catalogue</source>
        <translation>%1: nicht im Katalog</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>Nur CPU</translation>
    </message>
    <message>
        <source>Builds without CUDA</source>
        <translation>Builds ohne CUDA</translation>
    </message>
    <message>
        <source>macOS (MPS)</source>
        <translation>macOS (MPS)</translation>
    </message>
    <message>
        <source>Compute capability %1: %2</source>
        <translation>Compute Capability %1: %2</translation>
    </message>
</context>
<context>
    <name>vs::NewRepository</name>
    <message>
        <source>No folder chosen.</source>
        <translation>Kein Ordner gewählt.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>%1 is not empty. Choose an empty folder for a new build repository.</source>
        <translation>%1 ist nicht leer. Wählen Sie einen leeren Ordner für ein neues Build-Repository.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>vs::PreviewController</name>
    <message>
        <source>Select a cell to see its recipe.</source>
        <translation>Wählen Sie eine Zelle, um ihr Rezept zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n cells selected</source>
        <translation>
            <numerusform>%n Zelle ausgewählt</numerusform>
            <numerusform>%n Zellen ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on branch %2</source>
        <translation>%1 auf Branch %2</translation>
    </message>
    <message>
        <source>%1 on branch %2 (%3 in the working tree)</source>
        <translation>%1 auf Branch %2 (%3 im Arbeitsverzeichnis)</translation>
    </message>
    <message>
        <source>Problems:
%1</source>
        <translation>Probleme:
%1</translation>
    </message>
    <message>
        <source>This variant cannot be built:
%1</source>
        <translation>Diese Variante kann nicht gebaut werden:
%1</translation>
    </message>
    <message>
        <source>Not in the repository yet — this is what Generate would write.</source>
        <translation>Noch nicht im Repository — so würde „Erzeugen“ es schreiben.</translation>
    </message>
    <message>
        <source>Plan: no repository open (profile %1)</source>
        <translation>Plan: kein Repository geöffnet (Profil %1)</translation>
    </message>
    <message>
        <source>Would be .flox/pkgs/%1 on branch %2</source>
        <translation>Wäre .flox/pkgs/%1 auf Branch %2</translation>
    </message>
    <message>
        <source>Cannot generate this recipe: %1</source>
        <translation>Dieses Rezept kann nicht erzeugt werden: %1</translation>
    </message>
</context>
<context>
    <name>vs::PublishDialog</name>
    <message>
        <source>Check &amp;again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>Publish %1</source>
        <translation>%1 veröffentlichen</translation>
    </message>
    <message>
        <source>your Flox organisation</source>
        <translation>Ihre Flox-Organisation</translation>
    </message>
    <message>
        <source>Letters, digits, - and _ only.</source>
        <translation>Nur Buchstaben, Ziffern, - und _.</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Branch:</source>
        <translation>Branch:</translation>
    </message>
    <message>
        <source>(checked out)</source>
        <translation>(ausgecheckt)</translation>
    </message>
    <message>
        <source>Before publishing, Flox requires:</source>
        <translation>Vor dem Veröffentlichen verlangt Flox:</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>nicht erfüllt</translation>
    </message>
</context>
<context>
    <name>vs::QueueView</name>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Cancel build</source>
        <translation>Build &amp;abbrechen</translation>
    </message>
    <message>
        <source>Build the selected waiting job earlier</source>
        <translation>Den ausgewählten wartenden Auftrag früher bauen</translation>
    </message>
    <message>
        <source>Build the selected waiting job later</source>
        <translation>Den ausgewählten wartenden Auftrag später bauen</translation>
    </message>
    <message>
        <source>Take the selected waiting job out of the queue</source>
        <translation>Den ausgewählten wartenden Auftrag aus der Warteschlange nehmen</translation>
    </message>
    <message>
        <source>Stop the selected build (its whole process group)</source>
        <translation>Den ausgewählten Build anhalten (seine ganze Prozessgruppe)</translation>
    </message>
</context>
<context>
    <name>vs::ReadmeBlocksDialog</name>
    <message>
        <source>README Blocks</source>
        <translation>README-Blöcke</translation>
    </message>
    <message>
        <source>&amp;Insert Block at Cursor</source>
        <translation>Block an Cursorposition &amp;einfügen</translation>
    </message>
    <message>
        <source>&amp;Write (one commit per branch)</source>
        <translation>&amp;Schreiben (ein Commit je Branch)</translation>
    </message>
    <message>
        <source>%1
    %2</source>
        <translation>%1
    %2</translation>
    </message>
</context>
<context>
    <name>vs::ReadmeController</name>
    <message>
        <source>README &amp;Blocks…</source>
        <translation>README-B&amp;löcke…</translation>
    </message>
    <message>
        <source>Refresh the generated matrix block in every branch&apos;s README, or insert one</source>
        <translation>Den erzeugten Matrix-Block im README jedes Branches aktualisieren oder einen einfügen</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>README blocks committed: %1 (not pushed; Recipe › Undo Last Edit reverts it).</source>
        <translation>README-Blöcke committet: %1 (nicht gepusht; Rezept › Letzte Bearbeitung rückgängig machen nimmt es zurück).</translation>
    </message>
    <message>
        <source>Open a build repository first: README Blocks reads its branches.</source>
        <translation>Öffnen Sie zuerst ein Build-Repository: „README-Blöcke“ liest seine Branches.</translation>
    </message>
    <message>
        <source>Reading every branch&apos;s README…</source>
        <translation>README jedes Branches wird gelesen…</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>stale: Write refreshes it</source>
        <translation>veraltet: „Schreiben“ aktualisiert ihn</translation>
    </message>
    <message>
        <source>block inserted: Write commits it</source>
        <translation>Block eingefügt: „Schreiben“ committet ihn</translation>
    </message>
    <message>
        <source>no block: put the cursor where it goes</source>
        <translation>kein Block: Setzen Sie den Cursor an die gewünschte Stelle</translation>
    </message>
    <message>
        <source>Nothing to write.</source>
        <translation>Nichts zu schreiben.</translation>
    </message>
    <message numerus="yes">
        <source>%n README(s) to write: %1.</source>
        <translation>
            <numerusform>%n README zu schreiben: %1.</numerusform>
            <numerusform>%n READMEs zu schreiben: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>Wird committet…</translation>
    </message>
</context>
<context>
    <name>vs::RecipeActions</name>
    <message>
        <source>&amp;Generate Recipe</source>
        <translation>Rezept &amp;erzeugen</translation>
    </message>
    <message>
        <source>Copy &amp;Package Name</source>
        <translation>&amp;Paketnamen kopieren</translation>
    </message>
    <message>
        <source>Copy `flox &amp;build` Command</source>
        <translation>`flox &amp;build`-Befehl kopieren</translation>
    </message>
    <message>
        <source>Open in External &amp;Editor</source>
        <translation>In externem &amp;Editor öffnen</translation>
    </message>
    <message>
        <source>Write the recipe of the selected cells into the working tree and stage it</source>
        <translation>Das Rezept der ausgewählten Zellen ins Arbeitsverzeichnis schreiben und vormerken (git add)</translation>
    </message>
    <message>
        <source>Overwrite Recipes?</source>
        <translation>Rezepte überschreiben?</translation>
    </message>
    <message>
        <source>These recipes already exist in the working tree:
%1

Replace them with the generated text?</source>
        <translation>Diese Rezepte gibt es schon im Arbeitsverzeichnis:
%1

Durch den erzeugten Text ersetzen?</translation>
    </message>
    <message>
        <source>Open a build repository (or create one with File › New Build Repository…) before generating recipes.</source>
        <translation>Öffnen Sie ein Build-Repository (oder legen Sie eines an mit Datei › Neues Build-Repository…), bevor Sie Rezepte erzeugen.</translation>
    </message>
    <message>
        <source>Recipes are written into the working tree, which holds branch &apos;%1&apos;, not &apos;%2&apos;. Check out &apos;%2&apos; first (git switch %2), then generate.</source>
        <translation>Rezepte werden ins Arbeitsverzeichnis geschrieben, das Branch &apos;%1&apos; enthält, nicht &apos;%2&apos;. Checken Sie zuerst &apos;%2&apos; aus (git switch %2) und erzeugen Sie dann.</translation>
    </message>
    <message>
        <source>(detached HEAD)</source>
        <translation>(losgelöster HEAD)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Kept %n existing recipe(s) unchanged.</source>
        <translation>
            <numerusform>%n vorhandenes Rezept unverändert gelassen.</numerusform>
            <numerusform>%n vorhandene Rezepte unverändert gelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Writing %n recipe(s)…</source>
        <translation>
            <numerusform>Schreibe %n Rezept…</numerusform>
            <numerusform>Schreibe %n Rezepte…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no recipe yet: generate it first.</source>
        <translation>%1 hat noch kein Rezept: erzeugen Sie es zuerst.</translation>
    </message>
    <message>
        <source>%1 is on branch &apos;%2&apos;, which is not checked out: the working tree has no such file to edit.</source>
        <translation>%1 liegt auf Branch &apos;%2&apos;, der nicht ausgecheckt ist: Das Arbeitsverzeichnis hat keine solche Datei zum Bearbeiten.</translation>
    </message>
</context>
<context>
    <name>vs::RecipePreview</name>
    <message>
        <source>Show &amp;drift</source>
        <translation>Ab&amp;weichung zeigen</translation>
    </message>
    <message>
        <source>Compare the recipe with what the template would generate, line by line</source>
        <translation>Das Rezept Zeile für Zeile mit dem vergleichen, was die Vorlage erzeugen würde</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <source>Show &amp;drift (+%1 −%2)</source>
        <translation>Ab&amp;weichung zeigen (+%1 −%2)</translation>
    </message>
    <message>
        <source>No drift</source>
        <translation>Keine Abweichung</translation>
    </message>
</context>
<context>
    <name>vs::RepositoryController</name>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
</context>
<context>
    <name>vs::SliceSelector</name>
    <message>
        <source>&amp;Package:</source>
        <translation>&amp;Paket:</translation>
    </message>
    <message>
        <source>P&amp;ython:</source>
        <translation>P&amp;ython:</translation>
    </message>
    <message>
        <source>C&amp;UDA:</source>
        <translation>C&amp;UDA:</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
</context>
</TS>
