<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>History: every logged value over the x axis, one line per run. Bar: the latest value of each run. Scatter: the latest value of each run against one of its params.</source>
        <translation>Verlauf: jeder protokollierte Wert über der x-Achse, eine Linie je Lauf. Balken: der letzte Wert jedes Laufs. Streudiagramm: der letzte Wert jedes Laufs über einem seiner Parameter.</translation>
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
        <translation>Phase</translation>
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
        <source>Usage: modeldesk-cli [--cache PATH] [--journal PATH] [--format table|csv|json] [--quiet] COMMAND [ARGS]

Commands:
  sync SOURCE-URI [--full] [--histories]
                             import a source into the cache (http(s)://, file://, sqlite://, folder://
                             or a path); a server is read incrementally unless --full is given,
                             --histories fetches every full metric history now
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
  models                     registered models
  versions MODEL             the versions of a registered model
  journal [verify]           the journal of actions and observed registry changes
  demo --into DIR            write the bundled demo (MLflow file store and model folder)

Global options:
  --cache PATH    the cache file (default: $XDG_DATA_HOME/modeldesk/cache.sqlite)
  --journal PATH  the journal file (default: journal.sqlite beside the cache)
  --format F      table (default), csv or json
  --source URI    limit listings to one source
  --quiet         no progress on stderr
  --version, --help

Exit codes: 0 success, 1 runtime failure, 2 usage error or bad input.
MLFLOW_TRACKING_URI is used by &apos;sync&apos; when no SOURCE-URI is given.
</source>
        <translation>Aufruf: modeldesk-cli [--cache PATH] [--journal PATH] [--format table|csv|json] [--quiet] COMMAND [ARGS]

Befehle:
  sync SOURCE-URI [--full] [--histories]
                             eine Quelle in den Cache importieren (http(s)://, file://, sqlite://, folder://
                             oder ein Pfad); ein Server wird inkrementell gelesen, außer mit --full;
                             --histories lädt sofort jeden vollständigen Metrikverlauf
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
  models                     registrierte Modelle
  versions MODEL             die Versionen eines registrierten Modells
  journal [verify]           das Journal der Aktionen und beobachteten Änderungen im Modellregister
  demo --into DIR            die mitgelieferte Demo schreiben (MLflow-Dateispeicher und Modellordner)

Globale Optionen:
  --cache PATH    die Cache-Datei (Vorgabe: $XDG_DATA_HOME/modeldesk/cache.sqlite)
  --journal PATH  die Journal-Datei (Vorgabe: journal.sqlite neben dem Cache)
  --format F      table (Vorgabe), csv oder json
  --source URI    Auflistungen auf eine Quelle beschränken
  --quiet         keine Fortschrittsanzeige auf stderr
  --version, --help

Exit-Codes: 0 Erfolg, 1 Laufzeitfehler, 2 Aufruffehler oder ungültige Eingabe.
MLFLOW_TRACKING_URI wird von &apos;sync&apos; verwendet, wenn keine SOURCE-URI angegeben ist.
</translation>
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
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Reading runs</source>
        <translation>Lese Läufe</translation>
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
        <source>Where are the runs? An MLflow file store (mlruns folder), an MLflow SQLite database (mlflow.db) or a model folder.</source>
        <translation>Wo liegen die Läufe? Ein MLflow-Dateispeicher (Ordner mlruns), eine MLflow-SQLite-Datenbank (mlflow.db) oder ein Modellordner.</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>file:///path/mlruns, sqlite:///path/mlflow.db, folder:///path/artifacts/training or a path</source>
        <translation>file:///pfad/mlruns, sqlite:///pfad/mlflow.db, folder:///pfad/artifacts/training oder ein Pfad</translation>
    </message>
    <message>
        <source>A URI in MLflow&apos;s form, or a plain path to a folder or a .db file</source>
        <translation>Eine URI in MLflows Form oder ein einfacher Pfad zu einem Ordner oder einer .db-Datei</translation>
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
</context>
<context>
    <name>md</name>
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
        <source>a run without run_id was skipped</source>
        <translation>ein Lauf ohne run_id wurde übersprungen</translation>
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
    <message>
        <source>The cache is not open.</source>
        <translation>Der Cache ist nicht geöffnet.</translation>
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
        <source>The cache is not open.</source>
        <translation>Der Cache ist nicht geöffnet.</translation>
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
</context>
<context>
    <name>md::HttpClient</name>
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
</context>
<context>
    <name>md::MetricChart</name>
    <message>
        <source>Drag to pan, wheel to zoom, double-click or Ctrl+0 to reset; click a legend entry to hide or show its run</source>
        <translation>Ziehen zum Verschieben, Mausrad zum Zoomen, Doppelklick oder Strg+0 zum Zurücksetzen; Klick auf einen Legendeneintrag blendet seinen Lauf aus oder ein</translation>
    </message>
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
</context>
<context>
    <name>md::MlflowDbSource</name>
    <message>
        <source>no such file</source>
        <translation>Datei existiert nicht</translation>
    </message>
    <message>
        <source>not an MLflow database (this is a folder)</source>
        <translation>keine MLflow-Datenbank (dies ist ein Ordner)</translation>
    </message>
    <message>
        <source>not an MLflow database (not an SQLite file)</source>
        <translation>keine MLflow-Datenbank (keine SQLite-Datei)</translation>
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
        <source>unknown MLflow schema revision &apos;%1&apos; (newer than this ModelDesk?)</source>
        <translation>unbekannte MLflow-Schemarevision &apos;%1&apos; (neuer als dieses ModelDesk?)</translation>
    </message>
    <message>
        <source>not an MLflow database (table &apos;%1&apos; is missing)</source>
        <translation>keine MLflow-Datenbank (Tabelle &apos;%1&apos; fehlt)</translation>
    </message>
</context>
<context>
    <name>md::MlflowRestSource</name>
    <message>
        <source>not an MLflow tracking server: %1 answered %2 with &apos;%3&apos; instead of MLflow&apos;s JSON</source>
        <translation>kein MLflow-Tracking-Server: %1 hat auf %2 mit &apos;%3&apos; statt mit MLflows JSON geantwortet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>md::ModelFolderSource</name>
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
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
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
    <name>md::ModelsPage</name>
    <message>
        <source>No key metric</source>
        <translation>Keine Leitmetrik</translation>
    </message>
    <message>
        <source>%1 of each version&apos;s source run</source>
        <translation>%1 des Quelllaufs jeder Version</translation>
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
        <source>No key metric values</source>
        <translation>Keine Werte der Leitmetrik</translation>
    </message>
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
    <name>md::Reader</name>
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
        <source>model &apos;%1&apos; has a version &apos;%2&apos; that is not a positive number; skipped</source>
        <translation>Modell &apos;%1&apos; hat eine Version &apos;%2&apos;, die keine positive Zahl ist; übersprungen</translation>
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
</context>
<context>
    <name>md::VersionsModel</name>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>%1 by %2 on %3</source>
        <translation>%1 von %2 am %3</translation>
    </message>
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
        <source>Not approved or rejected in ModelDesk</source>
        <translation>In ModelDesk weder freigegeben noch abgelehnt</translation>
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
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>The key metric: the model&apos;s modeldesk.key_metric tag, else val_r2_score, else the first metric with a known direction</source>
        <translation>Die Leitmetrik: das Tag modeldesk.key_metric des Modells, sonst val_r2_score, sonst die erste Metrik mit bekannter Richtung</translation>
    </message>
</context>
</TS>
