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
</context>
<context>
    <name>vs::MainWindow</name>
    <message>
        <source>Variant Studio</source>
        <translation>Variant Studio</translation>
    </message>
    <message>
        <source>No repository open: this is the catalogue&apos;s plan. Open a build repository or create a new one.</source>
        <translation>Kein Repository geöffnet: Dies ist der Plan des Katalogs. Öffnen Sie ein Build-Repository oder legen Sie ein neues an.</translation>
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
