<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionService</name>
    <message>
        <source>unknown action</source>
        <translation>unbekannte Aktion</translation>
    </message>
    <message>
        <source>register a new version of %1 from %2</source>
        <translation>eine neue Version von %1 aus %2 registrieren</translation>
    </message>
    <message>
        <source>move %1 to %2, archiving the version there</source>
        <translation>%1 nach %2 verschieben und die dortige Version archivieren</translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>point alias &apos;%1&apos; at %2</source>
        <translation>Alias &apos;%1&apos; auf %2 setzen</translation>
    </message>
    <message>
        <source>remove alias &apos;%1&apos; (from %2)</source>
        <translation>Alias &apos;%1&apos; entfernen (von %2)</translation>
    </message>
    <message>
        <source>tag %1: %2 = %3</source>
        <translation>Tag an %1 setzen: %2 = %3</translation>
    </message>
    <message>
        <source>remove tag %1 from %2</source>
        <translation>Tag %1 von %2 entfernen</translation>
    </message>
    <message>
        <source>queued action %1 cannot be read: %2</source>
        <translation>die Aktion %1 in der Warteschlange kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no earlier Production version to roll back to; name one with --to</source>
        <translation>keine frühere Production-Version, auf die zurückgerollt werden kann; geben Sie eine mit --to an</translation>
    </message>
    <message>
        <source>refused by rule &apos;%1&apos;: %2</source>
        <translation>abgelehnt durch Regel &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>%1 no longer exists in the source</source>
        <translation>%1 existiert in der Quelle nicht mehr</translation>
    </message>
    <message>
        <source>stage %1 → %2</source>
        <translation>Stufe %1 → %2</translation>
    </message>
    <message>
        <source>aliases [%1] → [%2]</source>
        <translation>Aliasse [%1] → [%2]</translation>
    </message>
    <message>
        <source>review %1 → %2</source>
        <translation>Review %1 → %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source> (by %1 at %2)</source>
        <translation> (von %1 um %2)</translation>
    </message>
    <message>
        <source>%1 changed since you looked: %2%3. Nothing was written; refresh and decide again.</source>
        <translation>%1 hat sich seit Ihrem letzten Blick geändert: %2%3. Es wurde nichts geschrieben; aktualisieren Sie die Ansicht und entscheiden Sie erneut.</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 exists</source>
        <translation>%1 existiert</translation>
    </message>
    <message>
        <source>%1 is not ready (status %2)</source>
        <translation>%1 ist nicht bereit (Status %2)</translation>
    </message>
    <message>
        <source>%1 is READY</source>
        <translation>%1 ist READY</translation>
    </message>
    <message>
        <source>say where the model&apos;s files are</source>
        <translation>geben Sie an, wo die Dateien des Modells liegen</translation>
    </message>
    <message>
        <source>Register a new version of %1 from %2</source>
        <translation>Neue Version von %1 aus %2 registrieren</translation>
    </message>
    <message>
        <source>this source has no aliases; use a stage</source>
        <translation>diese Quelle kennt keine Aliasse; verwenden Sie eine Stufe</translation>
    </message>
    <message>
        <source>say where to: Staging, Production or an alias</source>
        <translation>geben Sie das Ziel an: Staging, Production oder einen Alias</translation>
    </message>
    <message>
        <source>Point alias &apos;%1&apos; at %2</source>
        <translation>Alias &apos;%1&apos; auf %2 setzen</translation>
    </message>
    <message>
        <source>%1 is already in Production</source>
        <translation>%1 ist bereits in Production</translation>
    </message>
    <message>
        <source>%1 was rejected by %2; it needs a new review and an approval</source>
        <translation>%1 wurde von %2 abgelehnt; nötig sind ein neues Review und eine Freigabe</translation>
    </message>
    <message>
        <source>%1 has no approval; a second person must approve it first</source>
        <translation>%1 ist nicht freigegeben; eine zweite Person muss die Version zuerst freigeben</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <source>%1 has no recorded score, so it cannot be shown to be better</source>
        <translation>für %1 ist kein Score erfasst, daher lässt sich nicht zeigen, dass die Version besser ist</translation>
    </message>
    <message>
        <source>score %1 is not better than the current model&apos;s %2</source>
        <translation>Score %1 ist nicht besser als %2 des aktuellen Modells</translation>
    </message>
    <message>
        <source>score %1 beats %2</source>
        <translation>Score %1 übertrifft %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 is in Production; promote or roll back to another version instead</source>
        <translation>%1 ist in Production; stufen Sie stattdessen eine andere Version hoch oder rollen Sie auf eine andere Version zurück</translation>
    </message>
    <message>
        <source>this model uses aliases; move the &apos;%1&apos; alias instead</source>
        <translation>dieses Modell verwendet Aliasse; setzen Sie stattdessen den Alias &apos;%1&apos; um</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>%1 is not in Staging; an A/B test runs a candidate beside Production</source>
        <translation>%1 ist nicht in Staging; ein A/B-Test lässt einen Kandidaten neben Production laufen</translation>
    </message>
    <message>
        <source>the share must be more than 0 and at most 100 percent</source>
        <translation>der Anteil muss größer als 0 und höchstens 100 Prozent sein</translation>
    </message>
    <message>
        <source>Start an A/B test: %1 gets %2 % of requests</source>
        <translation>A/B-Test starten: %1 erhält %2 % der Anfragen</translation>
    </message>
    <message>
        <source>no A/B test is running for %1</source>
        <translation>für %1 läuft kein A/B-Test</translation>
    </message>
    <message>
        <source>End the A/B test of %1</source>
        <translation>A/B-Test von %1 beenden</translation>
    </message>
    <message>
        <source>%1 is not in review (move it to Staging first)</source>
        <translation>%1 ist nicht im Review (verschieben Sie die Version zuerst nach Staging)</translation>
    </message>
    <message>
        <source>a review note is required</source>
        <translation>eine Review-Notiz ist erforderlich</translation>
    </message>
    <message>
        <source>%1 asked for this review, so someone else must decide it</source>
        <translation>%1 hat dieses Review angefordert, daher muss jemand anderes entscheiden</translation>
    </message>
    <message>
        <source>four eyes: the requester is not recorded</source>
        <translation>Vier-Augen-Prinzip: nicht erfasst, wer das Review angefordert hat</translation>
    </message>
    <message>
        <source>four eyes: %1 asked, %2 decides</source>
        <translation>Vier-Augen-Prinzip: %1 hat angefordert, %2 entscheidet</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>%1 freigeben</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>%1 ablehnen</translation>
    </message>
    <message>
        <source>%1 is not on call for %2 (on call: %3)</source>
        <translation>%1 hat keine Rufbereitschaft für %2 (Rufbereitschaft: %3)</translation>
    </message>
    <message>
        <source>a rollback needs a reason</source>
        <translation>ein Rollback braucht eine Begründung</translation>
    </message>
    <message>
        <source>nothing of %1 is in Production</source>
        <translation>keine Version von %1 ist in Production</translation>
    </message>
    <message>
        <source>the file of %1 is missing or has no checksum</source>
        <translation>die Datei von %1 fehlt oder hat keine Prüfsumme</translation>
    </message>
    <message>
        <source>%1 present, sha256 %2</source>
        <translation>%1 vorhanden, sha256 %2</translation>
    </message>
    <message>
        <source>model artifact of %1 present</source>
        <translation>Modellartefakt von %1 vorhanden</translation>
    </message>
    <message>
        <source>artifact presence not checked (no artifact store for this source)</source>
        <translation>Vorhandensein der Artefakte nicht geprüft (kein Artefaktspeicher für diese Quelle)</translation>
    </message>
    <message>
        <source>Roll back %1 from v%2 to v%3 (emergency: approval bypassed)</source>
        <translation>%1 von v%2 auf v%3 zurückrollen (Notfall: ohne Freigabe)</translation>
    </message>
    <message>
        <source>%1 (step %2 of %3; done before it: %4)</source>
        <translation>%1 (Schritt %2 von %3; bereits erledigt: %4)</translation>
    </message>
    <message>
        <source>v%1 is missing</source>
        <translation>v%1 fehlt</translation>
    </message>
    <message>
        <source>v%1 is in %2, not %3</source>
        <translation>v%1 ist in %2, nicht in %3</translation>
    </message>
    <message>
        <source>alias &apos;%1&apos; points at v%2, not v%3</source>
        <translation>Alias &apos;%1&apos; zeigt auf v%2, nicht auf v%3</translation>
    </message>
    <message>
        <source>alias &apos;%1&apos; is still set</source>
        <translation>Alias &apos;%1&apos; ist noch gesetzt</translation>
    </message>
    <message>
        <source>tag %1 of v%2 is &apos;%3&apos;</source>
        <translation>Tag %1 von v%2 ist &apos;%3&apos;</translation>
    </message>
    <message>
        <source>tag %1 of v%2 is still set</source>
        <translation>Tag %1 von v%2 ist noch gesetzt</translation>
    </message>
    <message>
        <source>after writing, the source shows something else: %1; someone may have changed it at the same time</source>
        <translation>nach dem Schreiben zeigt die Quelle etwas anderes: %1; möglicherweise hat jemand sie gleichzeitig geändert</translation>
    </message>
    <message>
        <source>applied as journal entry %1</source>
        <translation>als Journaleintrag %1 angewendet</translation>
    </message>
    <message>
        <source># Incident: %1 rolled back from v%2 to v%3</source>
        <translation># Incident: %1 von v%2 auf v%3 zurückgerollt</translation>
    </message>
    <message>
        <source>| When | %1 |</source>
        <translation>| Wann | %1 |</translation>
    </message>
    <message>
        <source>| Who | %1 (%2) |</source>
        <translation>| Wer | %1 (%2) |</translation>
    </message>
    <message>
        <source>MLflow user</source>
        <translation>MLflow-Benutzer</translation>
    </message>
    <message>
        <source>OS user</source>
        <translation>Betriebssystem-Benutzer</translation>
    </message>
    <message>
        <source>| Source | %1 |</source>
        <translation>| Quelle | %1 |</translation>
    </message>
    <message>
        <source>| Reason | %1 |</source>
        <translation>| Grund | %1 |</translation>
    </message>
    <message>
        <source>| Approval | bypassed (emergency rollback) |</source>
        <translation>| Freigabe | übergangen (Notfall-Rollback) |</translation>
    </message>
    <message>
        <source>## Metric deltas (v%1 → v%2)</source>
        <translation>## Metrikdifferenzen (v%1 → v%2)</translation>
    </message>
    <message>
        <source>No metrics of both versions&apos; runs are in the cache.</source>
        <translation>Für die Läufe beider Versionen sind keine Metriken im Cache.</translation>
    </message>
    <message>
        <source>## Steps</source>
        <translation>## Schritte</translation>
    </message>
    <message>
        <source>- checked: %1</source>
        <translation>- geprüft: %1</translation>
    </message>
    <message>
        <source>- wrote: %1</source>
        <translation>- geschrieben: %1</translation>
    </message>
    <message>
        <source>## Reload hook</source>
        <translation>## Reload-Hook</translation>
    </message>
    <message>
        <source>`%1`: %2 in %3 ms</source>
        <translation>`%1`: %2 in %3 ms</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>## Follow-up</source>
        <translation>## Nachbereitung</translation>
    </message>
    <message>
        <source>- [ ] Root cause of the problem in v%1</source>
        <translation>- [ ] Grundursache des Problems in v%1</translation>
    </message>
    <message>
        <source>artifacts of %1 are not reachable from here (%2): not checked</source>
        <translation>Artefakte von %1 sind von hier aus nicht erreichbar (%2): nicht geprüft</translation>
    </message>
    <message>
        <source>the model of v%1 is not among its artifacts (%2)</source>
        <translation>das Modell von v%1 ist nicht unter seinen Artefakten (%2)</translation>
    </message>
    <message>
        <source> (by another tool; no sync has seen it yet)</source>
        <translation> (von einem anderen Werkzeug; noch von keiner Synchronisierung gesehen)</translation>
    </message>
    <message>
        <source> (by another tool, seen by a sync at %1)</source>
        <translation> (von einem anderen Werkzeug, von einer Synchronisierung um %1 gesehen)</translation>
    </message>
    <message>
        <source>this is a prompt of MLflow&apos;s prompt registry, not a model: prompts are not registered, promoted, reviewed or rolled back here</source>
        <translation>das ist ein Prompt aus MLflows Prompt-Registry, kein Modell: Prompts werden hier nicht registriert, befördert, geprüft oder zurückgerollt</translation>
    </message>
    <message>
        <source>move %1 to %2, archiving v%3</source>
        <translation>%1 nach %2 verschieben und v%3 archivieren</translation>
    </message>
    <message>
        <source>move alias &apos;%1&apos; from v%2 to %3</source>
        <translation>Alias &apos;%1&apos; von v%2 auf %3 umsetzen</translation>
    </message>
    <message>
        <source>v%1 was in Production before v%2</source>
        <translation>v%1 war vor v%2 in Production</translation>
    </message>
    <message>
        <source>v%1 is tagged as the rollback target</source>
        <translation>v%1 ist per Tag als Rollback-Ziel markiert</translation>
    </message>
    <message>
        <source>v%1 is the newest Archived version below v%2</source>
        <translation>v%1 ist die neueste Archived-Version unter v%2</translation>
    </message>
    <message>
        <source>proposed without history: no record says which version was in Production before v%1; v%2 is the highest READY version below it</source>
        <translation>ohne Verlauf vorgeschlagen: kein Eintrag sagt, welche Version vor v%1 in Production war; v%2 ist die höchste READY-Version darunter</translation>
    </message>
    <message>
        <source>v%1 was chosen by the person rolling back</source>
        <translation>v%1 wurde von der Person gewählt, die zurückrollt</translation>
    </message>
    <message>
        <source>Production (&apos;%1&apos;)</source>
        <translation>Production (&apos;%1&apos;)</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Staging (&apos;%1&apos;)</source>
        <translation>Staging (&apos;%1&apos;)</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Promote %1 to %2, replacing v%3 (kept as rollback target)</source>
        <translation>%1 nach %2 hochstufen und v%3 ersetzen (bleibt als Rollback-Ziel erhalten)</translation>
    </message>
    <message>
        <source>Promote %1 to %2</source>
        <translation>%1 nach %2 hochstufen</translation>
    </message>
    <message>
        <source>Move %1 to %2 for review</source>
        <translation>%1 für das Review nach %2 verschieben</translation>
    </message>
    <message>
        <source>Give %1 the alias %2 for review</source>
        <translation>%1 für das Review den Alias %2 geben</translation>
    </message>
    <message>
        <source>nobody is recorded as having asked for the review of %1 (another tool moved it to review); send it to review from ModelDesk so that the request names who asked</source>
        <translation>für %1 ist nicht erfasst, wer das Review angefordert hat (ein anderes Werkzeug hat die Version ins Review gebracht); reichen Sie sie aus ModelDesk zum Review ein, damit die Anforderung nennt, wer sie gestellt hat</translation>
    </message>
    <message>
        <source>known requester: %1 asked for the review</source>
        <translation>anfordernde Person bekannt: %1 hat das Review angefordert</translation>
    </message>
    <message>
        <source>Roll back %1 from v%2 to v%3, proposed without history (emergency: approval bypassed)</source>
        <translation>%1 von v%2 auf v%3 zurückrollen, ohne Verlauf vorgeschlagen (Notfall: ohne Freigabe)</translation>
    </message>
    <message>
        <source>| What | %1 of `%2` moved from v%3 back to v%4 |</source>
        <translation>| Was | %1 von `%2` von v%3 zurück auf v%4 gesetzt |</translation>
    </message>
    <message>
        <source>| Target | %1 |</source>
        <translation>| Ziel | %1 |</translation>
    </message>
</context>
<context>
    <name>ArtifactStore</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>not a path inside the artifacts</source>
        <translation>kein Pfad innerhalb der Artefakte</translation>
    </message>
    <message>
        <source>not computed: cannot read the file (%1)</source>
        <translation>nicht berechnet: die Datei kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>not computed: reading failed (%1)</source>
        <translation>nicht berechnet: Lesen fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei existiert nicht</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the version names no artifact location</source>
        <translation>die Version nennt keinen Artefaktort</translation>
    </message>
    <message>
        <source>these artifacts are kept by an MLflow tracking server (proxied artifacts), and no artifacts folder beside the store holds them (looked in %1); open the tracking server itself to see them</source>
        <translation>diese Artefakte verwaltet ein MLflow-Tracking-Server (Proxy-Artefakte), und kein Artefaktordner neben dem Speicher enthält sie (gesucht in %1); öffnen Sie den Tracking-Server selbst, um sie zu sehen</translation>
    </message>
    <message>
        <source>cannot read a local path from this artifact URI</source>
        <translation>aus dieser Artefakt-URI kann kein lokaler Pfad gelesen werden</translation>
    </message>
    <message>
        <source>ModelDesk cannot read artifacts stored there: it reads local artifact folders and a tracking server&apos;s artifact proxy</source>
        <translation>ModelDesk kann dort gespeicherte Artefakte nicht lesen: es liest lokale Artefaktordner und den Artefakt-Proxy eines Tracking-Servers</translation>
    </message>
    <message>
        <source>the artifact folder does not exist, neither where the store recorded it nor below the store (looked in %1)</source>
        <translation>der Artefaktordner existiert weder dort, wo der Speicher ihn verzeichnet hat, noch unterhalb des Speichers (gesucht in %1)</translation>
    </message>
    <message>
        <source>not a file of this version</source>
        <translation>keine Datei dieser Version</translation>
    </message>
    <message>
        <source>the version names no model file</source>
        <translation>die Version nennt keine Modelldatei</translation>
    </message>
    <message>
        <source>the version&apos;s model file is missing from the model folder %1</source>
        <translation>die Modelldatei der Version fehlt im Modellordner %1</translation>
    </message>
    <message>
        <source>the model folder does not exist</source>
        <translation>der Modellordner existiert nicht</translation>
    </message>
    <message>
        <source>the version names no run, so the server cannot list its artifacts</source>
        <translation>die Version nennt keinen Lauf, daher kann der Server ihre Artefakte nicht auflisten</translation>
    </message>
    <message>
        <source>the server lists more than %1 artifact folders for this run</source>
        <translation>der Server listet mehr als %1 Artefaktordner für diesen Lauf auf</translation>
    </message>
    <message>
        <source>the server&apos;s artifact list is not MLflow&apos;s JSON</source>
        <translation>die Artefaktliste des Servers ist kein JSON im MLflow-Format</translation>
    </message>
    <message>
        <source>the server lists no artifacts for this run (artifact root %1)</source>
        <translation>der Server listet keine Artefakte für diesen Lauf auf (Artefaktwurzel %1)</translation>
    </message>
    <message>
        <source>the version names no run, so the server cannot send its artifacts</source>
        <translation>die Version nennt keinen Lauf, daher kann der Server ihre Artefakte nicht senden</translation>
    </message>
    <message>
        <source>not computed: the server did not give the file&apos;s size</source>
        <translation>nicht berechnet: der Server hat die Dateigröße nicht angegeben</translation>
    </message>
    <message>
        <source>not computed: larger than %1 MiB, the download limit for checksums</source>
        <translation>nicht berechnet: größer als %1 MiB, die Download-Grenze für Prüfsummen</translation>
    </message>
    <message>
        <source>not computed: %1</source>
        <translation>nicht berechnet: %1</translation>
    </message>
    <message>
        <source>the file is empty or not a YAML mapping</source>
        <translation>die Datei ist leer oder kein YAML-Mapping</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>kein gültiges YAML: %1</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>unknown source kind</source>
        <translation>unbekannte Quellenart</translation>
    </message>
    <message>
        <source>the MLmodel file names no flavors</source>
        <translation>die MLmodel-Datei nennt keine Flavors</translation>
    </message>
    <message>
        <source>MLmodel names %1, which is not among the artifacts</source>
        <translation>MLmodel nennt %1, das nicht unter den Artefakten ist</translation>
    </message>
    <message>
        <source>the store holds no LoggedModel with this id, so its files cannot be found</source>
        <translation>der Speicher enthält kein LoggedModel mit dieser ID, seine Dateien sind daher nicht zu finden</translation>
    </message>
    <message>
        <source>the server&apos;s LoggedModel names no artifact location</source>
        <translation>das LoggedModel des Servers nennt keinen Ort für seine Artefakte</translation>
    </message>
    <message>
        <source>the server has no file %1 in %2</source>
        <translation>der Server hat keine Datei %1 in %2</translation>
    </message>
    <message>
        <source>not MLflow&apos;s JSON list of column or tensor specs</source>
        <translation>keine JSON-Liste von Spalten- oder Tensor-Spezifikationen im MLflow-Format</translation>
    </message>
    <message>
        <source>%1: not a JSON string</source>
        <translation>%1: keine JSON-Zeichenkette</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the signature cannot be read (%1)</source>
        <translation>die Signatur kann nicht gelesen werden (%1)</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot open the folder to sync it</source>
        <translation>der Ordner kann zum Synchronisieren nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot sync the folder</source>
        <translation>der Ordner kann nicht synchronisiert werden</translation>
    </message>
    <message>
        <source>cannot create a temporary file beside it</source>
        <translation>daneben kann keine temporäre Datei angelegt werden</translation>
    </message>
    <message>
        <source>cannot write it to disk</source>
        <translation>die Datei kann nicht auf den Datenträger geschrieben werden</translation>
    </message>
    <message>
        <source>cannot replace it</source>
        <translation>die Datei kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot remove</source>
        <translation>kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>Cache</name>
    <message>
        <source>cannot create the folder for the cache</source>
        <translation>der Ordner für den Cache kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the cache file cannot be used: %1</source>
        <translation>die Cache-Datei kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>cannot read the cache&apos;s schema version</source>
        <translation>die Schemaversion des Caches kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the cache was written by a newer ModelDesk (schema %1; this version knows up to %2)</source>
        <translation>der Cache wurde von einem neueren ModelDesk geschrieben (Schema %1; diese Version kennt Schemas bis %2)</translation>
    </message>
    <message>
        <source>this SQLite file is not a ModelDesk cache</source>
        <translation>diese SQLite-Datei ist kein ModelDesk-Cache</translation>
    </message>
    <message>
        <source>cannot migrate the cache to schema %1: %2</source>
        <translation>der Cache kann nicht auf Schema %1 migriert werden: %2</translation>
    </message>
    <message>
        <source>experiment %1 is not in the cache</source>
        <translation>Experiment %1 ist nicht im Cache</translation>
    </message>
    <message>
        <source>no run with this id in the cache</source>
        <translation>kein Lauf mit dieser ID im Cache</translation>
    </message>
    <message>
        <source>no registered model with this name in the cache</source>
        <translation>kein registriertes Modell mit diesem Namen im Cache</translation>
    </message>
    <message>
        <source>the run is no longer in the cache</source>
        <translation>der Lauf ist nicht mehr im Cache</translation>
    </message>
    <message>
        <source>run %1 is not in the cache</source>
        <translation>Lauf %1 ist nicht im Cache</translation>
    </message>
    <message>
        <source>runs %1 are not in the cache</source>
        <translation>Läufe %1 sind nicht im Cache</translation>
    </message>
    <message>
        <source>no LoggedModel with this id in the cache</source>
        <translation>kein LoggedModel mit dieser ID im Cache</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Save the chart as a PNG image, an SVG drawing or a PDF document</source>
        <translation>Das Diagramm als PNG-Bild, SVG-Zeichnung oder PDF-Dokument speichern</translation>
    </message>
    <message>
        <source>C&amp;hart:</source>
        <translation>&amp;Diagramm:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Balken</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <source>The metric to chart (any metric one of the compared runs logged)</source>
        <translation>Die darzustellende Metrik (jede Metrik, die einer der verglichenen Läufe protokolliert hat)</translation>
    </message>
    <message>
        <source>&amp;X axis:</source>
        <translation>&amp;X-Achse:</translation>
    </message>
    <message>
        <source>Plot against the logged step, the wall-clock time, or the time since each run&apos;s first value</source>
        <translation>Über dem protokollierten Schritt, der Uhrzeit oder der Zeit seit dem ersten Wert jedes Laufs auftragen</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Relative time</source>
        <translation>Relative Zeit</translation>
    </message>
    <message>
        <source>&amp;Log scale</source>
        <translation>&amp;Logarithmisch</translation>
    </message>
    <message>
        <source>Logarithmic y axis (values ≤ 0 are not drawn)</source>
        <translation>Logarithmische y-Achse (Werte ≤ 0 werden nicht gezeichnet)</translation>
    </message>
    <message>
        <source>&amp;Smoothing:</source>
        <translation>&amp;Glättung:</translation>
    </message>
    <message>
        <source>Exponential moving average of the values; the band behind a smoothed line shows the raw minimum and maximum</source>
        <translation>Exponentiell gleitender Mittelwert der Werte; das Band hinter einer geglätteten Linie zeigt Minimum und Maximum der Rohwerte</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>Streudiagramm</translation>
    </message>
    <message>
        <source>&amp;Param:</source>
        <translation>&amp;Parameter:</translation>
    </message>
    <message>
        <source>The param on the x axis (any param one of the compared runs logged); numbers on a numeric axis, other values as categories</source>
        <translation>Der Parameter auf der x-Achse (jeder Parameter, den einer der verglichenen Läufe protokolliert hat); Zahlen auf einer Zahlenachse, andere Werte als Kategorien</translation>
    </message>
    <message>
        <source>History: every logged value over the x axis, one line per run. Bar: the latest value of each run. Scatter: the latest value of each run against one of its params. Parallel coordinates: one line per run across params and metrics.</source>
        <translation>Verlauf: jeder protokollierte Wert über der x-Achse, eine Linie je Lauf. Balken: der letzte Wert jedes Laufs. Streuung: der letzte Wert jedes Laufs gegen einen seiner Parameter. Parallele Koordinaten: eine Linie je Lauf über Parameter und Metriken.</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>Parallele Koordinaten</translation>
    </message>
    <message>
        <source>&amp;Axes…</source>
        <translation>&amp;Achsen …</translation>
    </message>
    <message>
        <source>Choose the params and metrics shown as axes, and their order</source>
        <translation>Die als Achsen gezeigten Parameter und Metriken und ihre Reihenfolge wählen</translation>
    </message>
    <message>
        <source>&amp;Up is better</source>
        <translation>&amp;Oben ist besser</translation>
    </message>
    <message>
        <source>Draw lower-is-better metrics (loss, rmse, …) upside down, so that the better value is at the top of every metric axis</source>
        <translation>Metriken, bei denen kleiner besser ist (loss, rmse, …), umgekehrt zeichnen, sodass der bessere Wert auf jeder Metrikachse oben liegt</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>Fa&amp;rbe:</translation>
    </message>
    <message>
        <source>Colour each line by its run&apos;s value on the last axis, or by the run&apos;s colour as in the other charts</source>
        <translation>Jede Linie nach dem Wert ihres Laufs auf der letzten Achse färben oder mit der Farbe des Laufs wie in den anderen Diagrammen</translation>
    </message>
    <message>
        <source>By last axis</source>
        <translation>Nach letzter Achse</translation>
    </message>
    <message>
        <source>By run</source>
        <translation>Nach Lauf</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Try &apos;modeldesk-cli --help&apos;.</source>
        <translation>Siehe &apos;modeldesk-cli --help&apos;.</translation>
    </message>
    <message>
        <source>no such source in the cache (see &apos;modeldesk-cli sources&apos;)</source>
        <translation>diese Quelle ist nicht im Cache (siehe &apos;modeldesk-cli sources&apos;)</translation>
    </message>
    <message>
        <source>sync needs a SOURCE-URI (or MLFLOW_TRACKING_URI)</source>
        <translation>sync benötigt eine SOURCE-URI (oder MLFLOW_TRACKING_URI)</translation>
    </message>
    <message>
        <source>Imported %1 experiments, %2 runs, %3 registered models (%4 versions) from %5
</source>
        <translation>%1 Experimente, %2 Läufe, %3 registrierte Modelle (%4 Versionen) aus %5 importiert
</translation>
    </message>
    <message>
        <source>Registry change since the last sync: %1 v%2 %3: &apos;%4&apos; -&gt; &apos;%5&apos;
</source>
        <translation>Änderung im Modellregister seit der letzten Synchronisierung: %1 v%2 %3: &apos;%4&apos; -&gt; &apos;%5&apos;
</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Experiment ID</source>
        <translation>Experiment-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Deleted runs</source>
        <translation>Gelöschte Läufe</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>--max needs a number, got &apos;%1&apos;</source>
        <translation>--max benötigt eine Zahl, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no experiment with this name or id in the cache</source>
        <translation>kein Experiment mit diesem Namen oder dieser ID im Cache</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)
</source>
        <translation>
            <numerusform>%n Lauf
</numerusform>
            <numerusform>%n Läufe
</numerusform>
        </translation>
    </message>
    <message>
        <source>run needs exactly one RUN_ID</source>
        <translation>run benötigt genau eine RUN_ID</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Bereich</translation>
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
        <source> (step %1)</source>
        <translation> (Schritt %1)</translation>
    </message>
    <message>
        <source>digest %1, context %2, source %3</source>
        <translation>digest %1, context %2, source %3</translation>
    </message>
    <message>
        <source>history needs RUN_ID and METRIC</source>
        <translation>history benötigt RUN_ID und METRIC</translation>
    </message>
    <message>
        <source>run %1 has no metric with this name</source>
        <translation>Lauf %1 hat keine Metrik mit diesem Namen</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>versions needs a MODEL name</source>
        <translation>versions benötigt einen MODEL-Namen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The journal is intact: %1
</source>
        <translation>Das Journal ist intakt: %1
</translation>
    </message>
    <message>
        <source>unknown journal command &apos;%1&apos;</source>
        <translation>unbekannter journal-Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>demo needs --into DIR</source>
        <translation>demo benötigt --into DIR</translation>
    </message>
    <message>
        <source>Wrote the demo to %1
  MLflow file store: %2
  model folder:      %3
</source>
        <translation>Demo nach %1 geschrieben
  MLflow-Dateispeicher: %2
  Modellordner:         %3
</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>Option %1 benötigt einen Wert</translation>
    </message>
    <message>
        <source>option %1 takes no value</source>
        <translation>Option %1 nimmt keinen Wert an</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos; (expected table, csv or json)</source>
        <translation>unbekanntes Format &apos;%1&apos; (erwartet: table, csv oder json)</translation>
    </message>
    <message>
        <source>unknown option %1 for &apos;%2&apos;</source>
        <translation>unbekannte Option %1 für &apos;%2&apos;</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>, %1 KiB</source>
        <translation>, %1 KiB</translation>
    </message>
    <message>
        <source>%1: %2 of %3 runs</source>
        <translation>%1: %2 von %3 Läufen</translation>
    </message>
    <message>
        <source>%1: %2 runs</source>
        <translation>%1: %2 Läufe</translation>
    </message>
    <message>
        <source>the source has no history for this metric</source>
        <translation>die Quelle hat keinen Verlauf für diese Metrik</translation>
    </message>
    <message>
        <source>compare needs at least two RUN_IDs</source>
        <translation>compare braucht mindestens zwei RUN_IDs</translation>
    </message>
    <message>
        <source>--step takes latest, min, max or a step number, not &apos;%1&apos;</source>
        <translation>--step nimmt latest, min, max oder eine Schrittnummer, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the baseline %1 is not one of the compared runs</source>
        <translation>die Basis %1 ist keiner der verglichenen Läufe</translation>
    </message>
    <message>
        <source>Baseline: %1. Deltas are against it; **bold** marks the best value of a row.
</source>
        <translation>Basis: %1. Differenzen beziehen sich auf sie; **fett** markiert den besten Wert einer Zeile.
</translation>
    </message>
    <message>
        <source>model &apos;%1&apos; is in several sources (%2); choose one with --source</source>
        <translation>Modell &apos;%1&apos; ist in mehreren Quellen (%2); wählen Sie eine mit --source</translation>
    </message>
    <message>
        <source>no source in the cache holds model &apos;%1&apos;; sync it first or give --source</source>
        <translation>keine Quelle im Cache enthält Modell &apos;%1&apos;; synchronisieren Sie zuerst oder geben Sie --source an</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a version number</source>
        <translation>&apos;%1&apos; ist keine Versionsnummer</translation>
    </message>
    <message>
        <source>Plan (dry run, nothing is written): %1
</source>
        <translation>Plan (Trockenlauf, es wird nichts geschrieben): %1
</translation>
    </message>
    <message>
        <source>%1
</source>
        <translation>%1
</translation>
    </message>
    <message>
        <source>  as %1 (%2), model uses %3
</source>
        <translation>  als %1 (%2), Modell verwendet %3
</translation>
    </message>
    <message>
        <source>  check: %1
</source>
        <translation>  Prüfung: %1
</translation>
    </message>
    <message>
        <source>  %1: %2
</source>
        <translation>  %1: %2
</translation>
    </message>
    <message>
        <source>would</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>did</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>rollback asks before it acts; add --yes when not at a terminal</source>
        <translation>rollback fragt vor dem Ausführen nach; geben Sie ohne Terminal --yes an</translation>
    </message>
    <message>
        <source>Roll back now? [y/N] </source>
        <translation>Jetzt zurückrollen? [y/N] </translation>
    </message>
    <message>
        <source>Nothing was changed.
</source>
        <translation>Es wurde nichts geändert.
</translation>
    </message>
    <message>
        <source>modeldesk-cli: %1 cannot be reached; the action waits in the queue (#%2) and is applied by &apos;modeldesk-cli queue apply&apos; once its preconditions hold again
</source>
        <translation>modeldesk-cli: %1 ist nicht erreichbar; die Aktion wartet in der Warteschlange (#%2) und wird von &apos;modeldesk-cli queue apply&apos; angewendet, sobald ihre Vorbedingungen wieder erfüllt sind
</translation>
    </message>
    <message>
        <source>cannot write the incident report: %1</source>
        <translation>der Incident-Bericht kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>  journal entry #%1
</source>
        <translation>  Journaleintrag #%1
</translation>
    </message>
    <message>
        <source>  reload hook %1: %2 (%3 ms)
</source>
        <translation>  Reload-Hook %1: %2 (%3 ms)
</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>register needs a MODEL name</source>
        <translation>register benötigt einen MODEL-Namen</translation>
    </message>
    <message>
        <source>register needs --run RUN_ID or --from URI-OR-FILE</source>
        <translation>register benötigt --run RUN_ID oder --from URI-OR-FILE</translation>
    </message>
    <message>
        <source>--tag needs KEY=VALUE, not &apos;%1&apos;</source>
        <translation>--tag benötigt KEY=VALUE, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>promote needs MODEL VERSION --to TARGET</source>
        <translation>promote benötigt MODEL VERSION --to TARGET</translation>
    </message>
    <message>
        <source>promote needs --to Staging|Production|Archived|None|ALIAS</source>
        <translation>promote benötigt --to Staging|Production|Archived|None|ALIAS</translation>
    </message>
    <message>
        <source>ab needs MODEL VERSION and --share PERCENT or --end</source>
        <translation>ab benötigt MODEL VERSION und --share PERCENT oder --end</translation>
    </message>
    <message>
        <source>ab needs --share PERCENT or --end</source>
        <translation>ab benötigt --share PERCENT oder --end</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a percentage</source>
        <translation>&apos;%1&apos; ist keine Prozentangabe</translation>
    </message>
    <message>
        <source>%1 needs MODEL VERSION --note TEXT</source>
        <translation>%1 benötigt MODEL VERSION --note TEXT</translation>
    </message>
    <message>
        <source>rollback needs a MODEL name</source>
        <translation>rollback benötigt einen MODEL-Namen</translation>
    </message>
    <message>
        <source>#%1 %2 %3 v%4: %5 — %6
</source>
        <translation>#%1 %2 %3 v%4: %5 — %6
</translation>
    </message>
    <message>
        <source>unknown queue command &apos;%1&apos;</source>
        <translation>unbekannter queue-Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>timeline needs a MODEL name</source>
        <translation>timeline benötigt einen MODEL-Namen</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Spur</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>%1 needs a whole number from %2 to %3, got &apos;%4&apos;</source>
        <translation>%1 braucht eine ganze Zahl von %2 bis %3, erhalten: &apos;%4&apos;</translation>
    </message>
    <message>
        <source>generate takes no positional arguments, got &apos;%1&apos;</source>
        <translation>generate nimmt keine Positionsargumente, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>generate needs --into DIR</source>
        <translation>generate braucht --into DIR</translation>
    </message>
    <message>
        <source>generate needs --runs N</source>
        <translation>generate braucht --runs N</translation>
    </message>
    <message>
        <source>--seed needs a whole number from 0 to %1, got &apos;%2&apos;</source>
        <translation>--seed braucht eine ganze Zahl von 0 bis %1, erhalten: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the folder exists and is not empty; nothing was written (--force replaces its mlruns/ and mlflow.db)</source>
        <translation>der Ordner existiert und ist nicht leer; nichts wurde geschrieben (--force ersetzt seine mlruns/ und mlflow.db)</translation>
    </message>
    <message>
        <source>Generating: %1 of %2 runs</source>
        <translation>Erzeuge: %1 von %2 Läufen</translation>
    </message>
    <message>
        <source>Wrote %1 runs in %2 experiments (%3 metric points, %4 params, %5 tags)
  MLflow file store: %6
  MLflow database:   %7
</source>
        <translation>%1 Läufe in %2 Experimenten geschrieben (%3 Metrikpunkte, %4 Parameter, %5 Tags)
  MLflow-Dateispeicher: %6
  MLflow-Datenbank:     %7
</translation>
    </message>
    <message>
        <source>modeldesk-cli: error: %1</source>
        <translation>modeldesk-cli: Fehler: %1</translation>
    </message>
    <message>
        <source>prompts takes at most one PROMPT name</source>
        <translation>prompts nimmt höchstens einen PROMPT-Namen</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>this is a registered model, not a prompt: see `versions`</source>
        <translation>das ist ein registriertes Modell, kein Prompt: siehe `versions`</translation>
    </message>
    <message>
        <source>no prompt with this name in the cache</source>
        <translation>kein Prompt mit diesem Namen im Cache</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>reviews takes no arguments</source>
        <translation>reviews nimmt keine Argumente</translation>
    </message>
    <message>
        <source>Nothing waits for review.
</source>
        <translation>Nichts wartet auf ein Review.
</translation>
    </message>
    <message>
        <source>Stage / aliases</source>
        <translation>Stufe / Aliasse</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefordert von</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>Angefordert am</translation>
    </message>
    <message>
        <source>Key metric</source>
        <translation>Leitmetrik</translation>
    </message>
    <message>
        <source>Δ vs Production</source>
        <translation>Δ zu Production</translation>
    </message>
    <message>
        <source>A/B share</source>
        <translation>A/B-Anteil</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>a time window</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>before %1</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source> (v%1)</source>
        <translation> (v%1)</translation>
    </message>
    <message>
        <source>unknown — moved by another tool</source>
        <translation>unbekannt — von einem anderen Werkzeug verschoben</translation>
    </message>
    <message>
        <source>Usage: modeldesk-cli [--cache PATH] [--journal PATH] [--format table|csv|json] [--quiet] COMMAND [ARGS]

Commands:
  sync SOURCE-URI [--full] [--histories] [--watch SECONDS]
                             import a source into the cache (http(s)://, file://, sqlite://, folder://
                             or a path); a server is read incrementally unless --full is given,
                             --histories fetches every full metric history now; --watch syncs again
                             every SECONDS (with the histories of running runs), one line per round,
                             until Ctrl+C or SIGTERM (exit 0, the cache consistent)
  sources                    the sources in the cache
  stats                      what the cache holds of each source: runs, metric points, params, tags …
  experiments [--deleted]    experiments with run counts
  runs [--experiment NAME|ID] [--filter EXPR] [--order-by EXPR]... [--max N] [--deleted]
                             runs; EXPR in MLflow&apos;s search syntax, e.g. &quot;metrics.rmse &lt; 1&quot;
  run RUN_ID                 one run with its metrics, params, tags and dataset inputs
  history RUN_ID METRIC      every logged value of a metric
  compare RUN_ID RUN_ID... [--baseline RUN_ID] [--step latest|min|max|N] [--diff-only]
                             runs side by side with deltas against the baseline (default: the
                             run behind the Production version or the champion alias)
  models                     registered models (MLflow&apos;s prompts are listed by `prompts`)
  versions MODEL             the versions of a registered model
  prompts [PROMPT]           the prompts of MLflow 3&apos;s prompt registry; with PROMPT its versions,
                             aliases and template text (prompts are never promoted or rolled back)
  reviews [--policies FILE]  every version waiting for a review, in all sources and models: who asked
                             and when (or the window in which a sync saw another tool move it),
                             the key metric against Production, the A/B share
  journal [verify] [--model MODEL]
                             the journal of actions and observed registry changes
  timeline MODEL             the version history of a model: stages, aliases, every event

Registry actions (on the source that holds MODEL; --source URI chooses when several do):
  register MODEL (--run RUN_ID | --from URI-OR-FILE) [--description TEXT] [--tag KEY=VALUE]...
                             register a run&apos;s model (or, for a model folder, a model file) as a
                             new version
  promote MODEL VERSION --to Staging|Production|Archived|None|ALIAS
                             Staging asks for a review; Production needs an approval and
                             archives the version it replaces (kept as rollback target)
  ab MODEL VERSION (--share PERCENT | --end)
                             start or end an A/B test of a version in Staging
  approve MODEL VERSION --note TEXT
  reject MODEL VERSION --note TEXT
                             decide a review; the approver must not be who asked for it
  rollback MODEL [--to VERSION] --reason TEXT [--yes] [--report FILE]
                             put the last known-good version back into Production now
  queue [apply]              actions waiting for an unreachable server; apply re-checks them
  Every action takes --dry-run (print the plan, change nothing) and --policies FILE.
  demo --into DIR            write the bundled demo (MLflow file store and model folder)
  generate --runs N --into DIR [--metrics M] [--params P] [--steps S] [--experiments E]
           [--seed K] [--force]
                             write a synthetic data set as an MLflow file store (DIR/mlruns) and an
                             MLflow SQLite database (DIR/mlflow.db); defaults: 10 metrics, 10 params,
                             1 step, 1 experiment, seed 1; the same arguments give the same data;
                             --force replaces mlruns/ and mlflow.db in a folder that is not empty

Global options:
  --cache PATH    the cache file (default: $XDG_DATA_HOME/modeldesk/cache.sqlite)
  --journal PATH  the journal file (default: journal.sqlite beside the cache)
  --format F      table (default), csv or json
  --source URI    limit listings to one source
  --quiet         no progress on stderr
  --version, --help

Exit codes: 0 success, 1 runtime failure (also: the source changed under us), 2 usage error
or bad input, 3 refused by a policy rule (the message names the rule).
Who acts: the MLflow user signed in to a tracking server (MLFLOW_TRACKING_USERNAME), else $USER.
MLFLOW_TRACKING_URI is used by &apos;sync&apos; when no SOURCE-URI is given.
</source>
        <translation>Aufruf: modeldesk-cli [--cache PATH] [--journal PATH] [--format table|csv|json] [--quiet] COMMAND [ARGS]

Befehle:
  sync SOURCE-URI [--full] [--histories] [--watch SECONDS]
                             eine Quelle in den Cache importieren (http(s)://, file://, sqlite://, folder://
                             oder ein Pfad); ein Server wird inkrementell gelesen, außer mit --full;
                             --histories lädt sofort jeden vollständigen Metrikverlauf; --watch
                             synchronisiert alle SECONDS Sekunden erneut (mit den Verläufen laufender
                             Läufe), eine Zeile pro Runde, bis Strg+C oder SIGTERM (Exit-Code 0, der
                             Cache bleibt konsistent)
  sources                    die Quellen im Cache
  stats                      was der Cache von jeder Quelle hält: Läufe, Metrikpunkte, Parameter, Tags …
  experiments [--deleted]    Experimente mit der Anzahl ihrer Läufe
  runs [--experiment NAME|ID] [--filter EXPR] [--order-by EXPR]... [--max N] [--deleted]
                             Läufe; EXPR in MLflows Suchsyntax, z. B. &quot;metrics.rmse &lt; 1&quot;
  run RUN_ID                 ein Lauf mit seinen Metriken, Parametern, Tags und Datensatz-Eingaben
  history RUN_ID METRIC      jeder protokollierte Wert einer Metrik
  compare RUN_ID RUN_ID... [--baseline RUN_ID] [--step latest|min|max|N] [--diff-only]
                             Läufe nebeneinander, mit Differenzen zur Basis (Vorgabe: der Lauf
                             hinter der Production-Version oder dem Alias champion)
  models                     registrierte Modelle (MLflows Prompts listet `prompts`)
  versions MODEL             die Versionen eines registrierten Modells
  prompts [PROMPT]           die Prompts der Prompt-Registry von MLflow 3; mit PROMPT dessen Versionen,
                             Aliasse und Vorlagentext (Prompts werden nie befördert oder zurückgerollt)
  reviews [--policies FILE]  jede Version, die auf ein Review wartet, in allen Quellen und Modellen:
                             wer es wann angefordert hat (oder das Zeitfenster, in dem eine
                             Synchronisierung sah, wie ein anderes Werkzeug sie verschob), die
                             Leitmetrik gegenüber Production, der A/B-Anteil
  journal [verify] [--model MODEL]
                             das Journal der Aktionen und beobachteten Änderungen im Modellregister
  timeline MODEL             die Versionsgeschichte eines Modells: Stufen, Aliasse, jedes Ereignis

Aktionen im Modellregister (auf der Quelle, die MODEL enthält; --source URI wählt, wenn es mehrere sind):
  register MODEL (--run RUN_ID | --from URI-OR-FILE) [--description TEXT] [--tag KEY=VALUE]...
                             das Modell eines Laufs (bei einem Modellordner eine Modelldatei) als
                             neue Version registrieren
  promote MODEL VERSION --to Staging|Production|Archived|None|ALIAS
                             Staging fordert ein Review an; Production braucht eine Freigabe und
                             archiviert die ersetzte Version (bleibt als Rollback-Ziel erhalten)
  ab MODEL VERSION (--share PERCENT | --end)
                             einen A/B-Test einer Version in Staging starten oder beenden
  approve MODEL VERSION --note TEXT
  reject MODEL VERSION --note TEXT
                             über ein Review entscheiden; wer entscheidet, darf es nicht angefordert haben
  rollback MODEL [--to VERSION] --reason TEXT [--yes] [--report FILE]
                             die zuletzt funktionierende Version sofort zurück in Production bringen
  queue [apply]              Aktionen, die auf einen nicht erreichbaren Server warten; apply prüft sie erneut
  Jede Aktion akzeptiert --dry-run (Plan ausgeben, nichts ändern) und --policies FILE.
  demo --into DIR            die mitgelieferte Demo schreiben (MLflow-Dateispeicher und Modellordner)
  generate --runs N --into DIR [--metrics M] [--params P] [--steps S] [--experiments E]
           [--seed K] [--force]
                             einen synthetischen Datensatz als MLflow-Dateispeicher (DIR/mlruns) und
                             MLflow-SQLite-Datenbank (DIR/mlflow.db) schreiben; Vorgaben: 10 Metriken,
                             10 Parameter, 1 Schritt, 1 Experiment, Seed 1; dieselben Argumente ergeben
                             dieselben Daten; --force ersetzt mlruns/ und mlflow.db in einem nicht leeren Ordner

Globale Optionen:
  --cache PATH    die Cache-Datei (Vorgabe: $XDG_DATA_HOME/modeldesk/cache.sqlite)
  --journal PATH  die Journal-Datei (Vorgabe: journal.sqlite neben dem Cache)
  --format F      table (Vorgabe), csv oder json
  --source URI    Auflistungen auf eine Quelle beschränken
  --quiet         keine Fortschrittsanzeige auf stderr
  --version, --help

Exit-Codes: 0 Erfolg, 1 Laufzeitfehler (auch: die Quelle hat sich währenddessen geändert), 2 Aufruffehler
oder ungültige Eingabe, 3 von einer Richtlinienregel abgelehnt (die Meldung nennt die Regel).
Wer handelt: der beim Tracking-Server angemeldete MLflow-Benutzer (MLFLOW_TRACKING_USERNAME), sonst $USER.
MLFLOW_TRACKING_URI wird von &apos;sync&apos; verwendet, wenn keine SOURCE-URI angegeben ist.
</translation>
    </message>
    <message>
        <source>--watch needs a number of seconds between 0.1 and 86400</source>
        <translation>--watch braucht eine Anzahl Sekunden zwischen 0.1 und 86400</translation>
    </message>
    <message>
        <source>%1 round %2: %3 runs changed, %4 running, %5 ended, %6 metric points added</source>
        <translation>%1 Runde %2: %3 Läufe geändert, %4 laufend, %5 beendet, %6 Metrikpunkte hinzugefügt</translation>
    </message>
    <message>
        <source>, %1 registry changes</source>
        <translation>, %1 Änderungen im Modellregister</translation>
    </message>
    <message>
        <source>modeldesk-cli: warning: %1</source>
        <translation>modeldesk-cli: Warnung: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>ModelDesk: browse MLflow experiments and runs from a local cache.</source>
        <translation>ModelDesk: MLflow-Experimente und -Läufe aus einem lokalen Cache durchsuchen.</translation>
    </message>
    <message>
        <source>The MLflow store to import and show: http://host:5000, file:///path/mlruns, sqlite:///path/mlflow.db, folder:///path/artifacts/training or a plain path. Default: $MLFLOW_TRACKING_URI; without either, the sources saved in the cache (or a demo on first start).</source>
        <translation>Der MLflow-Speicher, der importiert und angezeigt wird: http://host:5000, file:///pfad/mlruns, sqlite:///pfad/mlflow.db, folder:///pfad/artifacts/training oder ein einfacher Pfad. Vorgabe: $MLFLOW_TRACKING_URI; ohne beides die im Cache gespeicherten Quellen (oder beim ersten Start eine Demo).</translation>
    </message>
    <message>
        <source>The cache file to use (default: %1).</source>
        <translation>Die zu verwendende Cache-Datei (Vorgabe: %1).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE.png once the first experiment is shown, then exit (0 = ok, 1 = the import failed). Works with QT_QPA_PLATFORM=offscreen.</source>
        <translation>Ein Bild des Fensters in DATEI.png speichern, sobald das erste Experiment angezeigt wird, und dann beenden (0 = in Ordnung, 1 = Import fehlgeschlagen). Funktioniert mit QT_QPA_PLATFORM=offscreen.</translation>
    </message>
    <message>
        <source>FILE.png</source>
        <translation>DATEI.png</translation>
    </message>
    <message>
        <source>The language of the user interface, e.g. de or en.</source>
        <translation>Die Sprache der Benutzeroberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Give at most one SOURCE-URI.</source>
        <translation>Höchstens eine SOURCE-URI angeben.</translation>
    </message>
    <message>
        <source>Open the side-by-side comparison of these runs (MLflow run ids, separated by commas) once the source is imported.</source>
        <translation>Nach dem Import der Quelle den direkten Vergleich dieser Läufe öffnen (MLflow-Lauf-IDs, durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>RUN_ID,...</source>
        <translation>LAUF_ID,...</translation>
    </message>
    <message>
        <source>--compare needs at least one run id.</source>
        <translation>--compare braucht mindestens eine Lauf-ID.</translation>
    </message>
    <message>
        <source>Open the Models view on this registered model once the source is imported.</source>
        <translation>Öffnet nach dem Import der Quelle die Modellansicht mit diesem registrierten Modell.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Open on this experiment (its name or id) once the source is imported.</source>
        <translation>Nach dem Import der Quelle dieses Experiment öffnen (Name oder ID).</translation>
    </message>
    <message>
        <source>Show the Charts tab with this chart of the compared runs (with --compare): history, bar, scatter or parallel.</source>
        <translation>Den Reiter Diagramme mit diesem Diagramm der verglichenen Läufe zeigen (mit --compare): history, bar, scatter oder parallel.</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>The metric the Charts tab shows (with --compare).</source>
        <translation>Die Metrik, die der Reiter Diagramme zeigt (mit --compare).</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>--chart takes one of: %1.</source>
        <translation>--chart nimmt eines von: %1.</translation>
    </message>
    <message>
        <source>The look for this run: system, light or dark (Fusion with a dark palette). Default: the one chosen in View › Theme.</source>
        <translation>Das Erscheinungsbild für diesen Programmstart: system, light oder dark (Fusion mit dunkler Palette). Vorgabe: das unter Ansicht › Design gewählte.</translation>
    </message>
    <message>
        <source>THEME</source>
        <translation>DESIGN</translation>
    </message>
    <message>
        <source>--theme takes one of: %1.</source>
        <translation>--theme nimmt eines von: %1.</translation>
    </message>
</context>
<context>
    <name>ComparedRuns</name>
    <message>
        <source>The cache is not open.</source>
        <translation>Der Cache ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>ComparisonPage</name>
    <message>
        <source>Compare Runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>&amp;Baseline:</source>
        <translation>&amp;Basis:</translation>
    </message>
    <message>
        <source>The run every other run is compared with</source>
        <translation>Der Lauf, mit dem alle anderen Läufe verglichen werden</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>&amp;Werte:</translation>
    </message>
    <message>
        <source>Which value of each metric to compare: the latest one, the smallest or largest of its history, or the one logged at a step</source>
        <translation>Welcher Wert jeder Metrik verglichen wird: der neueste, der kleinste oder größte ihres Verlaufs oder der bei einem Schritt protokollierte</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Neuester</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>At step</source>
        <translation>Bei Schritt</translation>
    </message>
    <message>
        <source>The step whose values are compared</source>
        <translation>Der Schritt, dessen Werte verglichen werden</translation>
    </message>
    <message>
        <source>&amp;Differences only</source>
        <translation>Nur &amp;Unterschiede</translation>
    </message>
    <message>
        <source>Hide the rows where every run has the same value</source>
        <translation>Zeilen ausblenden, in denen alle Läufe denselben Wert haben</translation>
    </message>
    <message>
        <source>&amp;Transpose</source>
        <translation>&amp;Transponieren</translation>
    </message>
    <message>
        <source>Show the runs as rows instead of columns</source>
        <translation>Die Läufe als Zeilen statt als Spalten zeigen</translation>
    </message>
    <message>
        <source>Show only the rows whose name contains this text, e.g. r2, params. or tags.model</source>
        <translation>Nur die Zeilen zeigen, deren Name diesen Text enthält, z. B. r2, params. oder tags.model</translation>
    </message>
    <message>
        <source>Search rows, e.g. r2 or params.</source>
        <translation>Zeilen suchen, z. B. r2 oder params.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>cannot open database: %1</source>
        <translation>Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>DatasetGenerator</name>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>Die Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot create the folder: %1</source>
        <translation>Der Ordner kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The file exists already.</source>
        <translation>Die Datei existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot write the database: %1</source>
        <translation>Die Datenbank kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2, not %3</source>
        <translation>muss eine ganze Zahl von %1 bis %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>The folder exists already.</source>
        <translation>Der Ordner existiert bereits.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>No folder given.</source>
        <translation>Kein Ordner angegeben.</translation>
    </message>
    <message>
        <source>This path exists and is not a folder.</source>
        <translation>Dieser Pfad existiert und ist kein Ordner.</translation>
    </message>
    <message>
        <source>The folder is not empty; nothing was written.</source>
        <translation>Der Ordner ist nicht leer; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Cannot create the folder.</source>
        <translation>Der Ordner kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create a folder here: %1</source>
        <translation>Hier kann kein Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cannot move the data into place: %1</source>
        <translation>Die Daten können nicht an ihren Platz verschoben werden: %1</translation>
    </message>
    <message>
        <source>Cannot remove the old file.</source>
        <translation>Die alte Datei kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot remove the old folder.</source>
        <translation>Der alte Ordner kann nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>DemoStore</name>
    <message>
        <source>Cannot create the file: %1</source>
        <translation>Die Datei kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>Die Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot create the folder.</source>
        <translation>Der Ordner kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>No folder given for the demo.</source>
        <translation>Kein Ordner für die Demo angegeben.</translation>
    </message>
    <message>
        <source>This path exists and is not a folder.</source>
        <translation>Dieser Pfad existiert und ist kein Ordner.</translation>
    </message>
    <message>
        <source>The folder is not empty; the demo is only written into a new or empty folder.</source>
        <translation>Der Ordner ist nicht leer; die Demo wird nur in einen neuen oder leeren Ordner geschrieben.</translation>
    </message>
    <message>
        <source>Cannot create a folder here: %1</source>
        <translation>Hier kann kein Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cannot move the demo into place: %1</source>
        <translation>Die Demo kann nicht an ihren Zielort verschoben werden: %1</translation>
    </message>
</context>
<context>
    <name>FileStoreSource</name>
    <message>
        <source>the file is missing</source>
        <translation>die Datei fehlt</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file is empty or not a YAML mapping</source>
        <translation>die Datei ist leer oder kein YAML-Mapping</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>kein gültiges YAML: %1</translation>
    </message>
    <message>
        <source>reading was cancelled</source>
        <translation>das Lesen wurde abgebrochen</translation>
    </message>
    <message>
        <source>the field experiment_id is missing</source>
        <translation>das Feld experiment_id fehlt</translation>
    </message>
    <message>
        <source>experiment_id %1 does not match its folder %2</source>
        <translation>experiment_id %1 passt nicht zum Ordner %2</translation>
    </message>
    <message>
        <source>malformed metric line (expected &quot;timestamp value step&quot;)</source>
        <translation>fehlerhafte Metrikzeile (erwartet: &quot;Zeitstempel Wert Schritt&quot;)</translation>
    </message>
    <message>
        <source>the metric file holds no values</source>
        <translation>die Metrikdatei enthält keine Werte</translation>
    </message>
    <message>
        <source>the field source_id is missing or invalid</source>
        <translation>das Feld source_id fehlt oder ist ungültig</translation>
    </message>
    <message>
        <source>the field run_id is missing</source>
        <translation>das Feld run_id fehlt</translation>
    </message>
    <message>
        <source>the run names experiment %1 but lies in experiment %2</source>
        <translation>der Lauf nennt Experiment %1, liegt aber in Experiment %2</translation>
    </message>
    <message>
        <source>unknown run status %1</source>
        <translation>unbekannter Laufstatus %1</translation>
    </message>
    <message>
        <source>the field version is missing or invalid</source>
        <translation>das Feld version fehlt oder ist ungültig</translation>
    </message>
    <message>
        <source>the alias does not hold a version number</source>
        <translation>der Alias enthält keine Versionsnummer</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>kein Ordner</translation>
    </message>
    <message>
        <source>the folder cannot be read</source>
        <translation>der Ordner kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>not an MLflow file store</source>
        <translation>kein MLflow-Dateispeicher</translation>
    </message>
    <message>
        <source>the field source_id is missing</source>
        <translation>das Feld source_id fehlt</translation>
    </message>
    <message>
        <source>the field destination_id or step is missing or invalid</source>
        <translation>das Feld destination_id oder step fehlt oder ist ungültig</translation>
    </message>
    <message>
        <source>malformed metric line (expected &quot;timestamp value step run_id [dataset_name dataset_digest]&quot;)</source>
        <translation>fehlerhafte Metrikzeile (erwartet: &quot;timestamp value step run_id [dataset_name dataset_digest]&quot;)</translation>
    </message>
    <message>
        <source>model_id %1 does not match its folder %2</source>
        <translation>model_id %1 passt nicht zu seinem Ordner %2</translation>
    </message>
    <message>
        <source>the LoggedModel names experiment %1 but lies in experiment %2</source>
        <translation>das LoggedModel nennt Experiment %1, liegt aber in Experiment %2</translation>
    </message>
</context>
<context>
    <name>FileStoreWriter</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot open the folder to sync it</source>
        <translation>der Ordner kann zum Synchronisieren nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot sync the folder</source>
        <translation>der Ordner kann nicht synchronisiert werden</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot rename the folder</source>
        <translation>der Ordner kann nicht umbenannt werden</translation>
    </message>
    <message>
        <source>invalid name &apos;%1&apos;: a registered model name cannot contain a path separator</source>
        <translation>ungültiger Name &apos;%1&apos;: der Name eines registrierten Modells darf kein Pfadtrennzeichen enthalten</translation>
    </message>
    <message>
        <source>invalid name &apos;%1&apos;: a registered model name cannot contain &apos;%&apos;</source>
        <translation>ungültiger Name &apos;%1&apos;: der Name eines registrierten Modells darf kein &apos;%&apos; enthalten</translation>
    </message>
    <message>
        <source>invalid name &apos;%1&apos;</source>
        <translation>ungültiger Name &apos;%1&apos;</translation>
    </message>
    <message>
        <source>there is no registered model &apos;%1&apos;</source>
        <translation>es gibt kein registriertes Modell &apos;%1&apos;</translation>
    </message>
    <message>
        <source>registered model &apos;%1&apos; has no version %2</source>
        <translation>das registrierte Modell &apos;%1&apos; hat keine Version %2</translation>
    </message>
    <message>
        <source>the folder is not writable</source>
        <translation>der Ordner ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>the source of the new version is empty</source>
        <translation>die Quelle der neuen Version ist leer</translation>
    </message>
    <message>
        <source>the folder of registered model &apos;%1&apos; has no meta.yaml</source>
        <translation>der Ordner des registrierten Modells &apos;%1&apos; hat keine meta.yaml</translation>
    </message>
    <message>
        <source>cannot create a temporary folder</source>
        <translation>es kann kein temporärer Ordner angelegt werden</translation>
    </message>
    <message>
        <source>another client registered new versions of &apos;%1&apos; at the same time; try again</source>
        <translation>ein anderer Client hat gleichzeitig neue Versionen von &apos;%1&apos; registriert; versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the new version %1 cannot be read back</source>
        <translation>die neue Version %1 kann nicht zurückgelesen werden</translation>
    </message>
    <message>
        <source>registered model &apos;%1&apos; has no alias &apos;%2&apos;</source>
        <translation>das registrierte Modell &apos;%1&apos; hat keinen Alias &apos;%2&apos;</translation>
    </message>
    <message>
        <source>there is no LoggedModel &apos;%1&apos; in the store to register a version from</source>
        <translation>im Speicher gibt es kein LoggedModel &apos;%1&apos;, aus dem eine Version registriert werden könnte</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>no CA certificate could be read from MLFLOW_TRACKING_SERVER_CERT_PATH (%1)</source>
        <translation>aus MLFLOW_TRACKING_SERVER_CERT_PATH (%1) konnte kein CA-Zertifikat gelesen werden</translation>
    </message>
    <message>
        <source>MLFLOW_TRACKING_CLIENT_CERT_PATH (%1) must be one PEM file with the client certificate and its unencrypted key</source>
        <translation>MLFLOW_TRACKING_CLIENT_CERT_PATH (%1) muss eine einzige PEM-Datei mit dem Client-Zertifikat und seinem unverschlüsselten Schlüssel sein</translation>
    </message>
    <message>
        <source>cannot connect to the server at %1: the connection was refused</source>
        <translation>keine Verbindung zum Server unter %1: die Verbindung wurde abgelehnt</translation>
    </message>
    <message>
        <source>cannot connect to the server at %1: the host name is unknown</source>
        <translation>keine Verbindung zum Server unter %1: der Hostname ist unbekannt</translation>
    </message>
    <message>
        <source>the server at %1 did not answer within %2 s</source>
        <translation>der Server unter %1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <source>the secure connection to %1 failed: %2 (MLFLOW_TRACKING_SERVER_CERT_PATH names a CA bundle; MLFLOW_TRACKING_INSECURE_TLS=true skips the check)</source>
        <translation>die sichere Verbindung zu %1 ist fehlgeschlagen: %2 (MLFLOW_TRACKING_SERVER_CERT_PATH nennt ein CA-Bundle; MLFLOW_TRACKING_INSECURE_TLS=true überspringt die Prüfung)</translation>
    </message>
    <message>
        <source>the connection to %1 dropped in the middle of an answer (%2 of %3 bytes)</source>
        <translation>die Verbindung zu %1 brach mitten in einer Antwort ab (%2 von %3 Bytes)</translation>
    </message>
    <message>
        <source>the connection to %1 failed: %2</source>
        <translation>die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source> (after %1 attempts)</source>
        <translation> (nach %1 Versuchen)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the server at %1 needs you to sign in: set MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD</source>
        <translation>der Server unter %1 verlangt eine Anmeldung: setzen Sie MLFLOW_TRACKING_TOKEN oder MLFLOW_TRACKING_USERNAME/PASSWORD</translation>
    </message>
    <message>
        <source>the server at %1 did not accept your credentials: sign in with a valid MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD</source>
        <translation>der Server unter %1 hat Ihre Anmeldedaten nicht akzeptiert: melden Sie sich mit einem gültigen MLFLOW_TRACKING_TOKEN oder MLFLOW_TRACKING_USERNAME/PASSWORD an</translation>
    </message>
    <message>
        <source>no permission for %1 on the server at %2</source>
        <translation>keine Berechtigung für %1 auf dem Server unter %2</translation>
    </message>
    <message>
        <source>not an MLflow tracking server: %1 answered 404 for %2</source>
        <translation>kein MLflow-Tracking-Server: %1 hat auf %2 mit 404 geantwortet</translation>
    </message>
    <message>
        <source>the server has no such item: %1</source>
        <translation>dieser Eintrag existiert auf dem Server nicht: %1</translation>
    </message>
    <message>
        <source>the server rejected the request (HTTP %1)%2</source>
        <translation>der Server hat die Anfrage abgelehnt (HTTP %1)%2</translation>
    </message>
    <message>
        <source>the server answered HTTP %1%2</source>
        <translation>der Server hat mit HTTP %1 geantwortet%2</translation>
    </message>
    <message>
        <source>%1 names a file that does not exist: %2</source>
        <translation>%1 nennt eine Datei, die es nicht gibt: %2</translation>
    </message>
    <message>
        <source>the certificate of the server at %1 is not trusted: %2 (MLFLOW_TRACKING_SERVER_CERT_PATH names the CA bundle that signed it; MLFLOW_TRACKING_INSECURE_TLS=true skips the check)</source>
        <translation>dem Zertifikat des Servers unter %1 wird nicht vertraut: %2 (MLFLOW_TRACKING_SERVER_CERT_PATH nennt das CA-Bündel, das es signiert hat; MLFLOW_TRACKING_INSECURE_TLS=true überspringt die Prüfung)</translation>
    </message>
    <message>
        <source>the server at %1 refused the secure connection (%2); if it requires a client certificate, set MLFLOW_TRACKING_CLIENT_CERT_PATH to one PEM file with the certificate and its key</source>
        <translation>der Server unter %1 hat die sichere Verbindung abgelehnt (%2); wenn er ein Client-Zertifikat verlangt, setzen Sie MLFLOW_TRACKING_CLIENT_CERT_PATH auf eine PEM-Datei mit dem Zertifikat und seinem Schlüssel</translation>
    </message>
    <message>
        <source>the server at %1 refused the secure connection (%2); check that it accepts the client certificate in MLFLOW_TRACKING_CLIENT_CERT_PATH (%3)</source>
        <translation>der Server unter %1 hat die sichere Verbindung abgelehnt (%2); prüfen Sie, ob er das Client-Zertifikat in MLFLOW_TRACKING_CLIENT_CERT_PATH (%3) annimmt</translation>
    </message>
    <message>
        <source>MLFLOW_TRACKING_INSECURE_TLS and MLFLOW_TRACKING_SERVER_CERT_PATH are both set; set only one of them, as MLflow requires</source>
        <translation>MLFLOW_TRACKING_INSECURE_TLS und MLFLOW_TRACKING_SERVER_CERT_PATH sind beide gesetzt; setzen Sie nur eine der beiden, wie MLflow es verlangt</translation>
    </message>
    <message>
        <source>the server has no such file: %1</source>
        <translation>diese Datei existiert auf dem Server nicht: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Reading runs</source>
        <translation>Lese Läufe</translation>
    </message>
    <message>
        <source>Reading metric histories</source>
        <translation>Metrikverläufe werden gelesen</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>cannot create the folder for the journal</source>
        <translation>der Ordner für das Journal kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the journal was written by a newer ModelDesk (schema %1; this version knows up to %2)</source>
        <translation>das Journal wurde von einem neueren ModelDesk geschrieben (Schema %1; diese Version kennt Schemas bis %2)</translation>
    </message>
    <message>
        <source>this SQLite file is not a ModelDesk journal</source>
        <translation>diese SQLite-Datei ist kein ModelDesk-Journal</translation>
    </message>
    <message>
        <source>entry %1 does not follow the entry before it: an entry was removed</source>
        <translation>Eintrag %1 folgt nicht auf den Eintrag davor: ein Eintrag wurde entfernt</translation>
    </message>
    <message>
        <source>entry %1 was changed after it was written</source>
        <translation>Eintrag %1 wurde nach dem Schreiben geändert</translation>
    </message>
</context>
<context>
    <name>KeyMetricChart</name>
    <message>
        <source>No key metric</source>
        <translation>Keine Leitmetrik</translation>
    </message>
    <message>
        <source>%1 of each version&apos;s source run</source>
        <translation>%1 des Quelllaufs jeder Version</translation>
    </message>
    <message>
        <source>%1 of each version&apos;s logged model, measured on %2; a version without a value on that dataset has no point</source>
        <translation>%1 des geloggten Modells jeder Version, gemessen auf %2; eine Version ohne Wert auf diesem Datensatz hat keinen Punkt</translation>
    </message>
    <message>
        <source>Key metric</source>
        <translation>Leitmetrik</translation>
    </message>
    <message>
        <source>%1 by version</source>
        <translation>%1 nach Version</translation>
    </message>
    <message>
        <source>%1 on %2 by version</source>
        <translation>%1 auf %2 nach Version</translation>
    </message>
    <message>
        <source>No key metric values</source>
        <translation>Keine Werte der Leitmetrik</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>v%1 · %2</source>
        <translation>v%1 · %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sources and their experiments. Select an experiment to see its runs.</source>
        <translation>Quellen und ihre Experimente. Wählen Sie ein Experiment, um seine Läufe zu sehen.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Open Source…</source>
        <translation>Quelle ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Import an MLflow file store, SQLite database or model folder</source>
        <translation>Einen MLflow-Dateispeicher, eine SQLite-Datenbank oder einen Modellordner importieren</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Sync Again</source>
        <translation>Erneut &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Import every source again to pick up new and changed runs</source>
        <translation>Alle Quellen erneut importieren, um neue und geänderte Läufe zu übernehmen</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Show &amp;Deleted Runs</source>
        <translation>&amp;Gelöschte Läufe anzeigen</translation>
    </message>
    <message>
        <source>Also show deleted experiments and runs</source>
        <translation>Auch gelöschte Experimente und Läufe anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Filter Runs</source>
        <translation>Läufe &amp;filtern</translation>
    </message>
    <message>
        <source>Go to the filter field</source>
        <translation>Zum Filterfeld springen</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About ModelDesk</source>
        <translation>&amp;Über ModelDesk</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <source>&amp;Compare Selected</source>
        <translation>Auswahl &amp;vergleichen</translation>
    </message>
    <message>
        <source>Compare the selected runs side by side (select two or more with Ctrl+click or Shift+click)</source>
        <translation>Die ausgewählten Läufe nebeneinander vergleichen (zwei oder mehr mit Strg+Klick oder Umschalt+Klick auswählen)</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
</context>
<context>
    <name>MlflowDbSource</name>
    <message>
        <source>cannot read the MLflow database: %1</source>
        <translation>die MLflow-Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>not an MLflow database (not an SQLite file)</source>
        <translation>keine MLflow-Datenbank (keine SQLite-Datei)</translation>
    </message>
    <message>
        <source>the MLflow database is truncated: the file has %1 of %2 bytes</source>
        <translation>die MLflow-Datenbank ist abgeschnitten: die Datei hat %1 von %2 Bytes</translation>
    </message>
    <message>
        <source>model &apos;%1&apos; has a version &apos;%2&apos; that is not a positive number; skipped</source>
        <translation>Modell &apos;%1&apos; hat eine Version &apos;%2&apos;, die keine positive Zahl ist; übersprungen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>a run of experiment %1 has no run_uuid</source>
        <translation>ein Lauf von Experiment %1 hat keine run_uuid</translation>
    </message>
    <message>
        <source>experiment &apos;%1&apos; has an id that is not a number; skipped</source>
        <translation>Experiment &apos;%1&apos; hat eine ID, die keine Zahl ist; übersprungen</translation>
    </message>
    <message>
        <source>run %1 belongs to experiment &apos;%2&apos;, which does not exist; skipped</source>
        <translation>Lauf %1 gehört zu Experiment &apos;%2&apos;, das nicht existiert; übersprungen</translation>
    </message>
    <message>
        <source>%1: run %2, metric &apos;%3&apos; has no value; skipped</source>
        <translation>%1: Lauf %2, Metrik &apos;%3&apos; hat keinen Wert; übersprungen</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei existiert nicht</translation>
    </message>
    <message>
        <source>not an MLflow database (this is a folder)</source>
        <translation>keine MLflow-Datenbank (dies ist ein Ordner)</translation>
    </message>
    <message>
        <source>not an MLflow database (it has no alembic_version and runs tables)</source>
        <translation>keine MLflow-Datenbank (die Tabellen alembic_version und runs fehlen)</translation>
    </message>
    <message>
        <source>not an MLflow database (its alembic_version table is empty)</source>
        <translation>keine MLflow-Datenbank (ihre Tabelle alembic_version ist leer)</translation>
    </message>
    <message>
        <source>MLflow schema revision &apos;%1&apos; is too old (before MLflow 1.4); upgrade it with `mlflow db upgrade`</source>
        <translation>MLflow-Schemarevision &apos;%1&apos; ist zu alt (vor MLflow 1.4); aktualisieren Sie sie mit `mlflow db upgrade`</translation>
    </message>
    <message>
        <source>not an MLflow database (table &apos;%1&apos; is missing)</source>
        <translation>keine MLflow-Datenbank (Tabelle &apos;%1&apos; fehlt)</translation>
    </message>
    <message>
        <source>the MLflow database is read-only</source>
        <translation>die MLflow-Datenbank ist schreibgeschützt</translation>
    </message>
    <message>
        <source>cannot read this MLflow database: column %1 is missing</source>
        <translation>diese MLflow-Datenbank ist nicht lesbar: die Spalte %1 fehlt</translation>
    </message>
    <message>
        <source>(schema revision %1 is newer than ModelDesk knows, up to %2)</source>
        <translation>(Schema-Revision %1 ist neuer als die, die ModelDesk kennt, bis %2)</translation>
    </message>
    <message>
        <source>not an MLflow database (its alembic_version holds &apos;%1&apos;, which is no schema revision)</source>
        <translation>keine MLflow-Datenbank (ihre alembic_version enthält &apos;%1&apos;, keine Schema-Revision)</translation>
    </message>
    <message>
        <source>not read, since these columns are missing: %1</source>
        <translation>nicht gelesen, da diese Spalten fehlen: %1</translation>
    </message>
    <message>
        <source>a LoggedModel of experiment %1 has no model_id; skipped</source>
        <translation>ein LoggedModel von Experiment %1 hat keine model_id; übersprungen</translation>
    </message>
    <message>
        <source>LoggedModel %1 belongs to experiment &apos;%2&apos;, which does not exist; skipped</source>
        <translation>LoggedModel %1 gehört zu Experiment &apos;%2&apos;, das es nicht gibt; übersprungen</translation>
    </message>
    <message>
        <source>written by a newer MLflow (schema revision %1; ModelDesk knows up to %2): writes to it are refused, since that MLflow may expect more of them than ModelDesk knows; nothing was changed</source>
        <translation>von einem neueren MLflow geschrieben (Schema-Revision %1; ModelDesk kennt bis %2): Schreibzugriffe werden abgelehnt, da dieses MLflow mehr von ihnen erwarten kann, als ModelDesk weiß; nichts wurde geändert</translation>
    </message>
    <message>
        <source>written by a newer MLflow (schema revision %1; ModelDesk knows up to %2): read what is known, writes refused</source>
        <translation>von einem neueren MLflow geschrieben (Schema-Revision %1; ModelDesk kennt bis %2): Bekanntes gelesen, Schreibzugriffe abgelehnt</translation>
    </message>
</context>
<context>
    <name>MlflowDbWriter</name>
    <message>
        <source>the MLflow database is busy (another program is writing to it): %1</source>
        <translation>die MLflow-Datenbank ist belegt (ein anderes Programm schreibt gerade hinein): %1</translation>
    </message>
    <message>
        <source>cannot write the MLflow database: %1</source>
        <translation>die MLflow-Datenbank kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>there is no registered model &apos;%1&apos;</source>
        <translation>es gibt kein registriertes Modell &apos;%1&apos;</translation>
    </message>
    <message>
        <source>registered model &apos;%1&apos; has no version %2</source>
        <translation>das registrierte Modell &apos;%1&apos; hat keine Version %2</translation>
    </message>
    <message>
        <source>the MLflow database has no model registry (table &apos;%1&apos; is missing)</source>
        <translation>die MLflow-Datenbank hat kein Modellregister (Tabelle &apos;%1&apos; fehlt)</translation>
    </message>
    <message>
        <source>the source of the new version is empty</source>
        <translation>die Quelle der neuen Version ist leer</translation>
    </message>
    <message>
        <source>this MLflow database predates model version tags</source>
        <translation>diese MLflow-Datenbank ist älter als Tags für Modellversionen</translation>
    </message>
    <message>
        <source>the new version %1 cannot be read back</source>
        <translation>die neue Version %1 kann nicht zurückgelesen werden</translation>
    </message>
    <message>
        <source>this MLflow database predates aliases (MLflow 2.3); upgrade it with `mlflow db upgrade`</source>
        <translation>diese MLflow-Datenbank ist älter als Aliasse (MLflow 2.3); aktualisieren Sie sie mit `mlflow db upgrade`</translation>
    </message>
    <message>
        <source>registered model &apos;%1&apos; has no alias &apos;%2&apos;</source>
        <translation>das registrierte Modell &apos;%1&apos; hat keinen Alias &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the MLflow database was migrated to schema revision &apos;%1&apos; since it was opened (revision &apos;%2&apos;); nothing was changed</source>
        <translation>die MLflow-Datenbank wurde seit dem Öffnen auf die Schema-Revision &apos;%1&apos; migriert (Revision &apos;%2&apos;); nichts wurde geändert</translation>
    </message>
    <message>
        <source>this MLflow database predates LoggedModels (MLflow 3): &apos;%1&apos; cannot be registered</source>
        <translation>diese MLflow-Datenbank ist älter als LoggedModels (MLflow 3): &apos;%1&apos; kann nicht registriert werden</translation>
    </message>
    <message>
        <source>there is no LoggedModel &apos;%1&apos; (the source of the new version)</source>
        <translation>es gibt kein LoggedModel &apos;%1&apos; (die Quelle der neuen Version)</translation>
    </message>
</context>
<context>
    <name>MlflowRestSource</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the server sent &apos;%1&apos; instead of JSON</source>
        <translation>der Server hat &apos;%1&apos; statt JSON gesendet</translation>
    </message>
    <message>
        <source>the server sent malformed JSON (%1 bytes; the answer may have been cut short)</source>
        <translation>der Server hat fehlerhaftes JSON gesendet (%1 Bytes; die Antwort wurde möglicherweise abgeschnitten)</translation>
    </message>
    <message>
        <source>the server sent the same page token twice</source>
        <translation>der Server hat dasselbe Seiten-Token zweimal gesendet</translation>
    </message>
    <message>
        <source>an experiment without experiment_id was skipped</source>
        <translation>ein Experiment ohne experiment_id wurde übersprungen</translation>
    </message>
    <message>
        <source>a run without run_id was skipped</source>
        <translation>ein Lauf ohne run_id wurde übersprungen</translation>
    </message>
    <message>
        <source>a registered model without a name was skipped</source>
        <translation>ein registriertes Modell ohne Namen wurde übersprungen</translation>
    </message>
    <message>
        <source>model &apos;%1&apos; has a version that is not a positive number; skipped</source>
        <translation>Modell &apos;%1&apos; hat eine Version, die keine positive Zahl ist; übersprungen</translation>
    </message>
    <message>
        <source>not an MLflow tracking server: %1 answered %2 with &apos;%3&apos; instead of MLflow&apos;s JSON</source>
        <translation>kein MLflow-Tracking-Server: %1 hat auf %2 mit &apos;%3&apos; statt mit MLflows JSON geantwortet</translation>
    </message>
    <message>
        <source>the list of runs ended early</source>
        <translation>die Liste der Läufe endete vorzeitig</translation>
    </message>
    <message>
        <source>the server sent an ambiguous page token</source>
        <translation>der Server hat ein mehrdeutiges Seiten-Token gesendet</translation>
    </message>
    <message>
        <source>runs of another experiment arrived</source>
        <translation>Läufe eines anderen Experiments kamen an</translation>
    </message>
    <message>
        <source>a LoggedModel without model_id was skipped</source>
        <translation>ein LoggedModel ohne model_id wurde übersprungen</translation>
    </message>
    <message>
        <source>LoggedModel &apos;%1&apos; of experiment &apos;%2&apos;, which was not asked for, was skipped</source>
        <translation>LoggedModel &apos;%1&apos; von Experiment &apos;%2&apos;, nach dem nicht gefragt wurde, wurde übersprungen</translation>
    </message>
    <message>
        <source>prompt &apos;%1&apos; names version %2; only its versions up to %3 were read</source>
        <translation>Prompt &apos;%1&apos; nennt Version %2; nur seine Versionen bis %3 wurden gelesen</translation>
    </message>
    <message>
        <source>run %1 of experiment &apos;%2&apos;, which was not asked for, was skipped</source>
        <translation>Lauf %1 des nicht angefragten Experiments &apos;%2&apos; wurde übersprungen</translation>
    </message>
</context>
<context>
    <name>MlflowRestWriter</name>
    <message>
        <source>not an MLflow tracking server: %1 answered %2 with &apos;%3&apos; instead of MLflow&apos;s JSON</source>
        <translation>kein MLflow-Tracking-Server: %1 hat auf %2 mit &apos;%3&apos; statt mit MLflows JSON geantwortet</translation>
    </message>
    <message>
        <source>version %1 of model &apos;%2&apos; does not exist on the server at %3</source>
        <translation>Version %1 von Modell &apos;%2&apos; existiert auf dem Server unter %3 nicht</translation>
    </message>
    <message>
        <source>model &apos;%1&apos; does not exist on the server at %2</source>
        <translation>Modell &apos;%1&apos; existiert auf dem Server unter %2 nicht</translation>
    </message>
    <message>
        <source>the server answered with model &apos;%1&apos; when asked for &apos;%2&apos;</source>
        <translation>der Server hat auf die Anfrage nach Modell &apos;%2&apos; mit Modell &apos;%1&apos; geantwortet</translation>
    </message>
    <message>
        <source>the server sent the same page token twice</source>
        <translation>der Server hat dasselbe Seiten-Token zweimal gesendet</translation>
    </message>
    <message>
        <source>a new model version needs the model&apos;s name</source>
        <translation>eine neue Modellversion benötigt den Namen des Modells</translation>
    </message>
    <message>
        <source>a new version of model &apos;%1&apos; needs the location of the model&apos;s files</source>
        <translation>eine neue Version von Modell &apos;%1&apos; benötigt den Ort der Modelldateien</translation>
    </message>
    <message>
        <source>the server&apos;s answer to registering a version of model &apos;%1&apos; names no version of it</source>
        <translation>die Antwort des Servers auf die Registrierung einer Version von Modell &apos;%1&apos; nennt keine Version</translation>
    </message>
    <message>
        <source>model &apos;%1&apos; has no alias &apos;%2&apos; on the server at %3</source>
        <translation>Modell &apos;%1&apos; hat auf dem Server unter %3 keinen Alias &apos;%2&apos;</translation>
    </message>
</context>
<context>
    <name>MlflowYaml</name>
    <message>
        <source>the file is empty or not a YAML mapping</source>
        <translation>die Datei ist leer oder kein YAML-Mapping</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>kein gültiges YAML: %1</translation>
    </message>
    <message>
        <source>the file is missing</source>
        <translation>die Datei fehlt</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ModelFolderSidecar</name>
    <message>
        <source>not a valid ModelDesk registry file (%1: %2); its stages, tags and descriptions are ignored until it is fixed or removed</source>
        <translation>keine gültige Registerdatei von ModelDesk (%1: %2); die Stufen, Tags und Beschreibungen der Datei werden ignoriert, bis sie korrigiert oder entfernt wird</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>larger than 64 MB</source>
        <translation>größer als 64 MB</translation>
    </message>
    <message>
        <source>not valid JSON (%1); its stages, tags and descriptions are ignored until it is fixed or removed</source>
        <translation>kein gültiges JSON (%1); die Stufen, Tags und Beschreibungen der Datei werden ignoriert, bis sie korrigiert oder entfernt wird</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>missing or not a whole number above 0</source>
        <translation>fehlt oder ist keine ganze Zahl größer als 0</translation>
    </message>
    <message>
        <source>written by a newer ModelDesk (format %1; this one knows up to %2); its stages, tags and descriptions are ignored and it is not changed</source>
        <translation>von einem neueren ModelDesk geschrieben (Format %1; diese Version kennt Formate bis %2); die Stufen, Tags und Beschreibungen der Datei werden ignoriert und die Datei wird nicht verändert</translation>
    </message>
    <message>
        <source>the key is not a version number</source>
        <translation>der Schlüssel ist keine Versionsnummer</translation>
    </message>
    <message>
        <source>not a string</source>
        <translation>keine Zeichenkette</translation>
    </message>
    <message>
        <source>not a time in milliseconds</source>
        <translation>keine Zeitangabe in Millisekunden</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not None, Staging or Archived</source>
        <translation>&apos;%1&apos; ist nicht None, Staging oder Archived</translation>
    </message>
</context>
<context>
    <name>ModelFolderSource</name>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&apos;Current version&apos; is not a whole number above 0: &apos;%1&apos;</source>
        <translation>&apos;Current version&apos; ist keine ganze Zahl größer als 0: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;Best score&apos; is not a number: &apos;%1&apos;</source>
        <translation>&apos;Best score&apos; ist keine Zahl: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;Date created&apos; is not a date (YYYY-MM-DD): &apos;%1&apos;</source>
        <translation>&apos;Date created&apos; ist kein Datum (YYYY-MM-DD): &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown format: there is no &apos;Current version: N&apos; line; the current version is found by comparing model.pkl with the model_vN.pkl files</source>
        <translation>unbekanntes Format: keine Zeile &apos;Current version: N&apos; vorhanden; die aktuelle Version wird durch Vergleich von model.pkl mit den Dateien model_vN.pkl ermittelt</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>Ordner existiert nicht</translation>
    </message>
    <message>
        <source>not a model folder (this is a file)</source>
        <translation>kein Modellordner (dies ist eine Datei)</translation>
    </message>
    <message>
        <source>not a model folder: it holds no model.pkl, model_vN.pkl or version.txt</source>
        <translation>kein Modellordner: er enthält weder model.pkl noch model_vN.pkl noch version.txt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>a second file for version %1 (%2); ignored</source>
        <translation>eine zweite Datei für Version %1 (%2); ignoriert</translation>
    </message>
    <message>
        <source>&apos;Current version&apos; says %1, but model.pkl is model_v%2.pkl (a byte-for-byte copy); model.pkl is what is served, so version %2 is shown as current</source>
        <translation>&apos;Current version&apos; gibt %1 an, aber model.pkl ist model_v%2.pkl (eine byteidentische Kopie); ausgeliefert wird model.pkl, daher wird Version %2 als aktuell angezeigt</translation>
    </message>
    <message>
        <source>&apos;Current version&apos; says %1, but model.pkl is not a copy of model_v%1.pkl nor of any other saved version</source>
        <translation>&apos;Current version&apos; gibt %1 an, aber model.pkl ist weder eine Kopie von model_v%1.pkl noch von einer anderen gespeicherten Version</translation>
    </message>
    <message>
        <source>&apos;Current version&apos; is %1, but there is no model_v%1.pkl; model.pkl equals model_v%2.pkl</source>
        <translation>&apos;Current version&apos; ist %1, aber es gibt keine model_v%1.pkl; model.pkl ist identisch mit model_v%2.pkl</translation>
    </message>
    <message>
        <source>&apos;Current version&apos; is %1, but there is neither model_v%1.pkl nor model.pkl</source>
        <translation>&apos;Current version&apos; ist %1, aber es gibt weder model_v%1.pkl noch model.pkl</translation>
    </message>
    <message>
        <source>Model folder %1</source>
        <translation>Modellordner %1</translation>
    </message>
</context>
<context>
    <name>ModelFolderWriter</name>
    <message>
        <source>another ModelDesk is writing to this model folder; try again in a moment</source>
        <translation>ein anderes ModelDesk schreibt gerade in diesen Modellordner; versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>the model folder is not writable</source>
        <translation>der Modellordner ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>cannot create the lock file</source>
        <translation>die Sperrdatei kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>ModelDesk&apos;s registry file of this folder cannot be used, so nothing was changed: %1</source>
        <translation>die Registerdatei von ModelDesk in diesem Ordner kann nicht verwendet werden, daher wurde nichts geändert: %1</translation>
    </message>
    <message>
        <source>the model folder delivered no model</source>
        <translation>der Modellordner hat kein Modell geliefert</translation>
    </message>
    <message>
        <source>this model folder holds the model &apos;%1&apos;, not &apos;%2&apos;</source>
        <translation>dieser Modellordner enthält das Modell &apos;%1&apos;, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>cannot read the file</source>
        <translation>die Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>no such model file</source>
        <translation>Modelldatei existiert nicht</translation>
    </message>
    <message>
        <source>not a model file (a model folder takes one file)</source>
        <translation>keine Modelldatei (ein Modellordner nimmt nur eine einzelne Datei auf)</translation>
    </message>
    <message>
        <source>a tag needs a name</source>
        <translation>ein Tag braucht einen Namen</translation>
    </message>
    <message>
        <source>the tag &apos;%1&apos; is computed from the folder&apos;s files and cannot be set</source>
        <translation>das Tag &apos;%1&apos; wird aus den Dateien des Ordners berechnet und kann nicht gesetzt werden</translation>
    </message>
    <message>
        <source>the file appeared while registering; try again</source>
        <translation>die Datei ist während des Registrierens aufgetaucht; versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the new version is not there after writing it</source>
        <translation>die neue Version ist nach dem Schreiben nicht vorhanden</translation>
    </message>
    <message>
        <source>there is no version %1 (no %2)</source>
        <translation>es gibt keine Version %1 (%2 fehlt)</translation>
    </message>
    <message>
        <source>version %1 is the current model (model.pkl): promote another version to Production first</source>
        <translation>Version %1 ist das aktuelle Modell (model.pkl): stufen Sie zuerst eine andere Version nach Production hoch</translation>
    </message>
    <message>
        <source>a model folder has no aliases</source>
        <translation>ein Modellordner kennt keine Aliasse</translation>
    </message>
    <message>
        <source>the tag &apos;%1&apos; is computed from the folder&apos;s files and cannot be removed</source>
        <translation>das Tag &apos;%1&apos; wird aus den Dateien des Ordners berechnet und kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>The registered models of the selected source, with their number of versions</source>
        <translation>Die registrierten Modelle der gewählten Quelle mit ihrer Anzahl an Versionen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>The versions of the selected model; click a header to sort</source>
        <translation>Die Versionen des gewählten Modells; zum Sortieren auf eine Spaltenüberschrift klicken</translation>
    </message>
</context>
<context>
    <name>OpenSourceDialog</name>
    <message>
        <source>Open Source</source>
        <translation>Quelle öffnen</translation>
    </message>
    <message>
        <source>Choose &amp;Folder…</source>
        <translation>&amp;Ordner wählen …</translation>
    </message>
    <message>
        <source>Choose an mlruns folder or a model folder</source>
        <translation>Einen mlruns-Ordner oder einen Modellordner wählen</translation>
    </message>
    <message>
        <source>Choose &amp;Database…</source>
        <translation>&amp;Datenbank wählen …</translation>
    </message>
    <message>
        <source>Choose an MLflow SQLite database (.db)</source>
        <translation>Eine MLflow-SQLite-Datenbank (.db) wählen</translation>
    </message>
    <message>
        <source>Connect to your MLflow tracking server, or open an MLflow store on this computer.</source>
        <translation>Verbinden Sie sich mit Ihrem MLflow-Tracking-Server oder öffnen Sie einen MLflow-Speicher auf diesem Computer.</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>MLflow tracking server, e.g. http://localhost:5000</source>
        <translation>MLflow-Tracking-Server, z. B. http://localhost:5000</translation>
    </message>
    <message>
        <source>The address of an MLflow tracking server (http:// or https://). A store on this computer works too: file:///path/mlruns, sqlite:///path/mlflow.db, folder:///path/artifacts/training or a plain path.</source>
        <translation>Die Adresse eines MLflow-Tracking-Servers (http:// oder https://). Ein Speicher auf diesem Computer geht auch: file:///pfad/mlruns, sqlite:///pfad/mlflow.db, folder:///pfad/artifacts/training oder ein einfacher Pfad.</translation>
    </message>
    <message>
        <source>&amp;Recent sources:</source>
        <translation>&amp;Zuletzt geöffnete Quellen:</translation>
    </message>
    <message>
        <source>Sources opened before. Double-click one, or select it and press Enter, to open it again.</source>
        <translation>Bereits geöffnete Quellen. Doppelklicken Sie auf eine oder wählen Sie sie aus und drücken Sie Eingabe, um sie erneut zu öffnen.</translation>
    </message>
    <message>
        <source>On this computer: an MLflow file store (mlruns folder), an MLflow SQLite database (mlflow.db) or a model folder.</source>
        <translation>Auf diesem Computer: ein MLflow-Dateispeicher (Ordner mlruns), eine MLflow-SQLite-Datenbank (mlflow.db) oder ein Modellordner.</translation>
    </message>
</context>
<context>
    <name>Policies</name>
    <message>
        <source>must be %1</source>
        <translation>muss %1 sein</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a non-empty string</source>
        <translation>eine nicht leere Zeichenkette</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a non-empty list of strings</source>
        <translation>eine nicht leere Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>an http:// or https:// URL</source>
        <translation>eine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>a number of seconds between 0 and 3600</source>
        <translation>eine Anzahl Sekunden zwischen 0 und 3600</translation>
    </message>
    <message>
        <source>unknown setting</source>
        <translation>unbekannte Einstellung</translation>
    </message>
    <message>
        <source>needs a &quot;command&quot; or a &quot;url&quot;</source>
        <translation>benötigt &quot;command&quot; oder &quot;url&quot;</translation>
    </message>
    <message>
        <source>cannot read the policy file: %1</source>
        <translation>die Richtliniendatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>unknown setting (expected &quot;defaults&quot; or &quot;models&quot;)</source>
        <translation>unbekannte Einstellung (erwartet: &quot;defaults&quot; oder &quot;models&quot;)</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
</context>
<context>
    <name>RegistryRules</name>
    <message>
        <source>the registered model name cannot be empty</source>
        <translation>der Name des registrierten Modells darf nicht leer sein</translation>
    </message>
    <message>
        <source>invalid tag name &apos;%1&apos;: names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ) and slashes (/)</source>
        <translation>ungültiger Tag-Name &apos;%1&apos;: Namen dürfen nur Buchstaben, Ziffern, Unterstriche (_), Bindestriche (-), Punkte (.), Leerzeichen ( ) und Schrägstriche (/) enthalten</translation>
    </message>
    <message>
        <source>invalid tag name &apos;%1&apos;: it would resolve to the path &apos;%2&apos;</source>
        <translation>ungültiger Tag-Name &apos;%1&apos;: er würde zum Pfad &apos;%2&apos; aufgelöst</translation>
    </message>
    <message>
        <source>the tag name has %1 characters, more than the limit of 250</source>
        <translation>der Tag-Name hat %1 Zeichen, mehr als die Grenze von 250</translation>
    </message>
    <message>
        <source>the tag value has %1 characters, more than the limit of 5000</source>
        <translation>der Tag-Wert hat %1 Zeichen, mehr als die Grenze von 5000</translation>
    </message>
    <message>
        <source>the alias cannot be empty</source>
        <translation>der Alias darf nicht leer sein</translation>
    </message>
    <message>
        <source>invalid alias &apos;%1&apos;: names may only contain alphanumerics, underscores (_) and dashes (-)</source>
        <translation>ungültiger Alias &apos;%1&apos;: Namen dürfen nur Buchstaben, Ziffern, Unterstriche (_) und Bindestriche (-) enthalten</translation>
    </message>
    <message>
        <source>the alias has %1 characters, more than the limit of 255</source>
        <translation>der Alias hat %1 Zeichen, mehr als die Grenze von 255</translation>
    </message>
    <message>
        <source>the alias &apos;latest&apos; (in any case) is reserved</source>
        <translation>der Alias &apos;latest&apos; ist (in jeder Groß-/Kleinschreibung) reserviert</translation>
    </message>
    <message>
        <source>the version alias &apos;%1&apos; is reserved</source>
        <translation>der Versionsalias &apos;%1&apos; ist reserviert</translation>
    </message>
    <message>
        <source>invalid stage &apos;%1&apos;: it must be one of None, Staging, Production, Archived</source>
        <translation>ungültige Stufe &apos;%1&apos;: erlaubt sind None, Staging, Production und Archived</translation>
    </message>
    <message>
        <source>existing versions can only be archived when moving to Staging or Production, not %1</source>
        <translation>vorhandene Versionen können nur beim Verschieben nach Staging oder Production archiviert werden, nicht bei %1</translation>
    </message>
    <message>
        <source>cannot resolve the model URI &apos;%1&apos;: only models:/&lt;name&gt;/&lt;version&gt; can be registered from the registry</source>
        <translation>die Modell-URI &apos;%1&apos; kann nicht aufgelöst werden: aus dem Modellregister lässt sich nur models:/&lt;name&gt;/&lt;version&gt; registrieren</translation>
    </message>
</context>
<context>
    <name>ReviewState</name>
    <message>
        <source>alias %1</source>
        <translation>Alias %1</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Freigegeben von %1</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Rejected by %1</source>
        <translation>Abgelehnt von %1</translation>
    </message>
    <message>
        <source>Review requested by %1</source>
        <translation>Review angefordert von %1</translation>
    </message>
    <message>
        <source>In review, moved by another tool</source>
        <translation>Im Review, von einem anderen Werkzeug verschoben</translation>
    </message>
    <message>
        <source>unknown — moved by another tool</source>
        <translation>unbekannt — von einem anderen Werkzeug verschoben</translation>
    </message>
    <message>
        <source>a sync saw it move to %1 before %2</source>
        <translation>beim Synchronisieren bemerkt: vor %2 nach %1 verschoben</translation>
    </message>
    <message>
        <source>a sync saw it move to %1 between %2 and %3</source>
        <translation>beim Synchronisieren bemerkt: zwischen %2 und %3 nach %1 verschoben</translation>
    </message>
    <message>
        <source>%1 by %2 on %3</source>
        <translation>%1 von %2 am %3</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>(from this desktop&apos;s journal: the source holds no decision tags)</source>
        <translation>(aus dem Journal dieses Desktops: die Quelle enthält keine Entscheidungs-Tags)</translation>
    </message>
    <message>
        <source>Review requested by %1 on %2</source>
        <translation>Review angefordert von %1 am %2</translation>
    </message>
    <message>
        <source>Requested by: %1</source>
        <translation>Angefordert von: %1</translation>
    </message>
    <message>
        <source>Requested by: %1; %2</source>
        <translation>Angefordert von: %1; %2</translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
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
        <source>%1 (baseline)</source>
        <translation>%1 (Basis)</translation>
    </message>
</context>
<context>
    <name>RunsPage</name>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Filter the runs with MLflow&apos;s search syntax, then press Enter. Examples:
metrics.val_r2_score &gt; 0.85
params.model_type = &apos;xgboost&apos; and attributes.status = &apos;FINISHED&apos;
tags.mlflow.runName LIKE &apos;XGB%&apos;</source>
        <translation>Läufe mit MLflows Suchsyntax filtern, dann Eingabe drücken. Beispiele:
metrics.val_r2_score &gt; 0.85
params.model_type = &apos;xgboost&apos; and attributes.status = &apos;FINISHED&apos;
tags.mlflow.runName LIKE &apos;XGB%&apos;</translation>
    </message>
    <message>
        <source>Filter runs, e.g. metrics.val_r2_score &gt; 0.85 and params.max_depth = &apos;5&apos;   (Enter to apply)</source>
        <translation>Läufe filtern, z. B. metrics.val_r2_score &gt; 0.85 and params.max_depth = &apos;5&apos;   (Eingabe zum Anwenden)</translation>
    </message>
</context>
<context>
    <name>SearchFilter</name>
    <message>
        <source>the end of the filter</source>
        <translation>das Ende des Filters</translation>
    </message>
    <message>
        <source>the end of the sort clause</source>
        <translation>das Ende der Sortierklausel</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <source>expected a closing %1 for the quote at column %2, found the end of the text</source>
        <translation>schließendes %1 für das Anführungszeichen in Spalte %2 erwartet, aber das Ende des Textes gefunden</translation>
    </message>
    <message>
        <source>a key such as metrics.rmse, params.lr or attributes.status</source>
        <translation>einen Schlüssel wie metrics.rmse, params.lr oder attributes.status</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>%1 erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>expected an identifier such as metrics.rmse or an attribute (%1), found %2</source>
        <translation>einen Bezeichner wie metrics.rmse oder ein Attribut (%1) erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>expected metrics., params., tags., attributes. or datasets. before the key, found %1</source>
        <translation>metrics., params., tags., attributes. oder datasets. vor dem Schlüssel erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>expected a key after %1, found an empty key</source>
        <translation>einen Schlüssel nach %1 erwartet, aber einen leeren Schlüssel gefunden</translation>
    </message>
    <message>
        <source>expected a key after %1, found %2</source>
        <translation>einen Schlüssel nach %1 erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>expected an attribute (%1), found %2</source>
        <translation>ein Attribut (%1) erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>expected a dataset field (name, digest or context), found %1</source>
        <translation>ein Datensatzfeld (name, digest oder context) erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>an operator (=, !=, &lt;, &lt;=, &gt;, &gt;=, LIKE, ILIKE, IN, NOT IN, IS NULL)</source>
        <translation>einen Operator (=, !=, &lt;, &lt;=, &gt;, &gt;=, LIKE, ILIKE, IN, NOT IN, IS NULL)</translation>
    </message>
    <message>
        <source>expected IN after NOT, found %1</source>
        <translation>IN nach NOT erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>expected NULL after IS NOT, found %1</source>
        <translation>NULL nach IS NOT erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>expected NULL or NOT NULL after IS, found %1</source>
        <translation>NULL oder NOT NULL nach IS erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>%1 can only be used with params and tags, found it after %2</source>
        <translation>%1 kann nur mit params und tags verwendet werden, steht aber nach %2</translation>
    </message>
    <message>
        <source>expected =, !=, &lt;, &lt;=, &gt; or &gt;= after %1 (a metric), found %2</source>
        <translation>=, !=, &lt;, &lt;=, &gt; oder &gt;= nach %1 (eine Metrik) erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>expected =, !=, LIKE, ILIKE, IS NULL or IS NOT NULL after %1, found %2</source>
        <translation>=, !=, LIKE, ILIKE, IS NULL oder IS NOT NULL nach %1 erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>expected =, !=, &lt;, &lt;=, &gt; or &gt;= after %1 (a time), found %2</source>
        <translation>=, !=, &lt;, &lt;=, &gt; oder &gt;= nach %1 (eine Zeitangabe) erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>only attributes.run_id can be compared with a list (IN, NOT IN), found %1 after %2</source>
        <translation>nur attributes.run_id kann mit einer Liste verglichen werden (IN, NOT IN), aber %1 nach %2 gefunden</translation>
    </message>
    <message>
        <source>expected =, !=, LIKE, ILIKE, IN or NOT IN after %1, found %2</source>
        <translation>=, !=, LIKE, ILIKE, IN oder NOT IN nach %1 erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>expected a list of quoted values such as (&apos;a&apos;, &apos;b&apos;), found %1</source>
        <translation>eine Liste von Werten in Anführungszeichen wie (&apos;a&apos;, &apos;b&apos;) erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>expected a quoted value in the list, found %1</source>
        <translation>einen Wert in Anführungszeichen in der Liste erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;)&apos; in the list, found %1</source>
        <translation>&apos;,&apos; oder &apos;)&apos; in der Liste erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a whole number of milliseconds since 1970</source>
        <translation>eine ganze Zahl von Millisekunden seit 1970</translation>
    </message>
    <message>
        <source>a &apos;single&apos; or &quot;double&quot; quoted string</source>
        <translation>eine Zeichenkette in &apos;einfachen&apos; oder &quot;doppelten&quot; Anführungszeichen</translation>
    </message>
    <message>
        <source>expected %1 after %2, found the string %3</source>
        <translation>%1 nach %2 erwartet, aber die Zeichenkette %3 gefunden</translation>
    </message>
    <message>
        <source>expected %1 after %2, found %3</source>
        <translation>%1 nach %2 erwartet, aber %3 gefunden</translation>
    </message>
    <message>
        <source>expected %1 after %2, found the number %3</source>
        <translation>%1 nach %2 erwartet, aber die Zahl %3 gefunden</translation>
    </message>
    <message>
        <source>expected a number that fits a double after %1, found %2</source>
        <translation>eine als double darstellbare Zahl nach %1 erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>expected AND or the end of the filter, found &apos;;&apos; (a filter is one expression; combine conditions with AND)</source>
        <translation>AND oder das Ende des Filters erwartet, aber &apos;;&apos; gefunden (ein Filter ist ein einziger Ausdruck; verknüpfen Sie Bedingungen mit AND)</translation>
    </message>
    <message>
        <source>expected AND or the end of the filter, found OR (MLflow filters can only combine conditions with AND)</source>
        <translation>AND oder das Ende des Filters erwartet, aber OR gefunden (MLflow-Filter können Bedingungen nur mit AND verknüpfen)</translation>
    </message>
    <message>
        <source>expected AND or the end of the filter, found %1</source>
        <translation>AND oder das Ende des Filters erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>expected a condition after AND, found the end of the filter</source>
        <translation>eine Bedingung nach AND erwartet, aber das Ende des Filters gefunden</translation>
    </message>
    <message>
        <source>expected a metric, param, tag or attribute to sort by, found %1 (runs cannot be sorted by datasets)</source>
        <translation>eine Metrik, einen Parameter, ein Tag oder ein Attribut zum Sortieren erwartet, aber %1 gefunden (Läufe können nicht nach Datensätzen sortiert werden)</translation>
    </message>
    <message>
        <source>expected ASC, DESC or the end of the sort clause, found %1</source>
        <translation>ASC, DESC oder das Ende der Sortierklausel erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>expected the end of the sort clause, found %1</source>
        <translation>das Ende der Sortierklausel erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>expected each key once in the sort order, found %1 a second time</source>
        <translation>jeden Schlüssel nur einmal in der Sortierreihenfolge erwartet, aber %1 ein zweites Mal gefunden</translation>
    </message>
    <message>
        <source>this experiment</source>
        <translation>diesem Experiment</translation>
    </message>
    <message>
        <source>these experiments</source>
        <translation>diesen Experimenten</translation>
    </message>
    <message>
        <source>this source</source>
        <translation>dieser Quelle</translation>
    </message>
    <message>
        <source>the cache</source>
        <translation>dem Cache</translation>
    </message>
    <message>
        <source>no run in %1 has metric &apos;%2&apos;</source>
        <translation>kein Lauf in %1 hat die Metrik &apos;%2&apos;</translation>
    </message>
    <message>
        <source>no run in %1 has param &apos;%2&apos;</source>
        <translation>kein Lauf in %1 hat den Parameter &apos;%2&apos;</translation>
    </message>
    <message>
        <source>no run in %1 has tag &apos;%2&apos;</source>
        <translation>kein Lauf in %1 hat das Tag &apos;%2&apos;</translation>
    </message>
    <message>
        <source>no run in %1 has %2</source>
        <translation>kein Lauf in %1 hat %2</translation>
    </message>
    <message>
        <source>%1 — did you mean &apos;%2&apos;?</source>
        <translation>%1 — meinten Sie &apos;%2&apos;?</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign In to the Tracking Server</source>
        <translation>Beim Tracking-Server anmelden</translation>
    </message>
    <message>
        <source>&amp;Access token</source>
        <translation>&amp;Zugriffstoken</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>&amp;User name and password</source>
        <translation>&amp;Benutzername und Passwort</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems &amp;merken</translation>
    </message>
</context>
<context>
    <name>SinkRelay</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>reading failed: %1</source>
        <translation>Lesen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>reading failed</source>
        <translation>Lesen fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner existiert nicht</translation>
    </message>
    <message>
        <source>not an MLflow database (not an SQLite file)</source>
        <translation>keine MLflow-Datenbank (keine SQLite-Datei)</translation>
    </message>
    <message>
        <source>not an MLflow store: expected an mlruns/ file store, an mlflow.db or a model folder (model.pkl, model_vN.pkl, version.txt)</source>
        <translation>kein MLflow-Speicher: erwartet wird ein mlruns/-Dateispeicher, eine mlflow.db oder ein Modellordner (model.pkl, model_vN.pkl, version.txt)</translation>
    </message>
    <message>
        <source>no source given</source>
        <translation>keine Quelle angegeben</translation>
    </message>
    <message>
        <source>no such database file</source>
        <translation>Datenbankdatei existiert nicht</translation>
    </message>
    <message>
        <source>cannot read a local path from this URI</source>
        <translation>aus dieser URI kann kein lokaler Pfad gelesen werden</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>Ordner existiert nicht</translation>
    </message>
    <message>
        <source>unknown source scheme &apos;%1&apos; (expected file://, sqlite://, folder:// or a path)</source>
        <translation>unbekanntes Quellschema &apos;%1&apos; (erwartet: file://, sqlite://, folder:// oder ein Pfad)</translation>
    </message>
    <message>
        <source>not a valid server URL</source>
        <translation>keine gültige Server-URL</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
</context>
<context>
    <name>VersionDetails</name>
    <message>
        <source>%1 rows × %2 columns</source>
        <translation>%1 Zeilen × %2 Spalten</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation>%1 Spalten</translation>
    </message>
    <message>
        <source>no such version in the cache</source>
        <translation>diese Version ist nicht im Cache</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>Artifacts not read yet.</source>
        <translation>Artefakte noch nicht gelesen.</translation>
    </message>
    <message>
        <source>Reading the artifacts…</source>
        <translation>Artefakte werden gelesen …</translation>
    </message>
    <message>
        <source>Reading the artifacts was cancelled.</source>
        <translation>Das Lesen der Artefakte wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot read the artifacts: %1</source>
        <translation>Die Artefakte können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Flavor</source>
        <translation>Flavor</translation>
    </message>
    <message>
        <source>Loader</source>
        <translation>Lademodul</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>%1 flavor</source>
        <translation>Flavor %1</translation>
    </message>
    <message>
        <source>MLflow</source>
        <translation>MLflow</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>the source run&apos;s user</source>
        <translation>Benutzer des Quelllaufs</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>This version names no run, so no dataset inputs.</source>
        <translation>Diese Version nennt keinen Lauf, daher gibt es keine Datensatz-Eingaben.</translation>
    </message>
    <message>
        <source>The source run %1 is not in the cache.</source>
        <translation>Der Quelllauf %1 ist nicht im Cache.</translation>
    </message>
    <message>
        <source>digest %1</source>
        <translation>digest %1</translation>
    </message>
    <message>
        <source>context %1</source>
        <translation>context %1</translation>
    </message>
    <message>
        <source>(unnamed dataset)</source>
        <translation>(unbenannter Datensatz)</translation>
    </message>
    <message>
        <source>The run logged no dataset inputs.</source>
        <translation>Der Lauf hat keine Datensatz-Eingaben protokolliert.</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Modellgüte</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>Bester Score</translation>
    </message>
    <message>
        <source>from version.txt</source>
        <translation>aus version.txt</translation>
    </message>
    <message>
        <source>The run logged no metrics.</source>
        <translation>Der Lauf hat keine Metriken protokolliert.</translation>
    </message>
    <message>
        <source>This version names no run, so no metrics.</source>
        <translation>Diese Version nennt keinen Lauf, daher gibt es keine Metriken.</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>Hyperparameter</translation>
    </message>
    <message>
        <source>This version names no run, so no params.</source>
        <translation>Diese Version nennt keinen Lauf, daher gibt es keine Parameter.</translation>
    </message>
    <message>
        <source>The run logged no params.</source>
        <translation>Der Lauf hat keine Parameter protokolliert.</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>Abhängigkeiten</translation>
    </message>
    <message>
        <source>(pip option)</source>
        <translation>(pip-Option)</translation>
    </message>
    <message>
        <source>any version</source>
        <translation>beliebige Version</translation>
    </message>
    <message>
        <source>No MLmodel, requirements.txt, conda.yaml or python_env.yaml among the artifacts.</source>
        <translation>Weder MLmodel noch requirements.txt, conda.yaml oder python_env.yaml unter den Artefakten.</translation>
    </message>
    <message>
        <source>No requirements.txt, conda.yaml or python_env.yaml beside %1.</source>
        <translation>Weder requirements.txt noch conda.yaml oder python_env.yaml neben %1.</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>sha256 %1</source>
        <translation>sha256 %1</translation>
    </message>
    <message>
        <source>No artifacts in %1.</source>
        <translation>Keine Artefakte in %1.</translation>
    </message>
    <message>
        <source>Read from %1</source>
        <translation>Gelesen aus %1</translation>
    </message>
    <message>
        <source>- %1: %2</source>
        <translation>- %1: %2</translation>
    </message>
    <message>
        <source>- %1: %2 (%3)</source>
        <translation>- %1: %2 (%3)</translation>
    </message>
    <message>
        <source>! %1</source>
        <translation>! %1</translation>
    </message>
    <message>
        <source>Logged model</source>
        <translation>Geloggtes Modell</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>MLflow 3 LoggedModel, %1; files at %2</source>
        <translation>LoggedModel von MLflow 3, %1; Dateien unter %2</translation>
    </message>
    <message>
        <source>not in the cache: sync the source to read it</source>
        <translation>nicht im Cache: die Quelle synchronisieren, um es zu lesen</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>dataset %1, digest %2 · step %3</source>
        <translation>Datensatz %1, digest %2 · Schritt %3</translation>
    </message>
    <message>
        <source>dataset %1, digest %2, context %3 · step %4</source>
        <translation>Datensatz %1, digest %2, context %3 · Schritt %4</translation>
    </message>
    <message>
        <source>of the logged model</source>
        <translation>des geloggten Modells</translation>
    </message>
    <message>
        <source>A prompt has no model files: its content is its template.</source>
        <translation>Ein Prompt hat keine Modelldateien: sein Inhalt ist seine Vorlage.</translation>
    </message>
    <message>
        <source>This version has no model files.</source>
        <translation>Diese Version hat keine Modelldateien.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>MLflow&apos;s prompt registry: not a model, never promoted or rolled back</source>
        <translation>aus MLflows Prompt-Registry: kein Modell, wird nie befördert oder zurückgerollt</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Prompts are not reviewed.</source>
        <translation>Prompts werden nicht geprüft.</translation>
    </message>
    <message>
        <source>No review asked for or decided.</source>
        <translation>Kein Review angefordert oder entschieden.</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefordert von</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Noch nicht entschieden</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>from this desktop&apos;s journal: the source holds no decision tags</source>
        <translation>aus dem Journal dieses Desktops: die Quelle enthält keine Entscheidungs-Tags</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Am</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>in the approver&apos;s journal, on %1&apos;s desktop: this desktop did not record the decision</source>
        <translation>im Journal auf dem Desktop von %1: dieser Desktop hat die Entscheidung nicht erfasst</translation>
    </message>
    <message>
        <source>the approver</source>
        <translation>der entscheidenden Person</translation>
    </message>
    <message>
        <source>Compared on</source>
        <translation>Verglichen auf</translation>
    </message>
    <message>
        <source>%1 (digest %2)</source>
        <translation>%1 (digest %2)</translation>
    </message>
    <message>
        <source>Candidate v%1</source>
        <translation>Kandidat v%1</translation>
    </message>
    <message>
        <source>Production v%1</source>
        <translation>Production v%1</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 A/B share</source>
        <translation>A/B-Anteil von %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>Evaluation run %1</source>
        <translation>Evaluierungslauf %1</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>No MLmodel among the artifacts, so no signature.</source>
        <translation>Kein MLmodel unter den Artefakten, daher keine Signatur.</translation>
    </message>
    <message>
        <source>%1 records no signature (inputs and outputs).</source>
        <translation>%1 verzeichnet keine Signatur (Ein- und Ausgaben).</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>input, optional</source>
        <translation>Eingabe, optional</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>parameter, default %1</source>
        <translation>Parameter, Vorgabe %1</translation>
    </message>
    <message>
        <source>(unnamed %1)</source>
        <translation>(unbenannt: %1)</translation>
    </message>
    <message>
        <source>The signature in %1 lists no inputs or outputs.</source>
        <translation>Die Signatur in %1 nennt keine Ein- oder Ausgaben.</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>A prompt has no training data.</source>
        <translation>Ein Prompt hat keine Trainingsdaten.</translation>
    </message>
    <message>
        <source>A prompt has no metrics.</source>
        <translation>Ein Prompt hat keine Metriken.</translation>
    </message>
    <message>
        <source>A prompt has no params.</source>
        <translation>Ein Prompt hat keine Parameter.</translation>
    </message>
</context>
<context>
    <name>VersionDiff</name>
    <message>
        <source># %1 → %2</source>
        <translation># %1 → %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <source>+ %1: %2</source>
        <translation>+ %1: %2</translation>
    </message>
    <message>
        <source>− %1: %2</source>
        <translation>− %1: %2</translation>
    </message>
    <message>
        <source>≠ %1: %2 (%3 → %4)</source>
        <translation>≠ %1: %2 (%3 → %4)</translation>
    </message>
    <message>
        <source>≠ %1: %2 → %3</source>
        <translation>≠ %1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>md::ChartsPage</name>
    <message>
        <source>&amp;Reset View</source>
        <translation>Ansicht &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Fit the chart to the data again (Ctrl+0)</source>
        <translation>Das Diagramm wieder an die Daten anpassen (Strg+0)</translation>
    </message>
    <message>
        <source>PNG Image…</source>
        <translation>PNG-Bild…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG Drawing…</source>
        <translation>SVG-Zeichnung…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>PDF Document…</source>
        <translation>PDF-Dokument…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing to chart yet.

On the Runs tab, select two or more runs and press Compare Selected (Ctrl+Return): their metrics show here.</source>
        <translation>Noch nichts darzustellen.

Wählen Sie im Reiter „Läufe“ zwei oder mehr Läufe aus und drücken Sie „Auswahl vergleichen“ (Strg+Eingabe): Ihre Metriken erscheinen hier.</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n compared runs logged a metric.</source>
        <translation>
            <numerusform>Der verglichene Lauf hat keine Metrik protokolliert.</numerusform>
            <numerusform>Keiner der %n verglichenen Läufe hat eine Metrik protokolliert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message numerus="yes">
        <source>Charts of %n runs</source>
        <translation>
            <numerusform>Diagramme eines Laufs</numerusform>
            <numerusform>Diagramme von %n Läufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading histories of %1…</source>
        <translation>Verläufe von %1 werden geladen…</translation>
    </message>
    <message>
        <source>The histories could not be loaded: %1</source>
        <translation>Die Verläufe konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The chart could not be saved.</source>
        <translation>Das Diagramm konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>None of the compared runs logged a param.</source>
        <translation>Keiner der verglichenen Läufe hat einen Parameter protokolliert.</translation>
    </message>
    <message>
        <source>1 run without params.%1 is not shown</source>
        <translation>1 Lauf ohne params.%1 wird nicht angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n runs without params.%1 are not shown</source>
        <translation>
            <numerusform>1 Lauf ohne params.%1 wird nicht angezeigt</numerusform>
            <numerusform>%n Läufe ohne params.%1 werden nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>1 run without %1 is not shown</source>
        <translation>1 Lauf ohne %1 wird nicht angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n runs without %1 are not shown</source>
        <translation>
            <numerusform>1 Lauf ohne %1 wird nicht angezeigt</numerusform>
            <numerusform>%n Läufe ohne %1 werden nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear &amp;Brushes</source>
        <translation>&amp;Bereiche aufheben</translation>
    </message>
    <message>
        <source>Show every line again (Esc on the chart)</source>
        <translation>Alle Linien wieder zeigen (Esc im Diagramm)</translation>
    </message>
    <message>
        <source>%1 of %2 runs inside the brushed ranges (Esc shows all)</source>
        <translation>%1 von %2 Läufen in den markierten Bereichen (Esc zeigt alle)</translation>
    </message>
    <message>
        <source>1 run without a value on some axis (marker below the axis)</source>
        <translation>1 Lauf ohne Wert auf einer Achse (Markierung unter der Achse)</translation>
    </message>
    <message numerus="yes">
        <source>%n runs without a value on some axis (markers below the axes)</source>
        <translation>
            <numerusform>%n Lauf ohne Wert auf einer Achse (Markierung unter der Achse)</numerusform>
            <numerusform>%n Läufe ohne Wert auf einer Achse (Markierungen unter den Achsen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Axes of the Parallel Coordinates</source>
        <translation>Achsen der parallelen Koordinaten</translation>
    </message>
    <message>
        <source>Tick the params and metrics to show, drag them (or use the buttons) into the order of the axes from left to right. Lines are coloured by the last axis.</source>
        <translation>Die zu zeigenden Parameter und Metriken ankreuzen und in die Reihenfolge der Achsen von links nach rechts ziehen (oder die Schaltflächen nutzen). Die Linien werden nach der letzten Achse gefärbt.</translation>
    </message>
    <message>
        <source>%1 (param)</source>
        <translation>%1 (Parameter)</translation>
    </message>
    <message>
        <source>%1 (metric)</source>
        <translation>%1 (Metrik)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>De&amp;faults</source>
        <translation>&amp;Standard</translation>
    </message>
    <message>
        <source>The params whose values differ between the runs, then the chosen metric</source>
        <translation>Die Parameter, deren Werte sich zwischen den Läufen unterscheiden, dann die gewählte Metrik</translation>
    </message>
</context>
<context>
    <name>md::ComparisonModel</name>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Param</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Höher ist besser</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Niedriger ist besser</translation>
    </message>
    <message>
        <source>No direction</source>
        <translation>Keine Richtung</translation>
    </message>
    <message>
        <source>%1
%2 (%3)
Right-click to change.</source>
        <translation>%1
%2 (%3)
Zum Ändern rechts klicken.</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>Ihre Wahl</translation>
    </message>
    <message>
        <source>from the name</source>
        <translation>aus dem Namen</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1 (Basis)</translation>
    </message>
    <message>
        <source>%1
Run ID: %2</source>
        <translation>%1
Lauf-ID: %2</translation>
    </message>
    <message>
        <source>%1 has no %2.</source>
        <translation>%1 hat kein %2.</translation>
    </message>
    <message>
        <source>%1 (step %2)</source>
        <translation>%1 (Schritt %2)</translation>
    </message>
    <message>
        <source>This is the baseline run.</source>
        <translation>Dies ist der Basislauf.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>better than the baseline</source>
        <translation>besser als die Basis</translation>
    </message>
    <message>
        <source>worse than the baseline</source>
        <translation>schlechter als die Basis</translation>
    </message>
    <message>
        <source>Change from the baseline: %1</source>
        <translation>Änderung gegenüber der Basis: %1</translation>
    </message>
    <message>
        <source>Change from the baseline: %1, %2</source>
        <translation>Änderung gegenüber der Basis: %1, %2</translation>
    </message>
    <message>
        <source>Best value of this row (%1).</source>
        <translation>Bester Wert dieser Zeile (%1).</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>md::ComparisonPage</name>
    <message>
        <source>Click to sort (a third click restores the order); right-click a metric to set its direction</source>
        <translation>Zum Sortieren klicken (ein dritter Klick stellt die Reihenfolge wieder her); Rechtsklick auf eine Metrik legt ihre Richtung fest</translation>
    </message>
    <message>
        <source>Nothing to compare yet.

On the Runs tab, select two or more runs (Ctrl+click, Shift+click) and press Compare Selected (Ctrl+Return).</source>
        <translation>Noch nichts zu vergleichen.

Wählen Sie auf dem Reiter „Läufe“ zwei oder mehr Läufe aus (Strg+Klick, Umschalt+Klick) und wählen Sie „Auswahl vergleichen“ (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the comparison as shown, tab-separated, for a spreadsheet (Ctrl+C)</source>
        <translation>Den Vergleich wie angezeigt tabulatorgetrennt für eine Tabellenkalkulation kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Als &amp;Markdown kopieren</translation>
    </message>
    <message>
        <source>Copy the comparison as a Markdown table, with deltas, for notes and reviews</source>
        <translation>Den Vergleich als Markdown-Tabelle mit Differenzen für Notizen und Reviews kopieren</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the comparison as shown to a CSV file</source>
        <translation>Den Vergleich wie angezeigt in einer CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Compare (%1)</source>
        <translation>Vergleich (%1)</translation>
    </message>
    <message>
        <source>Loading metric histories…</source>
        <translation>Metrikverläufe werden geladen…</translation>
    </message>
    <message>
        <source>The metric histories could not be loaded: %1</source>
        <translation>Die Metrikverläufe konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Compare %1 runs</source>
        <translation>%1 Läufe vergleichen</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;■ better&lt;/span&gt; or &lt;span style=&quot;color:%2&quot;&gt;■ worse&lt;/span&gt; than the baseline · &lt;b&gt;bold&lt;/b&gt;: best of the row · ↑ higher is better, ↓ lower is better (right-click a metric to change)</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;■ besser&lt;/span&gt; oder &lt;span style=&quot;color:%2&quot;&gt;■ schlechter&lt;/span&gt; als die Basis · &lt;b&gt;fett&lt;/b&gt;: Bester der Zeile · ↑ höher ist besser, ↓ niedriger ist besser (zum Ändern rechts auf eine Metrik klicken)</translation>
    </message>
    <message>
        <source>Use as &amp;Baseline</source>
        <translation>Als &amp;Basis verwenden</translation>
    </message>
    <message>
        <source>&amp;Higher Is Better</source>
        <translation>&amp;Höher ist besser</translation>
    </message>
    <message>
        <source>&amp;Lower Is Better</source>
        <translation>&amp;Niedriger ist besser</translation>
    </message>
    <message>
        <source>&amp;Automatic (%1)</source>
        <translation>&amp;Automatisch (%1)</translation>
    </message>
    <message>
        <source>Copied %1 rows as tab-separated text.</source>
        <translation>%1 Zeilen als tabulatorgetrennten Text kopiert.</translation>
    </message>
    <message>
        <source>Copied %1 rows as a Markdown table.</source>
        <translation>%1 Zeilen als Markdown-Tabelle kopiert.</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>comparison.csv</source>
        <translation>vergleich.csv</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The comparison could not be saved.</source>
        <translation>Der Vergleich konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Export Comparison as CSV</source>
        <translation>Vergleich als CSV exportieren</translation>
    </message>
</context>
<context>
    <name>md::ExperimentsModel</name>
    <message>
        <source>The cache is not open.</source>
        <translation>Der Cache ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>file store</source>
        <translation>Dateispeicher</translation>
    </message>
    <message>
        <source>SQLite database</source>
        <translation>SQLite-Datenbank</translation>
    </message>
    <message>
        <source>model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>tracking server</source>
        <translation>Tracking-Server</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>noch kein Sync</translation>
    </message>
    <message>
        <source>synced just now</source>
        <translation>Sync gerade eben</translation>
    </message>
    <message>
        <source>synced %1 min ago</source>
        <translation>Sync vor %1 min</translation>
    </message>
    <message>
        <source>synced %1 h ago</source>
        <translation>Sync vor %1 h</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>Sync am %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
Kind: %2
Last sync: %3
%4 experiments, %5 runs, %6 registered models</source>
        <translation>%1
Art: %2
Letzte Synchronisierung: %3
%4 Experimente, %5 Läufe, %6 registrierte Modelle</translation>
    </message>
    <message>
        <source>Last sync failed: %1</source>
        <translation>Letzte Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
    <message>
        <source>Experiment %1 (ID %2)
%3 runs</source>
        <translation>Experiment %1 (ID %2)
%3 Läufe</translation>
    </message>
    <message>
        <source>%1 deleted runs (View › Show deleted runs)</source>
        <translation>%1 gelöschte Läufe (Ansicht › Gelöschte Läufe anzeigen)</translation>
    </message>
    <message>
        <source>This experiment is deleted.</source>
        <translation>Dieses Experiment ist gelöscht.</translation>
    </message>
    <message>
        <source>Artifacts: %1</source>
        <translation>Artefakte: %1</translation>
    </message>
    <message>
        <source>Source / experiment</source>
        <translation>Quelle / Experiment</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Number of runs (active runs, plus deleted ones when shown)</source>
        <translation>Anzahl der Läufe (aktive, dazu gelöschte, wenn sie angezeigt werden)</translation>
    </message>
    <message>
        <source>Parent run %1 (not in the cache)</source>
        <translation>Übergeordneter Lauf %1 (nicht im Cache)</translation>
    </message>
    <message>
        <source>Parent run %1 (ID %2)</source>
        <translation>Übergeordneter Lauf %1 (ID %2)</translation>
    </message>
    <message>
        <source>1 child run: select to see it with its parent</source>
        <translation>1 untergeordneter Lauf: auswählen, um ihn mit seinem übergeordneten Lauf zu sehen</translation>
    </message>
    <message>
        <source>%1 child runs: select to see them with their parent</source>
        <translation>%1 untergeordnete Läufe: auswählen, um sie mit ihrem übergeordneten Lauf zu sehen</translation>
    </message>
</context>
<context>
    <name>md::ImportStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the import. What was read so far stays in the cache.</source>
        <translation>Den Import anhalten. Was bisher gelesen wurde, bleibt im Cache.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere …</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importiere %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 Lauf</translation>
    </message>
    <message>
        <source>%1 runs</source>
        <translation>%1 Läufe</translation>
    </message>
    <message>
        <source>%1 / %2 runs</source>
        <translation>%1 / %2 Läufe</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>noch %1 min</translation>
    </message>
</context>
<context>
    <name>md::LiveBadge</name>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>live updates paused</source>
        <translation>Live-Updates pausiert</translation>
    </message>
    <message>
        <source>Runs are in progress in %1.
View › Pause Live Updates resumes following them.</source>
        <translation>In %1 laufen gerade Läufe.
Ansicht › Live-Updates pausieren verfolgt sie wieder.</translation>
    </message>
    <message>
        <source>● live · synced %1</source>
        <translation>● Live · Sync %1</translation>
    </message>
    <message>
        <source>● live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>Following the runs in progress in %1: the table and the charts update as they log.
View › Pause Live Updates stops it.</source>
        <translation>Verfolgt die laufenden Läufe in %1: Tabelle und Diagramme aktualisieren sich, während sie protokollieren.
Ansicht › Live-Updates pausieren hält das an.</translation>
    </message>
</context>
<context>
    <name>md::MainWindow</name>
    <message>
        <source>ModelDesk</source>
        <translation>ModelDesk</translation>
    </message>
    <message>
        <source>No sources yet.

Use File › Open Source… (Ctrl+O) to import an MLflow store.</source>
        <translation>Noch keine Quellen.

Mit Datei › Quelle öffnen … (Strg+O) einen MLflow-Speicher importieren.</translation>
    </message>
    <message>
        <source>Cancelling the import…</source>
        <translation>Import wird abgebrochen …</translation>
    </message>
    <message>
        <source>Cannot Open the Cache</source>
        <translation>Cache kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The local cache could not be opened.</source>
        <translation>Der lokale Cache konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Cannot Read the Cache</source>
        <translation>Cache kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing to sync yet: open a source first (File › Open Source…).</source>
        <translation>Noch nichts zu synchronisieren: zuerst eine Quelle öffnen (Datei › Quelle öffnen …).</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1 …</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importiere …</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Import abgebrochen.</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <source>The source could not be imported.</source>
        <translation>Die Quelle konnte nicht importiert werden.</translation>
    </message>
    <message>
        <source>%1 sources could not be imported.</source>
        <translation>%1 Quellen konnten nicht importiert werden.</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Some Items Were Skipped</source>
        <translation>Einige Einträge wurden übersprungen</translation>
    </message>
    <message>
        <source>One item could not be read and was skipped; everything else was imported.</source>
        <translation>Ein Eintrag konnte nicht gelesen werden und wurde übersprungen; alles andere wurde importiert.</translation>
    </message>
    <message>
        <source>%1 items could not be read and were skipped; everything else was imported.</source>
        <translation>%1 Einträge konnten nicht gelesen werden und wurden übersprungen; alles andere wurde importiert.</translation>
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation>Cache kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 — ModelDesk</source>
        <translation>%1 — ModelDesk</translation>
    </message>
    <message>
        <source>Select one of this source&apos;s experiments to see its runs.</source>
        <translation>Wählen Sie ein Experiment dieser Quelle, um seine Läufe zu sehen.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Nothing imported yet.

Open an MLflow store with File › Open Source… (Ctrl+O), or start ModelDesk with a source URI.</source>
        <translation>Noch nichts importiert.

Öffnen Sie einen MLflow-Speicher mit Datei › Quelle öffnen … (Strg+O) oder starten Sie ModelDesk mit einer Quell-URI.</translation>
    </message>
    <message>
        <source>Select an experiment on the left to see its runs.</source>
        <translation>Wählen Sie links ein Experiment, um seine Läufe zu sehen.</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Apply the filter (in the filter field)</source>
        <translation>Filter anwenden (im Filterfeld)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About ModelDesk</source>
        <translation>Über ModelDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ModelDesk %1&lt;/h3&gt;&lt;p&gt;A desktop client for MLflow experiments and model registries.&lt;/p&gt;&lt;p&gt;Cache: %2&lt;/p&gt;&lt;p&gt;Built with Qt %3. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ModelDesk %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Programm für MLflow-Experimente und Modellregister.&lt;/p&gt;&lt;p&gt;Cache: %2&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %3. Lizenziert unter der GNU GPL, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 Lauf</translation>
    </message>
    <message>
        <source>%1 runs</source>
        <translation>%1 Läufe</translation>
    </message>
    <message>
        <source>1 registered model</source>
        <translation>1 registriertes Modell</translation>
    </message>
    <message>
        <source>%1 registered models</source>
        <translation>%1 registrierte Modelle</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>runs and models</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Imported %1 from %2</source>
        <translation>%1 aus %2 importiert</translation>
    </message>
    <message>
        <source>Select two or more runs to compare (Ctrl+click or Shift+click).</source>
        <translation>Wählen Sie zwei oder mehr Läufe zum Vergleichen aus (Strg+Klick oder Umschalt+Klick).</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>The registered models of the selected source</source>
        <translation>Die registrierten Modelle der gewählten Quelle</translation>
    </message>
    <message>
        <source>Cannot chart: %1</source>
        <translation>Diagramm nicht möglich: %1</translation>
    </message>
    <message>
        <source>No registered model named “%1”.</source>
        <translation>Kein registriertes Modell namens „%1“.</translation>
    </message>
    <message>
        <source>Imported with a Warning</source>
        <translation>Mit einer Warnung importiert</translation>
    </message>
    <message>
        <source>Every version waiting for review, in all sources and models</source>
        <translation>Jede Version, die auf ein Review wartet, in allen Quellen und Modellen</translation>
    </message>
    <message>
        <source>Re&amp;gistry</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Perform the plan shown (in the dialog of a registry action)</source>
        <translation>Den angezeigten Plan ausführen (im Dialog einer Registeraktion)</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>%1 is no longer in the cache; sync again.</source>
        <translation>%1 ist nicht mehr im Cache; synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>%1 cannot be reviewed now: %2</source>
        <translation>Für %1 ist gerade kein Review möglich: %2</translation>
    </message>
    <message>
        <source>&amp;Pause Live Updates</source>
        <translation>Live-Updates &amp;pausieren</translation>
    </message>
    <message>
        <source>Stop syncing sources with runs in progress in the background</source>
        <translation>Quellen mit laufenden Läufen nicht mehr im Hintergrund synchronisieren</translation>
    </message>
    <message>
        <source>Open Source…</source>
        <translation>Quelle öffnen …</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>The style and colours of your desktop</source>
        <translation>Stil und Farben Ihres Desktops</translation>
    </message>
    <message>
        <source>Light text on dark grey</source>
        <translation>Heller Text auf dunklem Grau</translation>
    </message>
    <message>
        <source>This is a demo data set — Open Source… to connect your MLflow server</source>
        <translation>Dies ist ein Demo-Datensatz — mit Quelle öffnen … verbinden Sie Ihren MLflow-Server</translation>
    </message>
</context>
<context>
    <name>md::MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>md::MetricChart</name>
    <message>
        <source>Reset View</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>%1
%2: %3</source>
        <translation>%1
%2: %3</translation>
    </message>
    <message>
        <source>%1
step %2: %3</source>
        <translation>%1
Schritt %2: %3</translation>
    </message>
    <message>
        <source>smoothed: %1</source>
        <translation>geglättet: %1</translation>
    </message>
    <message>
        <source>Charts can be saved as PNG, SVG or PDF, not “%1”.</source>
        <translation>Diagramme können als PNG, SVG oder PDF gespeichert werden, nicht als „%1“.</translation>
    </message>
    <message>
        <source>The chart could not be written.</source>
        <translation>Das Diagramm konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Relative time (h:min:s)</source>
        <translation>Relative Zeit (h:min:s)</translation>
    </message>
    <message>
        <source>%1
%2: %3
%4: %5</source>
        <translation>%1
%2: %3
%4: %5</translation>
    </message>
    <message>
        <source>Wheel: zoom the x axis; Ctrl+wheel: zoom the y axis; drag a box to zoom into it; middle-drag or Space+drag to pan; double-click or Ctrl+0 to reset. Click a legend entry to hide or show its run (the legend shows up to %1 runs).</source>
        <translation>Mausrad: x-Achse zoomen; Strg+Mausrad: y-Achse zoomen; einen Rahmen aufziehen, um hineinzuzoomen; Ziehen mit der mittleren Maustaste oder Leertaste+Ziehen verschiebt; Doppelklick oder Strg+0 setzt zurück. Ein Klick auf einen Legendeneintrag blendet seinen Lauf aus oder ein (die Legende zeigt bis zu %1 Läufe).</translation>
    </message>
    <message>
        <source>+inf at step %1</source>
        <translation>+inf bei Schritt %1</translation>
    </message>
    <message>
        <source>-inf at step %1</source>
        <translation>-inf bei Schritt %1</translation>
    </message>
    <message>
        <source>+inf at steps %1–%2</source>
        <translation>+inf bei Schritten %1–%2</translation>
    </message>
    <message>
        <source>-inf at steps %1–%2</source>
        <translation>-inf bei Schritten %1–%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>md::ModelsPage</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Select a source on the left to see its registered models.</source>
        <translation>Wählen Sie links eine Quelle, um ihre registrierten Modelle zu sehen.</translation>
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation>Der Cache kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This source has no registered models.</source>
        <translation>Diese Quelle hat keine registrierten Modelle.</translation>
    </message>
    <message>
        <source>1 version</source>
        <translation>1 Version</translation>
    </message>
    <message>
        <source>%1 versions</source>
        <translation>%1 Versionen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Select a model to see its versions, their timeline and key metric.</source>
        <translation>Wählen Sie ein Modell, um seine Versionen, ihren Zeitverlauf und ihre Leitmetrik zu sehen.</translation>
    </message>
    <message>
        <source>Cannot read the model: %1</source>
        <translation>Das Modell kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 — 1 version</source>
        <translation>%1 — 1 Version</translation>
    </message>
    <message>
        <source>%1 — %2 versions</source>
        <translation>%1 — %2 Versionen</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>This model has no versions yet.</source>
        <translation>Dieses Modell hat noch keine Versionen.</translation>
    </message>
    <message>
        <source>No versions, so no timeline.</source>
        <translation>Keine Versionen, daher kein Zeitverlauf.</translation>
    </message>
    <message>
        <source>Compare with Production</source>
        <translation>Mit Production vergleichen</translation>
    </message>
    <message>
        <source>Show the selected version beside the model&apos;s Production version</source>
        <translation>Die gewählte Version neben der Production-Version des Modells anzeigen</translation>
    </message>
    <message>
        <source>Select a model and one of its versions to see the version&apos;s card.</source>
        <translation>Wählen Sie ein Modell und eine seiner Versionen, um die Details der Version zu sehen.</translation>
    </message>
    <message>
        <source>Select a version to see its card.</source>
        <translation>Wählen Sie eine Version, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Cannot read the version from the cache: %1</source>
        <translation>Die Version kann nicht aus dem Cache gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the versions from the cache: %1</source>
        <translation>Die Versionen können nicht aus dem Cache gelesen werden: %1</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit …</translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation>v%1 (%2)</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>Registrieren …</translation>
    </message>
    <message>
        <source>Register a run&apos;s model (or, for a model folder, a model file) as a new version</source>
        <translation>Das Modell eines Laufs (bei einem Modellordner eine Modelldatei) als neue Version registrieren</translation>
    </message>
    <message>
        <source>Send to Review</source>
        <translation>Zum Review einreichen</translation>
    </message>
    <message>
        <source>Move the selected version to Staging and ask a second person to review it</source>
        <translation>Die gewählte Version nach Staging verschieben und eine zweite Person um ein Review bitten</translation>
    </message>
    <message>
        <source>A/B Test…</source>
        <translation>A/B-Test …</translation>
    </message>
    <message>
        <source>Record the share of requests the candidate gets, or end its A/B test</source>
        <translation>Den Anteil der Anfragen festhalten, den der Kandidat erhält, oder seinen A/B-Test beenden</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Review …</translation>
    </message>
    <message>
        <source>Compare the selected version with Production and approve or reject it</source>
        <translation>Die gewählte Version mit Production vergleichen und freigeben oder ablehnen</translation>
    </message>
    <message>
        <source>Promote to Production</source>
        <translation>Nach Production hochstufen</translation>
    </message>
    <message>
        <source>Put the approved version into Production; the current one is archived as rollback target</source>
        <translation>Die freigegebene Version in Production bringen; die aktuelle wird als Rollback-Ziel archiviert</translation>
    </message>
    <message>
        <source>Roll Back…</source>
        <translation>Zurückrollen …</translation>
    </message>
    <message>
        <source>Put the last known-good version back into Production now (on-call)</source>
        <translation>Die zuletzt funktionierende Version sofort zurück in Production bringen (Rufbereitschaft)</translation>
    </message>
    <message>
        <source>Apply Queued</source>
        <translation>Ausstehende anwenden</translation>
    </message>
    <message>
        <source>Apply the actions that waited for the source; each is checked again first</source>
        <translation>Die Aktionen anwenden, die auf die Quelle gewartet haben; jede wird vorher erneut geprüft</translation>
    </message>
    <message>
        <source>#%1 %2 v%3: %4</source>
        <translation>#%1 %2 v%3: %4</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>rejected — %1</source>
        <translation>abgelehnt — %1</translation>
    </message>
    <message>
        <source>Nothing was waiting.</source>
        <translation>Es stand nichts aus.</translation>
    </message>
    <message>
        <source>End A/B Test</source>
        <translation>A/B-Test beenden</translation>
    </message>
    <message>
        <source>Apply Queued (%1)</source>
        <translation>Ausstehende anwenden (%1)</translation>
    </message>
    <message>
        <source>%1 cannot be reached: the action waits in the queue and is applied when you choose “Apply Queued”, after its preconditions are checked again.</source>
        <translation>%1 ist nicht erreichbar: Die Aktion wartet in der Warteschlange und wird angewendet, wenn Sie „Ausstehende anwenden“ wählen, nachdem ihre Vorbedingungen erneut geprüft wurden.</translation>
    </message>
    <message>
        <source>Done: %1 (journal entry %2, by %3)</source>
        <translation>Erledigt: %1 (Journaleintrag %2, von %3)</translation>
    </message>
    <message>
        <source>Reload hook succeeded in %1 ms.</source>
        <translation>Reload-Hook in %1 ms erfolgreich ausgeführt.</translation>
    </message>
    <message>
        <source>Reload hook timed out: %1</source>
        <translation>Zeitüberschreitung beim Reload-Hook: %1</translation>
    </message>
    <message>
        <source>Reload hook failed (%1): %2</source>
        <translation>Reload-Hook fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>Refused by policy</source>
        <translation>Von Richtlinie abgelehnt</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Zwischenzeitlich geändert</translation>
    </message>
    <message>
        <source>Register a model file</source>
        <translation>Modelldatei registrieren</translation>
    </message>
    <message>
        <source>Pickled models (*.pkl);;All files (*)</source>
        <translation>Pickle-Modelle (*.pkl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Its validation score (the folder keeps only better models in Production):</source>
        <translation>Validierungs-Score des Modells (der Ordner lässt nur bessere Modelle in Production):</translation>
    </message>
    <message>
        <source>Register a version</source>
        <translation>Version registrieren</translation>
    </message>
    <message>
        <source>This source has no runs in the cache to register.</source>
        <translation>Diese Quelle hat keine Läufe im Cache, die registriert werden könnten.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Register a version of %1</source>
        <translation>Version von %1 registrieren</translation>
    </message>
    <message>
        <source>The run whose model (artifact path “model”) becomes the new version:</source>
        <translation>Der Lauf, dessen Modell (Artefaktpfad „model“) die neue Version wird:</translation>
    </message>
    <message>
        <source>A/B test of v%1</source>
        <translation>A/B-Test von v%1</translation>
    </message>
    <message>
        <source>Share of requests the candidate gets (%):</source>
        <translation>Anteil der Anfragen für den Kandidaten (%):</translation>
    </message>
    <message numerus="yes">
        <source>%1 is reachable again: applying %n queued action(s)…</source>
        <translation>
            <numerusform>%1 ist wieder erreichbar: %n wartende Aktion wird angewendet …</numerusform>
            <numerusform>%1 ist wieder erreichbar: %n wartende Aktionen werden angewendet …</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (prompt)</source>
        <translation>%1 (Prompt)</translation>
    </message>
    <message>
        <source>A prompt of MLflow&apos;s prompt registry: its versions hold template text. Prompts are not promoted, reviewed or rolled back.</source>
        <translation>Ein Prompt aus MLflows Prompt-Registry: seine Versionen enthalten Vorlagentext. Prompts werden nicht befördert, geprüft oder zurückgerollt.</translation>
    </message>
    <message>
        <source>%1 is a prompt of MLflow&apos;s prompt registry, not a model</source>
        <translation>%1 ist ein Prompt aus MLflows Prompt-Registry, kein Modell</translation>
    </message>
    <message>
        <source>Logged model %1 (%2) of run %3</source>
        <translation>Geloggtes Modell %1 (%2) von Lauf %3</translation>
    </message>
    <message>
        <source>The model of the new version: a logged model, or a run’s artifact folder “model”:</source>
        <translation>Das Modell der neuen Version: ein geloggtes Modell oder der Artefaktordner „model“ eines Laufs:</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Compare with %1</source>
        <translation>Mit %1 vergleichen</translation>
    </message>
    <message>
        <source>This model has no %1 version to compare with</source>
        <translation>Dieses Modell hat keine %1-Version zum Vergleichen</translation>
    </message>
    <message>
        <source>Select a version to compare with %1 (v%2)</source>
        <translation>Wählen Sie eine Version zum Vergleich mit %1 (v%2)</translation>
    </message>
    <message>
        <source>The selected version is the %1 version</source>
        <translation>Die gewählte Version ist die %1-Version</translation>
    </message>
    <message>
        <source>Show v%1 beside the %2 version v%3</source>
        <translation>v%1 neben der %2-Version v%3 anzeigen</translation>
    </message>
    <message>
        <source>Applying the queued actions…</source>
        <translation>Die wartenden Aktionen werden angewendet …</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Promote to %1</source>
        <translation>Nach %1 hochstufen</translation>
    </message>
    <message>
        <source>Compare the selected version with %1 and approve or reject it</source>
        <translation>Die gewählte Version mit %1 vergleichen und freigeben oder ablehnen</translation>
    </message>
    <message>
        <source>Select a source and one of its models in the Models view first</source>
        <translation>Wählen Sie zuerst in der Modellansicht eine Quelle und eines ihrer Modelle</translation>
    </message>
    <message>
        <source>Select a model in the Models view first</source>
        <translation>Wählen Sie zuerst in der Modellansicht ein Modell</translation>
    </message>
    <message>
        <source>Select a version of %1 first</source>
        <translation>Wählen Sie zuerst eine Version von %1</translation>
    </message>
    <message>
        <source>Another registry action is running</source>
        <translation>Eine andere Registeraktion läuft gerade</translation>
    </message>
    <message>
        <source>Give v%1 the &apos;%2&apos; alias and ask a second person to review it</source>
        <translation>v%1 den Alias &apos;%2&apos; geben und eine zweite Person um ein Review bitten</translation>
    </message>
    <message>
        <source>Move v%1 to %2 and ask a second person to review it</source>
        <translation>v%1 nach %2 verschieben und eine zweite Person um ein Review bitten</translation>
    </message>
    <message>
        <source>v%1 is the %2 version</source>
        <translation>v%1 ist die %2-Version</translation>
    </message>
    <message>
        <source>v%1 is already in review (%2)</source>
        <translation>v%1 ist bereits im Review (%2)</translation>
    </message>
    <message>
        <source>End the A/B test of v%1</source>
        <translation>Den A/B-Test von v%1 beenden</translation>
    </message>
    <message>
        <source>Record the share of requests v%1 gets beside %2</source>
        <translation>Den Anteil der Anfragen festhalten, den v%1 neben %2 erhält</translation>
    </message>
    <message>
        <source>Only a version in review (%1) runs an A/B test</source>
        <translation>Einen A/B-Test gibt es nur für eine Version im Review (%1)</translation>
    </message>
    <message>
        <source>Compare v%1 with %2 and approve or reject it</source>
        <translation>v%1 mit %2 vergleichen und freigeben oder ablehnen</translation>
    </message>
    <message>
        <source>v%1 is not in review; Send to Review first</source>
        <translation>v%1 ist nicht im Review; zuerst „Zum Review einreichen“ wählen</translation>
    </message>
    <message>
        <source>Put v%1 into %2; v%3 is kept as rollback target</source>
        <translation>v%1 in %2 bringen; v%3 bleibt als Rollback-Ziel erhalten</translation>
    </message>
    <message>
        <source>Put v%1 into %2</source>
        <translation>v%1 in %2 bringen</translation>
    </message>
    <message>
        <source>v%1 is already the %2 version</source>
        <translation>v%1 ist bereits die %2-Version</translation>
    </message>
    <message>
        <source>%1 needs an approval by a second person first (Review…)</source>
        <translation>%1 erfordert zuerst die Freigabe durch eine zweite Person (Review …)</translation>
    </message>
    <message>
        <source>Put the last known-good version back as %1 now (on-call)</source>
        <translation>Die zuletzt funktionierende Version sofort wieder als %1 einsetzen (Rufbereitschaft)</translation>
    </message>
    <message>
        <source>%1 has no %2 version to roll back from</source>
        <translation>%1 hat keine %2-Version, von der zurückgerollt werden könnte</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht erledigt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>md::OpenSourceDialog</name>
    <message>
        <source>Choose an mlruns Folder or a Model Folder</source>
        <translation>mlruns-Ordner oder Modellordner wählen</translation>
    </message>
    <message>
        <source>Choose an MLflow Database</source>
        <translation>MLflow-Datenbank wählen</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>md::ParallelCoordinatesChart</name>
    <message>
        <source>Param %1</source>
        <translation>Parameter %1</translation>
    </message>
    <message>
        <source>Metric %1 (latest value)</source>
        <translation>Metrik %1 (letzter Wert)</translation>
    </message>
    <message>
        <source>Lower is better: drawn upside down, so that up is better</source>
        <translation>Kleiner ist besser: umgekehrt gezeichnet, sodass oben besser ist</translation>
    </message>
    <message>
        <source>Without a value: %1 (marker below the axis)</source>
        <translation>Ohne Wert: %1 (Markierung unter der Achse)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no value (not logged, NaN or ±∞)</source>
        <translation>kein Wert (nicht protokolliert, NaN oder ±∞)</translation>
    </message>
    <message>
        <source>Colour: %1</source>
        <translation>Farbe: %1</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>Parallele Koordinaten</translation>
    </message>
    <message>
        <source>Charts can be saved as PNG, SVG or PDF, not “%1”.</source>
        <translation>Diagramme können als PNG, SVG oder PDF gespeichert werden, nicht als „%1“.</translation>
    </message>
    <message>
        <source>The chart could not be written.</source>
        <translation>Das Diagramm konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>md::PlanDialog</name>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
    <message>
        <source>&amp;Send to Review</source>
        <translation>Zum &amp;Review einreichen</translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation>&amp;Hochstufen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>&amp;Start A/B Test</source>
        <translation>A/B-Test &amp;starten</translation>
    </message>
    <message>
        <source>&amp;End A/B Test</source>
        <translation>A/B-Test &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>Roll &amp;Back Now</source>
        <translation>Jetzt &amp;zurückrollen</translation>
    </message>
    <message>
        <source>Roll back %1</source>
        <translation>%1 zurückrollen</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Jetzt:</translation>
    </message>
    <message>
        <source>The version to put back; the proposed one is preselected</source>
        <translation>Die Version, die wieder eingesetzt wird; die vorgeschlagene ist vorausgewählt</translation>
    </message>
    <message>
        <source>Roll back &amp;to:</source>
        <translation>Zurückrollen &amp;auf:</translation>
    </message>
    <message>
        <source>What went wrong, e.g. “p99 latency doubled since 14:05”</source>
        <translation>Was schiefgelaufen ist, z. B. „p99-Latenz seit 14:05 verdoppelt“</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Begründung (erforderlich):</translation>
    </message>
    <message>
        <source>The checks that passed and everything that will be written</source>
        <translation>Die bestandenen Prüfungen und alles, was geschrieben wird</translation>
    </message>
    <message>
        <source>Emergency rollback: no approval is needed, and the journal marks it as an emergency with your name and reason.</source>
        <translation>Notfall-Rollback: Es ist keine Freigabe nötig; das Journal vermerkt ihn als Notfall mit Ihrem Namen und Ihrer Begründung.</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Write what the plan lists (Ctrl+Return)</source>
        <translation>Schreiben, was der Plan aufführt (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Copy Report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Save Report…</source>
        <translation>Bericht &amp;speichern …</translation>
    </message>
    <message>
        <source>Save the incident report</source>
        <translation>Incident-Bericht speichern</translation>
    </message>
    <message>
        <source>Markdown (*.md);;All files (*)</source>
        <translation>Markdown (*.md);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Speichern nach %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>(the reason you give)</source>
        <translation>(die Begründung, die Sie angeben)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Keep the action in the queue until the source is back (Ctrl+Return)</source>
        <translation>Die Aktion in der Warteschlange halten, bis die Quelle wieder erreichbar ist (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Give the reason first; it goes into the journal and the incident report</source>
        <translation>Geben Sie zuerst die Begründung an; sie kommt ins Journal und in den Incident-Bericht</translation>
    </message>
    <message>
        <source>Finding the version to roll back to and checking it…</source>
        <translation>Die Version zum Zurückrollen wird ermittelt und geprüft …</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>v%1 holds %2</source>
        <translation>v%1 belegt %2</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>v%1 (proposed without history)</source>
        <translation>v%1 (ohne Verlauf vorgeschlagen)</translation>
    </message>
    <message>
        <source>v%1 (last known-good)</source>
        <translation>v%1 (zuletzt funktionierend)</translation>
    </message>
    <message>
        <source>write the reason above ↑</source>
        <translation>Begründung oben eingeben ↑</translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation>Wird zurückgerollt …</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Wird geschrieben …</translation>
    </message>
    <message>
        <source>Queued: %1 cannot be reached</source>
        <translation>Eingereiht: %1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The action waits in the queue and is applied when you choose “Apply Queued”, after its preconditions are checked again.</source>
        <translation>Die Aktion wartet in der Warteschlange und wird angewendet, wenn Sie „Ausstehende anwenden“ wählen, nachdem ihre Vorbedingungen erneut geprüft wurden.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Journal entry %1, by %2.</source>
        <translation>Journaleintrag %1, von %2.</translation>
    </message>
    <message>
        <source>Reload hook succeeded in %1 ms.</source>
        <translation>Reload-Hook in %1 ms erfolgreich ausgeführt.</translation>
    </message>
    <message>
        <source>Reload hook timed out: %1</source>
        <translation>Zeitüberschreitung beim Reload-Hook: %1</translation>
    </message>
    <message>
        <source>Reload hook failed (%1): %2</source>
        <translation>Reload-Hook fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>Incident report draft (Copy Report, Save Report…):</source>
        <translation>Entwurf des Incident-Berichts (Bericht kopieren, Bericht speichern …):</translation>
    </message>
    <message>
        <source>The source cannot be reached</source>
        <translation>Die Quelle ist nicht erreichbar</translation>
    </message>
    <message>
        <source>%1
Queue puts the action in the queue: it is applied when the source is back, after what you saw is checked again.</source>
        <translation>%1
„Einreihen“ stellt die Aktion in die Warteschlange: Sie wird angewendet, sobald die Quelle wieder erreichbar ist, nachdem erneut geprüft wurde, was Sie gesehen haben.</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Einreihen</translation>
    </message>
    <message>
        <source>Refused by policy</source>
        <translation>Von Richtlinie abgelehnt</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Zwischenzeitlich geändert</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht erledigt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>md::ReviewDialog</name>
    <message>
        <source>Review %1 v%2</source>
        <translation>Review von %1 v%2</translation>
    </message>
    <message>
        <source>Candidate:</source>
        <translation>Kandidat:</translation>
    </message>
    <message>
        <source>v%1 — %2</source>
        <translation>v%1 — %2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Review asked by:</source>
        <translation>Review angefordert von:</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 am %2</translation>
    </message>
    <message>
        <source>A/B test:</source>
        <translation>A/B-Test:</translation>
    </message>
    <message>
        <source>%1 % of requests since %2 (running)</source>
        <translation>%1 % der Anfragen seit %2 (läuft)</translation>
    </message>
    <message>
        <source>%1 % of requests, %2 to %3</source>
        <translation>%1 % der Anfragen, %2 bis %3</translation>
    </message>
    <message>
        <source>You are:</source>
        <translation>Sie sind:</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Candidate v%1</source>
        <translation>Kandidat v%1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>  ▲ better</source>
        <translation>  ▲ besser</translation>
    </message>
    <message>
        <source>  ▼ worse</source>
        <translation>  ▼ schlechter</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Evaluation runs of this version:</source>
        <translation>Evaluierungsläufe dieser Version:</translation>
    </message>
    <message>
        <source>Open both runs in Compare</source>
        <translation>Beide Läufe im Vergleich öffnen</translation>
    </message>
    <message>
        <source>Every metric, param and chart of the two runs side by side</source>
        <translation>Alle Metriken, Parameter und Diagramme der beiden Läufe nebeneinander</translation>
    </message>
    <message>
        <source>Your note (required; it is kept with the decision and shown to others):</source>
        <translation>Ihre Notiz (erforderlich; sie wird mit der Entscheidung gespeichert und anderen angezeigt):</translation>
    </message>
    <message>
        <source>What you checked and why you decide so</source>
        <translation>Was Sie geprüft haben und warum Sie so entscheiden</translation>
    </message>
    <message>
        <source>You asked for this review. Under the four-eyes rule someone else must decide it.</source>
        <translation>Sie haben dieses Review angefordert. Nach dem Vier-Augen-Prinzip muss jemand anderes entscheiden.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>Someone other than the requester must decide (four eyes)</source>
        <translation>Jemand anderes als die anfordernde Person muss entscheiden (Vier-Augen-Prinzip)</translation>
    </message>
    <message>
        <source>Write a note first</source>
        <translation>Schreiben Sie zuerst eine Notiz</translation>
    </message>
    <message>
        <source>On %1</source>
        <translation>Auf %1</translation>
    </message>
    <message>
        <source>On %1, context %2</source>
        <translation>Auf %1, context %2</translation>
    </message>
    <message>
        <source>Latest values of the runs (datasets not recorded)</source>
        <translation>Letzte Werte der Läufe (Datensätze nicht erfasst)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
</context>
<context>
    <name>md::ReviewsModel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>unknown — moved by another tool</source>
        <translation>unbekannt — von einem anderen Werkzeug verschoben</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>in the last %1</source>
        <translation>in den letzten %1</translation>
    </message>
    <message>
        <source>%1 to %2 ago</source>
        <comment>between two ages, the older last</comment>
        <translation>vor %1 bis %2</translation>
    </message>
    <message>
        <source>before the first sync</source>
        <translation>vor der ersten Synchronisierung</translation>
    </message>
    <message>
        <source>over %1 ago</source>
        <comment>before the first sync</comment>
        <translation>vor über %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 v%2: %3</source>
        <translation>%1 v%2: %3</translation>
    </message>
    <message>
        <source>%1 asked for this review (tag modeldesk.review.requested_by)</source>
        <translation>%1 hat dieses Review angefordert (Tag modeldesk.review.requested_by)</translation>
    </message>
    <message>
        <source>No ModelDesk asked for this review: another tool moved v%1 to %2</source>
        <translation>Kein ModelDesk hat dieses Review angefordert: ein anderes Werkzeug hat v%1 ins Review gebracht (%2)</translation>
    </message>
    <message>
        <source>the candidate alias</source>
        <translation>Kandidaten-Alias</translation>
    </message>
    <message>
        <source>Asked on %1</source>
        <translation>Angefordert am %1</translation>
    </message>
    <message>
        <source>The request does not say when it was made</source>
        <translation>Die Anforderung nennt keinen Zeitpunkt</translation>
    </message>
    <message>
        <source>Moved between %1 and %2: a sync saw the change, the sync before it had not</source>
        <translation>Verschoben zwischen %1 und %2: eine Synchronisierung hat die Änderung bemerkt, die davor noch nicht</translation>
    </message>
    <message>
        <source>Moved before the first sync of this source (%2), after the version was registered (%1)</source>
        <translation>Verschoben vor der ersten Synchronisierung dieser Quelle (%2), nach der Registrierung der Version (%1)</translation>
    </message>
    <message>
        <source>Moved before the first sync of this source (%1)</source>
        <translation>Verschoben vor der ersten Synchronisierung dieser Quelle (%1)</translation>
    </message>
    <message>
        <source>No key metric: the runs logged no metric with a known direction</source>
        <translation>Keine Leitmetrik: Die Läufe haben keine Metrik mit bekannter Richtung protokolliert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 of v%2: %3; the model has no Production version to compare with</source>
        <translation>%1 von v%2: %3; das Modell hat keine Production-Version zum Vergleichen</translation>
    </message>
    <message>
        <source>%1: v%2 %3, Production v%4 %5</source>
        <translation>%1: v%2 %3, Production v%4 %5</translation>
    </message>
    <message>
        <source>better than Production</source>
        <translation>besser als Production</translation>
    </message>
    <message>
        <source>worse than Production</source>
        <translation>schlechter als Production</translation>
    </message>
    <message>
        <source>An A/B test gives v%1 %2 % of requests</source>
        <translation>Ein A/B-Test gibt v%1 %2 % der Anfragen</translation>
    </message>
    <message>
        <source>No A/B test is running</source>
        <translation>Es läuft kein A/B-Test</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Angefordert von</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Key Metric Δ</source>
        <translation>Leitmetrik Δ</translation>
    </message>
    <message>
        <source>A/B Share</source>
        <translation>A/B-Anteil</translation>
    </message>
    <message>
        <source>How long ago the review was asked for (for another tool&apos;s move: when a sync saw it)</source>
        <translation>Wie lange die Anforderung des Reviews zurückliegt (bei einer Verschiebung durch ein anderes Werkzeug: wann eine Synchronisierung sie bemerkt hat)</translation>
    </message>
    <message>
        <source>The key metric of the version minus that of the model&apos;s Production version (stage Production or the production alias). The key metric: the model&apos;s modeldesk.key_metric tag, else val_r2_score, else the first metric with a known direction</source>
        <translation>Die Leitmetrik der Version minus die der Production-Version des Modells (Stufe Production oder der Production-Alias). Die Leitmetrik: das Tag modeldesk.key_metric des Modells, sonst val_r2_score, sonst die erste Metrik mit bekannter Richtung</translation>
    </message>
    <message>
        <source>The version&apos;s share of requests while its A/B test runs</source>
        <translation>Der Anteil der Anfragen für die Version, solange ihr A/B-Test läuft</translation>
    </message>
</context>
<context>
    <name>md::ReviewsPage</name>
    <message>
        <source>Reviews (%1)</source>
        <translation>Reviews (%1)</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>1 new review request: %1</source>
        <translation>1 neue Review-Anforderung: %1</translation>
    </message>
    <message>
        <source>%1 new review requests: %2</source>
        <translation>%1 neue Review-Anforderungen: %2</translation>
    </message>
    <message>
        <source>The inbox could not be read: %1</source>
        <translation>Der Posteingang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Versions waiting for a review decision, in every source and model. Enter opens the review.</source>
        <translation>Versionen, die auf eine Review-Entscheidung warten, in allen Quellen und Modellen. Eingabe öffnet das Review.</translation>
    </message>
    <message>
        <source>Open Review</source>
        <translation>Review öffnen</translation>
    </message>
    <message>
        <source>Open the review of the selected version in the Models tab (Enter)</source>
        <translation>Das Review der gewählten Version im Reiter „Modelle“ öffnen (Eingabe)</translation>
    </message>
    <message>
        <source>Nothing waits for your review.</source>
        <translation>Nichts wartet auf Ihr Review.</translation>
    </message>
    <message>
        <source>Reading the inbox…</source>
        <translation>Posteingang wird gelesen …</translation>
    </message>
</context>
<context>
    <name>md::RunsPage</name>
    <message>
        <source>Click to sort; right-click to choose the columns</source>
        <translation>Klicken zum Sortieren; Rechtsklick, um die Spalten zu wählen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Select an experiment on the left to see its runs.</source>
        <translation>Wählen Sie links ein Experiment, um seine Läufe zu sehen.</translation>
    </message>
    <message>
        <source>Fix the filter and press Enter to see the runs.</source>
        <translation>Korrigieren Sie den Filter und drücken Sie Eingabe, um die Läufe zu sehen.</translation>
    </message>
    <message>
        <source>%1 — 1 run</source>
        <translation>%1 — 1 Lauf</translation>
    </message>
    <message>
        <source>%1 — %2 runs</source>
        <translation>%1 — %2 Läufe</translation>
    </message>
    <message>
        <source>This experiment has no runs yet.</source>
        <translation>Dieses Experiment hat noch keine Läufe.</translation>
    </message>
    <message>
        <source>This experiment has no active runs.
Deleted runs show with View › Show deleted runs.</source>
        <translation>Dieses Experiment hat keine aktiven Läufe.
Gelöschte Läufe zeigt Ansicht › Gelöschte Läufe anzeigen.</translation>
    </message>
    <message>
        <source>%1 — 1 run matches the filter</source>
        <translation>%1 — 1 Lauf passt zum Filter</translation>
    </message>
    <message>
        <source>%1 — %2 runs match the filter</source>
        <translation>%1 — %2 Läufe passen zum Filter</translation>
    </message>
    <message>
        <source>No runs match the filter.
Change it, or clear it to see all runs.</source>
        <translation>Kein Lauf passt zum Filter.
Ändern Sie ihn oder leeren Sie ihn, um alle Läufe zu sehen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Invalid filter (%1)</source>
        <translation>Ungültiger Filter (%1)</translation>
    </message>
    <message>
        <source>The runs could not be read: %1</source>
        <translation>Die Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 › %2 — 1 run matches the filter</source>
        <translation>%1 › %2 — 1 Lauf passt zum Filter</translation>
    </message>
    <message>
        <source>%1 › %2 — %3 runs match the filter</source>
        <translation>%1 › %2 — %3 Läufe passen zum Filter</translation>
    </message>
    <message>
        <source>%1 › %2 — 1 child run</source>
        <translation>%1 › %2 — 1 untergeordneter Lauf</translation>
    </message>
    <message>
        <source>%1 › %2 — %3 child runs</source>
        <translation>%1 › %2 — %3 untergeordnete Läufe</translation>
    </message>
    <message>
        <source>This parent run has no child runs left.</source>
        <translation>Dieser übergeordnete Lauf hat keine untergeordneten Läufe mehr.</translation>
    </message>
    <message>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <source>%1 — the runs could not be read</source>
        <translation>%1 — die Läufe konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 — filter error</source>
        <translation>%1 — Filterfehler</translation>
    </message>
    <message>
        <source>%1 — filter error, 0 of 1 run shown</source>
        <translation>%1 — Filterfehler, 0 von 1 Lauf angezeigt</translation>
    </message>
    <message>
        <source>%1 — filter error, 0 of %2 runs shown</source>
        <translation>%1 — Filterfehler, 0 von %2 Läufen angezeigt</translation>
    </message>
    <message>
        <source>The runs could not be read; the message above says why.</source>
        <translation>Die Läufe konnten nicht gelesen werden; die Meldung oben nennt den Grund.</translation>
    </message>
</context>
<context>
    <name>md::RunsTableModel</name>
    <message>
        <source>The cache is not open.</source>
        <translation>Der Cache ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
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
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>%1 (deleted)
Run ID: %2</source>
        <translation>%1 (gelöscht)
Lauf-ID: %2</translation>
    </message>
    <message>
        <source>%1
Run ID: %2</source>
        <translation>%1
Lauf-ID: %2</translation>
    </message>
    <message>
        <source>Child run of %1
Parent run ID: %2</source>
        <translation>Kindlauf von %1
Lauf-ID des Elternlaufs: %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Läuft noch</translation>
    </message>
    <message>
        <source>No end time recorded</source>
        <translation>Keine Endzeit aufgezeichnet</translation>
    </message>
    <message>
        <source>Ended %1</source>
        <translation>Beendet %1</translation>
    </message>
    <message>
        <source>%1: not logged</source>
        <translation>%1: nicht protokolliert</translation>
    </message>
    <message>
        <source>%1 = %2
step %3, logged %4</source>
        <translation>%1 = %2
Schritt %3, protokolliert %4</translation>
    </message>
    <message>
        <source>%1: not set</source>
        <translation>%1: nicht gesetzt</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Laufname</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Elternlauf</translation>
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
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Run ID</source>
        <translation>Lauf-ID</translation>
    </message>
    <message>
        <source>Metric %1 (latest value)</source>
        <translation>Metrik %1 (letzter Wert)</translation>
    </message>
    <message>
        <source>Parameter %1</source>
        <translation>Parameter %1</translation>
    </message>
    <message>
        <source>The parent run of a nested (child) run</source>
        <translation>Der Elternlauf eines verschachtelten (Kind-)Laufs</translation>
    </message>
    <message>
        <source>End time minus start time</source>
        <translation>Endzeit minus Startzeit</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>md::ServerSignIn</name>
    <message>
        <source>Signed in for this session only: the system keychain could not keep the credentials (%1).</source>
        <translation>Nur für diese Sitzung angemeldet: der Schlüsselbund des Systems konnte die Anmeldedaten nicht speichern (%1).</translation>
    </message>
    <message>
        <source>Not signed in to %1: its data was not synced.</source>
        <translation>Nicht bei %1 angemeldet: seine Daten wurden nicht synchronisiert.</translation>
    </message>
</context>
<context>
    <name>md::SignInDialog</name>
    <message>
        <source>The server %1 asks you to sign in.
%2</source>
        <translation>Der Server %1 verlangt eine Anmeldung.
%2</translation>
    </message>
    <message>
        <source>Stored by the desktop&apos;s keychain (Secret Service, KWallet), never in ModelDesk&apos;s settings or files.</source>
        <translation>Wird im Schlüsselbund des Desktops (Secret Service, KWallet) gespeichert, nie in den Einstellungen oder Dateien von ModelDesk.</translation>
    </message>
    <message>
        <source>The same token as MLFLOW_TRACKING_TOKEN</source>
        <translation>Dasselbe Token wie in MLFLOW_TRACKING_TOKEN</translation>
    </message>
</context>
<context>
    <name>md::TimelineWidget</name>
    <message>
        <source>The version timeline: hover a block or marker for details, click it to select the version</source>
        <translation>Der Zeitverlauf der Versionen: Für Details mit der Maus über einen Block oder eine Markierung fahren, zum Auswählen der Version klicken</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>Das Modell</translation>
    </message>
    <message>
        <source>%1 registered</source>
        <translation>%1 registriert</translation>
    </message>
    <message>
        <source>%1: stage %2 → %3</source>
        <translation>%1: Stufe %2 → %3</translation>
    </message>
    <message>
        <source>Alias %1: %2 → %3</source>
        <translation>Alias %1: %2 → %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1: tag %2 changed from “%3” to “%4”</source>
        <translation>%1: Tag %2 von „%3“ zu „%4“ geändert</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>%1: %2 changed</source>
        <translation>%1: %2 geändert</translation>
    </message>
    <message>
        <source>Made by another tool; observed by sync between %1 and %2</source>
        <translation>Von einem anderen Werkzeug vorgenommen; beim Synchronisieren zwischen %1 und %2 bemerkt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>Click to select the version</source>
        <translation>Klicken, um die Version auszuwählen</translation>
    </message>
    <message>
        <source>v%1 held alias %2</source>
        <translation>v%1 trug den Alias %2</translation>
    </message>
    <message>
        <source>v%1 in %2</source>
        <translation>v%1 in %2</translation>
    </message>
    <message>
        <source>From %1 until now</source>
        <translation>Von %1 bis jetzt</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Von %1 bis %2</translation>
    </message>
    <message>
        <source>The start was observed by sync between %1 and %2</source>
        <translation>Der Beginn wurde beim Synchronisieren zwischen %1 und %2 bemerkt</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1 promoted</source>
        <translation>%1 hochgestuft</translation>
    </message>
    <message>
        <source>%1: A/B test started</source>
        <translation>%1: A/B-Test gestartet</translation>
    </message>
    <message>
        <source>%1: A/B test ended</source>
        <translation>%1: A/B-Test beendet</translation>
    </message>
    <message>
        <source>%1 approved</source>
        <translation>%1 freigegeben</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <source>Emergency rollback to %1</source>
        <translation>Notfall-Rollback auf %1</translation>
    </message>
    <message>
        <source>Reload hook ran for %1</source>
        <translation>Reload-Hook für %1 ausgeführt</translation>
    </message>
    <message>
        <source>An action on %1 failed part-way</source>
        <translation>Eine Aktion an %1 ist mittendrin fehlgeschlagen</translation>
    </message>
    <message>
        <source>MMM d, HH:mm:ss</source>
        <extracomment>QDateTime format of a timeline axis label (date and time)</extracomment>
        <translation>d. MMM, HH:mm:ss</translation>
    </message>
    <message>
        <source>@%1 (Production)</source>
        <translation>@%1 (Production)</translation>
    </message>
</context>
<context>
    <name>md::VersionDetailsWidget</name>
    <message>
        <source>Select a version to see its card.</source>
        <translation>Wählen Sie eine Version, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Only differences</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <source>Hide the rows that are the same in both versions</source>
        <translation>Die Zeilen ausblenden, die in beiden Versionen gleich sind</translation>
    </message>
    <message>
        <source>Show one version</source>
        <translation>Eine Version anzeigen</translation>
    </message>
    <message>
        <source>Leave the comparison and show the selected version&apos;s card</source>
        <translation>Den Vergleich verlassen und die Details der gewählten Version anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the card as text</source>
        <translation>Die Details als Text kopieren</translation>
    </message>
    <message>
        <source>Reading the artifacts…</source>
        <translation>Artefakte werden gelesen …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop reading the artifacts; the rest of the card stays</source>
        <translation>Das Lesen der Artefakte anhalten; die übrigen Details bleiben erhalten</translation>
    </message>
    <message>
        <source>Version details</source>
        <translation>Versionsdetails</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 → %2: 1 difference</source>
        <translation>%1 → %2: 1 Unterschied</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2: %n differences</source>
        <translation>
            <numerusform>%1 → %2: %n Unterschied</numerusform>
            <numerusform>%1 → %2: %n Unterschiede</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed · %2 only in %3 · %4 only in %5</source>
        <translation>%1 geändert · %2 nur in %3 · %4 nur in %5</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>only in %1</source>
        <translation>nur in %1</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message numerus="yes">
        <source>%1… (%n more characters)</source>
        <translation>
            <numerusform>%1… (%n weiteres Zeichen)</numerusform>
            <numerusform>%1… (%n weitere Zeichen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::VersionsModel</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <source>No source run</source>
        <translation>Kein Quelllauf</translation>
    </message>
    <message>
        <source>Source run %1
%2</source>
        <translation>Quelllauf %1
%2</translation>
    </message>
    <message>
        <source>No key metric: the runs logged no metric with a known direction</source>
        <translation>Keine Leitmetrik: Die Läufe haben keine Metrik mit bekannter Richtung protokolliert</translation>
    </message>
    <message>
        <source>%1 of the source run</source>
        <translation>%1 des Quelllaufs</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Source Run</source>
        <translation>Quelllauf</translation>
    </message>
    <message>
        <source>Key Metric</source>
        <translation>Leitmetrik</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>The key metric: the model&apos;s modeldesk.key_metric tag, else val_r2_score, else the first metric with a known direction</source>
        <translation>Die Leitmetrik: das Tag modeldesk.key_metric des Modells, sonst val_r2_score, sonst die erste Metrik mit bekannter Richtung</translation>
    </message>
    <message>
        <source>%1 (digest %2)</source>
        <translation>%1 (digest %2)</translation>
    </message>
    <message>
        <source>unnamed dataset</source>
        <translation>unbenannter Datensatz</translation>
    </message>
    <message>
        <source>No %1 measured on %2 for this version: it is compared on that dataset only</source>
        <translation>Kein Wert von %1 auf %2 für diese Version gemessen: verglichen wird nur auf diesem Datensatz</translation>
    </message>
    <message>
        <source>%1 of the version&apos;s logged model on %2</source>
        <translation>%1 des geloggten Modells der Version auf %2</translation>
    </message>
    <message>
        <source>No review asked for or decided</source>
        <translation>Kein Review angefordert oder entschieden</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Every version&apos;s value on %1, the dataset most of them were measured on</source>
        <translation>Der Wert jeder Version auf %1, dem Datensatz, auf dem die meisten gemessen wurden</translation>
    </message>
</context>
</TS>
