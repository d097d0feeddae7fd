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
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An upstream changed %n published version(s) of its crates: %1. The local feed refuses them until you accept the new bytes.</source>
        <translation>
            <numerusform>An upstream changed %n published version of its crates: %1. The local feed refuses it until you accept the new bytes.</numerusform>
            <numerusform>An upstream changed %n published versions of its crates: %1. The local feed refuses them until you accept the new bytes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrateDetailsView</name>
    <message numerus="yes">
        <source>%n crate(s) of this feed depend on %1, each with its newest version that does.</source>
        <translation>
            <numerusform>%n crate of this feed depends on %1, with its newest version that does.</numerusform>
            <numerusform>%n crates of this feed depend on %1, each with its newest version that does.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n version(s)</source>
        <translation>
            <numerusform>%n version</numerusform>
            <numerusform>%n versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Partial: %n crate(s) among the index files this app has read from the feed depend on %1. The feed cannot say what depends on a crate, so crates never opened or resolved here are missing.</source>
        <translation>
            <numerusform>Partial: %n crate among the index files this app has read from the feed depends on %1. The feed cannot say what depends on a crate, so crates never opened or resolved here are missing.</numerusform>
            <numerusform>Partial: %n crates among the index files this app has read from the feed depend on %1. The feed cannot say what depends on a crate, so crates never opened or resolved here are missing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectorListModel</name>
    <message numerus="yes">
        <source>%n version(s) changed upstream</source>
        <translation>
            <numerusform>%n version changed upstream</numerusform>
            <numerusform>%n versions changed upstream</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s)</source>
        <translation>
            <numerusform>%n filter</numerusform>
            <numerusform>%n filters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approved</source>
        <translation>
            <numerusform>%n approved</numerusform>
            <numerusform>%n approved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>holds new versions %n day(s)</source>
        <translation>
            <numerusform>holds new versions %n day</numerusform>
            <numerusform>holds new versions %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalUpstreamsDialog</name>
    <message numerus="yes">
        <source>%n version(s) changed upstream after they were published. The local feed refuses them; select the upstream to see which.</source>
        <translation>
            <numerusform>%n version changed upstream after it was published. The local feed refuses it; select the upstream to see which.</numerusform>
            <numerusform>%n versions changed upstream after they were published. The local feed refuses them; select the upstream to see which.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromotionDialog</name>
    <message numerus="yes">
        <source>Promoting %n version(s), dependencies first…</source>
        <translation>
            <numerusform>Promoting %n version, dependencies first…</numerusform>
            <numerusform>Promoting %n versions, dependencies first…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Asking %1 and %2 about %n version(s)…</source>
        <translation>
            <numerusform>Asking %1 and %2 about %n version…</numerusform>
            <numerusform>Asking %1 and %2 about %n versions…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromotionHistoryDialog</name>
    <message numerus="yes">
        <source>%n promotion(s) of %1 into %2, newest first.</source>
        <translation>
            <numerusform>%n promotion of %1 into %2.</numerusform>
            <numerusform>%n promotions of %1 into %2, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareVersionsDialog</name>
    <message numerus="yes">
        <source>From %1 to %2: %n file(s) differ, %3 unchanged.</source>
        <translation>
            <numerusform>From %1 to %2: %n file differs, %3 unchanged.</numerusform>
            <numerusform>From %1 to %2: %n files differ, %3 unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) a dependent sees.</source>
        <translation>
            <numerusform>%n change a dependent sees.</numerusform>
            <numerusform>%n changes a dependent sees.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrateAcrossFeedsDialog</name>
    <message numerus="yes">
        <source>Asking %n feed(s) for %1…</source>
        <translation>
            <numerusform>Asking %n feed for %1…</numerusform>
            <numerusform>Asking %n feeds for %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is in %2 of %n feed(s).</source>
        <translation>
            <numerusform>%1 is in %2 of %n feed.</numerusform>
            <numerusform>%1 is in %2 of %n feeds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockfileAuditWindow</name>
    <message numerus="yes">
        <source>%n package(s): %1</source>
        <translation>
            <numerusform>%n package: %1</numerusform>
            <numerusform>%n packages: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalConnectorDialog</name>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrateName</name>
    <message numerus="yes">
        <source>%n characters, at most %1 are allowed</source>
        <translation>
            <numerusform>%n character, at most %1 are allowed</numerusform>
            <numerusform>%n characters, at most %1 are allowed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VersionReq</name>
    <message numerus="yes">
        <source>more than %n comparators</source>
        <translation>
            <numerusform>more than %n comparator</numerusform>
            <numerusform>more than %n comparators</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrateFileTreeModel</name>
    <message numerus="yes">
        <source>%1 (%Ln byte(s))</source>
        <translation>
            <numerusform>%1 (%Ln byte)</numerusform>
            <numerusform>%1 (%Ln bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln byte(s), executable)</source>
        <translation>
            <numerusform>%1 (%Ln byte, executable)</numerusform>
            <numerusform>%1 (%Ln bytes, executable)</numerusform>
        </translation>
    </message>
</context>
</TS>
