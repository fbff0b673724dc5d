<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
</context>
</TS>
