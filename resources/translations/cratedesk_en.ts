<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only: the source strings are English, but "%n crate(s)" needs a
     numerus translation to read "1 crate" and "2 crates". Other languages add their own file. -->
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n crate(s)</source>
        <translation>
            <numerusform>%n crate</numerusform>
            <numerusform>%n crates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n crate(s)</source>
        <translation>
            <numerusform>%1 of %n crate</numerusform>
            <numerusform>%1 of %n crates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrateDetailsView</name>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
</context>
</TS>
