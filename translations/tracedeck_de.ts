<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>the store is closing</source>
        <translation>der Speicher wird geschlossen</translation>
    </message>
</context>
<context>
    <name>TraceFilter</name>
    <message>
        <source>%1: expected error, ok or an HTTP code</source>
        <translation>%1: erwartet error, ok oder einen HTTP-Code</translation>
    </message>
</context>
<context>
    <name>TraceListModel</name>
    <message>
        <source>(no root span)</source>
        <translation>(kein Wurzel-Span)</translation>
    </message>
</context>
<context>
    <name>tracedeck::AboutDialog</name>
    <message>
        <source>user interface, HTTP listener</source>
        <translation>Benutzeroberfläche, HTTP-Empfänger</translation>
    </message>
    <message>
        <source>the store</source>
        <translation>der Speicher</translation>
    </message>
    <message>
        <source>OTLP protobuf</source>
        <translation>OTLP-Protobuf</translation>
    </message>
    <message>
        <source>gzip bodies and files</source>
        <translation>gzip-Bodys und -Dateien</translation>
    </message>
    <message>
        <source>JSON decoding</source>
        <translation>JSON-Dekodierung</translation>
    </message>
    <message>
        <source>OTLP messages</source>
        <translation>OTLP-Nachrichten</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Verwendet für</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source> (compiled in)</source>
        <translation> (einkompiliert)</translation>
    </message>
    <message>
        <source>About Tracedeck</source>
        <translation>Über Tracedeck</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Tracedeck %1&lt;/h2&gt;&lt;p&gt;A local observability workstation for LLM agents and distributed services.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3), %4, for %5.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Tracedeck %1&lt;/h2&gt;&lt;p&gt;Eine lokale Observability-Workstation für LLM-Agenten und verteilte Dienste.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (läuft auf Qt %3), %4, für %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Built on these libraries:</source>
        <translation>Erstellt mit diesen Bibliotheken:</translation>
    </message>
</context>
<context>
    <name>tracedeck::AlertBadge</name>
    <message>
        <source>Budgets reached their limits: show View ▸ Alerts</source>
        <translation>Budgets haben ihr Limit erreicht: Ansicht ▸ Warnungen anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n budget alert(s)</source>
        <translation>
            <numerusform>%n Budgetwarnung</numerusform>
            <numerusform>%n Budgetwarnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::AlertsPanel</name>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>%1: user %2, %3</source>
        <translation>%1: Benutzer %2, %3</translation>
    </message>
    <message>
        <source>%1: model %2, %3</source>
        <translation>%1: Modell %2, %3</translation>
    </message>
    <message>
        <source>%1: whole workspace, %2</source>
        <translation>%1: gesamter Arbeitsbereich, %2</translation>
    </message>
    <message>
        <source>No budget alerts. Set limits in View ▸ Budgets…; when a day&apos;s or month&apos;s cost reaches one, it is listed here.</source>
        <translation>Keine Budgetwarnungen. Legen Sie Limits unter Ansicht ▸ Budgets… fest; erreichen die Kosten eines Tages oder Monats eines davon, wird es hier aufgeführt.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Period (UTC)</source>
        <translation>Zeitraum (UTC)</translation>
    </message>
    <message>
        <source>Double-click an alert to open the dashboard on its period</source>
        <translation>Doppelklicken Sie auf eine Warnung, um das Dashboard für ihren Zeitraum zu öffnen</translation>
    </message>
</context>
<context>
    <name>tracedeck::BudgetAdminModel</name>
    <message>
        <source>Whole workspace</source>
        <translation>Gesamter Arbeitsbereich</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>User or model</source>
        <translation>Benutzer oder Modell</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Limit (USD)</source>
        <translation>Limit (USD)</translation>
    </message>
    <message>
        <source>The store is not open</source>
        <translation>Der Speicher ist nicht geöffnet</translation>
    </message>
    <message>
        <source>No budget selected</source>
        <translation>Kein Budget ausgewählt</translation>
    </message>
</context>
<context>
    <name>tracedeck::BudgetController</name>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>the %1 budget of user %2</source>
        <translation>das Budget (%1) von Benutzer %2</translation>
    </message>
    <message>
        <source>the %1 budget of model %2</source>
        <translation>das Budget (%1) von Modell %2</translation>
    </message>
    <message>
        <source>the %1 budget of the whole workspace</source>
        <translation>das Budget (%1) des gesamten Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Cannot read budgets: %1</source>
        <translation>Budgets können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Tracedeck</source>
        <translation>Tracedeck</translation>
    </message>
    <message>
        <source>Cannot check budgets: %1</source>
        <translation>Budgets können nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Workspace %1 reached %2: %3 of %4</source>
        <translation>Arbeitsbereich %1 hat %2 erreicht: %3 von %4</translation>
    </message>
    <message>
        <source>Budget reached</source>
        <translation>Budget erreicht</translation>
    </message>
</context>
<context>
    <name>tracedeck::BudgetSpendView</name>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>User %1 (%2)</source>
        <translation>Benutzer %1 (%2)</translation>
    </message>
    <message>
        <source>Model %1 (%2)</source>
        <translation>Modell %1 (%2)</translation>
    </message>
    <message>
        <source>Whole workspace (%1)</source>
        <translation>Gesamter Arbeitsbereich (%1)</translation>
    </message>
    <message>
        <source>Budgets…</source>
        <translation>Budgets…</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Month forecast</source>
        <translation>Monatsprognose</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Verbraucht</translation>
    </message>
    <message>
        <source>This month&apos;s spend × the month&apos;s length ÷ the time elapsed in it (at least one day)</source>
        <translation>Ausgaben dieses Monats × Länge des Monats ÷ darin verstrichene Zeit (mindestens ein Tag)</translation>
    </message>
    <message>
        <source>Set daily and monthly limits for this workspace, its users and models</source>
        <translation>Tägliche und monatliche Limits für diesen Arbeitsbereich, seine Benutzer und Modelle festlegen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spend against budget&lt;/b&gt; — no budgets for workspace %1 yet.</source>
        <translation>&lt;b&gt;Ausgaben im Vergleich zum Budget&lt;/b&gt; — noch keine Budgets für Arbeitsbereich %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spend against budget&lt;/b&gt; — workspace %1, UTC days and months</source>
        <translation>&lt;b&gt;Ausgaben im Vergleich zum Budget&lt;/b&gt; — Arbeitsbereich %1, UTC-Tage und -Monate</translation>
    </message>
</context>
<context>
    <name>tracedeck::BudgetsDialog</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Whole workspace</source>
        <translation>Gesamter Arbeitsbereich</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>USD, e.g. 25</source>
        <translation>USD, z. B. 25</translation>
    </message>
    <message>
        <source>New budget:</source>
        <translation>Neues Budget:</translation>
    </message>
    <message>
        <source>Double-click a value or limit to change it. Days and months are UTC.</source>
        <translation>Doppelklicken Sie auf einen Wert oder ein Limit, um es zu ändern. Tage und Monate sind in UTC.</translation>
    </message>
    <message>
        <source>Spending limits of workspace &lt;b&gt;%1&lt;/b&gt;. When a day&apos;s or a month&apos;s cost reaches a limit, an entry appears in View ▸ Alerts and a desktop notification is shown.</source>
        <translation>Ausgabenlimits des Arbeitsbereichs &lt;b&gt;%1&lt;/b&gt;. Erreichen die Kosten eines Tages oder Monats ein Limit, erscheint ein Eintrag unter Ansicht ▸ Warnungen und eine Desktop-Benachrichtigung wird angezeigt.</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>model name, e.g. gpt-4o</source>
        <translation>Modellname, z. B. gpt-4o</translation>
    </message>
    <message>
        <source>(the whole workspace)</source>
        <translation>(der gesamte Arbeitsbereich)</translation>
    </message>
    <message>
        <source>Budget added.</source>
        <translation>Budget hinzugefügt.</translation>
    </message>
    <message>
        <source>Budget removed, with its alerts.</source>
        <translation>Budget samt seinen Warnungen entfernt.</translation>
    </message>
</context>
<context>
    <name>tracedeck::CompareModel</name>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Δ duration</source>
        <translation>Δ Dauer</translation>
    </message>
    <message>
        <source>Δ %</source>
        <translation>Δ %</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Δ self</source>
        <translation>Δ Eigenzeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Δ tokens</source>
        <translation>Δ Tokens</translation>
    </message>
    <message>
        <source>Δ cost</source>
        <translation>Δ Kosten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Duration in run A (left)</source>
        <translation>Dauer in Lauf A (links)</translation>
    </message>
    <message>
        <source>Duration in run B (right)</source>
        <translation>Dauer in Lauf B (rechts)</translation>
    </message>
    <message>
        <source>Change in self time: duration minus the time covered by children</source>
        <translation>Änderung der Eigenzeit: Dauer minus die von Kind-Spans abgedeckte Zeit</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>zugeordnet</translation>
    </message>
    <message>
        <source>service renamed</source>
        <translation>Dienst umbenannt</translation>
    </message>
    <message>
        <source>other call</source>
        <translation>anderer Aufruf</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>tracedeck::CompareView</name>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n Span</numerusform>
            <numerusform>%n Spans</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a matched LLM call to compare its messages word by word.</source>
        <translation>Wählen Sie einen zugeordneten LLM-Aufruf, um seine Nachrichten Wort für Wort zu vergleichen.</translation>
    </message>
    <message>
        <source>B vs A</source>
        <translation>B gegenüber A</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>tokens %1%2</source>
        <translation>Tokens %1%2</translation>
    </message>
    <message>
        <source>cost %1%2</source>
        <translation>Kosten %1%2</translation>
    </message>
    <message>
        <source>errors %1 → %2</source>
        <translation>Fehler %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) matched</source>
        <translation>
            <numerusform>%n Span zugeordnet</numerusform>
            <numerusform>%n Spans zugeordnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>models %1 → %2</source>
        <translation>Modelle %1 → %2</translation>
    </message>
    <message>
        <source>Loading the messages of “%1”…</source>
        <translation>Die Nachrichten von „%1“ werden geladen…</translation>
    </message>
    <message>
        <source>“%1” is not an LLM call: no messages to compare.</source>
        <translation>„%1“ ist kein LLM-Aufruf: keine Nachrichten zu vergleichen.</translation>
    </message>
    <message>
        <source>“%1” is only in A (removed in B).</source>
        <translation>„%1“ gibt es nur in A (in B entfernt).</translation>
    </message>
    <message>
        <source>“%1” is only in B (added).</source>
        <translation>„%1“ gibt es nur in B (hinzugefügt).</translation>
    </message>
</context>
<context>
    <name>tracedeck::ConversationModel</name>
    <message>
        <source>%1 in</source>
        <translation>%1 ein</translation>
    </message>
    <message>
        <source>? in</source>
        <translation>? ein</translation>
    </message>
    <message>
        <source> (%1 cached)</source>
        <translation> (%1 zwischengespeichert)</translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation>%1 aus</translation>
    </message>
    <message>
        <source>? out</source>
        <translation>? aus</translation>
    </message>
    <message>
        <source>TTFT %1</source>
        <translation>TTFT %1</translation>
    </message>
    <message>
        <source>%1 — failed: %2</source>
        <translation>%1 — fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>tracedeck::ConversationView</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Tool-Ergebnis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Show full prompt</source>
        <translation>Vollständigen Prompt zeigen</translation>
    </message>
    <message>
        <source>Previous turn</source>
        <translation>Vorheriger Schritt</translation>
    </message>
    <message>
        <source>Play the conversation</source>
        <translation>Die Unterhaltung abspielen</translation>
    </message>
    <message>
        <source>Next turn</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>1× (real time)</source>
        <translation>1× (Echtzeit)</translation>
    </message>
    <message>
        <source>4×</source>
        <translation>4×</translation>
    </message>
    <message>
        <source>16×</source>
        <translation>16×</translation>
    </message>
    <message>
        <source>Every 1 s</source>
        <translation>Jede Sekunde</translation>
    </message>
    <message>
        <source>Every 3 s</source>
        <translation>Alle 3 s</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <source>Show every message each call was sent, not only what is new since the previous call</source>
        <translation>Jede Nachricht zeigen, die jeder Aufruf erhielt, nicht nur das seit dem vorigen Aufruf Neue</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>Turn %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>No LLM calls in this trace.</source>
        <translation>Dieser Trace enthält keine LLM-Aufrufe.</translation>
    </message>
    <message>
        <source>Select a trace to read its LLM calls as a conversation.</source>
        <translation>Wählen Sie einen Trace, um seine LLM-Aufrufe als Unterhaltung zu lesen.</translation>
    </message>
    <message numerus="yes">
        <source>%n LLM call(s) · %1 in / %2 out</source>
        <translation>
            <numerusform>%n LLM-Aufruf · %1 ein / %2 aus</numerusform>
            <numerusform>%n LLM-Aufrufe · %1 ein / %2 aus</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Turn %1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;Schritt %1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source> · &lt;i&gt;%1&lt;/i&gt;</source>
        <translation> · &lt;i&gt;%1&lt;/i&gt;</translation>
    </message>
    <message>
        <source> · retried ×%1</source>
        <translation> · ×%1 wiederholt</translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;failed&lt;/b&gt;: %1&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;fehlgeschlagen&lt;/b&gt;: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 — click to select the span</source>
        <translation>%1 — klicken, um den Span auszuwählen</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) — step here or click to show</source>
        <translation>
            <numerusform>%n Nachricht — hierher springen oder zum Zeigen klicken</numerusform>
            <numerusform>%n Nachrichten — hierher springen oder zum Zeigen klicken</numerusform>
        </translation>
    </message>
    <message>
        <source>Attempt %1 failed after %2: %3 — sent again</source>
        <translation>Versuch %1 nach %2 fehlgeschlagen: %3 — erneut gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier message(s) not repeated (Show full prompt to see them)</source>
        <translation>
            <numerusform>%n frühere Nachricht nicht wiederholt („Vollständigen Prompt zeigen“ zeigt sie)</numerusform>
            <numerusform>%n frühere Nachrichten nicht wiederholt („Vollständigen Prompt zeigen“ zeigt sie)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — reply</source>
        <translation>%1 — Antwort</translation>
    </message>
    <message>
        <source>**%1**</source>
        <translation>**%1**</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>Tool-Aufruf</translation>
    </message>
    <message>
        <source>No tool span found for this call.</source>
        <translation>Kein Tool-Span für diesen Aufruf gefunden.</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>lieferte</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>**Error:** %1</source>
        <translation>**Fehler:** %1</translation>
    </message>
    <message>
        <source>*(no result recorded)*</source>
        <translation>*(kein Ergebnis aufgezeichnet)*</translation>
    </message>
    <message>
        <source>*result of* `%1`</source>
        <translation>*Ergebnis von* `%1`</translation>
    </message>
    <message>
        <source>**Tool call %1**</source>
        <translation>**Tool-Aufruf %1**</translation>
    </message>
    <message>
        <source>*(empty)*</source>
        <translation>*(leer)*</translation>
    </message>
    <message numerus="yes">
        <source>Show more (%n characters)</source>
        <translation>
            <numerusform>Mehr zeigen (%n Zeichen)</numerusform>
            <numerusform>Mehr zeigen (%n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Weniger zeigen</translation>
    </message>
    <message>
        <source>This trace</source>
        <translation>Dieser Trace</translation>
    </message>
    <message>
        <source>Whole session</source>
        <translation>Gesamte Sitzung</translation>
    </message>
    <message>
        <source>Show the LLM calls of this trace only, or of every trace of its session as one conversation</source>
        <translation>Nur die LLM-Aufrufe dieses Traces anzeigen oder die aller Traces seiner Sitzung als eine Unterhaltung</translation>
    </message>
    <message>
        <source>This trace has no session id: only its own LLM calls can be shown</source>
        <translation>Dieser Trace hat keine Sitzungs-ID: Nur seine eigenen LLM-Aufrufe können angezeigt werden</translation>
    </message>
    <message>
        <source>No LLM calls in this session.</source>
        <translation>Keine LLM-Aufrufe in dieser Sitzung.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 traces of this session.</source>
        <translation>Die ersten %1 von %2 Traces dieser Sitzung werden angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s) · </source>
        <translation>
            <numerusform>%n Trace · </numerusform>
            <numerusform>%n Traces · </numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Trace&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Trace&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Trace %1 — click to open it</source>
        <translation>Trace %1 — zum Öffnen klicken</translation>
    </message>
</context>
<context>
    <name>tracedeck::CostDashboard</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>Stack by</source>
        <translation>Stapeln nach</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>Tokens (input + output)</source>
        <translation>Tokens (Eingabe + Ausgabe)</translation>
    </message>
    <message>
        <source>LLM calls and error rate</source>
        <translation>LLM-Aufrufe und Fehlerquote</translation>
    </message>
    <message>
        <source>Latency per model (ms)</source>
        <translation>Latenz je Modell (ms)</translation>
    </message>
    <message>
        <source>Latency per service (ms)</source>
        <translation>Latenz je Dienst (ms)</translation>
    </message>
    <message>
        <source>Costliest traces</source>
        <translation>Teuerste Traces</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Costliest users</source>
        <translation>Teuerste Benutzer</translation>
    </message>
    <message>
        <source>Costliest sessions</source>
        <translation>Teuerste Sitzungen</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Double-click a trace to open it in the timeline</source>
        <translation>Doppelklicken Sie auf einen Trace, um ihn in der Zeitachse zu öffnen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No LLM calls in this range&lt;/h3&gt;&lt;p&gt;Cost, tokens and latency appear here once spans with a model are stored (OpenTelemetry GenAI, OpenInference or OpenLLMetry attributes).&lt;br&gt;Try a longer range, or File ▸ Load Sample Traces.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keine LLM-Aufrufe in diesem Zeitraum&lt;/h3&gt;&lt;p&gt;Kosten, Tokens und Latenz erscheinen hier, sobald Spans mit einem Modell gespeichert sind (Attribute von OpenTelemetry GenAI, OpenInference oder OpenLLMetry).&lt;br&gt;Versuchen Sie einen längeren Zeitraum oder Datei ▸ Beispiel-Traces laden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot read the dashboard: %1</source>
        <translation>Das Dashboard kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 tokens · %3 LLM calls · %4% errors</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 Tokens · %3 LLM-Aufrufe · %4 % Fehler</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>error rate %</source>
        <translation>Fehlerquote %</translation>
    </message>
    <message>
        <source>Save Chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Save Data as CSV…</source>
        <translation>Daten als CSV speichern…</translation>
    </message>
    <message>
        <source>Save Data</source>
        <translation>Daten speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Als CSV speichern…</translation>
    </message>
</context>
<context>
    <name>tracedeck::EmptyState</name>
    <message>
        <source>No traces yet</source>
        <translation>Noch keine Traces</translation>
    </message>
    <message>
        <source>Load sample traces</source>
        <translation>Beispiel-Traces laden</translation>
    </message>
    <message>
        <source>A REST request across services, an agent run with LLM and tool calls and an error, and a streaming LLM call</source>
        <translation>Eine REST-Anfrage über mehrere Dienste, ein Agentenlauf mit LLM- und Tool-Aufrufen und einem Fehler sowie ein gestreamter LLM-Aufruf</translation>
    </message>
    <message>
        <source>Open trace file…</source>
        <translation>Trace-Datei öffnen…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Tracedeck is listening on &lt;b&gt;http://%1&lt;/b&gt; for OTLP/HTTP (JSON or protobuf) and Zipkin v2.&lt;/p&gt;&lt;p&gt;Point any OpenTelemetry SDK at it:&lt;/p&gt;%2&lt;p&gt;or send a span by hand:&lt;/p&gt;%3&lt;p&gt;Traces appear here as they arrive.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tracedeck empfängt auf &lt;b&gt;http://%1&lt;/b&gt; OTLP/HTTP (JSON oder Protobuf) und Zipkin v2.&lt;/p&gt;&lt;p&gt;Richten Sie ein beliebiges OpenTelemetry-SDK darauf:&lt;/p&gt;%2&lt;p&gt;oder senden Sie einen Span von Hand:&lt;/p&gt;%3&lt;p&gt;Traces erscheinen hier, sobald sie eintreffen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tracedeck::ExportDialog</name>
    <message numerus="yes">
        <source>Selected traces (%n)</source>
        <translation>
            <numerusform>Ausgewählter Trace (%n)</numerusform>
            <numerusform>Ausgewählte Traces (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>All traces in the workspace</source>
        <translation>Alle Traces im Arbeitsbereich</translation>
    </message>
    <message>
        <source>All traces matching “%1”</source>
        <translation>Alle Traces, die zu „%1“ passen</translation>
    </message>
    <message>
        <source>Export Traces</source>
        <translation>Traces exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s) listed so far; the export reads every match from the store</source>
        <translation>
            <numerusform>Bisher %n Trace aufgelistet; der Export liest jeden Treffer aus dem Speicher</numerusform>
            <numerusform>Bisher %n Traces aufgelistet; der Export liest jeden Treffer aus dem Speicher</numerusform>
        </translation>
    </message>
    <message>
        <source>OTLP JSON Lines (.jsonl) — for Tracedeck, the OTel Collector</source>
        <translation>OTLP JSON Lines (.jsonl) — für Tracedeck, den OTel Collector</translation>
    </message>
    <message>
        <source>Jaeger JSON (.json) — for Jaeger UI</source>
        <translation>Jaeger JSON (.json) — für Jaeger UI</translation>
    </message>
    <message>
        <source>CSV, one row per span (.csv) — for spreadsheets</source>
        <translation>CSV, eine Zeile pro Span (.csv) — für Tabellenkalkulationen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Traces:</source>
        <translation>Traces:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Jaeger JSON (*.json)</source>
        <translation>Jaeger JSON (*.json)</translation>
    </message>
    <message>
        <source>OTLP JSON Lines (*.jsonl *.json)</source>
        <translation>OTLP JSON Lines (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>One ExportTraceServiceRequest per line. Opens again in Tracedeck with every attribute, event and timing.</source>
        <translation>Ein ExportTraceServiceRequest pro Zeile. Lässt sich in Tracedeck mit allen Attributen, Events und Zeitangaben wieder öffnen.</translation>
    </message>
    <message>
        <source>Jaeger UI&apos;s “Download JSON” format: {&quot;data&quot;: [traces]}.</source>
        <translation>Das Format „Download JSON“ von Jaeger UI: {&quot;data&quot;: [traces]}.</translation>
    </message>
    <message>
        <source>One row per span: ids, service, name, times, status, model, tokens and cost.</source>
        <translation>Eine Zeile pro Span: IDs, Dienst, Name, Zeiten, Status, Modell, Tokens und Kosten.</translation>
    </message>
</context>
<context>
    <name>tracedeck::ExportRunner</name>
    <message>
        <source>cannot open the store: %1</source>
        <translation>der Speicher kann nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>tracedeck::FileImport</name>
    <message>
        <source>import cancelled before this file</source>
        <translation>Import vor dieser Datei abgebrochen</translation>
    </message>
    <message>
        <source>%1: cannot store: %2</source>
        <translation>%1: Speichern nicht möglich: %2</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s), the first: %2</source>
        <translation>
            <numerusform>%1: %n Problem: %2</numerusform>
            <numerusform>%1: %n Probleme, das erste: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::FilterBar</name>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Search messages and span names, or filter: service:NAME model:gpt-4* user:ID session:ID request:ID trace:ID status:error code:503</source>
        <translation>Nachrichten und Span-Namen durchsuchen oder filtern: service:NAME model:gpt-4* user:ID session:ID request:ID trace:ID status:error code:503</translation>
    </message>
    <message>
        <source>Words search span names and LLM messages (all must occur; word* for a prefix).
Fields: service: model: user: session: request: trace: status:error|ok code:HTTP</source>
        <translation>Wörter durchsuchen Span-Namen und LLM-Nachrichten (alle müssen vorkommen; wort* für ein Präfix).
Felder: service: model: user: session: request: trace: status:error|ok code:HTTP</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Add a field filter to the query</source>
        <translation>Der Abfrage einen Feldfilter hinzufügen</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>HTTP status code</source>
        <translation>HTTP-Statuscode</translation>
    </message>
    <message>
        <source>The workspace whose traces the list shows</source>
        <translation>Der Arbeitsbereich, dessen Traces die Liste zeigt</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Arbeitsbereich:</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>tracedeck::ImportProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Importing trace files</source>
        <translation>Trace-Dateien werden importiert</translation>
    </message>
    <message>
        <source>%1 (file %2 of %3)</source>
        <translation>%1 (Datei %2 von %3)</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 spans stored · %4 spans/s</source>
        <translation>%1 von %2 · %3 Spans gespeichert · %4 Spans/s</translation>
    </message>
    <message>
        <source>Cancelling: stopping after the batch being stored…</source>
        <translation>Abbruch: Halt nach dem Stapel, der gerade gespeichert wird…</translation>
    </message>
</context>
<context>
    <name>tracedeck::ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>imported, with problems</source>
        <translation>importiert, mit Problemen</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1 traces, %2 spans imported, %3 rejected, %4 failed.</source>
        <translation>
            <numerusform>%n Datei: %1 Traces, %2 Spans importiert, %3 abgelehnt, %4 fehlgeschlagen.</numerusform>
            <numerusform>%n Dateien: %1 Traces, %2 Spans importiert, %3 abgelehnt, %4 fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Keine Probleme.</translation>
    </message>
    <message>
        <source>Problems (file: place: reason)</source>
        <translation>Probleme (Datei: Stelle: Grund)</translation>
    </message>
</context>
<context>
    <name>tracedeck::IngestStatus</name>
    <message>
        <source>● Listening on %1</source>
        <translation>● Empfängt auf %1</translation>
    </message>
    <message>
        <source>○ Not listening</source>
        <translation>○ Empfängt nicht</translation>
    </message>
    <message>
        <source>Click to copy %1</source>
        <translation>Klicken, um %1 zu kopieren</translation>
    </message>
    <message>
        <source>%1 spans/s</source>
        <translation>%1 Spans/s</translation>
    </message>
    <message>
        <source>%1 traces, %2 spans</source>
        <translation>%1 Traces, %2 Spans</translation>
    </message>
    <message>
        <source>database %1</source>
        <translation>Datenbank %1</translation>
    </message>
</context>
<context>
    <name>tracedeck::JsonInspector</name>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Show the document as pretty-printed JSON</source>
        <translation>Das Dokument als formatiertes JSON zeigen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find in keys and values (Ctrl+F)</source>
        <translation>In Schlüsseln und Werten suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Find in keys and values</source>
        <translation>In Schlüsseln und Werten suchen</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Copy Value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy JSON Path</source>
        <translation>JSON-Pfad kopieren</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Strings holding JSON are shown parsed</source>
        <translation>Zeichenketten mit JSON werden geparst angezeigt</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>Expanded the first %1 nodes</source>
        <translation>Die ersten %1 Knoten aufgeklappt</translation>
    </message>
</context>
<context>
    <name>tracedeck::JsonTreeModel</name>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>string (JSON)</source>
        <translation>Zeichenkette (JSON)</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Wahrheitswert</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>Ganzzahl</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>tracedeck::KeyAdminModel</name>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message>
        <source>%1 spans/s</source>
        <translation>%1 Spans/s</translation>
    </message>
    <message>
        <source>%1 spans/day</source>
        <translation>%1 Spans/Tag</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>widerrufen %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>the store is not open</source>
        <translation>der Speicher ist nicht geöffnet</translation>
    </message>
    <message>
        <source>no key selected</source>
        <translation>kein Schlüssel ausgewählt</translation>
    </message>
</context>
<context>
    <name>tracedeck::MainWindow</name>
    <message>
        <source>Tracedeck</source>
        <translation>Tracedeck</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Load &amp;Sample Traces</source>
        <translation>&amp;Beispiel-Traces laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>B&amp;eenden</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Workspaces &amp;&amp; API Keys…</source>
        <translation>&amp;Arbeitsbereiche &amp;&amp; API-Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;Critical Path</source>
        <translation>K&amp;ritischer Pfad</translation>
    </message>
    <message>
        <source>Highlight the spans that determine the trace&apos;s duration</source>
        <translation>Die Spans hervorheben, die die Dauer des Traces bestimmen</translation>
    </message>
    <message>
        <source>Co&amp;mpare Selected Traces</source>
        <translation>Ausgewählte Traces ver&amp;gleichen</translation>
    </message>
    <message>
        <source>Compare the traces selected in the list: two side by side, or more in a table of totals (Ctrl+click to select several)</source>
        <translation>Die in der Liste ausgewählten Traces vergleichen: zwei nebeneinander oder mehr in einer Tabelle der Summen (Strg+Klick wählt mehrere)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <source>&amp;About Tracedeck</source>
        <translation>Ü&amp;ber Tracedeck</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Open Trace Files</source>
        <translation>Trace-Dateien öffnen</translation>
    </message>
    <message>
        <source>Trace files (*.json *.jsonl *.pb *.bin *.gz *.otlp);;All files (*)</source>
        <translation>Trace-Dateien (*.json *.jsonl *.pb *.bin *.gz *.otlp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Export Traces…</source>
        <translation>&amp;Traces exportieren…</translation>
    </message>
    <message>
        <source>Save &amp;Timeline as Image…</source>
        <translation>&amp;Zeitachse als Bild speichern…</translation>
    </message>
    <message>
        <source>Save Path &amp;Graph as Image…</source>
        <translation>&amp;Pfadgraph als Bild speichern…</translation>
    </message>
    <message>
        <source>Compare &amp;Sessions of Selected Traces</source>
        <translation>&amp;Sitzungen der ausgewählten Traces vergleichen</translation>
    </message>
    <message>
        <source>Select a trace of each of two sessions: their traces are aligned in order, turn by turn, and then span by span</source>
        <translation>Wählen Sie je einen Trace aus zwei Sitzungen: Ihre Traces werden der Reihe nach einander zugeordnet, Runde für Runde und dann Span für Span</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>Cost, tokens, calls and latency over time; the costliest traces, users and sessions</source>
        <translation>Kosten, Tokens, Aufrufe und Latenz im Zeitverlauf; die teuersten Traces, Benutzer und Sitzungen</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Warnungen</translation>
    </message>
    <message>
        <source>Budgets that reached their daily or monthly limit</source>
        <translation>Budgets, die ihr tägliches oder monatliches Limit erreicht haben</translation>
    </message>
    <message>
        <source>B&amp;udgets…</source>
        <translation>B&amp;udgets…</translation>
    </message>
    <message>
        <source>Daily and monthly spending limits per workspace, user and model</source>
        <translation>Tägliche und monatliche Ausgabenlimits pro Arbeitsbereich, Benutzer und Modell</translation>
    </message>
</context>
<context>
    <name>tracedeck::MultiRunModel</name>
    <message>
        <source>Root span</source>
        <translation>Wurzel-Span</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>LLM calls</source>
        <translation>LLM-Aufrufe</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens ein</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens aus</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Final answer</source>
        <translation>Endgültige Antwort</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>Lauf %1 · %2</translation>
    </message>
</context>
<context>
    <name>tracedeck::MultiRunView</name>
    <message numerus="yes">
        <source>%n run(s) side by side; the best figure of each row in bold. Hover a final answer to read it whole.</source>
        <translation>
            <numerusform>%n Lauf nebeneinander; der beste Wert jeder Zeile fett. Zeigen Sie auf eine endgültige Antwort, um sie ganz zu lesen.</numerusform>
            <numerusform>%n Läufe nebeneinander; der beste Wert jeder Zeile fett. Zeigen Sie auf eine endgültige Antwort, um sie ganz zu lesen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::PathGraphView</name>
    <message>
        <source>Select a trace to see the services it went through.</source>
        <translation>Wählen Sie einen Trace, um die Dienste zu sehen, die er durchlaufen hat.</translation>
    </message>
    <message>
        <source>This trace has no spans.</source>
        <translation>Dieser Trace hat keine Spans.</translation>
    </message>
    <message>
        <source>No layout.</source>
        <translation>Kein Layout.</translation>
    </message>
    <message>
        <source>Hops of one request, in time order</source>
        <translation>Stationen einer Anfrage, in zeitlicher Reihenfolge</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 Aufruf</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 Aufrufe</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>p50 %1 · p95 %2</source>
        <translation>p50 %1 · p95 %2</translation>
    </message>
    <message>
        <source>%1 → %2 tokens</source>
        <translation>%1 → %2 Tokens</translation>
    </message>
    <message>
        <source>%1 spans, entered %2 times, %3 errors</source>
        <translation>%1 Spans, %2-mal betreten, %3 Fehler</translation>
    </message>
    <message>
        <source>latency of calls: p50 %1, p95 %2</source>
        <translation>Latenz der Aufrufe: p50 %1, p95 %2</translation>
    </message>
    <message>
        <source>LLM tokens: %1 in, %2 out</source>
        <translation>LLM-Tokens: %1 ein, %2 aus</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>Kosten %1</translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation>Kosten unbekannt</translation>
    </message>
    <message>
        <source>Click to filter the trace list to this service</source>
        <translation>Klicken, um die Trace-Liste auf diesen Dienst zu filtern</translation>
    </message>
    <message>
        <source>Tracedeck path graph</source>
        <translation>Tracedeck-Pfadgraph</translation>
    </message>
    <message>
        <source>external · %1</source>
        <translation>extern · %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;External&lt;/i&gt;: not instrumented (no spans of its own), known from the client calls to it</source>
        <translation>&lt;i&gt;Extern&lt;/i&gt;: nicht instrumentiert (keine eigenen Spans), bekannt aus den Client-Aufrufen an ihn</translation>
    </message>
    <message>
        <source>called %1 times, %2 errors</source>
        <translation>%1-mal aufgerufen, %2 Fehler</translation>
    </message>
</context>
<context>
    <name>tracedeck::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>Schwärzung</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 127.0.0.1:4318 or [::1]:4318. An address other than loopback requires an API key on every request.</source>
        <translation>HOST:PORT, z. B. 127.0.0.1:4318 oder [::1]:4318. Eine Adresse außer Loopback verlangt bei jeder Anfrage einen API-Schlüssel.</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>Empfangen auf:</translation>
    </message>
    <message>
        <source>Largest request body:</source>
        <translation>Größter Anfrage-Body:</translation>
    </message>
    <message>
        <source>The limit holds before and after gzip inflation; larger requests get 413.</source>
        <translation>Die Grenze gilt vor und nach dem Entpacken von gzip; größere Anfragen erhalten 413.</translation>
    </message>
    <message>
        <source>Applies when Tracedeck restarts. The command line&apos;s --listen and --max-body-mb override these.</source>
        <translation>Wirkt nach einem Neustart von Tracedeck. --listen und --max-body-mb auf der Befehlszeile haben Vorrang.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>Datenbankdatei:</translation>
    </message>
    <message>
        <source>Empty: the default location. A new file is created on the next start; the traces of the current one stay there. Applies when Tracedeck restarts; --db overrides it.</source>
        <translation>Leer: der Standardort. Eine neue Datei wird beim nächsten Start angelegt; die Traces der aktuellen bleiben dort. Wirkt nach einem Neustart von Tracedeck; --db hat Vorrang.</translation>
    </message>
    <message>
        <source>Keep local traces for:</source>
        <translation>Lokale Traces aufbewahren für:</translation>
    </message>
    <message>
        <source>Redact secrets and personal data before spans are stored</source>
        <translation>Geheimnisse und personenbezogene Daten schwärzen, bevor Spans gespeichert werden</translation>
    </message>
    <message>
        <source>One key per line. A key matches attribute and JSON keys by their last segment, as a suffix (access_token) or with one qualifier (email_address).</source>
        <translation>Ein Schlüssel pro Zeile. Ein Schlüssel trifft Attribut- und JSON-Schlüssel über ihr letztes Segment, als Endung (access_token) oder mit einem Zusatz (email_address).</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-Mail-Adressen</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>Payment card numbers</source>
        <translation>Zahlungskartennummern</translation>
    </message>
    <message>
        <source>Bearer tokens and JWTs</source>
        <translation>Bearer-Tokens und JWTs</translation>
    </message>
    <message>
        <source>API keys (sk-…, AKIA…, ghp_…)</source>
        <translation>API-Schlüssel (sk-…, AKIA…, ghp_…)</translation>
    </message>
    <message>
        <source>US social security numbers</source>
        <translation>US-Sozialversicherungsnummern</translation>
    </message>
    <message>
        <source>Sensitive keys:</source>
        <translation>Sensible Schlüssel:</translation>
    </message>
    <message>
        <source>Patterns in text:</source>
        <translation>Muster im Text:</translation>
    </message>
    <message>
        <source>Applies to spans received or imported after Tracedeck restarts; stored spans are not changed. A workspace can turn redaction off (Workspaces &amp; API Keys).</source>
        <translation>Gilt für Spans, die nach einem Neustart von Tracedeck empfangen oder importiert werden; gespeicherte Spans bleiben unverändert. Ein Arbeitsbereich kann die Schwärzung abschalten (Arbeitsbereiche &amp; API-Schlüssel).</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when Tracedeck restarts.</source>
        <translation>Eine neue Sprache wirkt nach einem Neustart von Tracedeck.</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>The theme applies at once.</source>
        <translation>Das Farbschema wirkt sofort.</translation>
    </message>
    <message>
        <source>Database File</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>give an address as HOST:PORT</source>
        <translation>geben Sie eine Adresse als HOST:PORT an</translation>
    </message>
    <message>
        <source>Listen on: %1</source>
        <translation>Empfangen auf: %1</translation>
    </message>
    <message>
        <source>The retention of the local workspace (other workspaces: Edit ▸ Workspaces &amp; API Keys). Traces are deleted this many days after they were stored or imported; checked every 10 minutes.</source>
        <translation>Die Aufbewahrungsdauer des lokalen Arbeitsbereichs (andere Arbeitsbereiche: Bearbeiten ▸ Arbeitsbereiche &amp; API-Schlüssel). Traces werden so viele Tage nach dem Speichern oder Importieren gelöscht; geprüft wird alle 10 Minuten.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>tracedeck::PriceListModel</name>
    <message>
        <source>row %1 has no model name</source>
        <translation>Zeile %1 hat keinen Modellnamen</translation>
    </message>
    <message>
        <source>the model %1 is listed twice</source>
        <translation>das Modell %1 ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>Other names of this model, comma-separated; &apos;*&apos; matches any run of characters. &quot;&lt;model&gt;-&lt;date or version&gt;&quot; matches without a pattern.</source>
        <translation>Weitere Namen dieses Modells, durch Kommas getrennt; „*“ passt auf beliebige Zeichenfolgen. „&lt;Modell&gt;-&lt;Datum oder Version&gt;“ passt auch ohne Muster.</translation>
    </message>
    <message>
        <source>Built-in: input %1, output %2, cached input %3 per 1M tokens</source>
        <translation>Eingebaut: Eingabe %1, Ausgabe %2, zwischengespeicherte Eingabe %3 pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Input / 1M</source>
        <translation>Eingabe / 1 Mio.</translation>
    </message>
    <message>
        <source>Output / 1M</source>
        <translation>Ausgabe / 1 Mio.</translation>
    </message>
    <message>
        <source>Cached input / 1M</source>
        <translation>Zwischengesp. Eingabe / 1 Mio.</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
</context>
<context>
    <name>tracedeck::PricingController</name>
    <message>
        <source>Recomputing costs</source>
        <translation>Kosten werden neu berechnet</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>cannot save the prices: %1</source>
        <translation>die Preise können nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>tracedeck::PricingEditor</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Re&amp;vert to Built-in</source>
        <translation>Auf &amp;eingebaute zurücksetzen</translation>
    </message>
    <message>
        <source>Filter models and providers…</source>
        <translation>Modelle und Anbieter filtern…</translation>
    </message>
    <message>
        <source>&amp;Add Model</source>
        <translation>Modell &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Revert &amp;All</source>
        <translation>&amp;Alle zurücksetzen</translation>
    </message>
    <message>
        <source>Every price back to the built-in table; added models are removed</source>
        <translation>Alle Preise auf die eingebaute Tabelle zurücksetzen; hinzugefügte Modelle werden entfernt</translation>
    </message>
    <message>
        <source>The selected models back to their built-in prices</source>
        <translation>Die ausgewählten Modelle auf ihre eingebauten Preise zurücksetzen</translation>
    </message>
    <message>
        <source>Prices in USD per 1M tokens; cached input tokens are a part of input tokens and are priced once, at the cached price. Built-in table of %1; your changes are kept in %2. Saving prices again every cost Tracedeck computed (costs sent by clients stay as they are).</source>
        <translation>Preise in USD pro 1 Mio. Tokens; zwischengespeicherte Eingabe-Tokens gehören zu den Eingabe-Tokens und werden einmal zum Cache-Preis berechnet. Eingebaute Tabelle vom %1; Ihre Änderungen liegen in %2. Beim Speichern werden alle von Tracedeck berechneten Kosten neu berechnet (von Clients gesendete Kosten bleiben, wie sie sind).</translation>
    </message>
    <message>
        <source>Models: %1, all at the built-in prices.</source>
        <translation>Modelle: %1, alle zu den eingebauten Preisen.</translation>
    </message>
    <message>
        <source>Models: %1; changed: %2, added: %3, built-in removed: %4.</source>
        <translation>Modelle: %1; geändert: %2, hinzugefügt: %3, eingebaute entfernt: %4.</translation>
    </message>
    <message>
        <source>Cannot save: %1.</source>
        <translation>Speichern nicht möglich: %1.</translation>
    </message>
</context>
<context>
    <name>tracedeck::SavingsPanel</name>
    <message>
        <source>Identical prompts sent again</source>
        <translation>Erneut gesendete identische Prompts</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Einsparung</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Share of cost</source>
        <translation>Anteil an den Kosten</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Zwischengespeicherte Eingabe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Savings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Einsparungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Double-click a hint to open the first trace that sent the prompt</source>
        <translation>Doppelklicken Sie auf einen Hinweis, um den ersten Trace zu öffnen, der den Prompt gesendet hat</translation>
    </message>
    <message>
        <source>Cached input: the part of the input tokens the provider read from its prompt cache (cached tokens are a part of input tokens)</source>
        <translation>Zwischengespeicherte Eingabe: der Teil der Eingabe-Tokens, den der Anbieter aus seinem Prompt-Cache gelesen hat (zwischengespeicherte Tokens sind Teil der Eingabe-Tokens)</translation>
    </message>
    <message>
        <source>%1 identical prompts to %2 cost %3; caching would save ≈ %4</source>
        <translation>%1 identische Prompts an %2 kosten %3; Zwischenspeichern würde ≈ %4 einsparen</translation>
    </message>
    <message>
        <source>Cached input tokens: %1 of %2 input tokens (%3).</source>
        <translation>Zwischengespeicherte Eingabe-Tokens: %1 von %2 Eingabe-Tokens (%3).</translation>
    </message>
    <message>
        <source>No prompt was sent twice in this range.</source>
        <translation>In diesem Zeitraum wurde kein Prompt zweimal gesendet.</translation>
    </message>
    <message>
        <source>Caching the repeated prompts below would save ≈ %1.</source>
        <translation>Das Zwischenspeichern der unten wiederholten Prompts würde ≈ %1 einsparen.</translation>
    </message>
    <message>
        <source>Identical prompts are found among the calls stored from %1.</source>
        <translation>Identische Prompts werden unter den ab %1 gespeicherten Aufrufen gesucht.</translation>
    </message>
    <message>
        <source>Estimate: the input tokens of every call but the first at the model&apos;s cached-input price instead of its input price.</source>
        <translation>Schätzung: die Eingabe-Tokens jedes Aufrufs außer dem ersten zum Preis für zwischengespeicherte Eingabe des Modells statt zu seinem Eingabepreis.</translation>
    </message>
    <message>
        <source>Estimate: the whole cost of every call but the first (the model has no cached-input price, so as if a response cache answered them).</source>
        <translation>Schätzung: die gesamten Kosten jedes Aufrufs außer dem ersten (das Modell hat keinen Preis für zwischengespeicherte Eingabe, also als ob ein Antwort-Cache sie beantwortet hätte).</translation>
    </message>
    <message>
        <source>“%1”
%2
First trace: %3</source>
        <translation>„%1“
%2
Erster Trace: %3</translation>
    </message>
</context>
<context>
    <name>tracedeck::SpanInspector</name>
    <message>
        <source>No span selected</source>
        <translation>Kein Span ausgewählt</translation>
    </message>
    <message>
        <source>Bodies</source>
        <translation>Inhalte</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Verknüpfungen</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Eltern-Span</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Span ID</source>
        <translation>Span-ID</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Finish reason</source>
        <translation>Abschlussgrund</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Erstes Token</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Produzent</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Konsument</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <source>(unnamed span)</source>
        <translation>(unbenannter Span)</translation>
    </message>
    <message>
        <source>(unknown service)</source>
        <translation>(unbekannter Dienst)</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>UNSET</source>
        <translation>NICHT GESETZT</translation>
    </message>
    <message>
        <source>%1 ns since the Unix epoch</source>
        <translation>%1 ns seit der Unix-Epoche</translation>
    </message>
    <message>
        <source>not ended</source>
        <translation>nicht beendet</translation>
    </message>
    <message>
        <source>%1  (%2% of the span)</source>
        <translation>%1  (%2 % des Spans)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>none (root span)</source>
        <translation>keiner (Wurzel-Span)</translation>
    </message>
    <message>
        <source>Embedding call</source>
        <translation>Embedding-Aufruf</translation>
    </message>
    <message>
        <source>LLM call</source>
        <translation>LLM-Aufruf</translation>
    </message>
    <message>
        <source>%1 in</source>
        <translation>%1 ein</translation>
    </message>
    <message>
        <source>(%1 cached)</source>
        <translation>(%1 zwischengespeichert)</translation>
    </message>
    <message>
        <source>%1 cached</source>
        <translation>%1 zwischengespeichert</translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation>%1 aus</translation>
    </message>
    <message>
        <source>(%1 reasoning)</source>
        <translation>(%1 Reasoning)</translation>
    </message>
    <message>
        <source>%1 reasoning</source>
        <translation>%1 Reasoning</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>%1 gesamt</translation>
    </message>
    <message>
        <source>given by the client</source>
        <translation>vom Client angegeben</translation>
    </message>
    <message>
        <source>computed from the pricing table</source>
        <translation>aus der Preistabelle berechnet</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Ereignisse (%1)</translation>
    </message>
    <message>
        <source>%1 more in the Events tab</source>
        <translation>%1 weitere im Reiter Ereignisse</translation>
    </message>
</context>
<context>
    <name>tracedeck::TextDiffView</name>
    <message>
        <source>Select a matched LLM call to compare its messages word by word.</source>
        <translation>Wählen Sie einen zugeordneten LLM-Aufruf, um seine Nachrichten Wort für Wort zu vergleichen.</translation>
    </message>
    <message>
        <source>Input (A)</source>
        <translation>Eingabe (A)</translation>
    </message>
    <message>
        <source>Output (A)</source>
        <translation>Ausgabe (A)</translation>
    </message>
    <message>
        <source>Input (B)</source>
        <translation>Eingabe (B)</translation>
    </message>
    <message>
        <source>Output (B)</source>
        <translation>Ausgabe (B)</translation>
    </message>
    <message>
        <source>Messages: identical</source>
        <translation>Nachrichten: identisch</translation>
    </message>
    <message numerus="yes">
        <source>Messages: %n word(s) only in A</source>
        <translation>
            <numerusform>Nachrichten: %n Wort nur in A</numerusform>
            <numerusform>Nachrichten: %n Wörter nur in A</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) only in B</source>
        <translation>
            <numerusform>%n Wort nur in B</numerusform>
            <numerusform>%n Wörter nur in B</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::TimelineView</name>
    <message>
        <source>Whole trace; drag to move the window</source>
        <translation>Ganzer Trace; ziehen, um den Ausschnitt zu verschieben</translation>
    </message>
    <message>
        <source>Ctrl+wheel or pinch: zoom · wheel: rows · Shift+wheel or drag: pan · +/−/0: zoom, fit · arrows: move, collapse, expand</source>
        <translation>Strg+Mausrad oder Kneifen: Zoom · Mausrad: Zeilen · Umschalt+Mausrad oder Ziehen: Verschieben · +/−/0: Zoom, Einpassen · Pfeiltasten: bewegen, zuklappen, aufklappen</translation>
    </message>
    <message>
        <source>1 span inside collapsed “%1”</source>
        <translation>1 Span im zugeklappten „%1“</translation>
    </message>
    <message>
        <source>%1 spans inside collapsed “%2”</source>
        <translation>%1 Spans im zugeklappten „%2“</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 ein, %2 aus</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>Auf dem kritischen Pfad</translation>
    </message>
    <message>
        <source>Not in the other run (added)</source>
        <translation>Nicht im anderen Lauf (hinzugefügt)</translation>
    </message>
    <message>
        <source>Not in the other run (removed)</source>
        <translation>Nicht im anderen Lauf (entfernt)</translation>
    </message>
    <message>
        <source>No trace loaded</source>
        <translation>Kein Trace geladen</translation>
    </message>
    <message>
        <source>%1 tok</source>
        <translation>%1 Tok.</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>Ausschnitt %1</translation>
    </message>
    <message>
        <source>%1 spans · %2 services · depth %3</source>
        <translation>%1 Spans · %2 Dienste · Tiefe %3</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>LLM call</source>
        <translation>LLM-Aufruf</translation>
    </message>
    <message>
        <source>critical path</source>
        <translation>kritischer Pfad</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>Ctrl+wheel: zoom · drag: pan · double-click: zoom to span</source>
        <translation>Strg+Mausrad: Zoom · Ziehen: Verschieben · Doppelklick: auf Span zoomen</translation>
    </message>
</context>
<context>
    <name>tracedeck::TraceListModel</name>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>Wurzel</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>In tokens</source>
        <translation>Tokens ein</translation>
    </message>
    <message>
        <source>Out tokens</source>
        <translation>Tokens aus</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
</context>
<context>
    <name>tracedeck::TraceListView</name>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Then click the trace to compare this one with</source>
        <translation>Dann auf den Trace klicken, mit dem dieser verglichen werden soll</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n Selected Trace(s)</source>
        <translation>
            <numerusform>%n ausgewählten Trace vergleichen</numerusform>
            <numerusform>%n ausgewählte Traces vergleichen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::WorkspacesDialog</name>
    <message>
        <source>Redact personal data and secrets at ingest</source>
        <translation>Personenbezogene Daten und Geheimnisse beim Empfang schwärzen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Create Key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Workspaces &amp; API Keys</source>
        <translation>Arbeitsbereiche &amp; API-Schlüssel</translation>
    </message>
    <message>
        <source>Pick a workspace, or type a new name and create a key for it</source>
        <translation>Wählen Sie einen Arbeitsbereich oder geben Sie einen neuen Namen ein und erstellen Sie einen Schlüssel dafür</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Keep traces for:</source>
        <translation>Traces aufbewahren für:</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Requests with a key go to its workspace: &lt;code&gt;Authorization: Bearer &amp;lt;key&amp;gt;&lt;/code&gt; (OpenTelemetry: &lt;code&gt;OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20&amp;lt;key&amp;gt;&lt;/code&gt;). Requests without a key on loopback go to &lt;b&gt;local&lt;/b&gt;.</source>
        <translation>Anfragen mit einem Schlüssel gehen an dessen Arbeitsbereich: &lt;code&gt;Authorization: Bearer &amp;lt;key&amp;gt;&lt;/code&gt; (OpenTelemetry: &lt;code&gt;OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20&amp;lt;key&amp;gt;&lt;/code&gt;). Anfragen ohne Schlüssel über Loopback gehen an &lt;b&gt;local&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>e.g. laptop, CI, staging</source>
        <translation>z. B. Laptop, CI, Staging</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Bezeichnung:</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Spans/s</source>
        <translation>Spans/s</translation>
    </message>
    <message>
        <source>Spans/day</source>
        <translation>Spans/Tag</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>Limits:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this key now.&lt;/b&gt; It will not be shown again: Tracedeck stores only its hash.</source>
        <translation>&lt;b&gt;Kopieren Sie diesen Schlüssel jetzt.&lt;/b&gt; Er wird nicht noch einmal angezeigt: Tracedeck speichert nur seinen Hash.</translation>
    </message>
    <message>
        <source>The key is on the clipboard.</source>
        <translation>Der Schlüssel ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Cannot create the key: %1</source>
        <translation>Der Schlüssel kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Created a key for workspace %1.</source>
        <translation>Schlüssel für Arbeitsbereich %1 erstellt.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke key %1 of workspace %2?

Clients using it get 401 within a second; this cannot be undone.</source>
        <translation>Schlüssel %1 des Arbeitsbereichs %2 widerrufen?

Clients, die ihn verwenden, erhalten binnen einer Sekunde 401; dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Cannot revoke the key: %1</source>
        <translation>Der Schlüssel kann nicht widerrufen werden: %1</translation>
    </message>
    <message>
        <source>Revoked key %1.</source>
        <translation>Schlüssel %1 widerrufen.</translation>
    </message>
    <message>
        <source>Cannot save the workspace: %1</source>
        <translation>Der Arbeitsbereich kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved the settings of workspace %1.</source>
        <translation>Die Einstellungen des Arbeitsbereichs %1 wurden gespeichert.</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>Unbegrenzt aufbewahren</translation>
    </message>
    <message>
        <source>Traces are deleted this many days after they were stored or imported</source>
        <translation>Traces werden so viele Tage nach dem Speichern oder Importieren gelöscht</translation>
    </message>
</context>
<context>
    <name>tracedeck::Workstation</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Path graph</source>
        <translation>Pfadgraph</translation>
    </message>
    <message>
        <source>Compare %1 with…: click the other trace (Esc cancels)</source>
        <translation>%1 vergleichen mit…: auf den anderen Trace klicken (Esc bricht ab)</translation>
    </message>
    <message>
        <source>Cannot read workspaces: %1</source>
        <translation>Arbeitsbereiche können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Select two or more traces to compare (Ctrl+click), or right-click a trace and choose Compare with…</source>
        <translation>Wählen Sie zwei oder mehr Traces zum Vergleichen (Strg+Klick) oder klicken Sie mit der rechten Maustaste auf einen Trace und wählen Sie „Vergleichen mit…“</translation>
    </message>
    <message>
        <source>Select at most %1 traces to compare (%2 are selected)</source>
        <translation>Wählen Sie höchstens %1 Traces zum Vergleichen (%2 sind ausgewählt)</translation>
    </message>
    <message numerus="yes">
        <source>Loading %n trace(s) to compare…</source>
        <translation>
            <numerusform>%n Trace zum Vergleichen wird geladen…</numerusform>
            <numerusform>%n Traces zum Vergleichen werden geladen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot compare: trace %1 has no spans</source>
        <translation>Vergleich nicht möglich: Trace %1 hat keine Spans</translation>
    </message>
    <message>
        <source>%1 ⇄ %2</source>
        <translation>%1 ⇄ %2</translation>
    </message>
    <message>
        <source>A: %1
B: %2</source>
        <translation>A: %1
B: %2</translation>
    </message>
    <message numerus="yes">
        <source>Compared %1 with %2: %n span(s) matched</source>
        <translation>
            <numerusform>%1 mit %2 verglichen: %n Span zugeordnet</numerusform>
            <numerusform>%1 mit %2 verglichen: %n Spans zugeordnet</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the messages: %1</source>
        <translation>Die Nachrichten können nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird importiert…</numerusform>
            <numerusform>%n Dateien werden importiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n span(s) imported</source>
        <translation>
            <numerusform>%1: %n Span importiert</numerusform>
            <numerusform>%1: %n Spans importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped</source>
        <translation>
            <numerusform>, %n übersprungen</numerusform>
            <numerusform>, %n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n sample span(s)</source>
        <translation>
            <numerusform>%n Beispiel-Span geladen</numerusform>
            <numerusform>%n Beispiel-Spans geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the samples failed: %1</source>
        <translation>Laden der Beispiele fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The store is busy; try again in a moment.</source>
        <translation>Der Speicher ist ausgelastet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Preferences not saved: %1</source>
        <translation>Einstellungen nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Preferences saved; the changes apply when Tracedeck restarts (the theme at once).</source>
        <translation>Einstellungen gespeichert; die Änderungen wirken nach einem Neustart von Tracedeck (das Farbschema sofort).</translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Service map</source>
        <translation>Dienstkarte</translation>
    </message>
    <message>
        <source>Save Timeline as Image</source>
        <translation>Zeitachse als Bild speichern</translation>
    </message>
    <message>
        <source>Save Path Graph as Image</source>
        <translation>Pfadgraph als Bild speichern</translation>
    </message>
    <message>
        <source>An export is already running</source>
        <translation>Es läuft bereits ein Export</translation>
    </message>
    <message>
        <source>Export Traces</source>
        <translation>Traces exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Writing %1…
%n trace(s)</source>
        <translation>
            <numerusform>%1 wird geschrieben…
%n Trace</numerusform>
            <numerusform>%1 wird geschrieben…
%n Traces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n span(s)</source>
        <translation>
            <numerusform>, %n Span</numerusform>
            <numerusform>, %n Spans</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was left as it was</source>
        <translation>Export abgebrochen; %1 blieb unverändert</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n trace(s)</source>
        <translation>
            <numerusform>Exportiert: %n Trace</numerusform>
            <numerusform>Exportiert: %n Traces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n span(s)) to %1</source>
        <translation>
            <numerusform> (%n Span) nach %1</numerusform>
            <numerusform> (%n Spans) nach %1</numerusform>
        </translation>
    </message>
    <message>
        <source>; not in the store: %1</source>
        <translation>; nicht im Speicher: %1</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Select a trace first: the timeline is empty</source>
        <translation>Wählen Sie zuerst einen Trace: Die Zeitachse ist leer</translation>
    </message>
    <message>
        <source>Timeline of trace %1</source>
        <translation>Zeitachse von Trace %1</translation>
    </message>
    <message>
        <source>Saved the timeline to %1</source>
        <translation>Zeitachse in %1 gespeichert</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Select a trace first: the path graph is empty</source>
        <translation>Wählen Sie zuerst einen Trace: Der Pfadgraph ist leer</translation>
    </message>
    <message>
        <source>Saved the path graph to %1</source>
        <translation>Pfadgraph in %1 gespeichert</translation>
    </message>
    <message>
        <source>The latest %L1 spans of the trace list&apos;s time range: pick a shorter range to map all of it</source>
        <translation>Die neuesten %L1 Spans im Zeitraum der Trace-Liste: Wählen Sie einen kürzeren Zeitraum, um ihn ganz abzubilden</translation>
    </message>
    <message>
        <source>Every span of the workspace in the trace list&apos;s time range, and the calls between services</source>
        <translation>Alle Spans des Arbeitsbereichs im Zeitraum der Trace-Liste und die Aufrufe zwischen den Diensten</translation>
    </message>
    <message>
        <source>Cannot read the service map: %1</source>
        <translation>Die Dienstkarte kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No spans in this workspace and time range</source>
        <translation>Keine Spans in diesem Arbeitsbereich und Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>Select traces of exactly two sessions to compare them (%n session(s) selected)</source>
        <translation>
            <numerusform>Wählen Sie Traces aus genau zwei Sitzungen, um sie zu vergleichen (%n Sitzung ausgewählt)</numerusform>
            <numerusform>Wählen Sie Traces aus genau zwei Sitzungen, um sie zu vergleichen (%n Sitzungen ausgewählt)</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading two sessions to compare…</source>
        <translation>Zwei Sitzungen zum Vergleichen werden geladen…</translation>
    </message>
    <message>
        <source>Cannot compare: session %1 has no spans</source>
        <translation>Vergleich nicht möglich: Sitzung %1 hat keine Spans</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>Sitzung %1</translation>
    </message>
    <message>
        <source>Sessions %1 ⇄ %2</source>
        <translation>Sitzungen %1 ⇄ %2</translation>
    </message>
    <message>
        <source>Compared the first %1 traces of each session</source>
        <translation>Die ersten %1 Traces jeder Sitzung verglichen</translation>
    </message>
    <message>
        <source>Recomputing costs failed: %1</source>
        <translation>Neuberechnung der Kosten fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Costs recomputed: %1 of the stored spans got a new cost.</source>
        <translation>Kosten neu berechnet: %1 der gespeicherten Spans haben neue Kosten.</translation>
    </message>
</context>
</TS>
