<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>tracedeck::AlertBadge</name>
    <message numerus="yes">
        <source>%n budget alert(s)</source>
        <translation>
            <numerusform>%n budget alert</numerusform>
            <numerusform>%n budget alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::CompareView</name>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) matched</source>
        <translation>
            <numerusform>%n span matched</numerusform>
            <numerusform>%n spans matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::ConversationView</name>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n turn</numerusform>
            <numerusform>%n turns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n LLM call(s) · %1 in / %2 out</source>
        <translation>
            <numerusform>%n LLM call · %1 in / %2 out</numerusform>
            <numerusform>%n LLM calls · %1 in / %2 out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s) · </source>
        <translation>
            <numerusform>%n trace · </numerusform>
            <numerusform>%n traces · </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) — step here or click to show</source>
        <translation>
            <numerusform>%n message — step here or click to show</numerusform>
            <numerusform>%n messages — step here or click to show</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier message(s) not repeated (Show full prompt to see them)</source>
        <translation>
            <numerusform>%n earlier message not repeated (Show full prompt to see them)</numerusform>
            <numerusform>%n earlier messages not repeated (Show full prompt to see them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show more (%n characters)</source>
        <translation>
            <numerusform>Show more (%n character)</numerusform>
            <numerusform>Show more (%n characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::ExportDialog</name>
    <message numerus="yes">
        <source>Selected traces (%n)</source>
        <translation>
            <numerusform>Selected traces (%n)</numerusform>
            <numerusform>Selected traces (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s) listed so far; the export reads every match from the store</source>
        <translation>
            <numerusform>%n trace listed so far; the export reads every match from the store</numerusform>
            <numerusform>%n traces listed so far; the export reads every match from the store</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::FileImport</name>
    <message numerus="yes">
        <source>%1: %n problem(s), the first: %2</source>
        <translation>
            <numerusform>%1: %n problem, the first: %2</numerusform>
            <numerusform>%1: %n problems, the first: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::ImportReportDialog</name>
    <message numerus="yes">
        <source>%n file(s): %1 traces, %2 spans imported, %3 rejected, %4 failed.</source>
        <translation>
            <numerusform>%n file: %1 traces, %2 spans imported, %3 rejected, %4 failed.</numerusform>
            <numerusform>%n files: %1 traces, %2 spans imported, %3 rejected, %4 failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::MultiRunView</name>
    <message numerus="yes">
        <source>%n run(s) side by side; the best figure of each row in bold. Hover a final answer to read it whole.</source>
        <translation>
            <numerusform>%n run side by side; the best figure of each row in bold. Hover a final answer to read it whole.</numerusform>
            <numerusform>%n runs side by side; the best figure of each row in bold. Hover a final answer to read it whole.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::TextDiffView</name>
    <message numerus="yes">
        <source>Messages: %n word(s) only in A</source>
        <translation>
            <numerusform>Messages: %n word only in A</numerusform>
            <numerusform>Messages: %n words only in A</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) only in B</source>
        <translation>
            <numerusform>%n word only in B</numerusform>
            <numerusform>%n words only in B</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::TraceListView</name>
    <message numerus="yes">
        <source>Compare %n Selected Trace(s)</source>
        <translation>
            <numerusform>Compare %n Selected Trace</numerusform>
            <numerusform>Compare %n Selected Traces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::Workstation</name>
    <message numerus="yes">
        <source>Writing %1…
%n trace(s)</source>
        <translation>
            <numerusform>Writing %1…
%n trace</numerusform>
            <numerusform>Writing %1…
%n traces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n span(s)</source>
        <translation>
            <numerusform>, %n span</numerusform>
            <numerusform>, %n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n trace(s)</source>
        <translation>
            <numerusform>Exported %n trace</numerusform>
            <numerusform>Exported %n traces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n span(s)) to %1</source>
        <translation>
            <numerusform> (%n span) to %1</numerusform>
            <numerusform> (%n spans) to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading %n trace(s) to compare…</source>
        <translation>
            <numerusform>Loading %n trace to compare…</numerusform>
            <numerusform>Loading %n traces to compare…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Select traces of exactly two sessions to compare them (%n session(s) selected)</source>
        <translation>
            <numerusform>Select traces of exactly two sessions to compare them (%n session selected)</numerusform>
            <numerusform>Select traces of exactly two sessions to compare them (%n sessions selected)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compared %1 with %2: %n span(s) matched</source>
        <translation>
            <numerusform>Compared %1 with %2: %n span matched</numerusform>
            <numerusform>Compared %1 with %2: %n spans matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Importing %n file…</numerusform>
            <numerusform>Importing %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n span(s) imported</source>
        <translation>
            <numerusform>%1: %n span imported</numerusform>
            <numerusform>%1: %n spans imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped</source>
        <translation>
            <numerusform>, %n skipped</numerusform>
            <numerusform>, %n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n sample span(s)</source>
        <translation>
            <numerusform>Loaded %n sample span</numerusform>
            <numerusform>Loaded %n sample spans</numerusform>
        </translation>
    </message>
</context>
</TS>
