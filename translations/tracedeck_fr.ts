<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>import annulé</translation>
    </message>
    <message>
        <source>the store is closing</source>
        <translation>la base se ferme</translation>
    </message>
</context>
<context>
    <name>TraceFilter</name>
    <message>
        <source>%1: expected error, ok or an HTTP code</source>
        <translation>%1 : error, ok ou un code HTTP attendu</translation>
    </message>
</context>
<context>
    <name>TraceListModel</name>
    <message>
        <source>(no root span)</source>
        <translation>(pas de span racine)</translation>
    </message>
</context>
<context>
    <name>tracedeck::AboutDialog</name>
    <message>
        <source>user interface, HTTP listener</source>
        <translation>interface utilisateur, écoute HTTP</translation>
    </message>
    <message>
        <source>the store</source>
        <translation>la base de données</translation>
    </message>
    <message>
        <source>OTLP protobuf</source>
        <translation>OTLP protobuf</translation>
    </message>
    <message>
        <source>gzip bodies and files</source>
        <translation>corps et fichiers gzip</translation>
    </message>
    <message>
        <source>JSON decoding</source>
        <translation>décodage JSON</translation>
    </message>
    <message>
        <source>OTLP messages</source>
        <translation>messages OTLP</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Utilisée pour</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source> (compiled in)</source>
        <translation> (intégrée à la compilation)</translation>
    </message>
    <message>
        <source>About Tracedeck</source>
        <translation>À propos de Tracedeck</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Tracedeck %1&lt;/h2&gt;&lt;p&gt;A local observability workstation for LLM agents and distributed services.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3), %4, for %5.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Tracedeck %1&lt;/h2&gt;&lt;p&gt;Un poste d’observabilité local pour les agents LLM et les services distribués.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2 (exécuté sur Qt %3), %4, pour %5.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Built on these libraries:</source>
        <translation>Construit sur ces bibliothèques :</translation>
    </message>
</context>
<context>
    <name>tracedeck::AlertBadge</name>
    <message>
        <source>Budgets reached their limits: show View ▸ Alerts</source>
        <translation>Des budgets ont atteint leur limite : voir Affichage ▸ Alertes</translation>
    </message>
    <message numerus="yes">
        <source>%n budget alert(s)</source>
        <translation>
            <numerusform>%n alerte de budget</numerusform>
            <numerusform>%n alertes de budget</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::AlertsPanel</name>
    <message>
        <source>daily</source>
        <translation>quotidien</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>mensuel</translation>
    </message>
    <message>
        <source>%1: user %2, %3</source>
        <translation>%1 : utilisateur %2, %3</translation>
    </message>
    <message>
        <source>%1: model %2, %3</source>
        <translation>%1 : modèle %2, %3</translation>
    </message>
    <message>
        <source>%1: whole workspace, %2</source>
        <translation>%1 : espace de travail entier, %2</translation>
    </message>
    <message>
        <source>No budget alerts. Set limits in View ▸ Budgets…; when a day&apos;s or month&apos;s cost reaches one, it is listed here.</source>
        <translation>Aucune alerte de budget. Définissez des limites dans Affichage ▸ Budgets… ; lorsque le coût d’un jour ou d’un mois en atteint une, elle est listée ici.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Dépense</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Period (UTC)</source>
        <translation>Période (UTC)</translation>
    </message>
    <message>
        <source>Double-click an alert to open the dashboard on its period</source>
        <translation>Double-cliquez sur une alerte pour ouvrir le tableau de bord sur sa période</translation>
    </message>
</context>
<context>
    <name>tracedeck::BudgetAdminModel</name>
    <message>
        <source>Whole workspace</source>
        <translation>Espace de travail entier</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Quotidien</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuel</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>User or model</source>
        <translation>Utilisateur ou modèle</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Limit (USD)</source>
        <translation>Limite (USD)</translation>
    </message>
    <message>
        <source>The store is not open</source>
        <translation>Le stockage n’est pas ouvert</translation>
    </message>
    <message>
        <source>No budget selected</source>
        <translation>Aucun budget sélectionné</translation>
    </message>
</context>
<context>
    <name>tracedeck::BudgetController</name>
    <message>
        <source>daily</source>
        <translation>quotidien</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>mensuel</translation>
    </message>
    <message>
        <source>the %1 budget of user %2</source>
        <translation>le budget %1 de l’utilisateur %2</translation>
    </message>
    <message>
        <source>the %1 budget of model %2</source>
        <translation>le budget %1 du modèle %2</translation>
    </message>
    <message>
        <source>the %1 budget of the whole workspace</source>
        <translation>le budget %1 de tout l’espace de travail</translation>
    </message>
    <message>
        <source>Cannot read budgets: %1</source>
        <translation>Impossible de lire les budgets : %1</translation>
    </message>
    <message>
        <source>Tracedeck</source>
        <translation>Tracedeck</translation>
    </message>
    <message>
        <source>Cannot check budgets: %1</source>
        <translation>Impossible de vérifier les budgets : %1</translation>
    </message>
    <message>
        <source>Workspace %1 reached %2: %3 of %4</source>
        <translation>L’espace de travail %1 a atteint %2 : %3 sur %4</translation>
    </message>
    <message>
        <source>Budget reached</source>
        <translation>Budget atteint</translation>
    </message>
</context>
<context>
    <name>tracedeck::BudgetSpendView</name>
    <message>
        <source>daily</source>
        <translation>quotidien</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>mensuel</translation>
    </message>
    <message>
        <source>User %1 (%2)</source>
        <translation>Utilisateur %1 (%2)</translation>
    </message>
    <message>
        <source>Model %1 (%2)</source>
        <translation>Modèle %1 (%2)</translation>
    </message>
    <message>
        <source>Whole workspace (%1)</source>
        <translation>Espace de travail entier (%1)</translation>
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
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Month forecast</source>
        <translation>Prévision du mois</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>This month&apos;s spend × the month&apos;s length ÷ the time elapsed in it (at least one day)</source>
        <translation>Dépense de ce mois × durée du mois ÷ temps écoulé dans celui-ci (au moins un jour)</translation>
    </message>
    <message>
        <source>Set daily and monthly limits for this workspace, its users and models</source>
        <translation>Définir des limites quotidiennes et mensuelles pour cet espace de travail, ses utilisateurs et ses modèles</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spend against budget&lt;/b&gt; — no budgets for workspace %1 yet.</source>
        <translation>&lt;b&gt;Dépense par rapport au budget&lt;/b&gt; — aucun budget pour l’espace de travail %1 pour l’instant.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spend against budget&lt;/b&gt; — workspace %1, UTC days and months</source>
        <translation>&lt;b&gt;Dépense par rapport au budget&lt;/b&gt; — espace de travail %1, jours et mois UTC</translation>
    </message>
</context>
<context>
    <name>tracedeck::BudgetsDialog</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Whole workspace</source>
        <translation>Espace de travail entier</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Quotidien</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuel</translation>
    </message>
    <message>
        <source>USD, e.g. 25</source>
        <translation>USD, p. ex. 25</translation>
    </message>
    <message>
        <source>New budget:</source>
        <translation>Nouveau budget :</translation>
    </message>
    <message>
        <source>Double-click a value or limit to change it. Days and months are UTC.</source>
        <translation>Double-cliquez sur une valeur ou une limite pour la modifier. Les jours et les mois sont en UTC.</translation>
    </message>
    <message>
        <source>Spending limits of workspace &lt;b&gt;%1&lt;/b&gt;. When a day&apos;s or a month&apos;s cost reaches a limit, an entry appears in View ▸ Alerts and a desktop notification is shown.</source>
        <translation>Limites de dépense de l’espace de travail &lt;b&gt;%1&lt;/b&gt;. Lorsque le coût d’un jour ou d’un mois atteint une limite, une entrée apparaît dans Affichage ▸ Alertes et une notification de bureau s’affiche.</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>identifiant d’utilisateur</translation>
    </message>
    <message>
        <source>model name, e.g. gpt-4o</source>
        <translation>nom du modèle, p. ex. gpt-4o</translation>
    </message>
    <message>
        <source>(the whole workspace)</source>
        <translation>(tout l’espace de travail)</translation>
    </message>
    <message>
        <source>Budget added.</source>
        <translation>Budget ajouté.</translation>
    </message>
    <message>
        <source>Budget removed, with its alerts.</source>
        <translation>Budget supprimé, avec ses alertes.</translation>
    </message>
</context>
<context>
    <name>tracedeck::CompareModel</name>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Δ duration</source>
        <translation>Δ durée</translation>
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
        <translation>Δ temps propre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Δ tokens</source>
        <translation>Δ jetons</translation>
    </message>
    <message>
        <source>Δ cost</source>
        <translation>Δ coût</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Duration in run A (left)</source>
        <translation>Durée dans l’exécution A (gauche)</translation>
    </message>
    <message>
        <source>Duration in run B (right)</source>
        <translation>Durée dans l’exécution B (droite)</translation>
    </message>
    <message>
        <source>Change in self time: duration minus the time covered by children</source>
        <translation>Variation du temps propre : durée moins le temps couvert par les enfants</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>apparié</translation>
    </message>
    <message>
        <source>service renamed</source>
        <translation>service renommé</translation>
    </message>
    <message>
        <source>other call</source>
        <translation>autre appel</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
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
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a matched LLM call to compare its messages word by word.</source>
        <translation>Sélectionnez un appel LLM apparié pour comparer ses messages mot à mot.</translation>
    </message>
    <message>
        <source>B vs A</source>
        <translation>B par rapport à A</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>durée %1</translation>
    </message>
    <message>
        <source>tokens %1%2</source>
        <translation>jetons %1%2</translation>
    </message>
    <message>
        <source>cost %1%2</source>
        <translation>coût %1%2</translation>
    </message>
    <message>
        <source>errors %1 → %2</source>
        <translation>erreurs %1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) matched</source>
        <translation>
            <numerusform>%n span apparié</numerusform>
            <numerusform>%n spans appariés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n ajouté</numerusform>
            <numerusform>%n ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n supprimé</numerusform>
            <numerusform>%n supprimés</numerusform>
        </translation>
    </message>
    <message>
        <source>models %1 → %2</source>
        <translation>modèles %1 → %2</translation>
    </message>
    <message>
        <source>Loading the messages of “%1”…</source>
        <translation>Chargement des messages de « %1 »…</translation>
    </message>
    <message>
        <source>“%1” is not an LLM call: no messages to compare.</source>
        <translation>« %1 » n’est pas un appel LLM : aucun message à comparer.</translation>
    </message>
    <message>
        <source>“%1” is only in A (removed in B).</source>
        <translation>« %1 » n’est que dans A (supprimé dans B).</translation>
    </message>
    <message>
        <source>“%1” is only in B (added).</source>
        <translation>« %1 » n’est que dans B (ajouté).</translation>
    </message>
</context>
<context>
    <name>tracedeck::ConversationModel</name>
    <message>
        <source>%1 in</source>
        <translation>%1 en entrée</translation>
    </message>
    <message>
        <source>? in</source>
        <translation>? en entrée</translation>
    </message>
    <message>
        <source> (%1 cached)</source>
        <translation> (%1 en cache)</translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation>%1 en sortie</translation>
    </message>
    <message>
        <source>? out</source>
        <translation>? en sortie</translation>
    </message>
    <message>
        <source>TTFT %1</source>
        <translation>TTFT %1</translation>
    </message>
    <message>
        <source>%1 — failed: %2</source>
        <translation>%1 — échec : %2</translation>
    </message>
</context>
<context>
    <name>tracedeck::ConversationView</name>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Résultat d’outil</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Show full prompt</source>
        <translation>Afficher le prompt complet</translation>
    </message>
    <message>
        <source>Previous turn</source>
        <translation>Tour précédent</translation>
    </message>
    <message>
        <source>Play the conversation</source>
        <translation>Lire la conversation</translation>
    </message>
    <message>
        <source>Next turn</source>
        <translation>Tour suivant</translation>
    </message>
    <message>
        <source>1× (real time)</source>
        <translation>1× (temps réel)</translation>
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
        <translation>Toutes les secondes</translation>
    </message>
    <message>
        <source>Every 3 s</source>
        <translation>Toutes les 3 s</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <source>Show every message each call was sent, not only what is new since the previous call</source>
        <translation>Afficher tous les messages envoyés à chaque appel, pas seulement ce qui est nouveau depuis l’appel précédent</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n tour</numerusform>
            <numerusform>%n tours</numerusform>
        </translation>
    </message>
    <message>
        <source>Turn %1 of %2</source>
        <translation>Tour %1 sur %2</translation>
    </message>
    <message>
        <source>No LLM calls in this trace.</source>
        <translation>Aucun appel LLM dans cette trace.</translation>
    </message>
    <message>
        <source>Select a trace to read its LLM calls as a conversation.</source>
        <translation>Sélectionnez une trace pour lire ses appels LLM comme une conversation.</translation>
    </message>
    <message numerus="yes">
        <source>%n LLM call(s) · %1 in / %2 out</source>
        <translation>
            <numerusform>%n appel LLM · %1 en entrée / %2 en sortie</numerusform>
            <numerusform>%n appels LLM · %1 en entrée / %2 en sortie</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Turn %1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;Tour %1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source> · &lt;i&gt;%1&lt;/i&gt;</source>
        <translation> · &lt;i&gt;%1&lt;/i&gt;</translation>
    </message>
    <message>
        <source> · retried ×%1</source>
        <translation> · relancé ×%1</translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;failed&lt;/b&gt;: %1&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;échec&lt;/b&gt; : %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 — click to select the span</source>
        <translation>%1 — cliquez pour sélectionner le span</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) — step here or click to show</source>
        <translation>
            <numerusform>%n message — avancez jusqu’ici ou cliquez pour l’afficher</numerusform>
            <numerusform>%n messages — avancez jusqu’ici ou cliquez pour les afficher</numerusform>
        </translation>
    </message>
    <message>
        <source>Attempt %1 failed after %2: %3 — sent again</source>
        <translation>La tentative %1 a échoué après %2 : %3 — renvoyé</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier message(s) not repeated (Show full prompt to see them)</source>
        <translation>
            <numerusform>%n message précédent non répété (« Afficher le prompt complet » pour le voir)</numerusform>
            <numerusform>%n messages précédents non répétés (« Afficher le prompt complet » pour les voir)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — reply</source>
        <translation>%1 — réponse</translation>
    </message>
    <message>
        <source>**%1**</source>
        <translation>**%1**</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>Appel d’outil</translation>
    </message>
    <message>
        <source>No tool span found for this call.</source>
        <translation>Aucun span d’outil trouvé pour cet appel.</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>a renvoyé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>**Error:** %1</source>
        <translation>**Erreur :** %1</translation>
    </message>
    <message>
        <source>*(no result recorded)*</source>
        <translation>*(aucun résultat enregistré)*</translation>
    </message>
    <message>
        <source>*result of* `%1`</source>
        <translation>*résultat de* `%1`</translation>
    </message>
    <message>
        <source>**Tool call %1**</source>
        <translation>**Appel d’outil %1**</translation>
    </message>
    <message>
        <source>*(empty)*</source>
        <translation>*(vide)*</translation>
    </message>
    <message numerus="yes">
        <source>Show more (%n characters)</source>
        <translation>
            <numerusform>Afficher plus (%n caractère)</numerusform>
            <numerusform>Afficher plus (%n caractères)</numerusform>
        </translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Afficher moins</translation>
    </message>
    <message>
        <source>This trace</source>
        <translation>Cette trace</translation>
    </message>
    <message>
        <source>Whole session</source>
        <translation>Session entière</translation>
    </message>
    <message>
        <source>Show the LLM calls of this trace only, or of every trace of its session as one conversation</source>
        <translation>Afficher les appels LLM de cette trace uniquement, ou de toutes les traces de sa session comme une seule conversation</translation>
    </message>
    <message>
        <source>This trace has no session id: only its own LLM calls can be shown</source>
        <translation>Cette trace n’a pas d’identifiant de session : seuls ses propres appels LLM peuvent être affichés</translation>
    </message>
    <message>
        <source>No LLM calls in this session.</source>
        <translation>Aucun appel LLM dans cette session.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 traces of this session.</source>
        <translation>Affichage des %1 premières traces sur %2 de cette session.</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s) · </source>
        <translation>
            <numerusform>%n trace · </numerusform>
            <numerusform>%n traces · </numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Trace&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Trace&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Trace %1 — click to open it</source>
        <translation>Trace %1 — cliquez pour l’ouvrir</translation>
    </message>
</context>
<context>
    <name>tracedeck::CostDashboard</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Depuis toujours</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisé…</translation>
    </message>
    <message>
        <source>Stack by</source>
        <translation>Empiler par</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Coût (USD)</translation>
    </message>
    <message>
        <source>Tokens (input + output)</source>
        <translation>Jetons (entrée + sortie)</translation>
    </message>
    <message>
        <source>LLM calls and error rate</source>
        <translation>Appels LLM et taux d’erreur</translation>
    </message>
    <message>
        <source>Latency per model (ms)</source>
        <translation>Latence par modèle (ms)</translation>
    </message>
    <message>
        <source>Latency per service (ms)</source>
        <translation>Latence par service (ms)</translation>
    </message>
    <message>
        <source>Costliest traces</source>
        <translation>Traces les plus coûteuses</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Costliest users</source>
        <translation>Utilisateurs les plus coûteux</translation>
    </message>
    <message>
        <source>Costliest sessions</source>
        <translation>Sessions les plus coûteuses</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Double-click a trace to open it in the timeline</source>
        <translation>Double-cliquez sur une trace pour l’ouvrir dans la chronologie</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No LLM calls in this range&lt;/h3&gt;&lt;p&gt;Cost, tokens and latency appear here once spans with a model are stored (OpenTelemetry GenAI, OpenInference or OpenLLMetry attributes).&lt;br&gt;Try a longer range, or File ▸ Load Sample Traces.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aucun appel LLM sur cette période&lt;/h3&gt;&lt;p&gt;Le coût, les jetons et la latence apparaissent ici dès que des spans avec un modèle sont enregistrés (attributs OpenTelemetry GenAI, OpenInference ou OpenLLMetry).&lt;br&gt;Essayez une période plus longue, ou Fichier ▸ Charger les traces d’exemple.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot read the dashboard: %1</source>
        <translation>Impossible de lire le tableau de bord : %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 tokens · %3 LLM calls · %4% errors</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 jetons · %3 appels LLM · %4 % d’erreurs</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>appels</translation>
    </message>
    <message>
        <source>error rate %</source>
        <translation>taux d’erreur %</translation>
    </message>
    <message>
        <source>Save Chart as PNG…</source>
        <translation>Enregistrer le graphique en PNG…</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
    <message>
        <source>Save Data as CSV…</source>
        <translation>Enregistrer les données en CSV…</translation>
    </message>
    <message>
        <source>Save Data</source>
        <translation>Enregistrer les données</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Enregistrer en CSV…</translation>
    </message>
</context>
<context>
    <name>tracedeck::EmptyState</name>
    <message>
        <source>No traces yet</source>
        <translation>Pas encore de traces</translation>
    </message>
    <message>
        <source>Load sample traces</source>
        <translation>Charger les traces d’exemple</translation>
    </message>
    <message>
        <source>A REST request across services, an agent run with LLM and tool calls and an error, and a streaming LLM call</source>
        <translation>Une requête REST à travers plusieurs services, une exécution d’agent avec des appels LLM et d’outils et une erreur, et un appel LLM en streaming</translation>
    </message>
    <message>
        <source>Open trace file…</source>
        <translation>Ouvrir un fichier de traces…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Tracedeck is listening on &lt;b&gt;http://%1&lt;/b&gt; for OTLP/HTTP (JSON or protobuf) and Zipkin v2.&lt;/p&gt;&lt;p&gt;Point any OpenTelemetry SDK at it:&lt;/p&gt;%2&lt;p&gt;or send a span by hand:&lt;/p&gt;%3&lt;p&gt;Traces appear here as they arrive.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tracedeck écoute sur &lt;b&gt;http://%1&lt;/b&gt; en OTLP/HTTP (JSON ou protobuf) et Zipkin v2.&lt;/p&gt;&lt;p&gt;Dirigez-y n’importe quel SDK OpenTelemetry :&lt;/p&gt;%2&lt;p&gt;ou envoyez un span à la main :&lt;/p&gt;%3&lt;p&gt;Les traces apparaissent ici dès leur arrivée.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tracedeck::ExportDialog</name>
    <message numerus="yes">
        <source>Selected traces (%n)</source>
        <translation>
            <numerusform>Trace sélectionnée (%n)</numerusform>
            <numerusform>Traces sélectionnées (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>All traces in the workspace</source>
        <translation>Toutes les traces de l’espace de travail</translation>
    </message>
    <message>
        <source>All traces matching “%1”</source>
        <translation>Toutes les traces correspondant à « %1 »</translation>
    </message>
    <message>
        <source>Export Traces</source>
        <translation>Exporter des traces</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s) listed so far; the export reads every match from the store</source>
        <translation>
            <numerusform>%n trace listée pour l’instant ; l’export lit toutes les correspondances dans la base</numerusform>
            <numerusform>%n traces listées pour l’instant ; l’export lit toutes les correspondances dans la base</numerusform>
        </translation>
    </message>
    <message>
        <source>OTLP JSON Lines (.jsonl) — for Tracedeck, the OTel Collector</source>
        <translation>OTLP JSON Lines (.jsonl) — pour Tracedeck, l’OTel Collector</translation>
    </message>
    <message>
        <source>Jaeger JSON (.json) — for Jaeger UI</source>
        <translation>Jaeger JSON (.json) — pour Jaeger UI</translation>
    </message>
    <message>
        <source>CSV, one row per span (.csv) — for spreadsheets</source>
        <translation>CSV, une ligne par span (.csv) — pour les tableurs</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Traces:</source>
        <translation>Traces :</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
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
        <translation>Un ExportTraceServiceRequest par ligne. Se rouvre dans Tracedeck avec tous les attributs, événements et temps.</translation>
    </message>
    <message>
        <source>Jaeger UI&apos;s “Download JSON” format: {&quot;data&quot;: [traces]}.</source>
        <translation>Le format « Download JSON » de Jaeger UI : {&quot;data&quot;: [traces]}.</translation>
    </message>
    <message>
        <source>One row per span: ids, service, name, times, status, model, tokens and cost.</source>
        <translation>Une ligne par span : identifiants, service, nom, temps, statut, modèle, jetons et coût.</translation>
    </message>
</context>
<context>
    <name>tracedeck::ExportRunner</name>
    <message>
        <source>cannot open the store: %1</source>
        <translation>impossible d’ouvrir la base : %1</translation>
    </message>
</context>
<context>
    <name>tracedeck::FileImport</name>
    <message>
        <source>import cancelled before this file</source>
        <translation>import annulé avant ce fichier</translation>
    </message>
    <message>
        <source>%1: cannot store: %2</source>
        <translation>%1 : enregistrement impossible : %2</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>import annulé</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s), the first: %2</source>
        <translation>
            <numerusform>%1 : %n problème : %2</numerusform>
            <numerusform>%1 : %n problèmes, le premier : %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::FilterBar</name>
    <message>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <source>Search messages and span names, or filter: service:NAME model:gpt-4* user:ID session:ID request:ID trace:ID status:error code:503</source>
        <translation>Chercher dans les messages et les noms de spans, ou filtrer : service:NOM model:gpt-4* user:ID session:ID request:ID trace:ID status:error code:503</translation>
    </message>
    <message>
        <source>Words search span names and LLM messages (all must occur; word* for a prefix).
Fields: service: model: user: session: request: trace: status:error|ok code:HTTP</source>
        <translation>Les mots cherchent dans les noms de spans et les messages LLM (tous doivent figurer ; mot* pour un préfixe).
Champs : service: model: user: session: request: trace: status:error|ok code:HTTP</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Depuis toujours</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Add a field filter to the query</source>
        <translation>Ajouter un filtre de champ à la requête</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>ID de requête</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>ID de trace</translation>
    </message>
    <message>
        <source>HTTP status code</source>
        <translation>Code de statut HTTP</translation>
    </message>
    <message>
        <source>The workspace whose traces the list shows</source>
        <translation>L’espace de travail dont la liste affiche les traces</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Espace de travail :</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
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
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Importing trace files</source>
        <translation>Import des fichiers de traces</translation>
    </message>
    <message>
        <source>%1 (file %2 of %3)</source>
        <translation>%1 (fichier %2 sur %3)</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 spans stored · %4 spans/s</source>
        <translation>%1 sur %2 · %3 spans enregistrés · %4 spans/s</translation>
    </message>
    <message>
        <source>Cancelling: stopping after the batch being stored…</source>
        <translation>Annulation : arrêt après le lot en cours d’enregistrement…</translation>
    </message>
</context>
<context>
    <name>tracedeck::ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Rapport d’import</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
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
        <translation>Rejetés</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>imported, with problems</source>
        <translation>importé, avec des problèmes</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): %1 traces, %2 spans imported, %3 rejected, %4 failed.</source>
        <translation>
            <numerusform>%n fichier : %1 traces, %2 spans importés, %3 rejetés, %4 en échec.</numerusform>
            <numerusform>%n fichiers : %1 traces, %2 spans importés, %3 rejetés, %4 en échec.</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Aucun problème.</translation>
    </message>
    <message>
        <source>Problems (file: place: reason)</source>
        <translation>Problèmes (fichier : emplacement : raison)</translation>
    </message>
</context>
<context>
    <name>tracedeck::IngestStatus</name>
    <message>
        <source>● Listening on %1</source>
        <translation>● À l’écoute sur %1</translation>
    </message>
    <message>
        <source>○ Not listening</source>
        <translation>○ Pas à l’écoute</translation>
    </message>
    <message>
        <source>Click to copy %1</source>
        <translation>Cliquez pour copier %1</translation>
    </message>
    <message>
        <source>%1 spans/s</source>
        <translation>%1 spans/s</translation>
    </message>
    <message>
        <source>%1 traces, %2 spans</source>
        <translation>%1 traces, %2 spans</translation>
    </message>
    <message>
        <source>database %1</source>
        <translation>base %1</translation>
    </message>
</context>
<context>
    <name>tracedeck::JsonInspector</name>
    <message>
        <source>Tree</source>
        <translation>Arbre</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Show the document as pretty-printed JSON</source>
        <translation>Afficher le document en JSON indenté</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Find in keys and values (Ctrl+F)</source>
        <translation>Chercher dans les clés et les valeurs (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in keys and values</source>
        <translation>Chercher dans les clés et les valeurs</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Résultat suivant (Entrée)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Chercher…</translation>
    </message>
    <message>
        <source>Copy Value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <source>Copy JSON Path</source>
        <translation>Copier le chemin JSON</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>Tout déplier</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>Tout replier</translation>
    </message>
    <message>
        <source>Strings holding JSON are shown parsed</source>
        <translation>Les chaînes contenant du JSON sont affichées analysées</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>Expanded the first %1 nodes</source>
        <translation>Les %1 premiers nœuds sont dépliés</translation>
    </message>
</context>
<context>
    <name>tracedeck::JsonTreeModel</name>
    <message>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <source>array</source>
        <translation>tableau</translation>
    </message>
    <message>
        <source>string (JSON)</source>
        <translation>chaîne (JSON)</translation>
    </message>
    <message>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>entier</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binaire</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>tracedeck::KeyAdminModel</name>
    <message>
        <source>%1 req/s</source>
        <translation>%1 req./s</translation>
    </message>
    <message>
        <source>%1 spans/s</source>
        <translation>%1 spans/s</translation>
    </message>
    <message>
        <source>%1 spans/day</source>
        <translation>%1 spans/jour</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>révoquée %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>the store is not open</source>
        <translation>la base n’est pas ouverte</translation>
    </message>
    <message>
        <source>no key selected</source>
        <translation>aucune clé sélectionnée</translation>
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
        <translation>Copié : %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Load &amp;Sample Traces</source>
        <translation>Charger les traces d’&amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Chercher…</translation>
    </message>
    <message>
        <source>&amp;Workspaces &amp;&amp; API Keys…</source>
        <translation>Espaces de &amp;travail et clés d’API…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>A&amp;juster</translation>
    </message>
    <message>
        <source>&amp;Critical Path</source>
        <translation>Chemin &amp;critique</translation>
    </message>
    <message>
        <source>Highlight the spans that determine the trace&apos;s duration</source>
        <translation>Mettre en évidence les spans qui déterminent la durée de la trace</translation>
    </message>
    <message>
        <source>Co&amp;mpare Selected Traces</source>
        <translation>Co&amp;mparer les traces sélectionnées</translation>
    </message>
    <message>
        <source>Compare the traces selected in the list: two side by side, or more in a table of totals (Ctrl+click to select several)</source>
        <translation>Comparer les traces sélectionnées dans la liste : deux côte à côte, ou davantage dans un tableau des totaux (Ctrl+clic pour en sélectionner plusieurs)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;About Tracedeck</source>
        <translation>À &amp;propos de Tracedeck</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Open Trace Files</source>
        <translation>Ouvrir des fichiers de traces</translation>
    </message>
    <message>
        <source>Trace files (*.json *.jsonl *.pb *.bin *.gz *.otlp);;All files (*)</source>
        <translation>Fichiers de traces (*.json *.jsonl *.pb *.bin *.gz *.otlp);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Export Traces…</source>
        <translation>E&amp;xporter des traces…</translation>
    </message>
    <message>
        <source>Save &amp;Timeline as Image…</source>
        <translation>Enregistrer la &amp;chronologie comme image…</translation>
    </message>
    <message>
        <source>Save Path &amp;Graph as Image…</source>
        <translation>Enregistrer le &amp;graphe des chemins comme image…</translation>
    </message>
    <message>
        <source>Compare &amp;Sessions of Selected Traces</source>
        <translation>Comparer les &amp;sessions des traces sélectionnées</translation>
    </message>
    <message>
        <source>Select a trace of each of two sessions: their traces are aligned in order, turn by turn, and then span by span</source>
        <translation>Sélectionnez une trace dans chacune de deux sessions : leurs traces sont alignées dans l’ordre, tour par tour, puis span par span</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>Cost, tokens, calls and latency over time; the costliest traces, users and sessions</source>
        <translation>Coût, jetons, appels et latence au fil du temps ; les traces, utilisateurs et sessions les plus coûteux</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>A&amp;lertes</translation>
    </message>
    <message>
        <source>Budgets that reached their daily or monthly limit</source>
        <translation>Budgets ayant atteint leur limite quotidienne ou mensuelle</translation>
    </message>
    <message>
        <source>B&amp;udgets…</source>
        <translation>B&amp;udgets…</translation>
    </message>
    <message>
        <source>Daily and monthly spending limits per workspace, user and model</source>
        <translation>Limites de dépense quotidiennes et mensuelles par espace de travail, utilisateur et modèle</translation>
    </message>
</context>
<context>
    <name>tracedeck::MultiRunModel</name>
    <message>
        <source>Root span</source>
        <translation>Span racine</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>LLM calls</source>
        <translation>Appels LLM</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Jetons en entrée</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Jetons en sortie</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Final answer</source>
        <translation>Réponse finale</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>Exécution %1 · %2</translation>
    </message>
</context>
<context>
    <name>tracedeck::MultiRunView</name>
    <message numerus="yes">
        <source>%n run(s) side by side; the best figure of each row in bold. Hover a final answer to read it whole.</source>
        <translation>
            <numerusform>%n exécution côte à côte ; le meilleur chiffre de chaque ligne en gras. Survolez une réponse finale pour la lire en entier.</numerusform>
            <numerusform>%n exécutions côte à côte ; le meilleur chiffre de chaque ligne en gras. Survolez une réponse finale pour la lire en entier.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::PathGraphView</name>
    <message>
        <source>Select a trace to see the services it went through.</source>
        <translation>Sélectionnez une trace pour voir les services qu’elle a traversés.</translation>
    </message>
    <message>
        <source>This trace has no spans.</source>
        <translation>Cette trace n’a aucun span.</translation>
    </message>
    <message>
        <source>No layout.</source>
        <translation>Pas de disposition.</translation>
    </message>
    <message>
        <source>Hops of one request, in time order</source>
        <translation>Étapes d’une requête, dans l’ordre chronologique</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 en échec</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 appel</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 appels</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 erreur</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 erreurs</translation>
    </message>
    <message>
        <source>p50 %1 · p95 %2</source>
        <translation>p50 %1 · p95 %2</translation>
    </message>
    <message>
        <source>%1 → %2 tokens</source>
        <translation>%1 → %2 jetons</translation>
    </message>
    <message>
        <source>%1 spans, entered %2 times, %3 errors</source>
        <translation>%1 spans, %2 entrées, %3 erreurs</translation>
    </message>
    <message>
        <source>latency of calls: p50 %1, p95 %2</source>
        <translation>latence des appels : p50 %1, p95 %2</translation>
    </message>
    <message>
        <source>LLM tokens: %1 in, %2 out</source>
        <translation>jetons LLM : %1 en entrée, %2 en sortie</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>coût %1</translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation>coût inconnu</translation>
    </message>
    <message>
        <source>Click to filter the trace list to this service</source>
        <translation>Cliquez pour filtrer la liste des traces sur ce service</translation>
    </message>
    <message>
        <source>Tracedeck path graph</source>
        <translation>Graphe des chemins Tracedeck</translation>
    </message>
    <message>
        <source>external · %1</source>
        <translation>externe · %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;External&lt;/i&gt;: not instrumented (no spans of its own), known from the client calls to it</source>
        <translation>&lt;i&gt;Externe&lt;/i&gt; : non instrumenté (aucun span propre), connu par les appels des clients vers lui</translation>
    </message>
    <message>
        <source>called %1 times, %2 errors</source>
        <translation>appelé %1 fois, %2 erreurs</translation>
    </message>
</context>
<context>
    <name>tracedeck::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Écoute</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>Masquage</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 127.0.0.1:4318 or [::1]:4318. An address other than loopback requires an API key on every request.</source>
        <translation>HÔTE:PORT, p. ex. 127.0.0.1:4318 ou [::1]:4318. Une adresse autre que la boucle locale exige une clé d’API à chaque requête.</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>Écouter sur :</translation>
    </message>
    <message>
        <source>Largest request body:</source>
        <translation>Corps de requête maximal :</translation>
    </message>
    <message>
        <source>The limit holds before and after gzip inflation; larger requests get 413.</source>
        <translation>La limite vaut avant et après décompression gzip ; les requêtes plus grandes reçoivent 413.</translation>
    </message>
    <message>
        <source>Applies when Tracedeck restarts. The command line&apos;s --listen and --max-body-mb override these.</source>
        <translation>Prend effet au redémarrage de Tracedeck. Les options --listen et --max-body-mb de la ligne de commande priment.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>Fichier de base de données :</translation>
    </message>
    <message>
        <source>Empty: the default location. A new file is created on the next start; the traces of the current one stay there. Applies when Tracedeck restarts; --db overrides it.</source>
        <translation>Vide : l’emplacement par défaut. Un nouveau fichier est créé au prochain démarrage ; les traces de l’actuel y restent. Prend effet au redémarrage de Tracedeck ; --db prime.</translation>
    </message>
    <message>
        <source>Keep local traces for:</source>
        <translation>Conserver les traces locales pendant :</translation>
    </message>
    <message>
        <source>Redact secrets and personal data before spans are stored</source>
        <translation>Masquer les secrets et les données personnelles avant l’enregistrement des spans</translation>
    </message>
    <message>
        <source>One key per line. A key matches attribute and JSON keys by their last segment, as a suffix (access_token) or with one qualifier (email_address).</source>
        <translation>Une clé par ligne. Une clé correspond aux clés d’attributs et JSON par leur dernier segment, comme suffixe (access_token) ou avec un qualificatif (email_address).</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>Adresses e-mail</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Numéros de téléphone</translation>
    </message>
    <message>
        <source>Payment card numbers</source>
        <translation>Numéros de carte bancaire</translation>
    </message>
    <message>
        <source>Bearer tokens and JWTs</source>
        <translation>Jetons Bearer et JWT</translation>
    </message>
    <message>
        <source>API keys (sk-…, AKIA…, ghp_…)</source>
        <translation>Clés d’API (sk-…, AKIA…, ghp_…)</translation>
    </message>
    <message>
        <source>US social security numbers</source>
        <translation>Numéros de sécurité sociale américains</translation>
    </message>
    <message>
        <source>Sensitive keys:</source>
        <translation>Clés sensibles :</translation>
    </message>
    <message>
        <source>Patterns in text:</source>
        <translation>Motifs dans le texte :</translation>
    </message>
    <message>
        <source>Applies to spans received or imported after Tracedeck restarts; stored spans are not changed. A workspace can turn redaction off (Workspaces &amp; API Keys).</source>
        <translation>S’applique aux spans reçus ou importés après le redémarrage de Tracedeck ; les spans enregistrés ne changent pas. Un espace de travail peut désactiver le masquage (Espaces de travail et clés d’API).</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>A new language applies when Tracedeck restarts.</source>
        <translation>Une nouvelle langue prend effet au redémarrage de Tracedeck.</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thème :</translation>
    </message>
    <message>
        <source>The theme applies at once.</source>
        <translation>Le thème s’applique immédiatement.</translation>
    </message>
    <message>
        <source>Database File</source>
        <translation>Fichier de base de données</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases SQLite (*.db *.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>give an address as HOST:PORT</source>
        <translation>indiquez une adresse sous la forme HÔTE:PORT</translation>
    </message>
    <message>
        <source>Listen on: %1</source>
        <translation>Écouter sur : %1</translation>
    </message>
    <message>
        <source>The retention of the local workspace (other workspaces: Edit ▸ Workspaces &amp; API Keys). Traces are deleted this many days after they were stored or imported; checked every 10 minutes.</source>
        <translation>La durée de conservation de l’espace de travail local (autres espaces de travail : Édition ▸ Espaces de travail et clés d’API). Les traces sont supprimées ce nombre de jours après leur enregistrement ou leur import ; vérification toutes les 10 minutes.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>tracedeck::PriceListModel</name>
    <message>
        <source>row %1 has no model name</source>
        <translation>la ligne %1 n’a pas de nom de modèle</translation>
    </message>
    <message>
        <source>the model %1 is listed twice</source>
        <translation>le modèle %1 figure deux fois</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>intégré</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>Other names of this model, comma-separated; &apos;*&apos; matches any run of characters. &quot;&lt;model&gt;-&lt;date or version&gt;&quot; matches without a pattern.</source>
        <translation>Autres noms de ce modèle, séparés par des virgules ; « * » correspond à toute suite de caractères. « &lt;modèle&gt;-&lt;date ou version&gt; » correspond sans motif.</translation>
    </message>
    <message>
        <source>Built-in: input %1, output %2, cached input %3 per 1M tokens</source>
        <translation>Intégré : entrée %1, sortie %2, entrée en cache %3 par million de jetons</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Input / 1M</source>
        <translation>Entrée / 1 M</translation>
    </message>
    <message>
        <source>Output / 1M</source>
        <translation>Sortie / 1 M</translation>
    </message>
    <message>
        <source>Cached input / 1M</source>
        <translation>Entrée en cache / 1 M</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Motifs</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
</context>
<context>
    <name>tracedeck::PricingController</name>
    <message>
        <source>Recomputing costs</source>
        <translation>Recalcul des coûts</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Tarifs</translation>
    </message>
    <message>
        <source>cannot save the prices: %1</source>
        <translation>impossible d’enregistrer les tarifs : %1</translation>
    </message>
</context>
<context>
    <name>tracedeck::PricingEditor</name>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Re&amp;vert to Built-in</source>
        <translation>&amp;Rétablir l’intégré</translation>
    </message>
    <message>
        <source>Filter models and providers…</source>
        <translation>Filtrer les modèles et fournisseurs…</translation>
    </message>
    <message>
        <source>&amp;Add Model</source>
        <translation>&amp;Ajouter un modèle</translation>
    </message>
    <message>
        <source>Revert &amp;All</source>
        <translation>Tout ré&amp;tablir</translation>
    </message>
    <message>
        <source>Every price back to the built-in table; added models are removed</source>
        <translation>Tous les tarifs reviennent à la table intégrée ; les modèles ajoutés sont supprimés</translation>
    </message>
    <message>
        <source>The selected models back to their built-in prices</source>
        <translation>Les modèles sélectionnés reviennent à leurs tarifs intégrés</translation>
    </message>
    <message>
        <source>Prices in USD per 1M tokens; cached input tokens are a part of input tokens and are priced once, at the cached price. Built-in table of %1; your changes are kept in %2. Saving prices again every cost Tracedeck computed (costs sent by clients stay as they are).</source>
        <translation>Tarifs en USD par million de jetons ; les jetons d’entrée en cache font partie des jetons d’entrée et sont comptés une fois, au tarif du cache. Table intégrée du %1 ; vos modifications sont conservées dans %2. L’enregistrement recalcule chaque coût calculé par Tracedeck (les coûts envoyés par les clients restent tels quels).</translation>
    </message>
    <message>
        <source>Models: %1, all at the built-in prices.</source>
        <translation>Modèles : %1, tous aux tarifs intégrés.</translation>
    </message>
    <message>
        <source>Models: %1; changed: %2, added: %3, built-in removed: %4.</source>
        <translation>Modèles : %1 ; modifiés : %2, ajoutés : %3, intégrés supprimés : %4.</translation>
    </message>
    <message>
        <source>Cannot save: %1.</source>
        <translation>Enregistrement impossible : %1.</translation>
    </message>
</context>
<context>
    <name>tracedeck::SavingsPanel</name>
    <message>
        <source>Identical prompts sent again</source>
        <translation>Prompts identiques renvoyés</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Économie</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Share of cost</source>
        <translation>Part du coût</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Entrée en cache</translation>
    </message>
    <message>
        <source>&lt;b&gt;Savings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Économies&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Double-click a hint to open the first trace that sent the prompt</source>
        <translation>Double-cliquez sur une suggestion pour ouvrir la première trace ayant envoyé le prompt</translation>
    </message>
    <message>
        <source>Cached input: the part of the input tokens the provider read from its prompt cache (cached tokens are a part of input tokens)</source>
        <translation>Entrée en cache : la part des jetons d’entrée que le fournisseur a lue depuis son cache de prompts (les jetons en cache font partie des jetons d’entrée)</translation>
    </message>
    <message>
        <source>%1 identical prompts to %2 cost %3; caching would save ≈ %4</source>
        <translation>%1 prompts identiques vers %2 coûtent %3 ; la mise en cache économiserait ≈ %4</translation>
    </message>
    <message>
        <source>Cached input tokens: %1 of %2 input tokens (%3).</source>
        <translation>Jetons d’entrée en cache : %1 sur %2 jetons d’entrée (%3).</translation>
    </message>
    <message>
        <source>No prompt was sent twice in this range.</source>
        <translation>Aucun prompt n’a été envoyé deux fois sur cette plage.</translation>
    </message>
    <message>
        <source>Caching the repeated prompts below would save ≈ %1.</source>
        <translation>Mettre en cache les prompts répétés ci-dessous économiserait ≈ %1.</translation>
    </message>
    <message>
        <source>Identical prompts are found among the calls stored from %1.</source>
        <translation>Les prompts identiques sont recherchés parmi les appels stockés depuis %1.</translation>
    </message>
    <message>
        <source>Estimate: the input tokens of every call but the first at the model&apos;s cached-input price instead of its input price.</source>
        <translation>Estimation : les jetons d’entrée de chaque appel sauf le premier au prix d’entrée en cache du modèle au lieu de son prix d’entrée.</translation>
    </message>
    <message>
        <source>Estimate: the whole cost of every call but the first (the model has no cached-input price, so as if a response cache answered them).</source>
        <translation>Estimation : le coût total de chaque appel sauf le premier (le modèle n’a pas de prix d’entrée en cache, donc comme si un cache de réponses y répondait).</translation>
    </message>
    <message>
        <source>“%1”
%2
First trace: %3</source>
        <translation>« %1 »
%2
Première trace : %3</translation>
    </message>
</context>
<context>
    <name>tracedeck::SpanInspector</name>
    <message>
        <source>No span selected</source>
        <translation>Aucun span sélectionné</translation>
    </message>
    <message>
        <source>Bodies</source>
        <translation>Contenus</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Temps propre</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>ID de trace</translation>
    </message>
    <message>
        <source>Span ID</source>
        <translation>ID de span</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Copier dans le presse-papiers</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Finish reason</source>
        <translation>Raison de fin</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Premier jeton</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Délai du premier jeton</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Producteur</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consommateur</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>(unnamed span)</source>
        <translation>(span sans nom)</translation>
    </message>
    <message>
        <source>(unknown service)</source>
        <translation>(service inconnu)</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>ERREUR</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>UNSET</source>
        <translation>NON DÉFINI</translation>
    </message>
    <message>
        <source>%1 ns since the Unix epoch</source>
        <translation>%1 ns depuis l’époque Unix</translation>
    </message>
    <message>
        <source>not ended</source>
        <translation>non terminé</translation>
    </message>
    <message>
        <source>%1  (%2% of the span)</source>
        <translation>%1  (%2 % du span)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>none (root span)</source>
        <translation>aucun (span racine)</translation>
    </message>
    <message>
        <source>Embedding call</source>
        <translation>Appel d’embedding</translation>
    </message>
    <message>
        <source>LLM call</source>
        <translation>Appel LLM</translation>
    </message>
    <message>
        <source>%1 in</source>
        <translation>%1 en entrée</translation>
    </message>
    <message>
        <source>(%1 cached)</source>
        <translation>(%1 en cache)</translation>
    </message>
    <message>
        <source>%1 cached</source>
        <translation>%1 en cache</translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation>%1 en sortie</translation>
    </message>
    <message>
        <source>(%1 reasoning)</source>
        <translation>(%1 de raisonnement)</translation>
    </message>
    <message>
        <source>%1 reasoning</source>
        <translation>%1 de raisonnement</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>%1 au total</translation>
    </message>
    <message>
        <source>given by the client</source>
        <translation>fourni par le client</translation>
    </message>
    <message>
        <source>computed from the pricing table</source>
        <translation>calculé d’après la grille tarifaire</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Événements (%1)</translation>
    </message>
    <message>
        <source>%1 more in the Events tab</source>
        <translation>%1 de plus dans l’onglet Événements</translation>
    </message>
</context>
<context>
    <name>tracedeck::TextDiffView</name>
    <message>
        <source>Select a matched LLM call to compare its messages word by word.</source>
        <translation>Sélectionnez un appel LLM apparié pour comparer ses messages mot à mot.</translation>
    </message>
    <message>
        <source>Input (A)</source>
        <translation>Entrée (A)</translation>
    </message>
    <message>
        <source>Output (A)</source>
        <translation>Sortie (A)</translation>
    </message>
    <message>
        <source>Input (B)</source>
        <translation>Entrée (B)</translation>
    </message>
    <message>
        <source>Output (B)</source>
        <translation>Sortie (B)</translation>
    </message>
    <message>
        <source>Messages: identical</source>
        <translation>Messages : identiques</translation>
    </message>
    <message numerus="yes">
        <source>Messages: %n word(s) only in A</source>
        <translation>
            <numerusform>Messages : %n mot seulement dans A</numerusform>
            <numerusform>Messages : %n mots seulement dans A</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) only in B</source>
        <translation>
            <numerusform>%n mot seulement dans B</numerusform>
            <numerusform>%n mots seulement dans B</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::TimelineView</name>
    <message>
        <source>Whole trace; drag to move the window</source>
        <translation>Trace entière ; faites glisser pour déplacer la fenêtre</translation>
    </message>
    <message>
        <source>Ctrl+wheel or pinch: zoom · wheel: rows · Shift+wheel or drag: pan · +/−/0: zoom, fit · arrows: move, collapse, expand</source>
        <translation>Ctrl+molette ou pincement : zoom · molette : lignes · Maj+molette ou glisser : défilement · +/−/0 : zoom, ajuster · flèches : déplacer, replier, déplier</translation>
    </message>
    <message>
        <source>1 span inside collapsed “%1”</source>
        <translation>1 span dans « %1 » replié</translation>
    </message>
    <message>
        <source>%1 spans inside collapsed “%2”</source>
        <translation>%1 spans dans « %2 » replié</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Temps propre</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 en entrée, %2 en sortie</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>Sur le chemin critique</translation>
    </message>
    <message>
        <source>Not in the other run (added)</source>
        <translation>Absent de l’autre exécution (ajouté)</translation>
    </message>
    <message>
        <source>Not in the other run (removed)</source>
        <translation>Absent de l’autre exécution (supprimé)</translation>
    </message>
    <message>
        <source>No trace loaded</source>
        <translation>Aucune trace chargée</translation>
    </message>
    <message>
        <source>%1 tok</source>
        <translation>%1 jet.</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>fenêtre %1</translation>
    </message>
    <message>
        <source>%1 spans · %2 services · depth %3</source>
        <translation>%1 spans · %2 services · profondeur %3</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 de plus</translation>
    </message>
    <message>
        <source>LLM call</source>
        <translation>Appel LLM</translation>
    </message>
    <message>
        <source>critical path</source>
        <translation>chemin critique</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>Ctrl+wheel: zoom · drag: pan · double-click: zoom to span</source>
        <translation>Ctrl+molette : zoom · glisser : défilement · double-clic : zoomer sur le span</translation>
    </message>
</context>
<context>
    <name>tracedeck::TraceListModel</name>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>Racine</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>In tokens</source>
        <translation>Jetons en entrée</translation>
    </message>
    <message>
        <source>Out tokens</source>
        <translation>Jetons en sortie</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
</context>
<context>
    <name>tracedeck::TraceListView</name>
    <message>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>Then click the trace to compare this one with</source>
        <translation>Puis cliquez sur la trace avec laquelle comparer celle-ci</translation>
    </message>
    <message numerus="yes">
        <source>Compare %n Selected Trace(s)</source>
        <translation>
            <numerusform>Comparer %n trace sélectionnée</numerusform>
            <numerusform>Comparer les %n traces sélectionnées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tracedeck::WorkspacesDialog</name>
    <message>
        <source>Redact personal data and secrets at ingest</source>
        <translation>Masquer les données personnelles et les secrets à la réception</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Create Key</source>
        <translation>Créer une clé</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Révoquer…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Workspaces &amp; API Keys</source>
        <translation>Espaces de travail et clés d’API</translation>
    </message>
    <message>
        <source>Pick a workspace, or type a new name and create a key for it</source>
        <translation>Choisissez un espace de travail, ou saisissez un nouveau nom et créez-lui une clé</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Keep traces for:</source>
        <translation>Conserver les traces pendant :</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>Clés d’API</translation>
    </message>
    <message>
        <source>Requests with a key go to its workspace: &lt;code&gt;Authorization: Bearer &amp;lt;key&amp;gt;&lt;/code&gt; (OpenTelemetry: &lt;code&gt;OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20&amp;lt;key&amp;gt;&lt;/code&gt;). Requests without a key on loopback go to &lt;b&gt;local&lt;/b&gt;.</source>
        <translation>Les requêtes avec une clé vont dans son espace de travail : &lt;code&gt;Authorization: Bearer &amp;lt;key&amp;gt;&lt;/code&gt; (OpenTelemetry : &lt;code&gt;OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20&amp;lt;key&amp;gt;&lt;/code&gt;). Les requêtes sans clé en boucle locale vont dans &lt;b&gt;local&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>e.g. laptop, CI, staging</source>
        <translation>p. ex. portable, CI, préproduction</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Libellé :</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Requêtes/s</translation>
    </message>
    <message>
        <source>Spans/s</source>
        <translation>Spans/s</translation>
    </message>
    <message>
        <source>Spans/day</source>
        <translation>Spans/jour</translation>
    </message>
    <message>
        <source>Limits:</source>
        <translation>Limites :</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this key now.&lt;/b&gt; It will not be shown again: Tracedeck stores only its hash.</source>
        <translation>&lt;b&gt;Copiez cette clé maintenant.&lt;/b&gt; Elle ne sera plus affichée : Tracedeck n’en conserve que l’empreinte.</translation>
    </message>
    <message>
        <source>The key is on the clipboard.</source>
        <translation>La clé est dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Cannot create the key: %1</source>
        <translation>Impossible de créer la clé : %1</translation>
    </message>
    <message>
        <source>Created a key for workspace %1.</source>
        <translation>Clé créée pour l’espace de travail %1.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Révoquer la clé d’API</translation>
    </message>
    <message>
        <source>Revoke key %1 of workspace %2?

Clients using it get 401 within a second; this cannot be undone.</source>
        <translation>Révoquer la clé %1 de l’espace de travail %2 ?

Les clients qui l’utilisent reçoivent 401 en moins d’une seconde ; c’est irréversible.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Cannot revoke the key: %1</source>
        <translation>Impossible de révoquer la clé : %1</translation>
    </message>
    <message>
        <source>Revoked key %1.</source>
        <translation>Clé %1 révoquée.</translation>
    </message>
    <message>
        <source>Cannot save the workspace: %1</source>
        <translation>Impossible d’enregistrer l’espace de travail : %1</translation>
    </message>
    <message>
        <source>Saved the settings of workspace %1.</source>
        <translation>Réglages de l’espace de travail %1 enregistrés.</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>Conserver indéfiniment</translation>
    </message>
    <message>
        <source>Traces are deleted this many days after they were stored or imported</source>
        <translation>Les traces sont supprimées ce nombre de jours après leur enregistrement ou leur import</translation>
    </message>
</context>
<context>
    <name>tracedeck::Workstation</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Path graph</source>
        <translation>Graphe des chemins</translation>
    </message>
    <message>
        <source>Compare %1 with…: click the other trace (Esc cancels)</source>
        <translation>Comparer %1 avec… : cliquez sur l’autre trace (Échap annule)</translation>
    </message>
    <message>
        <source>Cannot read workspaces: %1</source>
        <translation>Impossible de lire les espaces de travail : %1</translation>
    </message>
    <message>
        <source>Select two or more traces to compare (Ctrl+click), or right-click a trace and choose Compare with…</source>
        <translation>Sélectionnez au moins deux traces à comparer (Ctrl+clic), ou faites un clic droit sur une trace et choisissez « Comparer avec… »</translation>
    </message>
    <message>
        <source>Select at most %1 traces to compare (%2 are selected)</source>
        <translation>Sélectionnez au plus %1 traces à comparer (%2 sont sélectionnées)</translation>
    </message>
    <message numerus="yes">
        <source>Loading %n trace(s) to compare…</source>
        <translation>
            <numerusform>Chargement de %n trace à comparer…</numerusform>
            <numerusform>Chargement de %n traces à comparer…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Comparaison impossible : %1</translation>
    </message>
    <message>
        <source>Cannot compare: trace %1 has no spans</source>
        <translation>Comparaison impossible : la trace %1 n’a aucun span</translation>
    </message>
    <message>
        <source>%1 ⇄ %2</source>
        <translation>%1 ⇄ %2</translation>
    </message>
    <message>
        <source>A: %1
B: %2</source>
        <translation>A : %1
B : %2</translation>
    </message>
    <message numerus="yes">
        <source>Compared %1 with %2: %n span(s) matched</source>
        <translation>
            <numerusform>%1 comparée à %2 : %n span apparié</numerusform>
            <numerusform>%1 comparée à %2 : %n spans appariés</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the messages: %1</source>
        <translation>Impossible de lire les messages : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n runs</source>
        <translation>
            <numerusform>%n exécution</numerusform>
            <numerusform>%n exécutions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Import de %n fichier…</numerusform>
            <numerusform>Import de %n fichiers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n span(s) imported</source>
        <translation>
            <numerusform>%1 : %n span importé</numerusform>
            <numerusform>%1 : %n spans importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped</source>
        <translation>
            <numerusform>, %n ignoré</numerusform>
            <numerusform>, %n ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n sample span(s)</source>
        <translation>
            <numerusform>%n span d’exemple chargé</numerusform>
            <numerusform>%n spans d’exemple chargés</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the samples failed: %1</source>
        <translation>Échec du chargement des exemples : %1</translation>
    </message>
    <message>
        <source>The store is busy; try again in a moment.</source>
        <translation>La base est occupée ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d’écrire %1</translation>
    </message>
    <message>
        <source>Preferences not saved: %1</source>
        <translation>Préférences non enregistrées : %1</translation>
    </message>
    <message>
        <source>Preferences saved; the changes apply when Tracedeck restarts (the theme at once).</source>
        <translation>Préférences enregistrées ; les changements prennent effet au redémarrage de Tracedeck (le thème immédiatement).</translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation>Préférences enregistrées.</translation>
    </message>
    <message>
        <source>Service map</source>
        <translation>Carte des services</translation>
    </message>
    <message>
        <source>Save Timeline as Image</source>
        <translation>Enregistrer la chronologie comme image</translation>
    </message>
    <message>
        <source>Save Path Graph as Image</source>
        <translation>Enregistrer le graphe des chemins comme image</translation>
    </message>
    <message>
        <source>An export is already running</source>
        <translation>Un export est déjà en cours</translation>
    </message>
    <message>
        <source>Export Traces</source>
        <translation>Exporter des traces</translation>
    </message>
    <message numerus="yes">
        <source>Writing %1…
%n trace(s)</source>
        <translation>
            <numerusform>Écriture de %1…
%n trace</numerusform>
            <numerusform>Écriture de %1…
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
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was left as it was</source>
        <translation>Export annulé ; %1 est resté inchangé</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’export : %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n trace(s)</source>
        <translation>
            <numerusform>%n trace exportée</numerusform>
            <numerusform>%n traces exportées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n span(s)) to %1</source>
        <translation>
            <numerusform> (%n span) vers %1</numerusform>
            <numerusform> (%n spans) vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>; not in the store: %1</source>
        <translation> ; absentes de la base : %1</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Select a trace first: the timeline is empty</source>
        <translation>Sélectionnez d’abord une trace : la chronologie est vide</translation>
    </message>
    <message>
        <source>Timeline of trace %1</source>
        <translation>Chronologie de la trace %1</translation>
    </message>
    <message>
        <source>Saved the timeline to %1</source>
        <translation>Chronologie enregistrée dans %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
    <message>
        <source>Select a trace first: the path graph is empty</source>
        <translation>Sélectionnez d’abord une trace : le graphe des chemins est vide</translation>
    </message>
    <message>
        <source>Saved the path graph to %1</source>
        <translation>Graphe des chemins enregistré dans %1</translation>
    </message>
    <message>
        <source>The latest %L1 spans of the trace list&apos;s time range: pick a shorter range to map all of it</source>
        <translation>Les %L1 spans les plus récents de la période de la liste des traces : choisissez une période plus courte pour tout cartographier</translation>
    </message>
    <message>
        <source>Every span of the workspace in the trace list&apos;s time range, and the calls between services</source>
        <translation>Tous les spans de l’espace de travail dans la période de la liste des traces, et les appels entre services</translation>
    </message>
    <message>
        <source>Cannot read the service map: %1</source>
        <translation>Impossible de lire la carte des services : %1</translation>
    </message>
    <message>
        <source>No spans in this workspace and time range</source>
        <translation>Aucun span dans cet espace de travail et cette période</translation>
    </message>
    <message numerus="yes">
        <source>Select traces of exactly two sessions to compare them (%n session(s) selected)</source>
        <translation>
            <numerusform>Sélectionnez des traces d’exactement deux sessions pour les comparer (%n session sélectionnée)</numerusform>
            <numerusform>Sélectionnez des traces d’exactement deux sessions pour les comparer (%n sessions sélectionnées)</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading two sessions to compare…</source>
        <translation>Chargement de deux sessions à comparer…</translation>
    </message>
    <message>
        <source>Cannot compare: session %1 has no spans</source>
        <translation>Comparaison impossible : la session %1 n’a aucun span</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
    <message>
        <source>Sessions %1 ⇄ %2</source>
        <translation>Sessions %1 ⇄ %2</translation>
    </message>
    <message>
        <source>Compared the first %1 traces of each session</source>
        <translation>Les %1 premières traces de chaque session ont été comparées</translation>
    </message>
    <message>
        <source>Recomputing costs failed: %1</source>
        <translation>Échec du recalcul des coûts : %1</translation>
    </message>
    <message>
        <source>Costs recomputed: %1 of the stored spans got a new cost.</source>
        <translation>Coûts recalculés : %1 des spans enregistrés ont un nouveau coût.</translation>
    </message>
</context>
</TS>
