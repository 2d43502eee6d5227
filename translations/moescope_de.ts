<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>main</name>
        <message>
            <source>MoEScope workbench</source>
            <translation>MoEScope-Workbench</translation>
        </message>
        <message>
            <source>Model to select.</source>
            <translation>Auszuwählendes Modell.</translation>
        </message>
        <message>
            <source>Run database.</source>
            <translation>Laufdatenbank.</translation>
        </message>
        <message>
            <source>Run the model at start.</source>
            <translation>Das Modell beim Start ausführen.</translation>
        </message>
        <message>
            <source>After the first result is shown, save a screenshot of the window to FILE and quit.</source>
            <translation>Nach Anzeige des ersten Ergebnisses ein Bildschirmfoto des Fensters in FILE speichern und beenden.</translation>
        </message>
        <message>
            <source>With a retrieval model and an image: query this gallery with the image once both are ready (--screenshot then waits for the answer).</source>
            <translation>Mit einem Retrieval-Modell und einem Bild: diese Galerie mit dem Bild abfragen, sobald beide bereit sind (--screenshot wartet dann auf die Antwort).</translation>
        </message>
        <message>
            <source>Window size in pixels (for screenshots).</source>
            <translation>Fenstergröße in Pixeln (für Bildschirmfotos).</translation>
        </message>
        <message>
            <source>Zoom the image view by this factor (1 = fitted) before the screenshot.</source>
            <translation>Die Bildansicht vor dem Bildschirmfoto um diesen Faktor zoomen (1 = eingepasst).</translation>
        </message>
        <message>
            <source>Image to open.</source>
            <translation>Zu öffnendes Bild.</translation>
        </message>
        <message>
            <source>No translation for "%1" (moescope_%1.qm) is installed; English is shown</source>
            <translation>Keine Übersetzung für „%1“ (moescope_%1.qm) installiert; Englisch wird angezeigt</translation>
        </message>
    </context>
    <context>
        <name>moescope</name>
        <message>
            <source>Brain</source>
            <translation>Hirn</translation>
        </message>
        <message>
            <source>Lung</source>
            <translation>Lunge</translation>
        </message>
        <message>
            <source>Mediastinum</source>
            <translation>Mediastinum</translation>
        </message>
        <message>
            <source>Abdomen</source>
            <translation>Abdomen</translation>
        </message>
        <message>
            <source>Bone</source>
            <translation>Knochen</translation>
        </message>
    </context>
    <context>
        <name>moescope::Ablation</name>
        <message>
            <source>no image to probe</source>
            <translation>kein Bild zum Untersuchen</translation>
        </message>
        <message>
            <source>model %1 takes no expert_mask input, so its experts cannot be switched off (docs/model-contract.md, "Expert ablation")</source>
            <translation>Modell %1 hat keinen Eingang expert_mask, daher lassen sich seine Experten nicht abschalten (docs/model-contract.md, „Expert ablation“)</translation>
        </message>
        <message>
            <source>model %1 has %2 MoE layers (0 … %3): there is no layer %4</source>
            <translation>Modell %1 hat %2 MoE-Layer (0 … %3): Layer %4 gibt es nicht</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <source>model %1 has no output to measure the effect on</source>
            <translation>Modell %1 hat keine Ausgabe, an der sich die Wirkung messen lässt</translation>
        </message>
    </context>
    <context>
        <name>moescope::Analysis</name>
        <message>
            <source>no image to analyse</source>
            <translation>kein Bild zum Analysieren</translation>
        </message>
        <message>
            <source>%1: nothing to run (no steps)</source>
            <translation>%1: nichts auszuführen (keine Schritte)</translation>
        </message>
        <message>
            <source>%1: step %2: %3</source>
            <translation>%1: Schritt %2: %3</translation>
        </message>
        <message>
            <source>model %1 takes no expert_mask input, so experts cannot be switched off</source>
            <translation>Modell %1 hat keinen Eingang expert_mask, daher lassen sich Experten nicht abschalten</translation>
        </message>
        <message>
            <source>no expert %1 in MoE layer %2 (the model has %3 layers)</source>
            <translation>kein Experte %1 im MoE-Layer %2 (das Modell hat %3 Layer)</translation>
        </message>
        <message>
            <source>every expert of MoE layer %1 would be switched off</source>
            <translation>jeder Experte des MoE-Layers %1 würde abgeschaltet</translation>
        </message>
    </context>
    <context>
        <name>moescope::AnnotatedVideo</name>
        <message>
            <source>FFmpeg has neither an H.264 nor an MPEG-4 encoder</source>
            <translation>FFmpeg hat weder einen H.264- noch einen MPEG-4-Encoder</translation>
        </message>
        <message>
            <source>frame %1</source>
            <translation>Bild %1</translation>
        </message>
        <message>
            <source> · top-1 expert, %1</source>
            <translation> · Top-1-Experte, %1</translation>
        </message>
        <message>
            <source>%1: no frames to write</source>
            <translation>%1: keine Bilder zu schreiben</translation>
        </message>
        <message>
            <source>cannot rename %1 to it</source>
            <translation>%1 kann nicht darauf umbenannt werden</translation>
        </message>
    </context>
    <context>
        <name>moescope::Artifacts</name>
        <message>
            <source>frame %1</source>
            <translation>Bild %1</translation>
        </message>
        <message>
            <source>%1: cannot create the output folder</source>
            <translation>%1: Ausgabeordner kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>%1: cannot encode PNG</source>
            <translation>%1: PNG kann nicht kodiert werden</translation>
        </message>
    </context>
    <context>
        <name>moescope::Batch</name>
        <message>
            <source>%1: no such file or folder</source>
            <translation>%1: Datei oder Ordner nicht vorhanden</translation>
        </message>
        <message>
            <source>%1: cannot read the list (%2)</source>
            <translation>%1: Liste kann nicht gelesen werden (%2)</translation>
        </message>
        <message>
            <source>%1: no files to analyse (the folder is empty)</source>
            <translation>%1: keine Dateien zu analysieren (der Ordner ist leer)</translation>
        </message>
        <message>
            <source>%1: the list names no file</source>
            <translation>%1: die Liste nennt keine Datei</translation>
        </message>
    </context>
    <context>
        <name>moescope::DesktopRecent</name>
        <message>
            <source>%1: not a list of recent files this program can update; left as it is</source>
            <translation>%1: keine Liste zuletzt verwendeter Dateien, die dieses Programm aktualisieren kann; unverändert gelassen</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>moescope::GenericTaskPlugin</name>
        <message>
            <source>Generic (any MoE model)</source>
            <translation>Generisch (beliebiges MoE-Modell)</translation>
        </message>
        <message>
            <source>the image is empty</source>
            <translation>das Bild ist leer</translation>
        </message>
        <message>
            <source>input "%1" is a vector no installed plugin computes; it is fed zeros</source>
            <translation>Eingang „%1“ ist ein Vektor, den kein installiertes Plugin berechnet; er wird mit Nullen gespeist</translation>
        </message>
    </context>
    <context>
        <name>moescope::ImageDocument</name>
        <message>
            <source>%1 — %2 × %3, %4 band(s), %5 frame(s), read by region (overview %6 × %7)</source>
            <translation>%1 — %2 × %3, %4 Band/Bänder, %5 Bild(er), regionsweise gelesen (Übersicht %6 × %7)</translation>
        </message>
        <message>
            <source>%1 — %2 × %3, %4 channel(s), %5 frame(s)%6</source>
            <translation>%1 — %2 × %3, %4 Kanal/Kanäle, %5 Bild(er)%6</translation>
        </message>
        <message>
            <source>, modality %1</source>
            <translation>, Modalität %1</translation>
        </message>
    </context>
    <context>
        <name>moescope::ImageLoader</name>
        <message>
            <source>unexpected DCMTK pixel representation %1</source>
            <translation>unerwartete DCMTK-Pixeldarstellung %1</translation>
        </message>
        <message>
            <source>it holds a video stream, and no video decoder is built in (export the cine uncompressed, RLE or JPEG)</source>
            <translation>enthält einen Videostream, und es ist kein Videodecoder eingebaut (Cine-Sequenz unkomprimiert, als RLE oder JPEG exportieren)</translation>
        </message>
        <message>
            <source>deflated data sets are not inflated by this build</source>
            <translation>komprimierte Datensätze (Deflate) werden von diesem Build nicht entpackt</translation>
        </message>
        <message>
            <source>none of the decoders here (DCMTK: JPEG, JPEG-LS, RLE; ITK/GDCM: JPEG 2000) reads it</source>
            <translation>keiner der hier verfügbaren Decoder (DCMTK: JPEG, JPEG-LS, RLE; ITK/GDCM: JPEG 2000) kann sie lesen</translation>
        </message>
        <message>
            <source>unsupported transfer syntax %1: %2</source>
            <translation>nicht unterstützte Transfersyntax %1: %2</translation>
        </message>
        <message>
            <source>not a valid DICOM file: %1</source>
            <translation>keine gültige DICOM-Datei: %1</translation>
        </message>
        <message>
            <source>cannot decode DICOM pixel data: %1</source>
            <translation>DICOM-Pixeldaten können nicht dekodiert werden: %1</translation>
        </message>
        <message>
            <source>cannot decode DICOM pixel data: no intermediate pixel data</source>
            <translation>DICOM-Pixeldaten können nicht dekodiert werden: keine Zwischen-Pixeldaten</translation>
        </message>
        <message>
            <source>unsupported image size %1 × %2 × %3</source>
            <translation>nicht unterstützte Bildgröße %1 × %2 × %3</translation>
        </message>
        <message>
            <source>a DICOMDIR is an index without pixel data; open the folder that holds it instead</source>
            <translation>ein DICOMDIR ist ein Index ohne Pixeldaten; stattdessen den Ordner öffnen, der es enthält</translation>
        </message>
        <message>
            <source>float pixel data is not supported</source>
            <translation>Gleitkomma-Pixeldaten werden nicht unterstützt</translation>
        </message>
        <message>
            <source>directory contains no DICOM files</source>
            <translation>Verzeichnis enthält keine DICOM-Dateien</translation>
        </message>
        <message>
            <source>directory contains no DICOM images (%1 DICOM file(s) without pixel data or unreadable)</source>
            <translation>Verzeichnis enthält keine DICOM-Bilder (%1 DICOM-Datei(en) ohne Pixeldaten oder unlesbar)</translation>
        </message>
        <message>
            <source>no series %1 in the folder; its series: %2</source>
            <translation>keine Serie %1 im Ordner; vorhandene Serien: %2</translation>
        </message>
        <message>
            <source>series is too large to load</source>
            <translation>Serie ist zu groß zum Laden</translation>
        </message>
        <message>
            <source>no slice of series %1 could be decoded</source>
            <translation>keine Schicht der Serie %1 konnte dekodiert werden</translation>
        </message>
        <message>
            <source>left out %1 slice(s) of another size than the series (%2 × %3): %4</source>
            <translation>%1 Schicht(en) mit anderer Größe als die Serie (%2 × %3) ausgelassen: %4</translation>
        </message>
        <message>
            <source>left out %1 slice(s) that could not be decoded: %2</source>
            <translation>%1 nicht dekodierbare Schicht(en) ausgelassen: %2</translation>
        </message>
        <message>
            <source>gap in the series between slice %1 (%2, at %3) and slice %4 (%5, at %6 along the slice normal): %7 apart where the median spacing is %8, about %9 slice(s) missing</source>
            <translation>Lücke in der Serie zwischen Schicht %1 (%2, bei %3) und Schicht %4 (%5, bei %6 entlang der Schichtnormalen): %7 Abstand bei einem medianen Schichtabstand von %8, etwa %9 Schicht(en) fehlen</translation>
        </message>
        <message>
            <source>position along the slice normal</source>
            <translation>Position entlang der Schichtnormalen</translation>
        </message>
        <message>
            <source>instance number</source>
            <translation>Instanznummer</translation>
        </message>
        <message>
            <source>not a DICOM file and not an image format Qt can read</source>
            <translation>weder eine DICOM-Datei noch ein von Qt lesbares Bildformat</translation>
        </message>
        <message>
            <source>cannot decode %1 image: %2</source>
            <translation>%1-Bild kann nicht dekodiert werden: %2</translation>
        </message>
        <message>
            <source>no file name given</source>
            <translation>kein Dateiname angegeben</translation>
        </message>
        <message>
            <source>file does not exist</source>
            <translation>Datei existiert nicht</translation>
        </message>
        <message>
            <source>file is empty</source>
            <translation>Datei ist leer</translation>
        </message>
        <message>
            <source>cannot open file: %1</source>
            <translation>Datei kann nicht geöffnet werden: %1</translation>
        </message>
        <message>
            <source>the file names no series; series %1 was asked for</source>
            <translation>die Datei nennt keine Serie; angefordert war Serie %1</translation>
        </message>
        <message>
            <source>the file belongs to series %1, not to series %2</source>
            <translation>die Datei gehört zu Serie %1, nicht zu Serie %2</translation>
        </message>
        <message>
            <source>not enough memory to load the image</source>
            <translation>nicht genügend Speicher zum Laden des Bildes</translation>
        </message>
        <message>
            <source>unexpected error: %1</source>
            <translation>unerwarteter Fehler: %1</translation>
        </message>
        <message>
            <source>unexpected error while loading</source>
            <translation>unerwarteter Fehler beim Laden</translation>
        </message>
        <message>
            <source>no folder given</source>
            <translation>kein Ordner angegeben</translation>
        </message>
        <message>
            <source>folder does not exist</source>
            <translation>Ordner existiert nicht</translation>
        </message>
        <message>
            <source>not a folder</source>
            <translation>kein Ordner</translation>
        </message>
        <message>
            <source>unexpected error while listing series</source>
            <translation>unerwarteter Fehler beim Auflisten der Serien</translation>
        </message>
        <message>
            <source>not enough memory</source>
            <translation>nicht genügend Speicher</translation>
        </message>
        <message>
            <source>unknown ITK error</source>
            <translation>unbekannter ITK-Fehler</translation>
        </message>
        <message>
            <source>unsupported pixel type: %1 components per pixel (1 or 3 supported)</source>
            <translation>nicht unterstützter Pixeltyp: %1 Komponenten pro Pixel (1 oder 3 unterstützt)</translation>
        </message>
        <message>
            <source>from %1 to RAI (ITK orientation codes; RAI is DICOM's LPS): x, y, z are the file's axes %2, %3, %4%5</source>
            <translation>von %1 nach RAI (ITK-Orientierungscodes; RAI entspricht DICOM-LPS): x, y, z sind die Dateiachsen %2, %3, %4%5</translation>
        </message>
        <message>
            <source>cannot reorient the volume to the patient frame: %1</source>
            <translation>Volumen kann nicht in das Patientenkoordinatensystem umorientiert werden: %1</translation>
        </message>
        <message>
            <source>not enough memory to reorient the volume</source>
            <translation>nicht genügend Speicher zum Umorientieren des Volumens</translation>
        </message>
        <message>
            <source>not a %1 file ITK can read (bad or missing header)</source>
            <translation>keine von ITK lesbare %1-Datei (Header fehlerhaft oder fehlend)</translation>
        </message>
        <message>
            <source>cannot read %1 volume: %2</source>
            <translation>%1-Volumen kann nicht gelesen werden: %2</translation>
        </message>
        <message>
            <source>the header gives %1 dimension(s); an image has at least 2</source>
            <translation>der Header gibt %1 Dimension(en) an; ein Bild hat mindestens 2</translation>
        </message>
        <message>
            <source>the file is truncated: its gzip stream does not end with the %1 bytes its header needs</source>
            <translation>die Datei ist abgeschnitten: ihr gzip-Stream endet nicht mit den %1 Bytes, die ihr Header benötigt</translation>
        </message>
        <message>
            <source>the file is truncated: its header needs %1 bytes, it holds %2</source>
            <translation>die Datei ist abgeschnitten: ihr Header benötigt %1 Bytes, sie enthält %2</translation>
        </message>
        <message>
            <source>the MetaImage header is damaged: a key or value is longer than the 255 characters MetaIO reads</source>
            <translation>der MetaImage-Header ist beschädigt: ein Schlüssel oder Wert ist länger als die 255 Zeichen, die MetaIO liest</translation>
        </message>
        <message>
            <source>the header is damaged: its voxel spacing or orientation holds a number that is not finite</source>
            <translation>der Header ist beschädigt: Voxelabstand oder Orientierung enthalten eine nicht endliche Zahl</translation>
        </message>
        <message>
            <source>the header is damaged: its voxel offset (vox_offset) is not a position in a file</source>
            <translation>der Header ist beschädigt: sein Voxel-Offset (vox_offset) ist keine Position in einer Datei</translation>
        </message>
        <message>
            <source>damaged DICOM header: %1</source>
            <translation>beschädigter DICOM-Header: %1</translation>
        </message>
        <message>
            <source>%1 would decode to %2 MB, more than the %3 MB allowed (MOESCOPE_MAX_DECODED_MB)</source>
            <translation>%1 würde auf %2 MB dekodiert, mehr als die erlaubten %3 MB (MOESCOPE_MAX_DECODED_MB)</translation>
        </message>
        <message>
            <source>an animation of %1 × %2 with more than %3 frames</source>
            <translation>eine Animation von %1 × %2 mit mehr als %3 Bildern</translation>
        </message>
        <message>
            <source>cannot write a temporary copy for the JPEG 2000 decoder in %1</source>
            <translation>temporäre Kopie für den JPEG-2000-Decoder kann in %1 nicht geschrieben werden</translation>
        </message>
    </context>
    <context>
        <name>moescope::ModelCatalog</name>
        <message>
            <source>%1: registered model file is missing</source>
            <translation>%1: registrierte Modelldatei fehlt</translation>
        </message>
        <message>
            <source>%1: no such model file, and no bundled or registered model has that name (see `moescope-cli models`)</source>
            <translation>%1: keine solche Modelldatei, und kein mitgeliefertes oder registriertes Modell trägt diesen Namen (siehe `moescope-cli models`)</translation>
        </message>
    </context>
    <context>
        <name>moescope::ModelProposer</name>
        <message>
            <source>the sample %1 was made for %2</source>
            <translation>das Beispiel %1 wurde für %2 erstellt</translation>
        </message>
        <message>
            <source>a %1 model for the sample %2</source>
            <translation>ein %1-Modell für das Beispiel %2</translation>
        </message>
        <message>
            <source>the %1 plugin reads this file</source>
            <translation>das Plugin %1 liest diese Datei</translation>
        </message>
        <message>
            <source>DICOM modality %1</source>
            <translation>DICOM-Modalität %1</translation>
        </message>
        <message>
            <source>a %1 image</source>
            <translation>ein %1-Bild</translation>
        </message>
    </context>
    <context>
        <name>moescope::ModelSession</name>
        <message>
            <source>Load %1</source>
            <translation>%1 laden</translation>
        </message>
        <message>
            <source>unknown device "%1" (auto, cpu or cuda)</source>
            <translation>unbekanntes Gerät „%1“ (auto, cpu oder cuda)</translation>
        </message>
        <message>
            <source>%1: loading was cancelled</source>
            <translation>%1: Laden wurde abgebrochen</translation>
        </message>
        <message>
            <source>Analyse</source>
            <translation>Analysieren</translation>
        </message>
        <message>
            <source>no model is loaded</source>
            <translation>kein Modell geladen</translation>
        </message>
        <message>
            <source>Index into %1</source>
            <translation>In %1 indizieren</translation>
        </message>
        <message>
            <source>indexing was cancelled before it started</source>
            <translation>Indizierung wurde vor dem Start abgebrochen</translation>
        </message>
        <message>
            <source>Query %1</source>
            <translation>%1 abfragen</translation>
        </message>
        <message>
            <source>there is no gallery "%1"</source>
            <translation>es gibt keine Galerie „%1“</translation>
        </message>
        <message>
            <source>query cancelled</source>
            <translation>Abfrage abgebrochen</translation>
        </message>
        <message>
            <source>Probe</source>
            <translation>Sondieren</translation>
        </message>
        <message>
            <source>The probe was cancelled</source>
            <translation>Die Sondierung wurde abgebrochen</translation>
        </message>
    </context>
    <context>
        <name>moescope::PluginRegistry</name>
        <message>
            <source>Generic (any MoE model)</source>
            <translation>Generisch (beliebiges MoE-Modell)</translation>
        </message>
        <message>
            <source>Feeds the image inputs, shows the routing and lists the outputs of any model whose task no installed plugin claims.</source>
            <translation>Speist die Bildeingänge, zeigt das Routing und listet die Ausgaben jedes Modells, dessen Aufgabe kein installiertes Plugin übernimmt.</translation>
        </message>
        <message>
            <source>%1: not a MoEScope task plugin of interface %2</source>
            <translation>%1: kein MoEScope-Aufgaben-Plugin der Schnittstelle %2</translation>
        </message>
        <message>
            <source>%1: plugin "%2" was written for plugin API %3; this MoEScope serves %4, so it is not loaded</source>
            <translation>%1: Plugin „%2“ wurde für die Plugin-API %3 geschrieben; dieses MoEScope bietet %4, daher wird es nicht geladen</translation>
        </message>
        <message>
            <source>(none given)</source>
            <translation>(keine angegeben)</translation>
        </message>
        <message>
            <source>%1: plugin id "%2" is empty or already taken</source>
            <translation>%1: Plugin-ID „%2“ ist leer oder bereits vergeben</translation>
        </message>
        <message>
            <source>%1: the plugin could not be loaded (%2); using the generic view</source>
            <translation>%1: das Plugin konnte nicht geladen werden (%2); die generische Ansicht wird verwendet</translation>
        </message>
        <message>
            <source>not found</source>
            <translation>nicht gefunden</translation>
        </message>
        <message>
            <source>%1: its metadata declares the capabilities "%2" but the plugin has "%3"; it is not used until the two agree</source>
            <translation>%1: seine Metadaten deklarieren die Fähigkeiten „%2“, das Plugin hat aber „%3“; es wird erst verwendet, wenn beide übereinstimmen</translation>
        </message>
    </context>
    <context>
        <name>moescope::Preferences</name>
        <message>
            <source>The settings file %1 could not be read; it was kept as %2 and the defaults are used</source>
            <translation>Die Einstellungsdatei %1 konnte nicht gelesen werden; sie wurde als %2 aufbewahrt, und die Standardwerte werden verwendet</translation>
        </message>
        <message>
            <source>The settings file %1 could not be read; the defaults are used</source>
            <translation>Die Einstellungsdatei %1 konnte nicht gelesen werden; die Standardwerte werden verwendet</translation>
        </message>
        <message numerus="yes">
            <source>%n recent file(s) no longer there, removed from the list: %1</source>
            <translation>
                <numerusform>%n zuletzt verwendete Datei nicht mehr vorhanden, aus der Liste entfernt: %1</numerusform>
                <numerusform>%n zuletzt verwendete Dateien nicht mehr vorhanden, aus der Liste entfernt: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Setting %1 = "%2" is not one of %3; %4 is used</source>
            <translation>Einstellung %1 = „%2“ ist keiner der Werte %3; %4 wird verwendet</translation>
        </message>
        <message>
            <source>the default</source>
            <translation>der Standardwert</translation>
        </message>
        <message>
            <source>Setting %1 = "%2" is not a number from %3 to %4; %5 is used</source>
            <translation>Einstellung %1 = „%2“ ist keine Zahl von %3 bis %4; %5 wird verwendet</translation>
        </message>
        <message numerus="yes">
            <source>%n recent model(s) no longer there, removed from the list: %1</source>
            <translation>
                <numerusform>%n zuletzt verwendetes Modell nicht mehr vorhanden, aus der Liste entfernt: %1</numerusform>
                <numerusform>%n zuletzt verwendete Modelle nicht mehr vorhanden, aus der Liste entfernt: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>moescope::ProbeController</name>
        <message>
            <source>A probe is still running; cancel it first</source>
            <translation>Eine Sondierung läuft noch; zuerst abbrechen</translation>
        </message>
        <message>
            <source>Open an image and load a model first</source>
            <translation>Zuerst ein Bild öffnen und ein Modell laden</translation>
        </message>
        <message>
            <source>Model %1 takes no expert_mask input, so its experts cannot be switched off</source>
            <translation>Modell %1 hat keinen Eingang expert_mask, daher lassen sich seine Experten nicht abschalten</translation>
        </message>
    </context>
    <context>
        <name>moescope::Report</name>
        <message>
            <source>predicted %1 (%2)</source>
            <translation>vorhergesagt: %1 (%2)</translation>
        </message>
        <message>
            <source>run %1 has no step to report</source>
            <translation>Lauf %1 hat keinen Schritt für den Bericht</translation>
        </message>
        <message>
            <source>MoEScope report: run %1</source>
            <translation>MoEScope-Bericht: Lauf %1</translation>
        </message>
        <message>
            <source>Research software, not for clinical use.</source>
            <translation>Forschungssoftware, nicht für den klinischen Einsatz.</translation>
        </message>
        <message>
            <source>Provenance</source>
            <translation>Herkunft</translation>
        </message>
        <message>
            <source>MoEScope</source>
            <translation>MoEScope</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Model SHA-256</source>
            <translation>Modell-SHA-256</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Eingabe</translation>
        </message>
        <message>
            <source>Input SHA-256</source>
            <translation>Eingabe-SHA-256</translation>
        </message>
        <message>
            <source>Frame</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <source>Report written</source>
            <translation>Bericht erstellt</translation>
        </message>
        <message>
            <source>Identifying fields (patient name, ID, birth date, sex, age, institution, study dates and UIDs) and the input's folder are left out.</source>
            <translation>Identifizierende Felder (Patientenname, ID, Geburtsdatum, Geschlecht, Alter, Einrichtung, Studiendaten und UIDs) und der Ordner der Eingabe sind ausgelassen.</translation>
        </message>
        <message>
            <source>Where the router sent each patch</source>
            <translation>Wohin der Router jeden Patch geleitet hat</translation>
        </message>
        <message>
            <source>The picture the model saw</source>
            <translation>Das Bild, das das Modell gesehen hat</translation>
        </message>
        <message>
            <source>Layer %1 (%2): top-1 expert</source>
            <translation>Layer %1 (%2): Top-1-Experte</translation>
        </message>
        <message>
            <source>This step kept routing summaries only.</source>
            <translation>Dieser Schritt hat nur Routing-Zusammenfassungen behalten.</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>Ausgaben</translation>
        </message>
        <message>
            <source>Routing per layer</source>
            <translation>Routing je Layer</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>Experten</translation>
        </message>
        <message>
            <source>Mean entropy (share of uniform)</source>
            <translation>Mittlere Entropie (Anteil an Gleichverteilung)</translation>
        </message>
        <message>
            <source>Load (top-1 share per expert)</source>
            <translation>Auslastung (Top-1-Anteil je Experte)</translation>
        </message>
        <message>
            <source>Compared with run %1 (%2, frame %3)</source>
            <translation>Verglichen mit Lauf %1 (%2, Bild %3)</translation>
        </message>
        <message>
            <source>Top-1 agreement</source>
            <translation>Top-1-Übereinstimmung</translation>
        </message>
        <message>
            <source>Mean JS (bits)</source>
            <translation>Mittlere JS (Bit)</translation>
        </message>
        <message>
            <source>Entropy change (bits)</source>
            <translation>Entropieänderung (Bit)</translation>
        </message>
        <message>
            <source>Load JS (bits)</source>
            <translation>Auslastungs-JS (Bit)</translation>
        </message>
        <message>
            <source>Its outputs: </source>
            <translation>Seine Ausgaben: </translation>
        </message>
        <message>
            <source>The model card, in short</source>
            <translation>Die Modellkarte in Kürze</translation>
        </message>
    </context>
    <context>
        <name>moescope::Retrieval</name>
        <message>
            <source>model "%1" has no output of kind "embedding", so it cannot build or search a gallery</source>
            <translation>Modell „%1“ hat keine Ausgabe der Art „embedding“ und kann daher keine Galerie erstellen oder durchsuchen</translation>
        </message>
        <message>
            <source>the model returned no "%1"</source>
            <translation>das Modell hat kein „%1“ geliefert</translation>
        </message>
        <message>
            <source>the model's "%1" holds NaN or infinity</source>
            <translation>„%1“ des Modells enthält NaN oder Unendlich</translation>
        </message>
        <message>
            <source>gallery "%1" was built by model %2 (sha256 %3…); %4 (sha256 %5…) is another model, and its embeddings are not comparable: query it with the model that built it, or index a new gallery</source>
            <translation>Galerie „%1“ wurde mit Modell %2 (sha256 %3…) erstellt; %4 (sha256 %5…) ist ein anderes Modell, dessen Embeddings nicht vergleichbar sind: mit dem Modell abfragen, das sie erstellt hat, oder eine neue Galerie indizieren</translation>
        </message>
        <message>
            <source>gallery "%1" holds %2-value embeddings; the model returns %3</source>
            <translation>Galerie „%1“ enthält Embeddings mit %2 Werten; das Modell liefert %3</translation>
        </message>
        <message>
            <source>%1: no such file or folder</source>
            <translation>%1: Datei oder Ordner nicht vorhanden</translation>
        </message>
        <message>
            <source>%1: no files to index (the folder is empty)</source>
            <translation>%1: keine Dateien zu indizieren (der Ordner ist leer)</translation>
        </message>
        <message>
            <source>%1: frame %2: %3</source>
            <translation>%1: Bild %2: %3</translation>
        </message>
        <message>
            <source>%1: none of %2 file(s) could be indexed%3</source>
            <translation>%1: keine der %2 Datei(en) konnte indiziert werden%3</translation>
        </message>
        <message>
            <source>%1: there is no gallery "%2"</source>
            <translation>%1: es gibt keine Galerie „%2“</translation>
        </message>
        <message>
            <source>no query image</source>
            <translation>kein Anfragebild</translation>
        </message>
        <message>
            <source>frame %1 is not in the image</source>
            <translation>Bild %1 ist nicht in der Aufnahme enthalten</translation>
        </message>
        <message>
            <source>exact search</source>
            <translation>exakte Suche</translation>
        </message>
        <message>
            <source>%1: recall@10 %2 against exact search</source>
            <translation>%1: recall@10 %2 gegenüber exakter Suche</translation>
        </message>
        <message>
            <source>; built again</source>
            <translation>; neu erstellt</translation>
        </message>
        <message>
            <source>the approximate index is not saved (%1); it is built again next time</source>
            <translation>der approximative Index wird nicht gespeichert (%1); er wird beim nächsten Mal neu erstellt</translation>
        </message>
    </context>
    <context>
        <name>moescope::RunComparison</name>
        <message>
            <source>Still opening the last comparison</source>
            <translation>Der letzte Vergleich wird noch geöffnet</translation>
        </message>
        <message>
            <source>Run %1 kept no routing for frame %2 (only its summary)</source>
            <translation>Lauf %1 hat für Bild %2 kein Routing behalten (nur dessen Zusammenfassung)</translation>
        </message>
        <message>
            <source>%1: total variation %2 (%3 → %4)</source>
            <translation>%1: Totalvariation %2 (%3 → %4)</translation>
        </message>
        <message>
            <source>%1: mean Dice %2</source>
            <translation>%1: mittlerer Dice %2</translation>
        </message>
        <message>
            <source>%1: IoU %2</source>
            <translation>%1: IoU %2</translation>
        </message>
    </context>
    <context>
        <name>moescope::RunController</name>
        <message>
            <source>The run failed.

%1</source>
            <translation>Der Lauf ist fehlgeschlagen.

%1</translation>
        </message>
        <message>
            <source>Loading model %1…</source>
            <translation>Modell %1 wird geladen…</translation>
        </message>
        <message>
            <source>Open an image first (File ▸ Open, or drop a file on the window).</source>
            <translation>Zuerst ein Bild öffnen (Datei ▸ Öffnen, oder eine Datei auf das Fenster ziehen).</translation>
        </message>
        <message>
            <source>Pick a model first.</source>
            <translation>Zuerst ein Modell auswählen.</translation>
        </message>
        <message>
            <source>A run is in progress; cancel it first (Esc).</source>
            <translation>Ein Lauf ist im Gange; zuerst abbrechen (Esc).</translation>
        </message>
        <message>
            <source>Running %1 on %2…</source>
            <translation>%1 wird auf %2 ausgeführt…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Wird abgebrochen…</translation>
        </message>
        <message>
            <source>The run was not stored.

%1</source>
            <translation>Der Lauf wurde nicht gespeichert.

%1</translation>
        </message>
        <message numerus="yes">
            <source>Cancelled after %n step(s); the partial run is kept.</source>
            <translation>
                <numerusform>Nach %n Schritt abgebrochen; der unvollständige Lauf wird behalten.</numerusform>
                <numerusform>Nach %n Schritten abgebrochen; der unvollständige Lauf wird behalten.</numerusform>
            </translation>
        </message>
        <message>
            <source>Run %1 on %2 is stored; reopen it from Runs.</source>
            <translation>Lauf %1 auf %2 ist gespeichert; unter „Läufe“ erneut öffnen.</translation>
        </message>
        <message>
            <source>Every frame routed; stored as run %1</source>
            <translation>Alle Bilder geroutet; als Lauf %1 gespeichert</translation>
        </message>
        <message>
            <source>Load the model before switching its experts off</source>
            <translation>Das Modell laden, bevor seine Experten abgeschaltet werden</translation>
        </message>
    </context>
    <context>
        <name>moescope::RunsModel</name>
        <message>
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Zeitpunkt</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <source>Frames</source>
            <translation>Bilder</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Erstellt von</translation>
        </message>
    </context>
    <context>
        <name>moescope::SampleCatalog</name>
        <message>
            <source>%1: not a readable samples index (%2)</source>
            <translation>%1: kein lesbarer Beispielindex (%2)</translation>
        </message>
        <message>
            <source>%1: sample "%2" is not there</source>
            <translation>%1: Beispiel „%2“ ist nicht vorhanden</translation>
        </message>
    </context>
    <context>
        <name>moescope::SceneSource</name>
        <message>
            <source>%1: no frame %2, or an empty region</source>
            <translation>%1: kein Bild %2, oder ein leerer Bereich</translation>
        </message>
    </context>
    <context>
        <name>moescope::Stability</name>
        <message>
            <source>passes must be 1 or more, noise and shift 0 or more</source>
            <translation>Durchläufe müssen 1 oder mehr betragen, Rauschen und Verschiebung 0 oder mehr</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
    </context>
    <context>
        <name>moescope::StoredRunDocument</name>
        <message>
            <source>Still opening run %1</source>
            <translation>Lauf %1 wird noch geöffnet</translation>
        </message>
        <message>
            <source>The image of run %1 (%2) is no longer there; its routing is shown without it.</source>
            <translation>Das Bild von Lauf %1 (%2) ist nicht mehr vorhanden; sein Routing wird ohne das Bild angezeigt.</translation>
        </message>
        <message>
            <source>%1 could not be opened</source>
            <translation>%1 konnte nicht geöffnet werden</translation>
        </message>
        <message>
            <source>%1 has changed since run %2 was made; its routing is shown over the file as it is now</source>
            <translation>%1 wurde geändert, seit Lauf %2 erstellt wurde; das Routing wird über der Datei in ihrem jetzigen Zustand angezeigt</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3</source>
            <translation>Lauf %1: %2 auf %3</translation>
        </message>
    </context>
    <context>
        <name>moescope::TaskPlugin</name>
        <message>
            <source>%1 works on whole pictures in memory; %2 is read by region only</source>
            <translation>%1 arbeitet auf ganzen Bildern im Speicher; %2 wird nur bereichsweise gelesen</translation>
        </message>
        <message>
            <source>%1: the %2 plugin opens no files of its own</source>
            <translation>%1: das Plugin %2 öffnet keine eigenen Dateien</translation>
        </message>
        <message>
            <source>the %1 plugin prepares its steps in its own run only</source>
            <translation>das Plugin %1 bereitet seine Schritte nur in seinem eigenen Lauf vor</translation>
        </message>
    </context>
    <context>
        <name>moescope::cli</name>
        <message>
            <source>; pick another with --series UID</source>
            <translation>; eine andere mit --series UID wählen</translation>
        </message>
        <message>
            <source>moescope-cli: unknown verb "%1"</source>
            <translation>moescope-cli: unbekanntes Verb „%1“</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>Warnung: %1</translation>
        </message>
        <message>
            <source>Image, DICOM file, series folder or volume.</source>
            <translation>Bild, DICOM-Datei, Serienordner oder Volumen.</translation>
        </message>
        <message>
            <source>moescope-cli info: give exactly one PATH</source>
            <translation>moescope-cli info: genau einen PATH angeben</translation>
        </message>
        <message>
            <source>warning: %1: %2</source>
            <translation>Warnung: %1: %2</translation>
        </message>
        <message>
            <source>  kind      %1</source>
            <translation>  Art       %1</translation>
        </message>
        <message>
            <source>  size      %1 x %2, %3 channel(s), %4 frame(s)</source>
            <translation>  Größe     %1 x %2, %3 Kanal/Kanäle, %4 Bild(er)</translation>
        </message>
        <message>
            <source>  modality  %1</source>
            <translation>  Modalität %1</translation>
        </message>
        <message>
            <source>  series    %1</source>
            <translation>  Serie     %1</translation>
        </message>
        <message>
            <source>  series in the folder:</source>
            <translation>  Serien im Ordner:</translation>
        </message>
        <message>
            <source>%1 file(s), %2 x %3, %4%5</source>
            <translation>%1 Datei(en), %2 x %3, %4%5</translation>
        </message>
        <message>
            <source>Model name or .pt file.</source>
            <translation>Modellname oder .pt-Datei.</translation>
        </message>
        <message>
            <source>Image, DICOM, series folder or volume.</source>
            <translation>Bild, DICOM, Serienordner oder Volumen.</translation>
        </message>
        <message>
            <source>auto, cpu or cuda.</source>
            <translation>auto, cpu oder cuda.</translation>
        </message>
        <message>
            <source>Folder for the overlay, expert grids, top-1 maps and result.json.</source>
            <translation>Ordner für Overlay, Expertenraster, Top-1-Karten und result.json.</translation>
        </message>
        <message>
            <source>Run database (default: the app's data location).</source>
            <translation>Laufdatenbank (Standard: Datenverzeichnis der Anwendung).</translation>
        </message>
        <message>
            <source>Switch an expert off.</source>
            <translation>Einen Experten abschalten.</translation>
        </message>
        <message>
            <source>Frames (steps) to run, A:B inclusive.</source>
            <translation>Auszuführende Bilder (Schritte), A:B einschließlich.</translation>
        </message>
        <message>
            <source>Picture for another image input of the model (a tracker's template), NAME=FILE.</source>
            <translation>Bild für einen weiteren Bildeingang des Modells (die Vorlage eines Trackers), NAME=FILE.</translation>
        </message>
        <message>
            <source>Do not store the run.</source>
            <translation>Den Lauf nicht speichern.</translation>
        </message>
        <message>
            <source>moescope-cli run: --model and --input are required</source>
            <translation>moescope-cli run: --model und --input sind erforderlich</translation>
        </message>
        <message>
            <source>moescope-cli run: --device is auto, cpu or cuda, not "%1"</source>
            <translation>moescope-cli run: --device ist auto, cpu oder cuda, nicht „%1“</translation>
        </message>
        <message>
            <source>moescope-cli run: --disable-expert takes LAYER:EXPERT, not "%1"</source>
            <translation>moescope-cli run: --disable-expert erwartet LAYER:EXPERT, nicht „%1“</translation>
        </message>
        <message>
            <source>moescope-cli run: --frames takes A:B, not "%1"</source>
            <translation>moescope-cli run: --frames erwartet A:B, nicht „%1“</translation>
        </message>
        <message>
            <source>%1 on %2 (%3): %4 step(s) in %5 ms</source>
            <translation>%1 auf %2 (%3): %4 Schritt(e) in %5 ms</translation>
        </message>
        <message>
            <source>: entropy %1 nats, load</source>
            <translation>: Entropie %1 nats, Auslastung</translation>
        </message>
        <message>
            <source>Run database.</source>
            <translation>Laufdatenbank.</translation>
        </message>
        <message>
            <source>At most N runs.</source>
            <translation>Höchstens N Läufe.</translation>
        </message>
        <message>
            <source>Images per forward call.</source>
            <translation>Bilder je Forward-Aufruf.</translation>
        </message>
        <message>
            <source>Timed calls.</source>
            <translation>Gemessene Aufrufe.</translation>
        </message>
        <message>
            <source>Untimed calls first.</source>
            <translation>Vorab ungemessene Aufrufe.</translation>
        </message>
        <message>
            <source>%1 on %2 (%3 threads, %4): batch %5, %6 iterations: median %7 ms, p95 %8 ms, %9 images/s</source>
            <translation>%1 auf %2 (%3 Threads, %4): Batch %5, %6 Iterationen: Median %7 ms, p95 %8 ms, %9 Bilder/s</translation>
        </message>
        <message>
            <source>Gallery name.</source>
            <translation>Name der Galerie.</translation>
        </message>
        <message>
            <source>--device is auto, cpu or cuda, not "%1"</source>
            <translation>--device ist auto, cpu oder cuda, nicht „%1“</translation>
        </message>
        <message>
            <source>%1: the model's task "%2" is served by the %3 plugin, which builds no galleries</source>
            <translation>%1: die Aufgabe „%2“ des Modells bedient das Plugin %3, das keine Galerien erstellt</translation>
        </message>
        <message>
            <source>Frames per forward call within a volume.</source>
            <translation>Bilder je Forward-Aufruf innerhalb eines Volumens.</translation>
        </message>
        <message>
            <source>moescope-cli index: --model, --input and --gallery are required</source>
            <translation>moescope-cli index: --model, --input und --gallery sind erforderlich</translation>
        </message>
        <message>
            <source>gallery "%1" now holds %2 item(s) from %3 file(s)</source>
            <translation>Galerie „%1“ enthält jetzt %2 Einträge aus %3 Datei(en)</translation>
        </message>
        <message>
            <source>interrupted: %1 file(s) indexed; run the same command again to go on</source>
            <translation>unterbrochen: %1 Datei(en) indiziert; denselben Befehl erneut ausführen, um fortzufahren</translation>
        </message>
        <message>
            <source>Query image (slice, series folder, volume); with --evaluate, a labelled folder of queries (DIR/&lt;label&gt;/...).</source>
            <translation>Anfragebild (Schicht, Serienordner, Volumen); mit --evaluate ein gelabelter Ordner mit Anfragen (DIR/&lt;label&gt;/...).</translation>
        </message>
        <message>
            <source>How many hits.</source>
            <translation>Anzahl der Treffer.</translation>
        </message>
        <message>
            <source>Slice (frame) of the query image.</source>
            <translation>Schicht (Bild) des Anfragebilds.</translation>
        </message>
        <message>
            <source>Query with a region of the slice, in pixels.</source>
            <translation>Mit einem Bereich der Schicht abfragen, in Pixeln.</translation>
        </message>
        <message>
            <source>mAP@K over a labelled gallery: every item queries the others (leave-one-out), or every file under --input queries the gallery.</source>
            <translation>mAP@K über eine gelabelte Galerie: jeder Eintrag fragt die übrigen ab (Leave-one-out), oder jede Datei unter --input fragt die Galerie ab.</translation>
        </message>
        <message>
            <source>Do not store the query's run.</source>
            <translation>Den Lauf der Abfrage nicht speichern.</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --model, --gallery and --input (or --evaluate) are required</source>
            <translation>moescope-cli retrieve: --model, --gallery und --input (oder --evaluate) sind erforderlich</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --top takes a number from 1 to 10000, not "%1"</source>
            <translation>moescope-cli retrieve: --top erwartet eine Zahl von 1 bis 10000, nicht „%1“</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --region takes X,Y,W,H in pixels, not "%1"</source>
            <translation>moescope-cli retrieve: --region erwartet X,Y,W,H in Pixeln, nicht „%1“</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --frame takes a slice number from 0</source>
            <translation>moescope-cli retrieve: --frame erwartet eine Schichtnummer ab 0</translation>
        </message>
        <message>
            <source>%1: gallery "%2" is empty</source>
            <translation>%1: Galerie „%2“ ist leer</translation>
        </message>
        <message>
            <source>%1: no query files</source>
            <translation>%1: keine Anfragedateien</translation>
        </message>
        <message>
            <source>%1: gallery "%2" has no labelled items to evaluate: index a folder laid out as DIR/&lt;label&gt;/... </source>
            <translation>%1: Galerie „%2“ hat keine gelabelten Einträge zum Evaluieren: einen Ordner indizieren, der so aufgebaut ist: DIR/&lt;label&gt;/... </translation>
        </message>
        <message>
            <source>gallery "%1" (%2 items), %3 queries (%4): mAP@%5 %6, P@1 %7, P@%5 %8</source>
            <translation>Galerie „%1“ (%2 Einträge), %3 Anfragen (%4): mAP@%5 %6, P@1 %7, P@%5 %8</translation>
        </message>
        <message>
            <source>%1: has %2 slice(s); there is no slice %3</source>
            <translation>%1: hat %2 Schicht(en); Schicht %3 gibt es nicht</translation>
        </message>
        <message>
            <source>%1 against gallery "%2" (%3 items): top %4 in %5 ms; query gates: %6</source>
            <translation>%1 gegen Galerie „%2“ (%3 Einträge): Top %4 in %5 ms; Gates der Anfrage: %6</translation>
        </message>
        <message>
            <source>Gallery to rename.</source>
            <translation>Umzubenennende Galerie.</translation>
        </message>
        <message>
            <source>Its new name.</source>
            <translation>Ihr neuer Name.</translation>
        </message>
        <message>
            <source>Gallery to delete.</source>
            <translation>Zu löschende Galerie.</translation>
        </message>
        <message>
            <source>moescope-cli galleries: --rename NAME --to NEW, or --delete NAME</source>
            <translation>moescope-cli galleries: --rename NAME --to NEW oder --delete NAME</translation>
        </message>
        <message>
            <source>%1: there is no gallery "%2"</source>
            <translation>%1: es gibt keine Galerie „%2“</translation>
        </message>
        <message>
            <source>%1: %2 item(s) from %3 file(s), model %4, %5-d "%6"</source>
            <translation>%1: %2 Einträge aus %3 Datei(en), Modell %4, %5-d „%6“</translation>
        </message>
        <message>
            <source>no galleries in %1</source>
            <translation>keine Galerien in %1</translation>
        </message>
        <message>
            <source>Print JSON.</source>
            <translation>JSON ausgeben.</translation>
        </message>
        <message>
            <source>LibTorch CPU threads.</source>
            <translation>CPU-Threads von LibTorch.</translation>
        </message>
        <message>
            <source>The DICOM series of a folder to load (default: the largest).</source>
            <translation>Die zu ladende DICOM-Serie eines Ordners (Standard: die größte).</translation>
        </message>
        <message>
            <source>Scene pixels a tile side (default: the model's input).</source>
            <translation>Seitenlänge einer Kachel in Szenenpixeln (Standard: die Eingabegröße des Modells).</translation>
        </message>
        <message>
            <source>Pixels neighbouring tiles share (default: a quarter of a tile).</source>
            <translation>Pixel, die sich benachbarte Kacheln teilen (Standard: ein Viertel einer Kachel).</translation>
        </message>
        <message>
            <source>A band the model sees (VV, HH...); repeat for more.</source>
            <translation>Ein Band, das das Modell sieht (VV, HH...); für weitere wiederholen.</translation>
        </message>
        <message>
            <source>Speckle filter before the model: none, lee, refined-lee or frost.</source>
            <translation>Speckle-Filter vor dem Modell: none, lee, refined-lee oder frost.</translation>
        </message>
        <message>
            <source>Run over this part of the scene only.</source>
            <translation>Nur über diesen Teil der Szene ausführen.</translation>
        </message>
        <message>
            <source>Write a scene's rasters as Cloud-Optimised GeoTIFFs (with overviews; slower).</source>
            <translation>Die Raster einer Szene als Cloud-Optimised GeoTIFFs schreiben (mit Übersichten; langsamer).</translation>
        </message>
        <message>
            <source>A tracker's initial box on the first frame run (default: the ground truth's).</source>
            <translation>Anfangsbox eines Trackers im ersten ausgeführten Bild (Standard: die der Ground Truth).</translation>
        </message>
        <message>
            <source>Steps (tiles, frames) per forward call.</source>
            <translation>Schritte (Kacheln, Bilder) je Forward-Aufruf.</translation>
        </message>
        <message>
            <source>--%1 takes a whole number of at least %2, not "%3"</source>
            <translation>--%1 erwartet eine ganze Zahl von mindestens %2, nicht „%3“</translation>
        </message>
        <message>
            <source>--region takes X,Y,W,H, not "%1"</source>
            <translation>--region erwartet X,Y,W,H, nicht „%1“</translation>
        </message>
        <message>
            <source>  size      %1 x %2, %3 band(s)</source>
            <translation>  Größe     %1 x %2, %3 Band/Bänder</translation>
        </message>
        <message>
            <source>  video     %1, %2 frames at %3 fps%4</source>
            <translation>  Video     %1, %2 Bilder mit %3 fps%4</translation>
        </message>
        <message>
            <source>, turned %1° to stand upright</source>
            <translation>, um %1° aufgerichtet</translation>
        </message>
        <message>
            <source>  damaged   %1</source>
            <translation>  defekt    %1</translation>
        </message>
        <message>
            <source>  sequence  %1 layout, %2 frames, ground truth: %3</source>
            <translation>  Sequenz   Layout %1, %2 Bilder, Ground Truth: %3</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <source>  band      %1 (%2, %3)</source>
            <translation>  Band      %1 (%2, %3)</translation>
        </message>
        <message>
            <source>  spacing   %1 x %2 m</source>
            <translation>  Abstand   %1 x %2 m</translation>
        </message>
        <message>
            <source>  georeferenced (%1)</source>
            <translation>  georeferenziert (%1)</translation>
        </message>
        <message>
            <source>geotransform</source>
            <translation>Geotransformation</translation>
        </message>
        <message>
            <source>GCPs</source>
            <translation>GCPs</translation>
        </message>
        <message>
            <source>The BLAS's own threads (default: MoEScope's choice for the BLAS in use).</source>
            <translation>Eigene Threads der BLAS (Standard: MoEScopes Wahl für die verwendete BLAS).</translation>
        </message>
        <message>
            <source>Skip measuring the matrix-product peak.</source>
            <translation>Messung der Spitzenleistung der Matrixmultiplikation überspringen.</translation>
        </message>
        <message>
            <source>moescope-cli bench: needs --model; --device auto|cpu|cuda; --batch, --iterations, --blas-threads &gt;= 1</source>
            <translation>moescope-cli bench: benötigt --model; --device auto|cpu|cuda; --batch, --iterations, --blas-threads &gt;= 1</translation>
        </message>
        <message>
            <source>BLAS: %1</source>
            <translation>BLAS: %1</translation>
        </message>
        <message>
            <source>%1 GFLOP per image: %2 GFLOP/s reached</source>
            <translation>%1 GFLOP je Bild: %2 GFLOP/s erreicht</translation>
        </message>
        <message>
            <source>FLOPs per image unknown (the model file has no "flops_per_image"; export_moescope writes it)</source>
            <translation>FLOPs je Bild unbekannt (die Modelldatei hat kein „flops_per_image“; export_moescope schreibt es)</translation>
        </message>
        <message>
            <source>matrix-product peak here %1 GFLOP/s</source>
            <translation>Spitzenleistung der Matrixmultiplikation hier %1 GFLOP/s</translation>
        </message>
        <message>
            <source>(%1 % of it)</source>
            <translation>(%1 % davon)</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 h</translation>
        </message>
        <message>
            <source>Folder for each file's artifacts (as run --out).</source>
            <translation>Ordner für die Artefakte jeder Datei (wie run --out).</translation>
        </message>
        <message>
            <source>Analyse share I of N of the files.</source>
            <translation>Anteil I von N der Dateien analysieren.</translation>
        </message>
        <message>
            <source>Do not store the runs.</source>
            <translation>Die Läufe nicht speichern.</translation>
        </message>
        <message>
            <source>moescope-cli batch: --model and --input are required</source>
            <translation>moescope-cli batch: --model und --input sind erforderlich</translation>
        </message>
        <message>
            <source>moescope-cli batch: --batch takes N &gt;= 1, --shard I/N with 1 &lt;= I &lt;= N, --device auto, cpu or cuda</source>
            <translation>moescope-cli batch: --batch erwartet N &gt;= 1, --shard I/N mit 1 &lt;= I &lt;= N, --device auto, cpu oder cuda</translation>
        </message>
        <message>
            <source>batch %1/%2 (%3%), %4 files/s, %5 left: %6</source>
            <translation>Batch %1/%2 (%3%), %4 Dateien/s, %5 verbleibend: %6</translation>
        </message>
        <message>
            <source>%1 on %2 file(s)%3: %4 analysed, %5 already analysed, %6 failed</source>
            <translation>%1 auf %2 Datei(en)%3: %4 analysiert, %5 bereits analysiert, %6 fehlgeschlagen</translation>
        </message>
        <message>
            <source> (shard %1/%2 of %3)</source>
            <translation> (Shard %1/%2 von %3)</translation>
        </message>
        <message>
            <source>%1 image(s) in %2 s: %3 files/s, %4 images/s; model %5 s, decoding %6 s (on its own thread), storing %7 s, waiting for decoding %8 s</source>
            <translation>%1 Bild(er) in %2 s: %3 Dateien/s, %4 Bilder/s; Modell %5 s, Dekodieren %6 s (in eigenem Thread), Speichern %7 s, Warten auf Dekodieren %8 s</translation>
        </message>
        <message>
            <source>predicted:</source>
            <translation>vorhergesagt:</translation>
        </message>
        <message>
            <source>runs stored in %1</source>
            <translation>Läufe gespeichert in %1</translation>
        </message>
        <message>
            <source>interrupted: %1 file(s) analysed; run the same command again to go on</source>
            <translation>unterbrochen: %1 Datei(en) analysiert; denselben Befehl erneut ausführen, um fortzufahren</translation>
        </message>
        <message>
            <source>gallery "%1": indexed %2 file(s), %3 item(s) in %4 s (%5 images/s); %6 already indexed; %7 not pictures, skipped; %8 failed</source>
            <translation>Galerie „%1“: %2 Datei(en) indiziert, %3 Einträge in %4 s (%5 Bilder/s); %6 bereits indiziert; %7 keine Bilder, übersprungen; %8 fehlgeschlagen</translation>
        </message>
        <message>
            <source>run %1: no stored routing to compare (its steps kept summaries only)</source>
            <translation>Lauf %1: kein gespeichertes Routing zum Vergleichen (seine Schritte haben nur Zusammenfassungen behalten)</translation>
        </message>
        <message>
            <source>run %1: frame %2 has no stored routing</source>
            <translation>Lauf %1: Bild %2 hat kein gespeichertes Routing</translation>
        </message>
        <message>
            <source>A stored run (give two: A, then B).</source>
            <translation>Ein gespeicherter Lauf (zwei angeben: A, dann B).</translation>
        </message>
        <message>
            <source>A's frame (default: its first with routing).</source>
            <translation>Bild von A (Standard: das erste mit Routing).</translation>
        </message>
        <message>
            <source>B's frame (default: its first with routing).</source>
            <translation>Bild von B (Standard: das erste mit Routing).</translation>
        </message>
        <message>
            <source>Folder for each layer's agreement, JS divergence and entropy-change maps.</source>
            <translation>Ordner für die Karten zu Übereinstimmung, JS-Divergenz und Entropieänderung jedes Layers.</translation>
        </message>
        <message>
            <source>moescope-cli compare: give two runs, --run A --run B</source>
            <translation>moescope-cli compare: zwei Läufe angeben, --run A --run B</translation>
        </message>
        <message>
            <source>%1: cannot create the folder</source>
            <translation>%1: Ordner kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>%1: entropy %2 → %3 bits</source>
            <translation>%1: Entropie %2 → %3 Bit</translation>
        </message>
        <message>
            <source>, load JS %1 bits</source>
            <translation>, Auslastungs-JS %1 Bit</translation>
        </message>
        <message>
            <source>, top-1 agreement %1 %, mean JS %2 bits, Jaccard %3</source>
            <translation>, Top-1-Übereinstimmung %1 %, mittlere JS %2 Bit, Jaccard %3</translation>
        </message>
        <message>
            <source>the models have %1 and %2 MoE layers; the first %3 are compared</source>
            <translation>die Modelle haben %1 und %2 MoE-Layer; die ersten %3 werden verglichen</translation>
        </message>
        <message>
            <source>List the runs whose routing resembles this run's.</source>
            <translation>Die Läufe auflisten, deren Routing dem dieses Laufs ähnelt.</translation>
        </message>
        <message>
            <source>The newest N runs.</source>
            <translation>Die neuesten N Läufe.</translation>
        </message>
        <message>
            <source>%1: run %2 is not among the newest %3 runs with routing</source>
            <translation>%1: Lauf %2 ist nicht unter den neuesten %3 Läufen mit Routing</translation>
        </message>
        <message numerus="yes">
            <source>experts per layer %1: %n run(s)</source>
            <translation>
                <numerusform>Experten je Layer %1: %n Lauf</numerusform>
                <numerusform>Experten je Layer %1: %n Läufe</numerusform>
            </translation>
        </message>
        <message>
            <source>The options of moescope-cli %1; moescope-cli --help lists every verb.</source>
            <translation>Die Optionen von moescope-cli %1; moescope-cli --help listet alle Verben.</translation>
        </message>
        <message>
            <source>Name inputs by their full path in what is printed and written (default: the file name only, so folder names stay private).</source>
            <translation>Eingaben in Ausgaben und geschriebenen Dateien mit vollem Pfad benennen (Standard: nur der Dateiname, damit Ordnernamen vertraulich bleiben).</translation>
        </message>
        <message>
            <source>Frames whose full routing is kept and stored, A:B inclusive (default: the first 1,000 run); the others keep their outputs and routing summaries.</source>
            <translation>Bilder, deren vollständiges Routing behalten und gespeichert wird, A:B einschließlich (Standard: die ersten 1.000 ausgeführten); die übrigen behalten ihre Ausgaben und Routing-Zusammenfassungen.</translation>
        </message>
        <message>
            <source>moescope-cli %1: --routing-frames takes A:B, not "%2"</source>
            <translation>moescope-cli %1: --routing-frames erwartet A:B, nicht „%2“</translation>
        </message>
        <message>
            <source>A stored run.</source>
            <translation>Ein gespeicherter Lauf.</translation>
        </message>
        <message>
            <source>The frame (default: the first with routing).</source>
            <translation>Das Bild (Standard: das erste mit Routing).</translation>
        </message>
        <message>
            <source>moescope-cli paths: give a run, --run ID (and --frame N)</source>
            <translation>moescope-cli paths: einen Lauf angeben, --run ID (und --frame N)</translation>
        </message>
        <message>
            <source>run %1: no stored routing (its steps kept summaries only)</source>
            <translation>Lauf %1: kein gespeichertes Routing (seine Schritte haben nur Zusammenfassungen behalten)</translation>
        </message>
        <message>
            <source>run %1: fewer than two MoE layers route tokens on one grid, so there are no paths (%2)</source>
            <translation>Lauf %1: weniger als zwei MoE-Layer routen Token auf demselben Raster, daher gibt es keine Pfade (%2)</translation>
        </message>
        <message>
            <source>run %1, frame %2: %3 tokens on a %4×%5 grid over "%6"</source>
            <translation>Lauf %1, Bild %2: %3 Token auf einem %4×%5-Raster über „%6“</translation>
        </message>
        <message>
            <source>layer %1 → layer %2 (rows: experts of %1, columns: of %2)</source>
            <translation>Layer %1 → Layer %2 (Zeilen: Experten von %1, Spalten: von %2)</translation>
        </message>
        <message>
            <source>AO %1</source>
            <translation>AO %1</translation>
        </message>
        <message>
            <source>success AUC %1</source>
            <translation>Success-AUC %1</translation>
        </message>
        <message>
            <source>Tracker model name or .pt file.</source>
            <translation>Name des Tracker-Modells oder .pt-Datei.</translation>
        </message>
        <message>
            <source>A sequence folder, or a dataset folder of them.</source>
            <translation>Ein Sequenzordner oder ein Datensatzordner mit Sequenzen.</translation>
        </message>
        <message>
            <source>Initial box on the first frame (default: the ground truth's).</source>
            <translation>Anfangsbox im ersten Bild (Standard: die der Ground Truth).</translation>
        </message>
        <message>
            <source>Frames to track, A:B inclusive (from 0).</source>
            <translation>Zu trackende Bilder, A:B einschließlich (ab 0).</translation>
        </message>
        <message>
            <source>Folder for GOT-10k result files (&lt;seq&gt;/&lt;seq&gt;_001.txt, &lt;seq&gt;_time.txt) and a per-frame CSV.</source>
            <translation>Ordner für GOT-10k-Ergebnisdateien (&lt;seq&gt;/&lt;seq&gt;_001.txt, &lt;seq&gt;_time.txt) und eine CSV je Bild.</translation>
        </message>
        <message>
            <source>With --out: also &lt;seq&gt;/&lt;seq&gt;_annotated.mp4, each frame with the boxes, the search region and the last MoE layer's top-1 expert map (H.264).</source>
            <translation>Mit --out: zusätzlich &lt;seq&gt;/&lt;seq&gt;_annotated.mp4, jedes Bild mit den Boxen, dem Suchbereich und der Top-1-Expertenkarte des letzten MoE-Layers (H.264).</translation>
        </message>
        <message>
            <source>Do not store the tracks.</source>
            <translation>Die Tracks nicht speichern.</translation>
        </message>
        <message>
            <source>Score the tracks against the ground truth.</source>
            <translation>Die Tracks gegen die Ground Truth bewerten.</translation>
        </message>
        <message>
            <source>got10k, lasot or otb (default: the sequences' layout).</source>
            <translation>got10k, lasot oder otb (Standard: das Layout der Sequenzen).</translation>
        </message>
        <message>
            <source>moescope-cli track: --model and --input are required</source>
            <translation>moescope-cli track: --model und --input sind erforderlich</translation>
        </message>
        <message>
            <source>moescope-cli track: --video needs --out DIR</source>
            <translation>moescope-cli track: --video benötigt --out DIR</translation>
        </message>
        <message>
            <source>moescope-cli track: --protocol is got10k, lasot or otb, not "%1"</source>
            <translation>moescope-cli track: --protocol ist got10k, lasot oder otb, nicht „%1“</translation>
        </message>
        <message>
            <source>moescope-cli track: --device is auto, cpu or cuda</source>
            <translation>moescope-cli track: --device ist auto, cpu oder cuda</translation>
        </message>
        <message>
            <source>moescope-cli track: --frames takes A:B, not "%1"</source>
            <translation>moescope-cli track: --frames erwartet A:B, nicht „%1“</translation>
        </message>
        <message>
            <source>%1: not a tracker (task "%2")</source>
            <translation>%1: kein Tracker (Aufgabe „%2“)</translation>
        </message>
        <message>
            <source>%1: not a sequence the %2 plugin opens</source>
            <translation>%1: keine Sequenz, die das Plugin %2 öffnet</translation>
        </message>
        <message>
            <source>%1: --init is for one sequence, not a dataset</source>
            <translation>%1: --init gilt für eine Sequenz, nicht für einen Datensatz</translation>
        </message>
        <message>
            <source>%1: %2 frames tracked%3</source>
            <translation>%1: %2 Bilder getrackt%3</translation>
        </message>
        <message>
            <source>%1: holds no sequence</source>
            <translation>%1: enthält keine Sequenz</translation>
        </message>
        <message>
            <source>%1: no ground truth to evaluate against</source>
            <translation>%1: keine Ground Truth für die Evaluation</translation>
        </message>
        <message>
            <source>GOT-10k over %1 frames: AO %2, SR0.5 %3, SR0.75 %4</source>
            <translation>GOT-10k über %1 Bilder: AO %2, SR0.5 %3, SR0.75 %4</translation>
        </message>
        <message>
            <source>%1 over %2 sequences: success AUC %3, precision@20px %4</source>
            <translation>%1 über %2 Sequenzen: Success-AUC %3, Precision@20px %4</translation>
        </message>
        <message>
            <source>Value of an index input (a task), NAME=VALUE.</source>
            <translation>Wert eines Index-Eingangs (einer Aufgabe), NAME=VALUE.</translation>
        </message>
        <message>
            <source>moescope-cli %1: model has no index input "%2"</source>
            <translation>moescope-cli %1: das Modell hat keinen Index-Eingang „%2“</translation>
        </message>
        <message>
            <source>moescope-cli %1: "%2" is not a choice of input "%3"</source>
            <translation>moescope-cli %1: „%2“ ist keine Auswahlmöglichkeit des Eingangs „%3“</translation>
        </message>
        <message>
            <source>moescope-cli %1: --image takes NAME=FILE for an image input of the model; "%2" is not one</source>
            <translation>moescope-cli %1: --image erwartet NAME=FILE für einen Bildeingang des Modells; „%2“ ist keiner</translation>
        </message>
        <message>
            <source>Image, DICOM or scene.</source>
            <translation>Bild, DICOM oder Szene.</translation>
        </message>
        <message>
            <source>moescope-cli %1: --model and --input are required</source>
            <translation>moescope-cli %1: --model und --input sind erforderlich</translation>
        </message>
        <message>
            <source>moescope-cli %1: --device is auto, cpu or cuda, not "%2"</source>
            <translation>moescope-cli %1: --device ist auto, cpu oder cuda, nicht „%2“</translation>
        </message>
        <message>
            <source>The MoE layer (default: every layer).</source>
            <translation>Der MoE-Layer (Standard: alle Layer).</translation>
        </message>
        <message>
            <source>The frame ablated (default 0).</source>
            <translation>Das ablatierte Bild (Standard 0).</translation>
        </message>
        <message>
            <source>Also run each expert alone in its layer.</source>
            <translation>Zusätzlich jeden Experten allein in seinem Layer ausführen.</translation>
        </message>
        <message>
            <source>Also the deletion curves: each expert's patches removed, 10-90 %.</source>
            <translation>Zusätzlich die Deletion-Kurven: die Patches jedes Experten entfernt, 10-90 %.</translation>
        </message>
        <message>
            <source>Write the table as CSV.</source>
            <translation>Die Tabelle als CSV schreiben.</translation>
        </message>
        <message>
            <source>moescope-cli ablate: --layer and --frame take a number from 0</source>
            <translation>moescope-cli ablate: --layer und --frame erwarten eine Zahl ab 0</translation>
        </message>
        <message>
            <source>%1 on %2, frame %3: the effect on "%4" (%5); %6 passes, %7 ms of forward passes, %8 ms in all</source>
            <translation>%1 auf %2, Bild %3: die Wirkung auf „%4“ (%5); %6 Durchläufe, %7 ms Forward-Durchläufe, %8 ms insgesamt</translation>
        </message>
        <message>
            <source>layer expert  mode  load    effect   answer                       later layers agree</source>
            <translation>Layer Experte Modus Ausl.   Wirkung  Antwort                      Übereinst. spätere Layer</translation>
        </message>
        <message>
            <source>layer %1: rank correlation of load and effect %2</source>
            <translation>Layer %1: Rangkorrelation von Auslastung und Wirkung %2</translation>
        </message>
        <message>
            <source>deletion, layer %1 expert %2 (%3 tokens), 10-90 %: %4</source>
            <translation>Deletion, Layer %1 Experte %2 (%3 Token), 10-90 %: %4</translation>
        </message>
        <message>
            <source>The stored run.</source>
            <translation>Der gespeicherte Lauf.</translation>
        </message>
        <message>
            <source>Its frame (default: the first with routing).</source>
            <translation>Sein Bild (Standard: das erste mit Routing).</translation>
        </message>
        <message>
            <source>A second stored run, compared layer by layer.</source>
            <translation>Ein zweiter gespeicherter Lauf, Layer für Layer verglichen.</translation>
        </message>
        <message>
            <source>The PDF to write.</source>
            <translation>Das zu schreibende PDF.</translation>
        </message>
        <message>
            <source>Keep identifying DICOM fields and the input's folder in the report.</source>
            <translation>Identifizierende DICOM-Felder und den Ordner der Eingabe im Bericht behalten.</translation>
        </message>
        <message>
            <source>moescope-cli report: --run ID and --out FILE.pdf are required</source>
            <translation>moescope-cli report: --run ID und --out FILE.pdf sind erforderlich</translation>
        </message>
        <message>
            <source>run %1 has no frame %2</source>
            <translation>Lauf %1 hat kein Bild %2</translation>
        </message>
        <message>
            <source>The picture (%1) is no longer there.</source>
            <translation>Das Bild (%1) ist nicht mehr vorhanden.</translation>
        </message>
        <message>
            <source>The picture could not be read (%1).</source>
            <translation>Das Bild konnte nicht gelesen werden (%1).</translation>
        </message>
        <message>
            <source>The picture has changed since the run: it is left out.</source>
            <translation>Das Bild wurde seit dem Lauf geändert: es wird ausgelassen.</translation>
        </message>
        <message>
            <source>%1: report of run %2 written</source>
            <translation>%1: Bericht von Lauf %2 geschrieben</translation>
        </message>
        <message numerus="yes">
            <source>%n stored path(s) replaced by file names in %1</source>
            <translation>
                <numerusform>%n gespeicherter Pfad in %1 durch Dateinamen ersetzt</numerusform>
                <numerusform>%n gespeicherte Pfade in %1 durch Dateinamen ersetzt</numerusform>
            </translation>
        </message>
        <message>
            <source>Perturbed passes (default 16).</source>
            <translation>Gestörte Durchläufe (Standard 16).</translation>
        </message>
        <message>
            <source>Noise, standard deviation on the 0-1 pixel scale (0.02).</source>
            <translation>Rauschen, Standardabweichung auf der Pixelskala 0-1 (0,02).</translation>
        </message>
        <message>
            <source>Random shift, pixels each way (2).</source>
            <translation>Zufällige Verschiebung, Pixel in jede Richtung (2).</translation>
        </message>
        <message>
            <source>The frame (default 0).</source>
            <translation>Das Bild (Standard 0).</translation>
        </message>
        <message>
            <source>Random seed (1).</source>
            <translation>Zufalls-Seed (1).</translation>
        </message>
        <message>
            <source>Folder for each layer's flip-rate and entropy maps.</source>
            <translation>Ordner für die Wechselraten- und Entropiekarten jedes Layers.</translation>
        </message>
        <message>
            <source>moescope-cli stability: --passes takes 1-10000, --noise, --shift and --frame numbers from 0</source>
            <translation>moescope-cli stability: --passes erwartet 1-10000, --noise, --shift und --frame Zahlen ab 0</translation>
        </message>
        <message>
            <source>%1: %2 % of tokens' top-1 expert flips on average; rank correlation with entropy %3</source>
            <translation>%1: bei durchschnittlich %2 % der Token wechselt der Top-1-Experte; Rangkorrelation mit der Entropie %3</translation>
        </message>
        <message>
            <source>%1 passes (noise %2, shift up to %3 px): the answer ("%4") changed by %5 on average</source>
            <translation>%1 Durchläufe (Rauschen %2, Verschiebung bis %3 px): die Antwort („%4“) änderte sich im Mittel um %5</translation>
        </message>
        <message>
            <source>moescope-cli run: %1</source>
            <translation>moescope-cli run: %1</translation>
        </message>
        <message>
            <source>Stores to copy runs from (files or URLs).</source>
            <translation>Datenbanken, aus denen Läufe kopiert werden (Dateien oder URLs).</translation>
        </message>
        <message>
            <source>moescope-cli merge: name at least one store to merge from</source>
            <translation>moescope-cli merge: mindestens eine Quelldatenbank angeben</translation>
        </message>
        <message>
            <source>%1: the target itself cannot be merged into it</source>
            <translation>%1: das Ziel selbst kann nicht in sich zusammengeführt werden</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) copied into %1</source>
            <translation>
                <numerusform>%n Lauf nach %1 kopiert</numerusform>
                <numerusform>%n Läufe nach %1 kopiert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> (%n already there)</source>
            <translation>
                <numerusform> (%n bereits vorhanden)</numerusform>
                <numerusform> (%n bereits vorhanden)</numerusform>
            </translation>
        </message>
        <message>
            <source>Run database: an SQLite file (default: the app's data location) or a PostgreSQL URL, postgresql://[user@]host[:port]/dbname or postgresql:///dbname?host=/socket/folder.</source>
            <translation>Laufdatenbank: eine SQLite-Datei (Standard: Datenverzeichnis der Anwendung) oder eine PostgreSQL-URL, postgresql://[user@]host[:port]/dbname oder postgresql:///dbname?host=/socket/folder.</translation>
        </message>
        <message>
            <source>Write an sbatch script for a Slurm job array to FILE instead of analysing here.</source>
            <translation>Ein sbatch-Skript für ein Slurm-Job-Array nach FILE schreiben, statt hier zu analysieren.</translation>
        </message>
        <message>
            <source>Array tasks, one shard each (default: one per file, at most 32).</source>
            <translation>Array-Tasks mit je einem Shard (Standard: einer je Datei, höchstens 32).</translation>
        </message>
        <message>
            <source>Slurm partition.</source>
            <translation>Slurm-Partition.</translation>
        </message>
        <message>
            <source>Time limit per task, as sbatch takes it.</source>
            <translation>Zeitlimit je Task, im Format von sbatch.</translation>
        </message>
        <message>
            <source>Submit the script with sbatch.</source>
            <translation>Das Skript mit sbatch einreichen.</translation>
        </message>
        <message>
            <source>moescope-cli batch: --array takes N &gt;= 1</source>
            <translation>moescope-cli batch: --array erwartet N &gt;= 1</translation>
        </message>
        <message>
            <source>moescope-cli batch: --slurm needs --db (a PostgreSQL URL the nodes reach, or an SQLite file on a shared folder)</source>
            <translation>moescope-cli batch: --slurm erfordert --db (eine PostgreSQL-URL, die die Knoten erreichen, oder eine SQLite-Datei in einem gemeinsam genutzten Ordner)</translation>
        </message>
        <message>
            <source>%1: cannot write the sbatch script: %2</source>
            <translation>%1: das sbatch-Skript kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>wrote %1: %2 file(s) in %3 array task(s)</source>
            <translation>%1 geschrieben: %2 Datei(en) in %3 Array-Task(s)</translation>
        </message>
        <message>
            <source>each task stores its runs in %1; merge them afterwards with moescope-cli merge --db %2 %3</source>
            <translation>jeder Task speichert seine Läufe in %1; sie danach mit moescope-cli merge --db %2 %3 zusammenführen</translation>
        </message>
        <message>
            <source>sbatch: not found; is this a Slurm login node? The script is written and can be submitted from one</source>
            <translation>sbatch: nicht gefunden; ist dies ein Slurm-Login-Knoten? Das Skript ist geschrieben und kann von einem solchen eingereicht werden</translation>
        </message>
        <message>
            <source>sbatch: could not submit %1: %2</source>
            <translation>sbatch: %1 konnte nicht eingereicht werden: %2</translation>
        </message>
        <message>
            <source>submitted job array %1 (%2 task(s))</source>
            <translation>Job-Array %1 eingereicht (%2 Task(s))</translation>
        </message>
        <message>
            <source>A folder (every file below it), a text file listing one path per line, or a PACS query: pacs://NODE?patient-id=ID&amp;modality=CT&amp;date=D…</source>
            <translation>Ein Ordner (alle Dateien darunter), eine Textdatei mit einem Pfad pro Zeile oder eine PACS-Abfrage: pacs://NODE?patient-id=ID&amp;modality=CT&amp;date=D…</translation>
        </message>
        <message>
            <source>Folder (recursive) or file to index, or a PACS query: pacs://NODE?patient-id=ID&amp;modality=CT…</source>
            <translation>Zu indizierender Ordner (rekursiv) oder Datei oder eine PACS-Abfrage: pacs://NODE?patient-id=ID&amp;modality=CT…</translation>
        </message>
        <message>
            <source>auto (exact up to 200,000 items, else FAISS IVF-PQ), exact or approximate.</source>
            <translation>auto (exakt bis 200.000 Einträge, sonst FAISS IVF-PQ), exact oder approximate.</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --index takes auto, exact or approximate</source>
            <translation>moescope-cli retrieve: --index erwartet auto, exact oder approximate</translation>
        </message>
        <message>
            <source>%1: unknown PACS query key "%2" (known: %3)</source>
            <translation>%1: unbekannter PACS-Abfrageschlüssel „%2“ (bekannt: %3)</translation>
        </message>
        <message>
            <source>%1: a PACS input needs at least one key (%2)</source>
            <translation>%1: eine PACS-Eingabe benötigt mindestens einen Schlüssel (%2)</translation>
        </message>
        <message>
            <source>%1: no study matches</source>
            <translation>%1: keine passende Studie</translation>
        </message>
        <message>
            <source>retrieving series %1 of %2 (%3 instance(s)) from %4</source>
            <translation>Serie %1 von %2 (%3 Instanz(en)) wird von %4 abgerufen</translation>
        </message>
        <message>
            <source>%1: %2 study(ies), %3 series, %4 file(s) in %5</source>
            <translation>%1: %2 Studie(n), %3 Serie(n), %4 Datei(en) in %5</translation>
        </message>
        <message>
            <source>moescope-cli pacs: say echo, find or get</source>
            <translation>moescope-cli pacs: echo, find oder get angeben</translation>
        </message>
        <message>
            <source>A node named in the settings, or AET@HOST:PORT.</source>
            <translation>Ein in den Einstellungen benannter Knoten oder AET@HOST:PORT.</translation>
        </message>
        <message>
            <source>Our AE title (default MOESCOPE).</source>
            <translation>Eigener AE-Titel (Standard: MOESCOPE).</translation>
        </message>
        <message>
            <source>Seconds to wait for the node (default 10).</source>
            <translation>Sekunden, die auf den Knoten gewartet wird (Standard: 10).</translation>
        </message>
        <message>
            <source>Patient ID.</source>
            <translation>Patienten-ID.</translation>
        </message>
        <message>
            <source>Patient name; * and ? match anything.</source>
            <translation>Patientenname; * und ? stehen für beliebige Zeichen.</translation>
        </message>
        <message>
            <source>Study date YYYYMMDD or range YYYYMMDD-YYYYMMDD.</source>
            <translation>Studiendatum YYYYMMDD oder Bereich YYYYMMDD-YYYYMMDD.</translation>
        </message>
        <message>
            <source>Modality, e.g. CT.</source>
            <translation>Modalität, z. B. CT.</translation>
        </message>
        <message>
            <source>Accession number.</source>
            <translation>Accession-Nummer.</translation>
        </message>
        <message>
            <source>Study Instance UID.</source>
            <translation>Study Instance UID.</translation>
        </message>
        <message>
            <source>Series Instance UID.</source>
            <translation>Series Instance UID.</translation>
        </message>
        <message>
            <source>Folder for the retrieved files (default: the cache).</source>
            <translation>Ordner für die abgerufenen Dateien (Standard: der Cache).</translation>
        </message>
        <message>
            <source>moescope-cli pacs %1: --node is required</source>
            <translation>moescope-cli pacs %1: --node ist erforderlich</translation>
        </message>
        <message>
            <source>moescope-cli pacs: --timeout takes seconds &gt;= 1</source>
            <translation>moescope-cli pacs: --timeout erwartet Sekunden &gt;= 1</translation>
        </message>
        <message>
            <source>%1 answers C-ECHO</source>
            <translation>%1 antwortet auf C-ECHO</translation>
        </message>
        <message>
            <source>no series in study %1</source>
            <translation>keine Serie in Studie %1</translation>
        </message>
        <message>
            <source>no study on %1 matches</source>
            <translation>keine passende Studie auf %1</translation>
        </message>
        <message>
            <source>moescope-cli pacs get: --study is required</source>
            <translation>moescope-cli pacs get: --study ist erforderlich</translation>
        </message>
        <message>
            <source>received %1 of %2</source>
            <translation>%1 von %2 empfangen</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) retrieved into %1</source>
            <translation>
                <numerusform>%n Datei nach %1 abgerufen</numerusform>
                <numerusform>%n Dateien nach %1 abgerufen</numerusform>
            </translation>
        </message>
        <message>
            <source>Index share I of N of the files (a job array's task; as batch --shard).</source>
            <translation>Anteil I von N der Dateien indizieren (ein Task eines Job-Arrays; wie batch --shard).</translation>
        </message>
        <message>
            <source>moescope-cli index: --shard takes I/N with 1 &lt;= I &lt;= N</source>
            <translation>moescope-cli index: --shard erwartet I/N mit 1 &lt;= I &lt;= N</translation>
        </message>
        <message>
            <source>usage: moescope-cli &lt;verb&gt; [options]
  plugins [--json]                   installed task plugins
  models  [--json]                   bundled and registered models
  info PATH [--series UID] [--json]  image / cine / series / volume metadata
  run --model NAME|FILE --input PATH [--series UID] [--device auto|cpu|cuda]
      [--out DIR] [--db FILE] [--disable-expert LAYER:EXPERT]... [--frames A:B]
      [--json] [--choice NAME=VALUE]... [--image NAME=FILE]... [--batch N]
      [--routing-frames A:B]
      scenes (SAR): [--tile N] [--overlap N] [--band NAME]...
      [--filter none|lee|refined-lee|frost] [--region X,Y,W,H] [--cog]
  batch --model M --input DIR|LIST.txt [--out DIR] [--db FILE|URL] [--batch N]
      [--shard I/N] [--choice NAME=VALUE]... [--no-store] [--json]
      every file below DIR (or listed) in one process; files analysed before are
      skipped, Ctrl-C keeps whole files, --shard splits a list among machines
      --slurm FILE [--array N] [--partition P] [--time T] [--submit]: writes (and
      submits) a Slurm job array, one shard per task (docs/lab.md)
  track --model M --input VIDEO|SEQUENCE|DATASET_DIR [--init X,Y,W,H] [--frames A:B]
      [--out DIR] [--video] [--db FILE] [--no-store] [--evaluate]
      [--protocol got10k|lasot|otb] [--routing-frames A:B] [--json]
      a tracker over videos or benchmark sequences, with their metrics
  runs [--db FILE|URL] [--json]      stored runs, newest first
  compare --run A --run B [--frame-a N] [--frame-b N] [--db FILE] [--out DIR] [--json]
      two stored runs' routing per layer: top-1 agreement, JS divergence,
      entropy change, Jaccard of top-k sets, load JS; --out: the maps as PNGs
  signatures [--like RUN] [--limit N] [--db FILE] [--json]
      stored runs' routing signatures: similarity and a 2-D PCA layout, or the
      runs whose routing resembles RUN's
  paths --run ID [--frame N] [--db FILE] [--json]
      expert paths: per pair of consecutive layers, tokens from each expert to each
  stability --model M --input PATH [--passes N] [--noise S] [--shift PX] [--frame N]
      [--seed N] [--out DIR] [--json]
      how often each token's top-1 expert flips under small perturbations
  report --run ID [--frame N] [--compare ID] [--include-identifying] --out FILE.pdf
      a stored run as PDF: picture, top-1 maps, outputs, routing, provenance
  ablate --model M --input PATH [--layer L] [--frame N] [--keep-only] [--deletion]
      [--choice NAME=VALUE]... [--image NAME=FILE]... [--csv FILE] [--json]
      each expert switched off in turn: the change of the answer beside its load
  bench --model NAME|FILE [--device ...] [--batch N] [--iterations N]
      [--blas-threads N] [--no-peak] [--json]
      forward-pass latency, GFLOP/s reached and the machine's matrix-product peak
Galleries (models whose plugin builds galleries, e.g. ct-retrieval):
  index --model M --input DIR [--db FILE] --gallery NAME [--batch N] [--shard I/N]
      [--json]
      index a folder of slices, series and volumes (resumable; Ctrl-C keeps
      whole files)
  retrieve --model M --input FILE [--db FILE] --gallery NAME [--top K]
      [--frame N] [--region X,Y,W,H] [--json]    the nearest gallery items
  retrieve --model M --gallery NAME --evaluate [--input DIR] [--top K]
      mAP@K, leave-one-out or over labelled queries
  galleries [--db FILE] [--rename NAME --to NEW | --delete NAME] [--json]
Lab (docs/lab.md):
  pacs echo|find|get --node NAME|AET@HOST:PORT [--aet AET] [--timeout S] [--json]
      find: [--patient-id ID] [--patient-name NAME] [--date YYYYMMDD[-YYYYMMDD]]
      [--modality M] [--accession A] [--study UID: its series]; get: --study UID
      [--series UID] [--out DIR]: C-GET into the cache (or DIR), Ctrl-C cancels
      batch and index also take --input pacs://NODE?patient-id=ID&amp;modality=M&amp;
      date=D&amp;accession=A&amp;study=UID: every matching series, retrieved first
  merge --db FILE|URL SOURCE... [--json]
      copies the runs of other stores (e.g. a Slurm array's per-shard files) into
      --db; runs already there are not copied twice
Privacy:
  forget-paths [--db FILE] [--json]
      replace every stored input path by its file name (runs stay; reopening
      a run's image then needs the file found again)
Common: --threads N sets LibTorch's CPU threads (default: all cores).
</source>
            <translation>Aufruf: moescope-cli &lt;verb&gt; [Optionen]
  plugins [--json]                   installierte Aufgaben-Plugins
  models  [--json]                   mitgelieferte und registrierte Modelle
  info PATH [--series UID] [--json]  Metadaten: Bild / Cine / Serie / Volumen
  run --model NAME|FILE --input PATH [--series UID] [--device auto|cpu|cuda]
      [--out DIR] [--db FILE] [--disable-expert LAYER:EXPERT]... [--frames A:B]
      [--json] [--choice NAME=VALUE]... [--image NAME=FILE]... [--batch N]
      [--routing-frames A:B]
      Szenen (SAR): [--tile N] [--overlap N] [--band NAME]...
      [--filter none|lee|refined-lee|frost] [--region X,Y,W,H] [--cog]
  batch --model M --input DIR|LIST.txt [--out DIR] [--db FILE|URL] [--batch N]
      [--shard I/N] [--choice NAME=VALUE]... [--no-store] [--json]
      jede Datei unterhalb von DIR (oder aus der Liste) in einem Prozess; bereits
      analysierte Dateien werden übersprungen, Strg+C behält vollständige Dateien,
      --shard teilt eine Liste auf mehrere Rechner auf
      --slurm FILE [--array N] [--partition P] [--time T] [--submit]: schreibt
      ein Slurm-Job-Array (und reicht es ein), ein Shard je Task (docs/lab.md)
  track --model M --input VIDEO|SEQUENCE|DATASET_DIR [--init X,Y,W,H] [--frames A:B]
      [--out DIR] [--video] [--db FILE] [--no-store] [--evaluate]
      [--protocol got10k|lasot|otb] [--routing-frames A:B] [--json]
      ein Tracker über Videos oder Benchmark-Sequenzen, mit deren Metriken
  runs [--db FILE|URL] [--json]      gespeicherte Läufe, neueste zuerst
  compare --run A --run B [--frame-a N] [--frame-b N] [--db FILE] [--out DIR] [--json]
      Routing zweier gespeicherter Läufe je Layer: Top-1-Übereinstimmung,
      JS-Divergenz, Entropieänderung, Jaccard der Top-k-Mengen, Auslastungs-JS;
      --out: die Karten als PNGs
  signatures [--like RUN] [--limit N] [--db FILE] [--json]
      Routing-Signaturen gespeicherter Läufe: Ähnlichkeit und 2-D-PCA-Layout,
      oder die Läufe, deren Routing dem von RUN ähnelt
  paths --run ID [--frame N] [--db FILE] [--json]
      Expertenpfade: je Paar aufeinanderfolgender Layer die Token von jedem
      Experten zu jedem
  stability --model M --input PATH [--passes N] [--noise S] [--shift PX] [--frame N]
      [--seed N] [--out DIR] [--json]
      wie oft der Top-1-Experte jedes Tokens bei kleinen Störungen wechselt
  report --run ID [--frame N] [--compare ID] [--include-identifying] --out FILE.pdf
      ein gespeicherter Lauf als PDF: Bild, Top-1-Karten, Ausgaben, Routing,
      Herkunft
  ablate --model M --input PATH [--layer L] [--frame N] [--keep-only] [--deletion]
      [--choice NAME=VALUE]... [--image NAME=FILE]... [--csv FILE] [--json]
      jeder Experte der Reihe nach abgeschaltet: die Änderung der Antwort neben
      seiner Auslastung
  bench --model NAME|FILE [--device ...] [--batch N] [--iterations N]
      [--blas-threads N] [--no-peak] [--json]
      Latenz des Vorwärtsdurchlaufs, erreichte GFLOP/s und die Spitzenleistung
      der Matrixmultiplikation auf diesem Rechner
Galerien (Modelle, deren Plugin Galerien erstellt, z. B. ct-retrieval):
  index --model M --input DIR [--db FILE] --gallery NAME [--batch N] [--shard I/N]
      [--json]
      einen Ordner mit Schichten, Serien und Volumen indizieren (fortsetzbar;
      Strg+C behält vollständige Dateien)
  retrieve --model M --input FILE [--db FILE] --gallery NAME [--top K]
      [--frame N] [--region X,Y,W,H] [--json]    die nächstgelegenen Galerieeinträge
  retrieve --model M --gallery NAME --evaluate [--input DIR] [--top K]
      mAP@K, Leave-one-out oder über gelabelte Anfragen
  galleries [--db FILE] [--rename NAME --to NEW | --delete NAME] [--json]
Labor (docs/lab.md):
  pacs echo|find|get --node NAME|AET@HOST:PORT [--aet AET] [--timeout S] [--json]
      find: [--patient-id ID] [--patient-name NAME] [--date YYYYMMDD[-YYYYMMDD]]
      [--modality M] [--accession A] [--study UID: Serien]; get: --study UID
      [--series UID] [--out DIR]: C-GET in den Cache (oder DIR), Strg+C: Abbruch
      batch und index nehmen auch --input pacs://NODE?patient-id=ID&amp;modality=M&amp;
      date=D&amp;accession=A&amp;study=UID: jede passende Serie, zuvor abgerufen
  merge --db FILE|URL SOURCE... [--json]
      kopiert die Läufe anderer Datenbanken (z. B. der Dateien je Shard eines
      Slurm-Arrays) nach --db; bereits vorhandene Läufe werden nicht doppelt
      kopiert
Datenschutz:
  forget-paths [--db FILE] [--json]
      jeden gespeicherten Eingabepfad durch seinen Dateinamen ersetzen (Läufe
      bleiben; um das Bild eines Laufs erneut zu öffnen, muss die Datei dann
      wieder gefunden werden)
Allgemein: --threads N setzt die CPU-Threads von LibTorch (Standard: alle Kerne).
</translation>
        </message>
    </context>
    <context>
        <name>moescope::ct::CtRetrievalPlugin</name>
        <message>
            <source>CT retrieval (global/local dual experts)</source>
            <translation>CT-Retrieval (globale/lokale duale Experten)</translation>
        </message>
        <message>
            <source>the image is empty</source>
            <translation>das Bild ist leer</translation>
        </message>
        <message>
            <source>the query region %1×%2 at (%3, %4) is too small or outside the %5×%6 slice (8×8 pixels at least)</source>
            <translation>der Anfragebereich %1×%2 bei (%3, %4) ist zu klein oder liegt außerhalb der %5×%6-Schicht (mindestens 8×8 Pixel)</translation>
        </message>
        <message>
            <source>%1 is modality %2, not CT; the CT retrieval model reads Hounsfield units, so its matches may mean little</source>
            <translation>%1 hat die Modalität %2, nicht CT; das CT-Retrieval-Modell liest Hounsfield-Einheiten, daher sind seine Treffer womöglich wenig aussagekräftig</translation>
        </message>
        <message>
            <source>%1 is a colour picture, not a CT slice in Hounsfield units; the model's HU windows see its 0-255 values</source>
            <translation>%1 ist ein Farbbild, keine CT-Schicht in Hounsfield-Einheiten; die HU-Fenster des Modells sehen seine Werte 0-255</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::AblationPanel</name>
        <message>
            <source>The MoE layer whose experts are switched off one at a time</source>
            <translation>Der MoE-Layer, dessen Experten einzeln nacheinander abgeschaltet werden</translation>
        </message>
        <message>
            <source>Each expert alone too</source>
            <translation>Auch jeden Experten allein</translation>
        </message>
        <message>
            <source>Also run with only that expert on in its layer</source>
            <translation>Zusätzlich mit nur diesem Experten aktiv in seinem Layer ausführen</translation>
        </message>
        <message>
            <source>Deletion curves</source>
            <translation>Deletion-Kurven</translation>
        </message>
        <message>
            <source>Remove each expert's patches, most confident first (10-90 %), and plot how the answer holds up</source>
            <translation>Die Patches jedes Experten entfernen, die sichersten zuerst (10-90 %), und darstellen, wie stabil die Antwort bleibt</translation>
        </message>
        <message>
            <source>Sweep</source>
            <translation>Durchlauf</translation>
        </message>
        <message>
            <source>Run the model once per expert with that expert switched off, on the frame shown</source>
            <translation>Das Modell einmal je Experte mit abgeschaltetem Experten auf dem angezeigten Bild ausführen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>Experte</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Modus</translation>
        </message>
        <message>
            <source>Load</source>
            <translation>Auslastung</translation>
        </message>
        <message>
            <source>Effect</source>
            <translation>Wirkung</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Antwort</translation>
        </message>
        <message>
            <source>Later layers agree</source>
            <translation>Übereinst. spätere Layer</translation>
        </message>
        <message>
            <source>How much the answer changed: total variation of the class probabilities, 1 − Dice of the label maps, 1 − cosine of the embeddings or 1 − IoU of the boxes</source>
            <translation>Wie stark sich die Antwort geändert hat: Totalvariation der Klassenwahrscheinlichkeiten, 1 − Dice der Label-Karten, 1 − Kosinus der Embeddings oder 1 − IoU der Boxen</translation>
        </message>
        <message>
            <source>Top-1 agreement of the layers after this one with the unablated run</source>
            <translation>Top-1-Übereinstimmung der nachfolgenden Layer mit dem nicht ablatierten Lauf</translation>
        </message>
        <message>
            <source>Run with this expert off</source>
            <translation>Mit diesem Experten aus ausführen</translation>
        </message>
        <message>
            <source>Run the picture again with the chosen row's change, store it and compare it with the run shown</source>
            <translation>Das Bild erneut mit der Änderung der gewählten Zeile ausführen, speichern und mit dem angezeigten Lauf vergleichen</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>CSV exportieren…</translation>
        </message>
        <message>
            <source>Load and effect per expert</source>
            <translation>Auslastung und Wirkung je Experte</translation>
        </message>
        <message>
            <source>Run with only this expert on</source>
            <translation>Nur mit diesem Experten ausführen</translation>
        </message>
        <message>
            <source>Export ablation</source>
            <translation>Ablation exportieren</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Every layer</source>
            <translation>Alle Layer</translation>
        </message>
        <message numerus="yes">
            <source>%1: %2 (%n experts)</source>
            <translation>
                <numerusform>%1: %2 (%n Experte)</numerusform>
                <numerusform>%1: %2 (%n Experten)</numerusform>
            </translation>
        </message>
        <message>
            <source>Load a model that takes an expert_mask to switch its experts off.</source>
            <translation>Ein Modell mit expert_mask-Eingang laden, um seine Experten abzuschalten.</translation>
        </message>
        <message>
            <source>Switch each expert of a layer off in turn and measure how the answer changes, beside how much of the routing it gets.</source>
            <translation>Jeden Experten eines Layers der Reihe nach abschalten und messen, wie sich die Antwort ändert – neben dem Anteil am Routing, den er erhält.</translation>
        </message>
        <message>
            <source>Model %1 takes no expert_mask input: its experts cannot be switched off (docs/model-contract.md, "Expert ablation").</source>
            <translation>Modell %1 hat keinen Eingang expert_mask: seine Experten lassen sich nicht abschalten (docs/model-contract.md, „Expert ablation“).</translation>
        </message>
        <message>
            <source>%1; p(%2) = %3</source>
            <translation>%1; p(%2) = %3</translation>
        </message>
        <message>
            <source>alone</source>
            <translation>allein</translation>
        </message>
        <message>
            <source>off</source>
            <translation>aus</translation>
        </message>
        <message>
            <source>layer %1: %2</source>
            <translation>Layer %1: %2</translation>
        </message>
        <message>
            <source>Frame %1, effect on "%2" (%3): %4 passes, %5 ms of forward passes, %6 ms in all. Rank correlation of load and effect: %7.</source>
            <translation>Bild %1, Wirkung auf „%2“ (%3): %4 Durchläufe, %5 ms Forward-Durchläufe, %6 ms insgesamt. Rangkorrelation von Auslastung und Wirkung: %7.</translation>
        </message>
        <message>
            <source>Share of the load</source>
            <translation>Anteil an der Auslastung</translation>
        </message>
        <message>
            <source>Share of the effect of switching experts off</source>
            <translation>Anteil an der Wirkung des Abschaltens von Experten</translation>
        </message>
        <message>
            <source>Layer %1: each expert's share of the load and of the effect, %</source>
            <translation>Layer %1: Anteil jedes Experten an Auslastung und Wirkung, %</translation>
        </message>
        <message>
            <source>Expert's patches removed, %</source>
            <translation>Entfernte Patches des Experten, %</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Deletion curves: tick "Deletion curves" and sweep</source>
            <translation>Deletion-Kurven: „Deletion-Kurven“ ankreuzen und Durchlauf starten</translation>
        </message>
        <message>
            <source>Layer %1: deletion curves</source>
            <translation>Layer %1: Deletion-Kurven</translation>
        </message>
        <message numerus="yes">
            <source>expert %1 (%n tokens)</source>
            <translation>
                <numerusform>Experte %1 (%n Token)</numerusform>
                <numerusform>Experte %1 (%n Token)</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::AlluvialView</name>
        <message>
            <source>Top-1 expert of each token from layer to layer; click a band to see its tokens on the image</source>
            <translation>Top-1-Experte jedes Tokens von Layer zu Layer; auf ein Band klicken, um seine Token im Bild zu sehen</translation>
        </message>
        <message>
            <source>Expert paths need two or more MoE layers that route tokens on one grid</source>
            <translation>Expertenpfade erfordern zwei oder mehr MoE-Layer, die Token auf demselben Raster routen</translation>
        </message>
        <message numerus="yes">
            <source>%1, expert %2: %n token(s)</source>
            <translation>
                <numerusform>%1, Experte %2: %n Token</numerusform>
                <numerusform>%1, Experte %2: %n Token</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 expert %2 → %3 expert %4: %n token(s), %5 % of expert %2's</source>
            <translation>
                <numerusform>%1 Experte %2 → %3 Experte %4: %n Token, %5 % der Token von Experte %2</numerusform>
                <numerusform>%1 Experte %2 → %3 Experte %4: %n Token, %5 % der Token von Experte %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::CinePlayer</name>
        <message>
            <source>Play / pause (Space)</source>
            <translation>Wiedergabe / Pause (Leertaste)</translation>
        </message>
        <message>
            <source>Previous frame (Left)</source>
            <translation>Vorheriges Bild (Links)</translation>
        </message>
        <message>
            <source>Next frame (Right)</source>
            <translation>Nächstes Bild (Rechts)</translation>
        </message>
        <message>
            <source>Playback speed, relative to the file's frame time</source>
            <translation>Wiedergabegeschwindigkeit, relativ zur Bildzeit der Datei</translation>
        </message>
        <message>
            <source>Frame %1 / %2</source>
            <translation>Bild %1 / %2</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::CompareDialog</name>
        <message>
            <source>Query and hit side by side</source>
            <translation>Anfrage und Treffer nebeneinander</translation>
        </message>
        <message>
            <source>Window</source>
            <translation>Fenster</translation>
        </message>
        <message>
            <source>One window/level for both images; drag with the right mouse button in either for your own</source>
            <translation>Eine Fensterung für beide Bilder; mit der rechten Maustaste in einem der Bilder ziehen für eine eigene</translation>
        </message>
        <message>
            <source>From file</source>
            <translation>Aus Datei</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Benutzerdefiniert</translation>
        </message>
        <message>
            <source>Window-match heatmap</source>
            <translation>Heatmap der Fensterübereinstimmung</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Einpassen</translation>
        </message>
        <message>
            <source>Zoom out to the whole images (the wheel zooms, left-drag pans)</source>
            <translation>Auf die ganzen Bilder verkleinern (Mausrad zoomt, Ziehen mit links verschiebt)</translation>
        </message>
        <message>
            <source>Query: %1, frame %2%3</source>
            <translation>Anfrage: %1, Bild %2%3</translation>
        </message>
        <message>
            <source>, region %1 × %2 at (%3, %4)</source>
            <translation>, Bereich %1 × %2 bei (%3, %4)</translation>
        </message>
        <message>
            <source>#%1 · %2</source>
            <translation>#%1 · %2</translation>
        </message>
        <message>
            <source>query</source>
            <translation>Anfrage</translation>
        </message>
        <message>
            <source>Hit #%1: %2 (%3), frame %4 · score %5 · window score %6</source>
            <translation>Treffer #%1: %2 (%3), Bild %4 · Score %5 · Fenster-Score %6</translation>
        </message>
        <message>
            <source>no label</source>
            <translation>kein Label</translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation>%1 wird gelesen…</translation>
        </message>
        <message>
            <source>⚠ %1 is no longer readable; its stored thumbnail is shown (8-bit, the window does not apply).</source>
            <translation>⚠ %1 ist nicht mehr lesbar; das gespeicherte Vorschaubild wird angezeigt (8 Bit, die Fensterung wirkt nicht).</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ComparisonWindow</name>
        <message>
            <source>Compare runs</source>
            <translation>Läufe vergleichen</translation>
        </message>
        <message>
            <source>Link frames</source>
            <translation>Bilder koppeln</translation>
        </message>
        <message>
            <source>Step both runs together, keeping the frames' distance</source>
            <translation>Beide Läufe gemeinsam weiterschalten, mit gleichbleibendem Bildabstand</translation>
        </message>
        <message>
            <source>Export figures…</source>
            <translation>Kennzahlen exportieren…</translation>
        </message>
        <message>
            <source>Save the figures of every layer as CSV</source>
            <translation>Die Kennzahlen aller Layer als CSV speichern</translation>
        </message>
        <message>
            <source>Save picture…</source>
            <translation>Bild speichern…</translation>
        </message>
        <message>
            <source>Save the comparison as it is on screen, as PNG or SVG</source>
            <translation>Den Vergleich wie auf dem Bildschirm als PNG oder SVG speichern</translation>
        </message>
        <message>
            <source>Top-1 agreement (black: the experts differ)</source>
            <translation>Top-1-Übereinstimmung (schwarz: die Experten unterscheiden sich)</translation>
        </message>
        <message>
            <source>Jensen–Shannon divergence, bits</source>
            <translation>Jensen-Shannon-Divergenz, Bit</translation>
        </message>
        <message>
            <source>Entropy change B − A, bits</source>
            <translation>Entropieänderung B − A, Bit</translation>
        </message>
        <message>
            <source>Which per-token difference of the current layer is drawn</source>
            <translation>Welche Differenz je Token im aktuellen Layer dargestellt wird</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <source>Top-1 agreement</source>
            <translation>Top-1-Übereinstimmung</translation>
        </message>
        <message>
            <source>Mean JS (bits)</source>
            <translation>Mittlere JS (Bit)</translation>
        </message>
        <message>
            <source>Jaccard top-k</source>
            <translation>Jaccard Top-k</translation>
        </message>
        <message>
            <source>Entropy A (bits)</source>
            <translation>Entropie A (Bit)</translation>
        </message>
        <message>
            <source>Entropy B (bits)</source>
            <translation>Entropie B (Bit)</translation>
        </message>
        <message>
            <source>Entropy change</source>
            <translation>Entropieänderung</translation>
        </message>
        <message>
            <source>Load JS (bits)</source>
            <translation>Auslastungs-JS (Bit)</translation>
        </message>
        <message>
            <source>Export figures</source>
            <translation>Kennzahlen exportieren</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Save picture</source>
            <translation>Bild speichern</translation>
        </message>
        <message>
            <source>PNG (*.png);;SVG (*.svg)</source>
            <translation>PNG (*.png);;SVG (*.svg)</translation>
        </message>
        <message>
            <source>Compare runs %1 and %2</source>
            <translation>Läufe %1 und %2 vergleichen</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>The layers have %1 and %2 experts</source>
            <translation>Die Layer haben %1 und %2 Experten</translation>
        </message>
        <message>
            <source>The answers are not comparable (different outputs)</source>
            <translation>Die Antworten sind nicht vergleichbar (unterschiedliche Ausgaben)</translation>
        </message>
        <message>
            <source>How the answer changed, A → B: %1</source>
            <translation>Wie sich die Antwort geändert hat, A → B: %1</translation>
        </message>
        <message>
            <source>A: run %1</source>
            <translation>A: Lauf %1</translation>
        </message>
        <message>
            <source>B: run %1</source>
            <translation>B: Lauf %1</translation>
        </message>
        <message>
            <source>Layer %1: expert load, %; JS divergence %2 bits</source>
            <translation>Layer %1: Expertenauslastung, %; JS-Divergenz %2 Bit</translation>
        </message>
        <message>
            <source>Layer %1: expert load, % (%2 and %3 experts)</source>
            <translation>Layer %1: Expertenauslastung, % (%2 und %3 Experten)</translation>
        </message>
        <message>
            <source>No routing to compare</source>
            <translation>Kein Routing zum Vergleichen</translation>
        </message>
        <message>
            <source>Layer %1: no per-token difference (%2)</source>
            <translation>Layer %1: keine Differenz je Token (%2)</translation>
        </message>
        <message>
            <source>Colour scale %1 … %2</source>
            <translation>Farbskala %1 … %2</translation>
        </message>
        <message>
            <source>Layer %1, %2 tokens: top-1 agreement %3 %, mean JS %4 bits, Jaccard %5, entropy %6 → %7 bits. Colours from %8 to %9.</source>
            <translation>Layer %1, %2 Token: Top-1-Übereinstimmung %3 %, mittlere JS %4 Bit, Jaccard %5, Entropie %6 → %7 Bit. Farben von %8 bis %9.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ExpertPathsPanel</name>
        <message>
            <source>Draw region</source>
            <translation>Bereich zeichnen</translation>
        </message>
        <message>
            <source>Drag a rectangle on the image: the paths of its tokens only (switch off for every token)</source>
            <translation>Ein Rechteck auf dem Bild aufziehen: nur die Pfade seiner Token (ausschalten für alle Token)</translation>
        </message>
        <message>
            <source>Co-activation: tokens whose top-1 expert is the row's in the first layer and the column's in the next</source>
            <translation>Koaktivierung: Token, deren Top-1-Experte im ersten Layer der der Zeile und im nächsten der der Spalte ist</translation>
        </message>
        <message numerus="yes">
            <source>%n token(s) on a %1×%2 grid; click a band or a bar to see its tokens on the image</source>
            <translation>
                <numerusform>%n Token auf einem %1×%2-Raster; auf ein Band oder einen Balken klicken, um dessen Token im Bild zu sehen</numerusform>
                <numerusform>%n Token auf einem %1×%2-Raster; auf ein Band oder einen Balken klicken, um dessen Token im Bild zu sehen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Layer %1, expert %2: %n token(s)</source>
            <translation>
                <numerusform>Layer %1, Experte %2: %n Token</numerusform>
                <numerusform>Layer %1, Experte %2: %n Token</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Layer %1 expert %2 → layer %3 expert %4: %n token(s)</source>
            <translation>
                <numerusform>Layer %1 Experte %2 → Layer %3 Experte %4: %n Token</numerusform>
                <numerusform>Layer %1 Experte %2 → Layer %3 Experte %4: %n Token</numerusform>
            </translation>
        </message>
        <message>
            <source>No paths: fewer than two MoE layers route tokens on one grid. %1</source>
            <translation>Keine Pfade: weniger als zwei MoE-Layer routen Token auf demselben Raster. %1</translation>
        </message>
        <message numerus="yes">
            <source>%n token(s) on a %1×%2 grid; click a band or a bar to see its tokens on the image. %3</source>
            <translation>
                <numerusform>%n Token auf einem %1×%2-Raster; auf ein Band oder einen Balken klicken, um dessen Token im Bild zu sehen. %3</numerusform>
                <numerusform>%n Token auf einem %1×%2-Raster; auf ein Band oder einen Balken klicken, um dessen Token im Bild zu sehen. %3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n token(s) of the drawn region, on a %1×%2 grid; click a band or a bar to see its tokens on the image. %3</source>
            <translation>
                <numerusform>%n Token des gezeichneten Bereichs auf einem %1×%2-Raster; auf ein Band oder einen Balken klicken, um dessen Token im Bild zu sehen. %3</numerusform>
                <numerusform>%n Token des gezeichneten Bereichs auf einem %1×%2-Raster; auf ein Band oder einen Balken klicken, um dessen Token im Bild zu sehen. %3</numerusform>
            </translation>
        </message>
        <message>
            <source>L%1 e%2</source>
            <translation>L%1 E%2</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::GalleryPanel</name>
        <message>
            <source>%1 / %2 · %3</source>
            <translation>%1 / %2 · %3</translation>
        </message>
        <message>
            <source>The query failed: %1</source>
            <translation>Die Abfrage ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Gallery</source>
            <translation>Galerie</translation>
        </message>
        <message>
            <source>Galleries of the run database: name, items, the model that built it</source>
            <translation>Galerien der Laufdatenbank: Name, Einträge, das Modell, das sie erstellt hat</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>Umbenennen…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <source>Index folder…</source>
            <translation>Ordner indizieren…</translation>
        </message>
        <message>
            <source>Index a folder of slices, series and volumes into a new or existing gallery; files already there are skipped</source>
            <translation>Einen Ordner mit Schichten, Serien und Volumen in eine neue oder vorhandene Galerie indizieren; bereits enthaltene Dateien werden übersprungen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Stop after the file being indexed; no file is left half indexed</source>
            <translation>Nach der gerade indizierten Datei anhalten; keine Datei bleibt halb indiziert</translation>
        </message>
        <message>
            <source>Query slice</source>
            <translation>Schicht abfragen</translation>
        </message>
        <message>
            <source>Search the gallery with the slice on screen (in the plane shown)</source>
            <translation>Die Galerie mit der angezeigten Schicht durchsuchen (in der angezeigten Ebene)</translation>
        </message>
        <message>
            <source>Query region</source>
            <translation>Bereich abfragen</translation>
        </message>
        <message>
            <source>Drag a rectangle on the image with the left button: the gallery is searched with that region</source>
            <translation>Mit der linken Maustaste ein Rechteck auf dem Bild aufziehen: die Galerie wird mit diesem Bereich durchsucht</translation>
        </message>
        <message>
            <source>top </source>
            <translation>Top </translation>
        </message>
        <message>
            <source>Double-click a hit to compare it with the query side by side</source>
            <translation>Doppelklick auf einen Treffer vergleicht ihn nebeneinander mit der Anfrage</translation>
        </message>
        <message>
            <source>The query appears here</source>
            <translation>Hier erscheint die Anfrage</translation>
        </message>
        <message>
            <source>Each query window's best match in the chosen hit (cosine of the window embeddings); the best window outlined</source>
            <translation>Beste Übereinstimmung jedes Anfragefensters im gewählten Treffer (Kosinus der Fenster-Embeddings); das beste Fenster ist umrandet</translation>
        </message>
        <message>
            <source>The chosen hit appears here</source>
            <translation>Hier erscheint der gewählte Treffer</translation>
        </message>
        <message>
            <source>Each window of the hit: its best match among the query's windows; the best window outlined</source>
            <translation>Jedes Fenster des Treffers: seine beste Übereinstimmung unter den Fenstern der Anfrage; das beste Fenster ist umrandet</translation>
        </message>
        <message>
            <source>Window-match heatmap</source>
            <translation>Heatmap der Fensterübereinstimmung</translation>
        </message>
        <message>
            <source>Compare…</source>
            <translation>Vergleichen…</translation>
        </message>
        <message>
            <source>The chosen hit next to the query in linked views</source>
            <translation>Der gewählte Treffer neben der Anfrage in gekoppelten Ansichten</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>Experte</translation>
        </message>
        <message>
            <source>Query</source>
            <translation>Anfrage</translation>
        </message>
        <message>
            <source>Hit</source>
            <translation>Treffer</translation>
        </message>
        <message>
            <source>Mean router probability of each expert: over the tokens for a token-level layer, the image's gate for an image-level one</source>
            <translation>Mittlere Router-Wahrscheinlichkeit jedes Experten: über die Token bei einem Layer auf Token-Ebene, das Gate des Bildes bei einem Layer auf Bildebene</translation>
        </message>
        <message>
            <source>Load a retrieval model (a gallery task, such as ct-hmar-tiny) to index and query galleries.</source>
            <translation>Ein Retrieval-Modell laden (eine Galerie-Aufgabe wie ct-hmar-tiny), um Galerien zu indizieren und abzufragen.</translation>
        </message>
        <message>
            <source>Load a retrieval model</source>
            <translation>Ein Retrieval-Modell laden</translation>
        </message>
        <message>
            <source>Model %1: pick or index a gallery, then query it with the slice on screen or a region of it.</source>
            <translation>Modell %1: eine Galerie wählen oder indizieren und sie dann mit der angezeigten Schicht oder einem Bereich davon abfragen.</translation>
        </message>
        <message>
            <source>1 item</source>
            <translation>1 Eintrag</translation>
        </message>
        <message>
            <source>%1 items</source>
            <translation>%1 Einträge</translation>
        </message>
        <message>
            <source>%1 — %2 · %3</source>
            <translation>%1 — %2 · %3</translation>
        </message>
        <message>
            <source> (another model)</source>
            <translation> (anderes Modell)</translation>
        </message>
        <message>
            <source>%1
%2 item(s) from %3 file(s), %4-value embeddings
built by %5 (sha256 %6…)
created %7</source>
            <translation>%1
%2 Einträge aus %3 Datei(en), Embeddings mit %4 Werten
erstellt mit %5 (sha256 %6…)
angelegt %7</translation>
        </message>
        <message>
            <source>Index a folder of slices, series or volumes</source>
            <translation>Einen Ordner mit Schichten, Serien oder Volumen indizieren</translation>
        </message>
        <message>
            <source>Index into gallery</source>
            <translation>In Galerie indizieren</translation>
        </message>
        <message>
            <source>Gallery (a new name creates one; files already in an existing gallery are skipped):</source>
            <translation>Galerie (ein neuer Name legt eine an; Dateien, die bereits in einer vorhandenen Galerie sind, werden übersprungen):</translation>
        </message>
        <message>
            <source>Load a retrieval model first.</source>
            <translation>Zuerst ein Retrieval-Modell laden.</translation>
        </message>
        <message>
            <source>Wait for the indexing or query in progress.</source>
            <translation>Auf die laufende Indizierung oder Abfrage warten.</translation>
        </message>
        <message>
            <source>%1 does not exist.</source>
            <translation>%1 existiert nicht.</translation>
        </message>
        <message>
            <source>The gallery needs a name.</source>
            <translation>Die Galerie benötigt einen Namen.</translation>
        </message>
        <message>
            <source>Listing %1…</source>
            <translation>%1 wird aufgelistet…</translation>
        </message>
        <message>
            <source>Indexing %1 into "%2"…</source>
            <translation>%1 wird in „%2“ indiziert…</translation>
        </message>
        <message>
            <source> — cancelling after this file…</source>
            <translation> — Abbruch nach dieser Datei…</translation>
        </message>
        <message>
            <source>%1 file(s): %2 indexed (%3 item(s)), %4 already there, %5 failed · %6 images/s</source>
            <translation>%1 Datei(en): %2 indiziert (%3 Einträge), %4 bereits vorhanden, %5 fehlgeschlagen · %6 Bilder/s</translation>
        </message>
        <message>
            <source> · cancelled (whole files only)</source>
            <translation> · abgebrochen (nur vollständige Dateien)</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>Warnung: %1</translation>
        </message>
        <message numerus="yes">
            <source>Failures (%1)</source>
            <translation>
                <numerusform>Fehler (%1)</numerusform>
                <numerusform>Fehler (%1)</numerusform>
            </translation>
        </message>
        <message>
            <source>, warnings (%1)</source>
            <translation>, Warnungen (%1)</translation>
        </message>
        <message>
            <source>Gallery "%1" is ready.</source>
            <translation>Galerie „%1“ ist bereit.</translation>
        </message>
        <message>
            <source>Indexing stopped: %1</source>
            <translation>Indizierung angehalten: %1</translation>
        </message>
        <message>
            <source>Drag a rectangle on the image to query with it.</source>
            <translation>Ein Rechteck auf dem Bild aufziehen, um damit abzufragen.</translation>
        </message>
        <message>
            <source>Index a gallery first (Index folder…).</source>
            <translation>Zuerst eine Galerie indizieren (Ordner indizieren…).</translation>
        </message>
        <message>
            <source>There is no gallery "%1" any more.</source>
            <translation>Die Galerie „%1“ gibt es nicht mehr.</translation>
        </message>
        <message>
            <source>This gallery cannot be queried with %1: %2</source>
            <translation>Diese Galerie kann nicht mit %1 abgefragt werden: %2</translation>
        </message>
        <message>
            <source>Open a slice, series or volume to query with.</source>
            <translation>Eine Schicht, Serie oder ein Volumen für die Abfrage öffnen.</translation>
        </message>
        <message>
            <source>The region lies outside the image.</source>
            <translation>Der Bereich liegt außerhalb des Bildes.</translation>
        </message>
        <message>
            <source>Querying "%1" with a %2 × %3 region of frame %4…</source>
            <translation>„%1“ wird mit einem %2 × %3-Bereich von Bild %4 abgefragt…</translation>
        </message>
        <message>
            <source>Querying "%1" with frame %2…</source>
            <translation>„%1“ wird mit Bild %2 abgefragt…</translation>
        </message>
        <message>
            <source>%1
frame %2 · score %3 · window score %4</source>
            <translation>%1
Bild %2 · Score %3 · Fenster-Score %4</translation>
        </message>
        <message>
            <source>query region</source>
            <translation>Anfragebereich</translation>
        </message>
        <message>
            <source>query slice</source>
            <translation>Anfrageschicht</translation>
        </message>
        <message>
            <source>No thumbnail stored for %1</source>
            <translation>Kein Vorschaubild für %1 gespeichert</translation>
        </message>
        <message>
            <source>#%1 %2 · %3</source>
            <translation>#%1 %2 · %3</translation>
        </message>
        <message>
            <source>Hit #%1</source>
            <translation>Treffer #%1</translation>
        </message>
        <message>
            <source>image-level gate</source>
            <translation>Gate auf Bildebene</translation>
        </message>
        <message>
            <source>token-level, mean over tokens</source>
            <translation>Token-Ebene, Mittel über die Token</translation>
        </message>
        <message>
            <source>Rename gallery</source>
            <translation>Galerie umbenennen</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>Neuer Name:</translation>
        </message>
        <message>
            <source>Not renamed: %1</source>
            <translation>Nicht umbenannt: %1</translation>
        </message>
        <message>
            <source>Gallery "%1" is now "%2".</source>
            <translation>Galerie „%1“ heißt jetzt „%2“.</translation>
        </message>
        <message>
            <source>Delete gallery</source>
            <translation>Galerie löschen</translation>
        </message>
        <message numerus="yes">
            <source>Delete gallery "%1" and its %n item(s)? The image files stay where they are.</source>
            <translation>
                <numerusform>Galerie „%1“ mit ihrem %n Eintrag löschen? Die Bilddateien bleiben, wo sie sind.</numerusform>
                <numerusform>Galerie „%1“ mit ihren %n Einträgen löschen? Die Bilddateien bleiben, wo sie sind.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not deleted: %1</source>
            <translation>Nicht gelöscht: %1</translation>
        </message>
        <message>
            <source>Gallery "%1" deleted.</source>
            <translation>Galerie „%1“ gelöscht.</translation>
        </message>
        <message numerus="yes">
            <source>%n hit(s) in "%1" (model %2 ms, search %3 ms; %4)</source>
            <translation>
                <numerusform>%n Treffer in „%1“ (Modell %2 ms, Suche %3 ms; %4)</numerusform>
                <numerusform>%n Treffer in „%1“ (Modell %2 ms, Suche %3 ms; %4)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::LibraryPanel</name>
        <message>
            <source>Models</source>
            <translation>Modelle</translation>
        </message>
        <message>
            <source>Samples (double-click to open)</source>
            <translation>Beispiele (Doppelklick zum Öffnen)</translation>
        </message>
        <message>
            <source>The bundled samples by task; each names the model it was made for</source>
            <translation>Die mitgelieferten Beispiele nach Aufgabe; jedes nennt das Modell, für das es erstellt wurde</translation>
        </message>
        <message>
            <source>Model info…</source>
            <translation>Modellinfo…</translation>
        </message>
        <message>
            <source>The selected model's card and its moescope.json</source>
            <translation>Die Modellkarte des ausgewählten Modells und seine moescope.json</translation>
        </message>
        <message>
            <source>Double-click a model to load it; bold: it fits the open image</source>
            <translation>Doppelklick auf ein Modell lädt es; fett: es passt zum geöffneten Bild</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message numerus="yes">
            <source>%1 · %n MoE layer(s), experts %2 · plugin %3</source>
            <translation>
                <numerusform>%1 · %n MoE-Layer, Experten %2 · Plugin %3</numerusform>
                <numerusform>%1 · %n MoE-Layer, Experten %2 · Plugin %3</numerusform>
            </translation>
        </message>
        <message>
            <source>Fits the open image: %1</source>
            <translation>Passt zum geöffneten Bild: %1</translation>
        </message>
        <message>
            <source>%1 · model %2</source>
            <translation>%1 · Modell %2</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::MainWindow</name>
        <message>
            <source>MoEScope — Mixture-of-Experts routing workbench</source>
            <translation>MoEScope — Workbench für Mixture-of-Experts-Routing</translation>
        </message>
        <message>
            <source>Runs cannot be stored: %1</source>
            <translation>Läufe können nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Open Image…</source>
            <translation>Bild &amp;öffnen…</translation>
        </message>
        <message>
            <source>Open image, DICOM file or volume</source>
            <translation>Bild, DICOM-Datei oder Volumen öffnen</translation>
        </message>
        <message>
            <source>Open DICOM &amp;Series Folder…</source>
            <translation>DICOM-&amp;Serienordner öffnen…</translation>
        </message>
        <message>
            <source>Open DICOM series folder</source>
            <translation>DICOM-Serienordner öffnen</translation>
        </message>
        <message>
            <source>Add &amp;Model File…</source>
            <translation>&amp;Modelldatei hinzufügen…</translation>
        </message>
        <message>
            <source>Add a TorchScript MoE model</source>
            <translation>Ein TorchScript-MoE-Modell hinzufügen</translation>
        </message>
        <message>
            <source>TorchScript models (*.pt)</source>
            <translation>TorchScript-Modelle (*.pt)</translation>
        </message>
        <message>
            <source>&amp;Export Routing Images…</source>
            <translation>Routing-Bilder &amp;exportieren…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>A&amp;nalyse</translation>
        </message>
        <message>
            <source>&amp;Run Model</source>
            <translation>Modell aus&amp;führen</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Abbrechen</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Fit to Window</source>
            <translation>In Fenster &amp;einpassen</translation>
        </message>
        <message>
            <source>&amp;Actual Size (1:1)</source>
            <translation>&amp;Originalgröße (1:1)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;About MoEScope</source>
            <translation>&amp;Über MoEScope</translation>
        </message>
        <message>
            <source>About MoEScope</source>
            <translation>Über MoEScope</translation>
        </message>
        <message>
            <source>Samples and models</source>
            <translation>Beispiele und Modelle</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Läufe</translation>
        </message>
        <message>
            <source>Gallery and query</source>
            <translation>Galerie und Abfrage</translation>
        </message>
        <message>
            <source>The image could not be opened.

%1</source>
            <translation>Das Bild konnte nicht geöffnet werden.

%1</translation>
        </message>
        <message>
            <source>Model %1 ready on %2 (loaded in %3 ms, warm-up %4 ms)</source>
            <translation>Modell %1 bereit auf %2 (geladen in %3 ms, Aufwärmen %4 ms)</translation>
        </message>
        <message>
            <source>The model was refused.

%1</source>
            <translation>Das Modell wurde abgelehnt.

%1</translation>
        </message>
        <message>
            <source>MoEScope</source>
            <translation>MoEScope</translation>
        </message>
        <message>
            <source>Still loading %1</source>
            <translation>%1 wird noch geladen</translation>
        </message>
        <message>
            <source>Loading %1…</source>
            <translation>%1 wird geladen…</translation>
        </message>
        <message numerus="yes">
            <source>%1 holds %n series; choose one</source>
            <translation>
                <numerusform>%1 enthält %n Serie; bitte auswählen</numerusform>
                <numerusform>%1 enthält %n Serien; bitte eine auswählen</numerusform>
            </translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>%1 geöffnet</translation>
        </message>
        <message>
            <source>%1 has changed since run %2 was made; its routing is shown over the file as it is now</source>
            <translation>%1 wurde geändert, seit Lauf %2 erstellt wurde; das Routing wird über der Datei in ihrem jetzigen Zustand angezeigt</translation>
        </message>
        <message>
            <source>The image of this run (%1) is no longer there; its routing is shown without it.</source>
            <translation>Das Bild dieses Laufs (%1) ist nicht mehr vorhanden; sein Routing wird ohne das Bild angezeigt.</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3 — forward %4 ms, total %5 ms</source>
            <translation>Lauf %1: %2 auf %3 — Forward %4 ms, gesamt %5 ms</translation>
        </message>
        <message>
            <source>%1 on %2</source>
            <translation>%1 auf %2</translation>
        </message>
        <message>
            <source>Export routing images to</source>
            <translation>Routing-Bilder exportieren nach</translation>
        </message>
        <message numerus="yes">
            <source>Wrote %n file(s) to %1</source>
            <translation>
                <numerusform>%n Datei nach %1 geschrieben</numerusform>
                <numerusform>%n Dateien nach %1 geschrieben</numerusform>
            </translation>
        </message>
        <message>
            <source>Run %1: %2</source>
            <translation>Lauf %1: %2</translation>
        </message>
        <message>
            <source> (experts off)</source>
            <translation> (Experten aus)</translation>
        </message>
        <message>
            <source>Co&amp;mpare Selected Runs</source>
            <translation>Ausgewählte Läufe &amp;vergleichen</translation>
        </message>
        <message>
            <source>The two runs selected in Runs side by side, with the difference of their routing</source>
            <translation>Die beiden unter „Läufe“ ausgewählten Läufe nebeneinander, mit der Differenz ihres Routings</translation>
        </message>
        <message>
            <source>Compare &amp;With…</source>
            <translation>Vergleichen &amp;mit…</translation>
        </message>
        <message>
            <source>The result shown beside another stored run</source>
            <translation>Das angezeigte Ergebnis neben einem anderen gespeicherten Lauf</translation>
        </message>
        <message>
            <source>Save &amp;Report (PDF)…</source>
            <translation>&amp;Bericht speichern (PDF)…</translation>
        </message>
        <message>
            <source>Run a model or reopen a stored run first; then save its report</source>
            <translation>Zuerst ein Modell ausführen oder einen gespeicherten Lauf erneut öffnen; dann seinen Bericht speichern</translation>
        </message>
        <message>
            <source>Save report</source>
            <translation>Bericht speichern</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The picture carries identifying DICOM fields (patient name, ID, birth date, institution…). Put them in the report?</source>
            <translation>Das Bild enthält identifizierende DICOM-Felder (Patientenname, ID, Geburtsdatum, Einrichtung…). In den Bericht übernehmen?</translation>
        </message>
        <message>
            <source>Report saved to %1</source>
            <translation>Bericht gespeichert unter %1</translation>
        </message>
        <message>
            <source>Routing &amp;Signatures…</source>
            <translation>Routing-&amp;Signaturen…</translation>
        </message>
        <message>
            <source>Many stored runs' routing side by side: similarity and a 2-D layout, and the runs most like the one shown</source>
            <translation>Das Routing vieler gespeicherter Läufe nebeneinander: Ähnlichkeit und ein 2-D-Layout sowie die Läufe, die dem angezeigten am ähnlichsten sind</translation>
        </message>
        <message>
            <source>Expert ablation and routing stability</source>
            <translation>Experten-Ablation und Routing-Stabilität</translation>
        </message>
        <message>
            <source>Expert ablation</source>
            <translation>Experten-Ablation</translation>
        </message>
        <message>
            <source>Routing stability</source>
            <translation>Routing-Stabilität</translation>
        </message>
        <message>
            <source>Expert &amp;Ablation and Stability…</source>
            <translation>Experten-Ab&amp;lation und Stabilität…</translation>
        </message>
        <message>
            <source>Switch each expert of a layer off in turn and measure the change of the answer beside its load; or see how often tokens change expert under small perturbations</source>
            <translation>Jeden Experten eines Layers der Reihe nach abschalten und die Änderung der Antwort neben seiner Auslastung messen; oder sehen, wie oft Token bei kleinen Störungen den Experten wechseln</translation>
        </message>
        <message>
            <source>Expert paths</source>
            <translation>Expertenpfade</translation>
        </message>
        <message>
            <source>Expert &amp;Paths</source>
            <translation>Experten&amp;pfade</translation>
        </message>
        <message>
            <source>Where each token's top-1 expert goes from layer to layer</source>
            <translation>Wohin der Top-1-Experte jedes Tokens von Layer zu Layer wechselt</translation>
        </message>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>Präsen&amp;tationsmodus</translation>
        </message>
        <message>
            <source>Full screen, the picture and one overlay; the arrow keys step through the stored runs</source>
            <translation>Vollbild, das Bild und ein Overlay; die Pfeiltasten blättern durch die gespeicherten Läufe</translation>
        </message>
        <message>
            <source>Select two runs in Runs to compare them</source>
            <translation>Zwei Läufe unter „Läufe“ auswählen, um sie zu vergleichen</translation>
        </message>
        <message>
            <source>Run a model or reopen a stored run first; then compare it with another</source>
            <translation>Zuerst ein Modell ausführen oder einen gespeicherten Lauf erneut öffnen; dann mit einem anderen vergleichen</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3</source>
            <translation>Lauf %1: %2 auf %3</translation>
        </message>
        <message>
            <source>There is no other stored run to compare run %1 with</source>
            <translation>Es gibt keinen anderen gespeicherten Lauf, mit dem Lauf %1 verglichen werden kann</translation>
        </message>
        <message>
            <source>Compare with</source>
            <translation>Vergleichen mit</translation>
        </message>
        <message>
            <source>Compare run %1 with:</source>
            <translation>Lauf %1 vergleichen mit:</translation>
        </message>
        <message>
            <source>The picture of this run is not open.</source>
            <translation>Das Bild dieses Laufs ist nicht geöffnet.</translation>
        </message>
        <message>
            <source>There are no stored runs to present yet</source>
            <translation>Es gibt noch keine gespeicherten Läufe zum Präsentieren</translation>
        </message>
        <message>
            <source>Comparing runs %1 and %2</source>
            <translation>Läufe %1 und %2 werden verglichen</translation>
        </message>
        <message>
            <source>Open an image, a DICOM file or cine, a volume, a SAR product or a video (%1)</source>
            <translation>Ein Bild, eine DICOM-Datei oder Cine-Sequenz, ein Volumen, ein SAR-Produkt oder ein Video öffnen (%1)</translation>
        </message>
        <message>
            <source>Run the model on the image and store the run (Ctrl+R)</source>
            <translation>Das Modell auf dem Bild ausführen und den Lauf speichern (Strg+R)</translation>
        </message>
        <message>
            <source>Cancel the run or the loading in progress (Esc)</source>
            <translation>Den laufenden Lauf oder Ladevorgang abbrechen (Esc)</translation>
        </message>
        <message>
            <source>&amp;Save Image View As…</source>
            <translation>Bildansicht &amp;speichern unter…</translation>
        </message>
        <message>
            <source>Save image view</source>
            <translation>Bildansicht speichern</translation>
        </message>
        <message>
            <source>PNG (*.png);;SVG (*.svg)</source>
            <translation>PNG (*.png);;SVG (*.svg)</translation>
        </message>
        <message>
            <source>Double-click a run to reopen it without recomputing; select two and press Compare to see them side by side</source>
            <translation>Doppelklick auf einen Lauf öffnet ihn ohne Neuberechnung; zwei auswählen und „Vergleichen“ drücken, um sie nebeneinander zu sehen</translation>
        </message>
        <message>
            <source>Display</source>
            <translation>Anzeige</translation>
        </message>
        <message>
            <source>Run options</source>
            <translation>Laufoptionen</translation>
        </message>
        <message>
            <source>%1 of %2 tiles: the result fills in as they finish</source>
            <translation>%1 von %2 Kacheln: das Ergebnis füllt sich, sobald sie fertig sind</translation>
        </message>
        <message>
            <source>Recent &amp;Files</source>
            <translation>&amp;Zuletzt verwendete Dateien</translation>
        </message>
        <message>
            <source>Recent &amp;Models</source>
            <translation>Zuletzt verwendete Mo&amp;delle</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>E&amp;instellungen…</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>&amp;Modell</translation>
        </message>
        <message>
            <source>Model &amp;Info…</source>
            <translation>Modell&amp;info…</translation>
        </message>
        <message>
            <source>Pick a model first: its card is shown for the model in the toolbar.</source>
            <translation>Zuerst ein Modell auswählen: angezeigt wird die Karte des Modells in der Werkzeugleiste.</translation>
        </message>
        <message>
            <source>&amp;User Guide</source>
            <translation>&amp;Benutzerhandbuch</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Tastenkürzel</translation>
        </message>
        <message>
            <source>The window's saved layout could not be restored; the default is shown</source>
            <translation>Das gespeicherte Fensterlayout konnte nicht wiederhergestellt werden; die Standardanordnung wird angezeigt</translation>
        </message>
        <message>
            <source>Colormap "%1" is not known; %2 is used</source>
            <translation>Farbskala „%1“ ist unbekannt; %2 wird verwendet</translation>
        </message>
        <message>
            <source>The last model could not be restored: %1</source>
            <translation>Das zuletzt verwendete Modell konnte nicht wiederhergestellt werden: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n setting(s) could not be restored: %1</source>
            <translation>
                <numerusform>%n Einstellung konnte nicht wiederhergestellt werden: %1</numerusform>
                <numerusform>%n Einstellungen konnten nicht wiederhergestellt werden: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Model %1 proposed: %2</source>
            <translation>Modell %1 vorgeschlagen: %2</translation>
        </message>
        <message>
            <source>%1 fits this file better (%2); the model you picked is kept</source>
            <translation>%1 passt besser zu dieser Datei (%2); das gewählte Modell wird beibehalten</translation>
        </message>
        <message>
            <source>%1: the file is no longer there; it was removed from the recent files</source>
            <translation>%1: die Datei ist nicht mehr vorhanden; sie wurde aus den zuletzt verwendeten Dateien entfernt</translation>
        </message>
        <message>
            <source>%1 has no model card beside it</source>
            <translation>%1 hat keine Modellkarte daneben</translation>
        </message>
        <message>
            <source>&lt;b&gt;MoEScope %1&lt;/b&gt;&lt;p&gt;Where the router sent each patch: per-expert heatmaps, top-1 maps, routing entropy and expert load for Mixture-of-Experts vision models.&lt;/p&gt;&lt;p&gt;Research software, not for clinical use.&lt;/p&gt;&lt;p&gt;Built with: %2&lt;/p&gt;&lt;p&gt;Settings: %3&lt;/p&gt;</source>
            <translation>&lt;b&gt;MoEScope %1&lt;/b&gt;&lt;p&gt;Wohin der Router jeden Patch geleitet hat: Heatmaps je Experte, Top-1-Karten, Routing-Entropie und Expertenauslastung für Mixture-of-Experts-Bildmodelle.&lt;/p&gt;&lt;p&gt;Forschungssoftware, nicht für den klinischen Einsatz.&lt;/p&gt;&lt;p&gt;Erstellt mit: %2&lt;/p&gt;&lt;p&gt;Einstellungen: %3&lt;/p&gt;</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Run %1 (%2 on %3) arrived from %4@%5</source>
            <translation>Lauf %1 (%2 auf %3) von %4@%5 eingetroffen</translation>
        </message>
        <message>
            <source>Open from &amp;PACS…</source>
            <translation>Aus &amp;PACS öffnen…</translation>
        </message>
        <message>
            <source>Query a DICOM node (PACS) for studies and open a series</source>
            <translation>Einen DICOM-Knoten (PACS) nach Studien abfragen und eine Serie öffnen</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ModelInfoDialog</name>
        <message>
            <source>Model info: %1</source>
            <translation>Modellinfo: %1</translation>
        </message>
        <message>
            <source>%1: %2 experts, top-%3</source>
            <translation>%1: %2 Experten, Top-%3</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Task &lt;b&gt;%3&lt;/b&gt; · %4&lt;br&gt;%5&lt;br&gt;Licence: %6 · Reference: %7</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Aufgabe &lt;b&gt;%3&lt;/b&gt; · %4&lt;br&gt;%5&lt;br&gt;Lizenz: %6 · Referenz: %7</translation>
        </message>
        <message>
            <source>This model has no card: there is no %1.md beside %2. Its moescope.json says:

%3</source>
            <translation>Dieses Modell hat keine Modellkarte: neben %2 liegt keine %1.md. Seine moescope.json besagt:

%3</translation>
        </message>
        <message>
            <source>Model card</source>
            <translation>Modellkarte</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::OptionsDock</name>
        <message>
            <source>(the model's)</source>
            <translation>(die des Modells)</translation>
        </message>
        <message>
            <source>whole scene</source>
            <translation>ganze Szene</translation>
        </message>
        <message>
            <source>Draw…</source>
            <translation>Zeichnen…</translation>
        </message>
        <message>
            <source>Drag a rectangle on the image to run that part alone</source>
            <translation>Ein Rechteck auf dem Bild aufziehen, um nur diesen Teil auszuführen</translation>
        </message>
        <message>
            <source>Whole</source>
            <translation>Ganz</translation>
        </message>
        <message>
            <source>%1 x %2 at %3, %4</source>
            <translation>%1 x %2 bei %3, %4</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::PacsDialog</name>
        <message>
            <source>Open from PACS</source>
            <translation>Aus PACS öffnen</translation>
        </message>
        <message>
            <source>AE_TITLE@HOST:PORT, or a node from Settings</source>
            <translation>AE_TITLE@HOST:PORT oder ein Knoten aus den Einstellungen</translation>
        </message>
        <message>
            <source>The DICOM node to query: one configured in File ▸ Settings, or typed as AE_TITLE@HOST:PORT. We call ourselves %1.</source>
            <translation>Der abzufragende DICOM-Knoten: einer aus Datei ▸ Einstellungen oder als AE_TITLE@HOST:PORT eingegeben. Der eigene AE-Titel ist %1.</translation>
        </message>
        <message>
            <source>&amp;Test</source>
            <translation>&amp;Testen</translation>
        </message>
        <message>
            <source>Checks that the node answers (C-ECHO)</source>
            <translation>Prüft, ob der Knoten antwortet (C-ECHO)</translation>
        </message>
        <message>
            <source>&amp;Node:</source>
            <translation>&amp;Knoten:</translation>
        </message>
        <message>
            <source>* and ? match anything, e.g. DOE^J*</source>
            <translation>* und ? stehen für beliebige Zeichen, z. B. DOE^J*</translation>
        </message>
        <message>
            <source>YYYYMMDD or YYYYMMDD-YYYYMMDD</source>
            <translation>YYYYMMDD oder YYYYMMDD-YYYYMMDD</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>Alle</translation>
        </message>
        <message>
            <source>Patient &amp;ID:</source>
            <translation>Patienten-&amp;ID:</translation>
        </message>
        <message>
            <source>Patient na&amp;me:</source>
            <translation>Patienten&amp;name:</translation>
        </message>
        <message>
            <source>Study &amp;date:</source>
            <translation>Studien&amp;datum:</translation>
        </message>
        <message>
            <source>&amp;Accession number:</source>
            <translation>&amp;Accession-Nummer:</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Suchen</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Patient ID</source>
            <translation>Patienten-ID</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <source>Modalities</source>
            <translation>Modalitäten</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Serien</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nummer</translation>
        </message>
        <message>
            <source>Modality</source>
            <translation>Modalität</translation>
        </message>
        <message>
            <source>Instances</source>
            <translation>Instanzen</translation>
        </message>
        <message>
            <source>&amp;Open Series</source>
            <translation>Serie &amp;öffnen</translation>
        </message>
        <message>
            <source>Cancel &amp;Request</source>
            <translation>Anfrage a&amp;bbrechen</translation>
        </message>
        <message>
            <source>Calling %1…</source>
            <translation>%1 wird kontaktiert…</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>%1 answers</source>
            <translation>%1 antwortet</translation>
        </message>
        <message>
            <source>No study matches</source>
            <translation>Keine passende Studie</translation>
        </message>
        <message numerus="yes">
            <source>%n study(ies) found</source>
            <translation>
                <numerusform>%n Studie gefunden</numerusform>
                <numerusform>%n Studien gefunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n series in this study</source>
            <translation>
                <numerusform>%n Serie in dieser Studie</numerusform>
                <numerusform>%n Serien in dieser Studie</numerusform>
            </translation>
        </message>
        <message>
            <source>Received %1 of %2 instance(s)</source>
            <translation>%1 von %2 Instanz(en) empfangen</translation>
        </message>
        <message>
            <source>Received %1 instance(s)</source>
            <translation>%1 Instanz(en) empfangen</translation>
        </message>
        <message numerus="yes">
            <source>%n instance(s) retrieved</source>
            <translation>
                <numerusform>%n Instanz abgerufen</numerusform>
                <numerusform>%n Instanzen abgerufen</numerusform>
            </translation>
        </message>
        <message>
            <source>Searching %1…</source>
            <translation>%1 wird durchsucht…</translation>
        </message>
        <message>
            <source>Retrieving series %1…</source>
            <translation>Serie %1 wird abgerufen…</translation>
        </message>
        <message>
            <source>Modalit&amp;y:</source>
            <translation>&amp;Modalität:</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::PluginViewDock</name>
        <message>
            <source>Draw another stored run of this input beside this one</source>
            <translation>Einen anderen gespeicherten Lauf dieser Eingabe daneben darstellen</translation>
        </message>
        <message>
            <source>Compare with</source>
            <translation>Vergleichen mit</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keiner</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::PresentationWindow</name>
        <message>
            <source>MoEScope presentation</source>
            <translation>MoEScope-Präsentation</translation>
        </message>
        <message>
            <source>← → runs   ↑ ↓ layers   O overlay   Esc leaves</source>
            <translation>← → Läufe   ↑ ↓ Layer   O Overlay   Esc beendet</translation>
        </message>
        <message>
            <source> · layer %1 (%2)</source>
            <translation> · Layer %1 (%2)</translation>
        </message>
        <message>
            <source> · top-1 expert</source>
            <translation> · Top-1-Experte</translation>
        </message>
        <message>
            <source> · routing entropy</source>
            <translation> · Routing-Entropie</translation>
        </message>
        <message>
            <source> · expert %1</source>
            <translation> · Experte %1</translation>
        </message>
        <message>
            <source> · %1 %2 %</source>
            <translation> · %1 %2 %</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ResultView</name>
        <message>
            <source>Output</source>
            <translation>Ausgabe</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <source>Show segmentation</source>
            <translation>Segmentierung zeigen</translation>
        </message>
        <message>
            <source>Show the model's segmentation instead of the routing overlay</source>
            <translation>Die Segmentierung des Modells statt des Routing-Overlays zeigen</translation>
        </message>
        <message>
            <source>Segmentation opacity</source>
            <translation>Deckkraft der Segmentierung</translation>
        </message>
        <message>
            <source>x %1  y %2  value %3</source>
            <translation>x %1  y %2  Wert %3</translation>
        </message>
        <message>
            <source>nothing to export: no result on screen</source>
            <translation>nichts zu exportieren: kein Ergebnis angezeigt</translation>
        </message>
        <message>
            <source>%1-d embedding, norm %2</source>
            <translation>%1-d-Embedding, Norm %2</translation>
        </message>
        <message>
            <source>expert %1</source>
            <translation>Experte %1</translation>
        </message>
        <message>
            <source>Task-level gate: the probability each task gives each expert (computed on frame %1; a task-conditioned gate does not depend on the image)</source>
            <translation>Gate auf Aufgabenebene: die Wahrscheinlichkeit, die jede Aufgabe jedem Experten gibt (berechnet auf Bild %1; ein aufgabenbedingtes Gate hängt nicht vom Bild ab)</translation>
        </message>
        <message>
            <source>What the overlay shows: the labels, or a descriptor the router saw</source>
            <translation>Was das Overlay zeigt: die Labels oder einen Deskriptor, den der Router gesehen hat</translation>
        </message>
        <message>
            <source>Tile grid</source>
            <translation>Kachelraster</translation>
        </message>
        <message>
            <source>Outline the part of the scene each tile of the run gave</source>
            <translation>Den Teil der Szene umranden, den jede Kachel des Laufs geliefert hat</translation>
        </message>
        <message>
            <source>Score map</source>
            <translation>Score-Karte</translation>
        </message>
        <message>
            <source>Lay the model's score map over the region it scored, its peak outlined</source>
            <translation>Die Score-Karte des Modells über den bewerteten Bereich legen, ihr Maximum umrandet</translation>
        </message>
        <message>
            <source>  map %1, %2</source>
            <translation>  Karte %1, %2</translation>
        </message>
        <message>
            <source>  lat %1° lon %2°</source>
            <translation>  Breite %1° Länge %2°</translation>
        </message>
        <message>
            <source>frame %1: routing summary only (full routing not kept)</source>
            <translation>Bild %1: nur Routing-Zusammenfassung (vollständiges Routing nicht behalten)</translation>
        </message>
        <message>
            <source>%1 %2 km²</source>
            <translation>%1 %2 km²</translation>
        </message>
        <message>
            <source>labels</source>
            <translation>Labels</translation>
        </message>
        <message>
            <source>stitched labels</source>
            <translation>zusammengesetzte Labels</translation>
        </message>
        <message>
            <source>label %1</source>
            <translation>Label %1</translation>
        </message>
        <message>
            <source>%1: top-1 %2 (p %3)</source>
            <translation>%1: Top-1 %2 (p %3)</translation>
        </message>
        <message>
            <source>maps (shown as overlays): %1</source>
            <translation>Karten (als Overlays angezeigt): %1</translation>
        </message>
        <message>
            <source>score map</source>
            <translation>Score-Karte</translation>
        </message>
        <message>
            <source>%1 (cut from frame %2): top-1 expert of its tokens, %3</source>
            <translation>%1 (ausgeschnitten aus Bild %2): Top-1-Experte seiner Token, %3</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::RoutingPanel</name>
        <message>
            <source>What the image view shows over the image</source>
            <translation>Was die Bildansicht über dem Bild zeigt</translation>
        </message>
        <message>
            <source>Overlay</source>
            <translation>Overlay</translation>
        </message>
        <message>
            <source>Colormap</source>
            <translation>Farbskala</translation>
        </message>
        <message>
            <source>Stretch</source>
            <translation>Strecken</translation>
        </message>
        <message>
            <source>Map 0 … the layer's largest router probability to the full colormap instead of 0 … 1</source>
            <translation>0 … größte Router-Wahrscheinlichkeit des Layers auf die volle Farbskala abbilden statt 0 … 1</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>Deckkraft</translation>
        </message>
        <message>
            <source>Router probability per expert</source>
            <translation>Router-Wahrscheinlichkeit je Experte</translation>
        </message>
        <message>
            <source>Expert (top-1 colour)</source>
            <translation>Experte (Top-1-Farbe)</translation>
        </message>
        <message>
            <source>Load</source>
            <translation>Auslastung</translation>
        </message>
        <message>
            <source>Mean p</source>
            <translation>Mittl. p</translation>
        </message>
        <message>
            <source>Expert load (top-1 share of tokens)</source>
            <translation>Expertenauslastung (Top-1-Anteil der Token)</translation>
        </message>
        <message>
            <source>Move the mouse over the image to read the gate values of a token.</source>
            <translation>Die Maus über das Bild bewegen, um die Gate-Werte eines Tokens abzulesen.</translation>
        </message>
        <message>
            <source>Layer %1: %2</source>
            <translation>Layer %1: %2</translation>
        </message>
        <message>
            <source>No routing yet: open an image, pick a model and press Run.</source>
            <translation>Noch kein Routing: ein Bild öffnen, ein Modell wählen und „Ausführen“ drücken.</translation>
        </message>
        <message>
            <source>%1 experts, router %2, top-%3; %4 tokens%5; mean entropy %6 nats (%7% of uniform)</source>
            <translation>%1 Experten, Router %2, Top-%3; %4 Token%5; mittlere Entropie %6 nats (%7% der Gleichverteilung)</translation>
        </message>
        <message>
            <source> on a %1×%2 grid</source>
            <translation> auf einem %1×%2-Raster</translation>
        </message>
        <message>
            <source> (a per-image decision)</source>
            <translation> (eine Entscheidung je Bild)</translation>
        </message>
        <message>
            <source>Top-1 expert</source>
            <translation>Top-1-Experte</translation>
        </message>
        <message>
            <source>Routing entropy</source>
            <translation>Routing-Entropie</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Keins</translation>
        </message>
        <message>
            <source>Expert: %1</source>
            <translation>Experte: %1</translation>
        </message>
        <message>
            <source>Token %1 (row %2, col %3), entropy %4: %5</source>
            <translation>Token %1 (Zeile %2, Spalte %3), Entropie %4: %5</translation>
        </message>
        <message>
            <source>The model's MoE layers, first to last</source>
            <translation>Die MoE-Layer des Modells, vom ersten bis zum letzten</translation>
        </message>
        <message>
            <source>&lt;b&gt;MoE layers.&lt;/b&gt; Each tab is one Mixture-of-Experts layer of the model. A router in each layer sends every token (an image patch) to its top-k experts; everything below shows the layer of the tab chosen.</source>
            <translation>&lt;b&gt;MoE-Layer.&lt;/b&gt; Jeder Reiter ist ein Mixture-of-Experts-Layer des Modells. Ein Router in jedem Layer schickt jedes Token (einen Bildausschnitt) an seine Top-k-Experten; alles darunter zeigt den Layer des gewählten Reiters.</translation>
        </message>
        <message>
            <source>The layer's name, its number of experts, how many each token is sent to (top-k) and the token grid the routing lies on.</source>
            <translation>Name des Layers, Anzahl seiner Experten, an wie viele jedes Token geschickt wird (Top-k) und das Token-Raster, auf dem das Routing liegt.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Overlay.&lt;/b&gt; &lt;i&gt;Top-1 expert&lt;/i&gt; colours each patch by the expert with the largest router probability (the colours of the legend). &lt;i&gt;Routing entropy&lt;/i&gt; shows how undecided the router is: 0 bits when one expert takes all, log2(experts) when all are equal. An expert's entry shows that expert's router probability. &lt;i&gt;None&lt;/i&gt; shows the picture alone.</source>
            <translation>&lt;b&gt;Overlay.&lt;/b&gt; &lt;i&gt;Top-1-Experte&lt;/i&gt; färbt jeden Patch nach dem Experten mit der größten Router-Wahrscheinlichkeit (die Farben der Legende). &lt;i&gt;Routing-Entropie&lt;/i&gt; zeigt, wie unentschieden der Router ist: 0 Bit, wenn ein Experte alles übernimmt, log2(Experten), wenn alle gleich sind. Der Eintrag eines Experten zeigt dessen Router-Wahrscheinlichkeit. &lt;i&gt;Keins&lt;/i&gt; zeigt nur das Bild.</translation>
        </message>
        <message>
            <source>The colours for entropy and for an expert's probability</source>
            <translation>Die Farben für Entropie und für die Wahrscheinlichkeit eines Experten</translation>
        </message>
        <message>
            <source>&lt;b&gt;Colormap.&lt;/b&gt; How values from low to high are coloured in the entropy and per-expert overlays and in the thumbnails; the top-1 map keeps the experts' colours.</source>
            <translation>&lt;b&gt;Farbskala.&lt;/b&gt; Wie Werte von niedrig bis hoch in den Entropie- und Experten-Overlays und in den Miniaturen eingefärbt werden; die Top-1-Karte behält die Farben der Experten.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Stretch.&lt;/b&gt; Off: probabilities 0 … 1 span the colormap, so maps of different experts compare directly. On: 0 … the layer's largest probability spans it, which brings out weak experts.</source>
            <translation>&lt;b&gt;Strecken.&lt;/b&gt; Aus: Wahrscheinlichkeiten 0 … 1 umfassen die Farbskala, sodass Karten verschiedener Experten direkt vergleichbar sind. Ein: 0 … größte Wahrscheinlichkeit des Layers umfasst sie, was schwache Experten hervorhebt.</translation>
        </message>
        <message>
            <source>How strongly the overlay covers the picture</source>
            <translation>Wie stark das Overlay das Bild überdeckt</translation>
        </message>
        <message>
            <source>&lt;b&gt;Opacity.&lt;/b&gt; 0 % shows the picture only, 100 % the overlay only.</source>
            <translation>&lt;b&gt;Deckkraft.&lt;/b&gt; 0 % zeigt nur das Bild, 100 % nur das Overlay.</translation>
        </message>
        <message>
            <source>Click an expert's map to lay it over the image</source>
            <translation>Auf die Karte eines Experten klicken, um sie über das Bild zu legen</translation>
        </message>
        <message>
            <source>&lt;b&gt;Router probability per expert.&lt;/b&gt; One small map per expert of the layer: how likely the router sends each patch to that expert (bright: likely). Click one to lay it over the image.</source>
            <translation>&lt;b&gt;Router-Wahrscheinlichkeit je Experte.&lt;/b&gt; Eine kleine Karte je Experte des Layers: wie wahrscheinlich der Router jeden Patch an diesen Experten schickt (hell: wahrscheinlich). Auf eine klicken, um sie über das Bild zu legen.</translation>
        </message>
        <message>
            <source>The colormap's scale for the overlay shown</source>
            <translation>Die Skala der Farbskala für das angezeigte Overlay</translation>
        </message>
        <message>
            <source>&lt;b&gt;Colour bar.&lt;/b&gt; The values the overlay's colours stand for: probability, or entropy in bits.</source>
            <translation>&lt;b&gt;Farbbalken.&lt;/b&gt; Die Werte, für die die Farben des Overlays stehen: Wahrscheinlichkeit oder Entropie in Bit.</translation>
        </message>
        <message>
            <source>Each expert's colour in the top-1 map, and its load</source>
            <translation>Die Farbe jedes Experten in der Top-1-Karte und seine Auslastung</translation>
        </message>
        <message>
            <source>&lt;b&gt;Top-1 legend.&lt;/b&gt; Each expert's colour in the top-1 map; &lt;i&gt;Load&lt;/i&gt; is the share of tokens whose top-1 expert it is, &lt;i&gt;Mean p&lt;/i&gt; its mean router probability over all tokens. A load far from 1/experts means the router favours or avoids it.</source>
            <translation>&lt;b&gt;Top-1-Legende.&lt;/b&gt; Die Farbe jedes Experten in der Top-1-Karte; &lt;i&gt;Auslastung&lt;/i&gt; ist der Anteil der Token, deren Top-1-Experte er ist, &lt;i&gt;Mittl. p&lt;/i&gt; seine mittlere Router-Wahrscheinlichkeit über alle Token. Eine Auslastung weit entfernt von 1/Experten bedeutet, dass der Router ihn bevorzugt oder meidet.</translation>
        </message>
        <message>
            <source>The share of tokens each expert takes first</source>
            <translation>Der Anteil der Token, den jeder Experte als erster erhält</translation>
        </message>
        <message>
            <source>&lt;b&gt;Expert load.&lt;/b&gt; The top-1 share of tokens per expert as bars: a balanced router gives bars of equal height; a collapsed one gives one tall bar.</source>
            <translation>&lt;b&gt;Expertenauslastung.&lt;/b&gt; Der Top-1-Anteil der Token je Experte als Balken: ein ausgeglichener Router ergibt gleich hohe Balken, ein kollabierter einen einzigen hohen Balken.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Gate values.&lt;/b&gt; The router probabilities of the token under the mouse, for every expert of the layer, the chosen top-k marked.</source>
            <translation>&lt;b&gt;Gate-Werte.&lt;/b&gt; Die Router-Wahrscheinlichkeiten des Tokens unter der Maus für jeden Experten des Layers, die gewählten Top-k markiert.</translation>
        </message>
        <message>
            <source>%1: click to show this expert's router probability over the image</source>
            <translation>%1: Klicken, um die Router-Wahrscheinlichkeit dieses Experten über dem Bild zu zeigen</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::RoutingTimeline</name>
        <message>
            <source>Click to go to that frame</source>
            <translation>Klicken, um zu diesem Bild zu springen</translation>
        </message>
        <message>
            <source>frame</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>Top-1 share per frame, %1</source>
            <translation>Top-1-Anteil je Bild, %1</translation>
        </message>
        <message>
            <source> (solid: %1, dashed: %2)</source>
            <translation> (durchgezogen: %1, gestrichelt: %2)</translation>
        </message>
        <message>
            <source>IoU, score</source>
            <translation>IoU, Score</translation>
        </message>
        <message>
            <source>IoU</source>
            <translation>IoU</translation>
        </message>
        <message>
            <source>score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>lost (IoU &lt; 0.5) or absent</source>
            <translation>verloren (IoU &lt; 0.5) oder nicht vorhanden</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::SceneView</name>
        <message>
            <source>Drop an image, a DICOM file or a volume here, or use File ▸ Open.</source>
            <translation>Ein Bild, eine DICOM-Datei oder ein Volumen hierher ziehen oder Datei ▸ Öffnen verwenden.</translation>
        </message>
        <message>
            <source>%1%</source>
            <translation>%1%</translation>
        </message>
        <message>
            <source>window match</source>
            <translation>Fensterübereinstimmung</translation>
        </message>
        <message>
            <source>%1 %2–%3</source>
            <translation>%1 %2–%3</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::SeriesDialog</name>
        <message>
            <source>Choose a series</source>
            <translation>Serie auswählen</translation>
        </message>
        <message numerus="yes">
            <source>%1 holds %n DICOM series. Which one should be opened?</source>
            <translation>
                <numerusform>%1 enthält %n DICOM-Serie. Welche soll geöffnet werden?</numerusform>
                <numerusform>%1 enthält %n DICOM-Serien. Welche soll geöffnet werden?</numerusform>
            </translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Dateien</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <source>Modality</source>
            <translation>Modalität</translation>
        </message>
        <message>
            <source>Series UID</source>
            <translation>Serien-UID</translation>
        </message>
        <message>
            <source>Series %1</source>
            <translation>Serie %1</translation>
        </message>
        <message>
            <source>(no description)</source>
            <translation>(keine Beschreibung)</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <source>Automatic (GPU when there is one)</source>
            <translation>Automatisch (GPU, falls vorhanden)</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>GPU (CUDA)</source>
            <translation>GPU (CUDA)</translation>
        </message>
        <message>
            <source>GPU (CUDA): none found</source>
            <translation>GPU (CUDA): keine gefunden</translation>
        </message>
        <message>
            <source>&amp;Device:</source>
            <translation>&amp;Gerät:</translation>
        </message>
        <message numerus="yes">
            <source>Automatic (%n core(s))</source>
            <translation>
                <numerusform>Automatisch (%n Kern)</numerusform>
                <numerusform>Automatisch (%n Kerne)</numerusform>
            </translation>
        </message>
        <message>
            <source>Threads LibTorch computes with on the CPU; takes effect at the next start</source>
            <translation>Threads, mit denen LibTorch auf der CPU rechnet; wirksam ab dem nächsten Start</translation>
        </message>
        <message>
            <source>CPU &amp;threads:</source>
            <translation>CPU-&amp;Threads:</translation>
        </message>
        <message>
            <source>The default (in the app's data folder)</source>
            <translation>Der Standard (im Datenordner der Anwendung)</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Run database</source>
            <translation>Laufdatenbank</translation>
        </message>
        <message>
            <source>SQLite databases (*.sqlite *.db)</source>
            <translation>SQLite-Datenbanken (*.sqlite *.db)</translation>
        </message>
        <message>
            <source>Run data&amp;base:</source>
            <translation>&amp;Laufdatenbank:</translation>
        </message>
        <message>
            <source>System (%1)</source>
            <translation>System (%1)</translation>
        </message>
        <message>
            <source>Takes effect at the next start</source>
            <translation>Wirksam ab dem nächsten Start</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
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
            <source>T&amp;heme:</source>
            <translation>&amp;Erscheinungsbild:</translation>
        </message>
        <message>
            <source>Run the proposed model as soon as a file opens</source>
            <translation>Das vorgeschlagene Modell ausführen, sobald eine Datei geöffnet wird</translation>
        </message>
        <message>
            <source>&amp;Open:</source>
            <translation>Beim &amp;Öffnen:</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Tiles of a large scene (a SAR product) the image view keeps in memory</source>
            <translation>Kacheln einer großen Szene (eines SAR-Produkts), die die Bildansicht im Speicher hält</translation>
        </message>
        <message>
            <source>Tile &amp;cache:</source>
            <translation>Kachel-&amp;Cache:</translation>
        </message>
        <message>
            <source>Exports name the input's folder, not only its file name</source>
            <translation>Exporte nennen den Ordner der Eingabe, nicht nur ihren Dateinamen</translation>
        </message>
        <message>
            <source>Off: an exported result.json holds no folder name that could identify a patient or a site</source>
            <translation>Aus: eine exportierte result.json enthält keinen Ordnernamen, der einen Patienten oder einen Standort identifizieren könnte</translation>
        </message>
        <message>
            <source>&amp;Privacy:</source>
            <translation>&amp;Datenschutz:</translation>
        </message>
        <message>
            <source>Language, CPU threads and the run database take effect at the next start.</source>
            <translation>Sprache, CPU-Threads und Laufdatenbank werden ab dem nächsten Start wirksam.</translation>
        </message>
        <message>
            <source>The SQLite file runs are stored in, or a PostgreSQL database a lab shares (postgresql://user@host/dbname); takes effect at the next start</source>
            <translation>Die SQLite-Datei, in der Läufe gespeichert werden, oder eine PostgreSQL-Datenbank, die ein Labor gemeinsam nutzt (postgresql://user@host/dbname); wirksam ab dem nächsten Start</translation>
        </message>
        <message>
            <source>PACS nodes (File ▸ Open from PACS…, moescope-cli pacs --node)</source>
            <translation>PACS-Knoten (Datei ▸ Aus PACS öffnen…, moescope-cli pacs --node)</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>AE title</source>
            <translation>AE-Titel</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>Host</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>&amp;Add Node</source>
            <translation>&amp;Knoten hinzufügen</translation>
        </message>
        <message>
            <source>Remo&amp;ve Node</source>
            <translation>Knoten ent&amp;fernen</translation>
        </message>
        <message>
            <source>PACS %1</source>
            <translation>PACS %1</translation>
        </message>
        <message>
            <source>The AE title MoEScope calls itself; the PACS must know it</source>
            <translation>Der AE-Titel, unter dem sich MoEScope meldet; das PACS muss ihn kennen</translation>
        </message>
        <message>
            <source>every node needs a name</source>
            <translation>jeder Knoten benötigt einen Namen</translation>
        </message>
        <message>
            <source>PACS node %1: %2</source>
            <translation>PACS-Knoten %1: %2</translation>
        </message>
        <message>
            <source>O&amp;ur AE title:</source>
            <translation>Eigener &amp;AE-Titel:</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>Play or pause a cine</source>
            <translation>Cine-Sequenz abspielen oder anhalten</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Leertaste</translation>
        </message>
        <message>
            <source>Previous / next frame</source>
            <translation>Vorheriges / nächstes Bild</translation>
        </message>
        <message>
            <source>← / →</source>
            <translation>← / →</translation>
        </message>
        <message>
            <source>Zoom the image view</source>
            <translation>Bildansicht zoomen</translation>
        </message>
        <message>
            <source>Wheel, pinch, + / −</source>
            <translation>Mausrad, Pinch, + / −</translation>
        </message>
        <message>
            <source>Fit / actual size</source>
            <translation>Einpassen / Originalgröße</translation>
        </message>
        <message>
            <source>0 / 1</source>
            <translation>0 / 1</translation>
        </message>
        <message>
            <source>Step slices of a series</source>
            <translation>Durch die Schichten einer Serie blättern</translation>
        </message>
        <message>
            <source>Wheel (Ctrl+wheel zooms)</source>
            <translation>Mausrad (Strg+Mausrad zoomt)</translation>
        </message>
        <message>
            <source>Window / level of a series</source>
            <translation>Fensterung einer Serie</translation>
        </message>
        <message>
            <source>Right-drag</source>
            <translation>Ziehen mit rechter Maustaste</translation>
        </message>
        <message>
            <source>Pan</source>
            <translation>Verschieben</translation>
        </message>
        <message>
            <source>Drag</source>
            <translation>Ziehen</translation>
        </message>
        <message>
            <source>What's This? on a control</source>
            <translation>Direkthilfe („Was ist das?“) zu einem Bedienelement</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Tasten</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::SignaturesWindow</name>
        <message>
            <source>Routing signatures</source>
            <translation>Routing-Signaturen</translation>
        </message>
        <message>
            <source>Stored runs, or the items of a gallery</source>
            <translation>Gespeicherte Läufe oder die Einträge einer Galerie</translation>
        </message>
        <message>
            <source>Stored runs</source>
            <translation>Gespeicherte Läufe</translation>
        </message>
        <message>
            <source>Gallery %1</source>
            <translation>Galerie %1</translation>
        </message>
        <message>
            <source>Signatures compare only between runs whose layers have the same numbers of experts</source>
            <translation>Signaturen lassen sich nur zwischen Läufen vergleichen, deren Layer gleich viele Experten haben</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Aufgabe</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Eingabe</translation>
        </message>
        <message>
            <source>Predicted label</source>
            <translation>Vorhergesagtes Label</translation>
        </message>
        <message>
            <source>Experts per layer</source>
            <translation>Experten je Layer</translation>
        </message>
        <message>
            <source>Colour by</source>
            <translation>Färben nach</translation>
        </message>
        <message>
            <source>Signatures, first two principal components</source>
            <translation>Signaturen, erste zwei Hauptkomponenten</translation>
        </message>
        <message>
            <source>Similarity of two runs' routing: 1 − the mean JS divergence of their layers' loads (1: the same); double-click to open the row's run</source>
            <translation>Ähnlichkeit des Routings zweier Läufe: 1 − mittlere JS-Divergenz der Auslastungen ihrer Layer (1: identisch); Doppelklick öffnet den Lauf der Zeile</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Lauf</translation>
        </message>
        <message>
            <source>Similarity</source>
            <translation>Ähnlichkeit</translation>
        </message>
        <message>
            <source>%1: there is no gallery "%2"</source>
            <translation>%1: es gibt keine Galerie „%2“</translation>
        </message>
        <message>
            <source>gallery</source>
            <translation>Galerie</translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n item(s))</source>
            <translation>
                <numerusform>%1 (%n Eintrag)</numerusform>
                <numerusform>%1 (%n Einträge)</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing here has routing to compare yet.</source>
            <translation>Hier hat noch nichts Routing zum Vergleichen.</translation>
        </message>
        <message numerus="yes">
            <source>%n gallery item(s) whose layers have %1 experts (their mean router probabilities). Click a point, or double-click a row, to open its file.</source>
            <translation>
                <numerusform>%n Galerieeintrag, dessen Layer %1 Experten haben (ihre mittleren Router-Wahrscheinlichkeiten). Auf einen Punkt klicken oder auf eine Zeile doppelklicken, um die Datei zu öffnen.</numerusform>
                <numerusform>%n Galerieeinträge, deren Layer %1 Experten haben (ihre mittleren Router-Wahrscheinlichkeiten). Auf einen Punkt klicken oder auf eine Zeile doppelklicken, um die Datei zu öffnen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) whose layers have %1 experts. Click a point, or double-click a row, to open its run.</source>
            <translation>
                <numerusform>%n Lauf, dessen Layer %1 Experten haben. Auf einen Punkt klicken oder auf eine Zeile doppelklicken, um den Lauf zu öffnen.</numerusform>
                <numerusform>%n Läufe, deren Layer %1 Experten haben. Auf einen Punkt klicken oder auf eine Zeile doppelklicken, um den Lauf zu öffnen.</numerusform>
            </translation>
        </message>
        <message>
            <source>(no class)</source>
            <translation>(keine Klasse)</translation>
        </message>
        <message>
            <source>PC 1</source>
            <translation>HK 1</translation>
        </message>
        <message>
            <source>PC 2</source>
            <translation>HK 2</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3 (%4)</source>
            <translation>Lauf %1: %2 auf %3 (%4)</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3</source>
            <translation>Lauf %1: %2 auf %3</translation>
        </message>
        <message>
            <source>Runs whose routing resembles run %1 most, first (double-click to open).</source>
            <translation>Läufe, deren Routing Lauf %1 am meisten ähnelt, ähnlichste zuerst (Doppelklick zum Öffnen).</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::StabilityPanel</name>
        <message>
            <source>How many perturbed passes</source>
            <translation>Anzahl gestörter Durchläufe</translation>
        </message>
        <message>
            <source>Gaussian noise, standard deviation on the 0-1 pixel scale</source>
            <translation>Gaußsches Rauschen, Standardabweichung auf der Pixelskala 0-1</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source>Each pass shifts the picture by up to this many pixels each way</source>
            <translation>Jeder Durchlauf verschiebt das Bild um bis zu so viele Pixel in jede Richtung</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Prüfen</translation>
        </message>
        <message>
            <source>Run the frame shown as it is and perturbed, on the worker</source>
            <translation>Das angezeigte Bild unverändert und gestört im Hintergrund-Thread ausführen</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Passes</source>
            <translation>Durchläufe</translation>
        </message>
        <message>
            <source>Noise</source>
            <translation>Rauschen</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>Verschiebung</translation>
        </message>
        <message>
            <source>Flip rate of the top-1 expert (black 0, bright 1)</source>
            <translation>Wechselrate des Top-1-Experten (schwarz 0, hell 1)</translation>
        </message>
        <message>
            <source>Routing entropy of the unperturbed run</source>
            <translation>Routing-Entropie des ungestörten Laufs</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <source>How firmly does the router hold its choices? Run the frame shown under small perturbations and see where tokens change expert.</source>
            <translation>Wie fest hält der Router an seinen Entscheidungen fest? Das angezeigte Bild unter kleinen Störungen ausführen und sehen, wo Token den Experten wechseln.</translation>
        </message>
        <message>
            <source>Load a model and open a picture to check its routing's stability.</source>
            <translation>Ein Modell laden und ein Bild öffnen, um die Stabilität seines Routings zu prüfen.</translation>
        </message>
        <message>
            <source>%1: %2 % flip, rank correlation with entropy %3</source>
            <translation>%1: %2 % Wechsel, Rangkorrelation mit der Entropie %3</translation>
        </message>
        <message>
            <source>Frame %1, %2 passes (noise %3, shift up to %4 px): the answer ("%5") changed by %6 on average; %7 ms.</source>
            <translation>Bild %1, %2 Durchläufe (Rauschen %3, Verschiebung bis %4 px): die Antwort („%5“) änderte sich im Mittel um %6; %7 ms.</translation>
        </message>
        <message>
            <source>%1 … %2 bits</source>
            <translation>%1 … %2 Bit</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::UserGuideWindow</name>
        <message>
            <source>MoEScope User Guide</source>
            <translation>MoEScope-Benutzerhandbuch</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Zurück</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Inhalt</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ViewExport</name>
        <message>
            <source>Save as SVG…</source>
            <translation>Als SVG speichern…</translation>
        </message>
        <message>
            <source>Save as PNG…</source>
            <translation>Als PNG speichern…</translation>
        </message>
        <message>
            <source>Save view</source>
            <translation>Ansicht speichern</translation>
        </message>
        <message>
            <source>SVG (*.svg)</source>
            <translation>SVG (*.svg)</translation>
        </message>
        <message>
            <source>PNG (*.png)</source>
            <translation>PNG (*.png)</translation>
        </message>
        <message>
            <source>Export as CSV…</source>
            <translation>Als CSV exportieren…</translation>
        </message>
        <message>
            <source>Export table</source>
            <translation>Tabelle exportieren</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Saved by MoEScope</source>
            <translation>Gespeichert von MoEScope</translation>
        </message>
        <message>
            <source>%1: the picture could not be encoded</source>
            <translation>%1: das Bild konnte nicht kodiert werden</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::WorkbenchToolBar</name>
        <message>
            <source>Main</source>
            <translation>Haupt</translation>
        </message>
        <message>
            <source> Model </source>
            <translation> Modell </translation>
        </message>
        <message>
            <source> Device </source>
            <translation> Gerät </translation>
        </message>
        <message>
            <source>auto</source>
            <translation>auto</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>CUDA</source>
            <translation>CUDA</translation>
        </message>
        <message>
            <source> Task </source>
            <translation> Aufgabe </translation>
        </message>
        <message>
            <source>The model's task input: switching it re-runs the model</source>
            <translation>Der Aufgabeneingang des Modells: ein Wechsel führt das Modell erneut aus</translation>
        </message>
        <message>
            <source> Window </source>
            <translation> Fenster </translation>
        </message>
        <message>
            <source>Window/level of the slices; drag with the right mouse button in the image for your own (horizontal: width, vertical: level)</source>
            <translation>Fensterung der Schichten; mit der rechten Maustaste im Bild ziehen für eine eigene (horizontal: Breite, vertikal: Mitte)</translation>
        </message>
        <message>
            <source>From file</source>
            <translation>Aus Datei</translation>
        </message>
        <message>
            <source>level %1 HU, width %2 HU</source>
            <translation>Mitte %1 HU, Breite %2 HU</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Benutzerdefiniert</translation>
        </message>
        <message>
            <source> Plane </source>
            <translation> Ebene </translation>
        </message>
        <message>
            <source>The plane the series is cut along; runs go to the frames shown</source>
            <translation>Die Ebene, entlang der die Serie geschnitten wird; Läufe gehen an die angezeigten Bilder</translation>
        </message>
        <message>
            <source>Axial</source>
            <translation>Axial</translation>
        </message>
        <message>
            <source>Coronal</source>
            <translation>Koronal</translation>
        </message>
        <message>
            <source>Sagittal</source>
            <translation>Sagittal</translation>
        </message>
    </context>
    <context>
        <name>moescope::model::Contract</name>
        <message>
            <source>%1 has no "%2"</source>
            <translation>%1 hat kein "%2"</translation>
        </message>
        <message>
            <source>%1 "%2" must be a non-empty string</source>
            <translation>%1 "%2" muss eine nicht leere Zeichenkette sein</translation>
        </message>
        <message>
            <source>%1 must be a list of strings</source>
            <translation>%1 muss eine Liste von Zeichenketten sein</translation>
        </message>
        <message>
            <source>%1 must be a list of numbers</source>
            <translation>%1 muss eine Liste von Zahlen sein</translation>
        </message>
        <message>
            <source>inputs[%1]</source>
            <translation>inputs[%1]</translation>
        </message>
        <message>
            <source>%1 must be an object</source>
            <translation>%1 muss ein Objekt sein</translation>
        </message>
        <message>
            <source>input "%1"</source>
            <translation>Eingang "%1"</translation>
        </message>
        <message>
            <source>%1 "mean" and "std" must have one value per channel (%2)</source>
            <translation>%1 "mean" und "std" müssen einen Wert je Kanal haben (%2)</translation>
        </message>
        <message>
            <source>%1 "std" values must be &gt; 0</source>
            <translation>%1 "std"-Werte müssen &gt; 0 sein</translation>
        </message>
        <message>
            <source>%1 "windows" must list one [center, width] per channel (%2)</source>
            <translation>%1 "windows" muss ein [center, width] je Kanal auflisten (%2)</translation>
        </message>
        <message>
            <source>%1 "windows" entries must be [center, width] with width &gt; 0</source>
            <translation>%1 "windows"-Einträge müssen [center, width] mit width &gt; 0 sein</translation>
        </message>
        <message>
            <source>%1 of kind index needs a non-empty "choices" list</source>
            <translation>%1 vom kind index benötigt eine nicht leere "choices"-Liste</translation>
        </message>
        <message>
            <source>%1 has unknown kind "%2" (expected image, index, vector or expert_mask)</source>
            <translation>%1 hat unbekanntes kind "%2" (erwartet: image, index, vector oder expert_mask)</translation>
        </message>
        <message>
            <source>output "%1"</source>
            <translation>Ausgabe "%1"</translation>
        </message>
        <message>
            <source>%1 of kind %2 needs a non-empty "labels" list</source>
            <translation>%1 vom kind %2 benötigt eine nicht leere "labels"-Liste</translation>
        </message>
        <message>
            <source>%1 uses a name reserved for routing tensors</source>
            <translation>%1 verwendet einen für Routing-Tensoren reservierten Namen</translation>
        </message>
        <message>
            <source>moe_layers[%1]</source>
            <translation>moe_layers[%1]</translation>
        </message>
        <message>
            <source>%1 "expert_names" has %2 names for %3 experts</source>
            <translation>%1 "expert_names" hat %2 Namen für %3 Experten</translation>
        </message>
        <message>
            <source>%1 "top_k" is larger than "experts"</source>
            <translation>%1 "top_k" ist größer als "experts"</translation>
        </message>
        <message>
            <source>%1 has no "tokens" (use [] for a per-image decision)</source>
            <translation>%1 hat kein "tokens" (für eine Entscheidung je Bild [] verwenden)</translation>
        </message>
        <message>
            <source>%1 "tokens" must be a list</source>
            <translation>%1 "tokens" muss eine Liste sein</translation>
        </message>
        <message>
            <source>%1 tokens[%2]</source>
            <translation>%1 tokens[%2]</translation>
        </message>
        <message>
            <source>%1 refers to "%2", which is not an image input</source>
            <translation>%1 verweist auf "%2", das kein Bildeingang ist</translation>
        </message>
        <message>
            <source>moescope.json is not valid JSON: %1</source>
            <translation>moescope.json ist kein gültiges JSON: %1</translation>
        </message>
        <message>
            <source>moescope.json must hold a JSON object</source>
            <translation>moescope.json muss ein JSON-Objekt enthalten</translation>
        </message>
        <message>
            <source>moescope.json has schema %1; this MoEScope reads schema %2</source>
            <translation>moescope.json hat Schema %1; dieses MoEScope liest Schema %2</translation>
        </message>
        <message>
            <source>moescope.json has no "inputs"</source>
            <translation>moescope.json hat kein "inputs"</translation>
        </message>
        <message>
            <source>moescope.json "inputs" must be a non-empty list</source>
            <translation>moescope.json "inputs" muss eine nicht leere Liste sein</translation>
        </message>
        <message>
            <source>input "%1" is listed twice</source>
            <translation>Eingang "%1" ist doppelt aufgeführt</translation>
        </message>
        <message>
            <source>moescope.json "inputs" has no input of kind image</source>
            <translation>moescope.json "inputs" hat keinen Eingang vom kind image</translation>
        </message>
        <message>
            <source>moescope.json has no "outputs"</source>
            <translation>moescope.json hat kein "outputs"</translation>
        </message>
        <message>
            <source>moescope.json "outputs" must be a non-empty object</source>
            <translation>moescope.json "outputs" muss ein nicht leeres Objekt sein</translation>
        </message>
        <message>
            <source>output "%1" "task_choice" "%2" is not a choice of any index input</source>
            <translation>Ausgabe "%1" "task_choice" "%2" ist keine Auswahl eines Index-Eingangs</translation>
        </message>
        <message>
            <source>output "%1" refers to "%2", which is not an image input</source>
            <translation>Ausgabe "%1" verweist auf "%2", das kein Bildeingang ist</translation>
        </message>
        <message>
            <source>moescope.json has no "moe_layers"</source>
            <translation>moescope.json hat kein "moe_layers"</translation>
        </message>
        <message>
            <source>moescope.json "moe_layers" must be a non-empty list</source>
            <translation>moescope.json "moe_layers" muss eine nicht leere Liste sein</translation>
        </message>
        <message>
            <source>%1 "%2" must be an integer from %3 to %4</source>
            <translation>%1 "%2" muss eine ganze Zahl von %3 bis %4 sein</translation>
        </message>
        <message>
            <source>%1 "%2" must be [rows, cols] of integers from 1 to %3</source>
            <translation>%1 "%2" muss [rows, cols] aus ganzen Zahlen von 1 bis %3 sein</translation>
        </message>
        <message>
            <source>%1 "quantity" is amplitude, intensity or db, not "%2"</source>
            <translation>%1 "quantity" ist amplitude, intensity oder db, nicht "%2"</translation>
        </message>
        <message>
            <source>%1 needs "%2"</source>
            <translation>%1 benötigt "%2"</translation>
        </message>
        <message>
            <source>%1 "%2" must be [low, high] with low &lt; high</source>
            <translation>%1 "%2" muss [low, high] mit low &lt; high sein</translation>
        </message>
        <message>
            <source>%1 "filter" must be a string</source>
            <translation>%1 "filter" muss eine Zeichenkette sein</translation>
        </message>
        <message>
            <source>%1 is %2 x %3 x %4 values, more than %5 per image</source>
            <translation>%1 umfasst %2 x %3 x %4 Werte, mehr als %5 je Bild</translation>
        </message>
        <message>
            <source>%1 reaches past token %2</source>
            <translation>%1 reicht über Token %2 hinaus</translation>
        </message>
        <message>
            <source>moescope.json "flops_per_image" must be a number &gt; 0</source>
            <translation>moescope.json "flops_per_image" muss eine Zahl &gt; 0 sein</translation>
        </message>
        <message>
            <source>moescope.json cannot be read: %1</source>
            <translation>moescope.json kann nicht gelesen werden: %1</translation>
        </message>
    </context>
    <context>
        <name>moescope::model::Engine</name>
        <message>
            <source>%1: has no moescope.json</source>
            <translation>%1: hat keine moescope.json</translation>
        </message>
        <message>
            <source>%1: not a TorchScript archive: %2</source>
            <translation>%1: kein TorchScript-Archiv: %2</translation>
        </message>
        <message>
            <source>cannot open the file (missing or unreadable)</source>
            <translation>Datei kann nicht geöffnet werden (fehlt oder nicht lesbar)</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>die Datei ist leer</translation>
        </message>
        <message>
            <source>CUDA was asked for, but no CUDA device is available to LibTorch %1 on this machine (use --device auto or cpu)</source>
            <translation>CUDA wurde angefordert, aber LibTorch %1 steht auf diesem Rechner kein CUDA-Gerät zur Verfügung (--device auto oder cpu verwenden)</translation>
        </message>
        <message>
            <source>not a TorchScript model LibTorch %1 can load: %2</source>
            <translation>kein TorchScript-Modell, das LibTorch %1 laden kann: %2</translation>
        </message>
        <message>
            <source>has no moescope.json (save it with torch.jit.save(..., _extra_files={"moescope.json": ...}))</source>
            <translation>hat keine moescope.json (mit torch.jit.save(..., _extra_files={"moescope.json": ...}) speichern)</translation>
        </message>
        <message>
            <source>batch size must be at least 1</source>
            <translation>Batchgröße muss mindestens 1 sein</translation>
        </message>
        <message>
            <source>image input "%1" needs %2 values</source>
            <translation>Bildeingang "%1" benötigt %2 Werte</translation>
        </message>
        <message>
            <source>index input "%1" needs %2 values</source>
            <translation>Index-Eingang "%1" benötigt %2 Werte</translation>
        </message>
        <message>
            <source>index input "%1" value %2 is outside its %3 choices</source>
            <translation>Index-Eingang "%1": Wert %2 liegt außerhalb seiner %3 Auswahlmöglichkeiten</translation>
        </message>
        <message>
            <source>vector input "%1" needs %2 values</source>
            <translation>Vektoreingang "%1" benötigt %2 Werte</translation>
        </message>
        <message>
            <source>the expert mask needs %1 values (layers × experts)</source>
            <translation>die Expertenmaske benötigt %1 Werte (Layer × Experten)</translation>
        </message>
        <message>
            <source>forward() must return a Dict[str, Tensor], it returned %1</source>
            <translation>forward() muss ein Dict[str, Tensor] zurückgeben, lieferte aber %1</translation>
        </message>
        <message>
            <source>forward() returned no tensor "%1", which moescope.json lists in outputs</source>
            <translation>forward() lieferte keinen Tensor "%1", den moescope.json unter outputs aufführt</translation>
        </message>
        <message>
            <source>forward() returned no "%1" for MoE layer %2</source>
            <translation>forward() lieferte kein "%1" für MoE-Layer %2</translation>
        </message>
        <message>
            <source>forward() failed: %1</source>
            <translation>forward() fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>output "%1" has shape %2</source>
            <translation>Ausgabe "%1" hat die Form %2</translation>
        </message>
        <message>
            <source>%1, its first dimension is not the batch size %2</source>
            <translation>%1, ihre erste Dimension ist nicht die Batchgröße %2</translation>
        </message>
        <message>
            <source>%1; kind classes with %2 labels needs [B, %3]</source>
            <translation>%1; kind classes mit %2 Labels erfordert [B, %3]</translation>
        </message>
        <message>
            <source>%1; kind segmentation with %2 labels needs [B, %3, h, w]</source>
            <translation>%1; kind segmentation mit %2 Labels erfordert [B, %3, h, w]</translation>
        </message>
        <message>
            <source>%1; kind embedding needs [B, D]</source>
            <translation>%1; kind embedding erfordert [B, D]</translation>
        </message>
        <message>
            <source>%1; kind box needs [B, 4]</source>
            <translation>%1; kind box erfordert [B, 4]</translation>
        </message>
        <message>
            <source>output "%1" contains NaN or Inf</source>
            <translation>Ausgabe "%1" enthält NaN oder Inf</translation>
        </message>
        <message>
            <source>"%1" has shape %2, but moe_layers[%3] (%4) needs [%5, T &gt;= %6, %7]</source>
            <translation>"%1" hat die Form %2, aber moe_layers[%3] (%4) erfordert [%5, T &gt;= %6, %7]</translation>
        </message>
        <message>
            <source>"dispatch.%1" has shape %2, unlike "%3" %4</source>
            <translation>"dispatch.%1" hat die Form %2, anders als "%3" %4</translation>
        </message>
        <message>
            <source>not a zip file</source>
            <translation>keine ZIP-Datei</translation>
        </message>
        <message>
            <source>%1: holds two moescope.json entries</source>
            <translation>%1: enthält zwei moescope.json-Einträge</translation>
        </message>
        <message>
            <source>%1: its moescope.json is %2 MiB; at most 4 MiB</source>
            <translation>%1: seine moescope.json ist %2 MiB groß; höchstens 4 MiB</translation>
        </message>
        <message>
            <source>%1: its moescope.json cannot be read (damaged)</source>
            <translation>%1: seine moescope.json kann nicht gelesen werden (beschädigt)</translation>
        </message>
        <message>
            <source>%1: not a TorchScript model: %2</source>
            <translation>%1: kein TorchScript-Modell: %2</translation>
        </message>
        <message>
            <source>%1: damaged: the archive entry %2 does not match its checksum</source>
            <translation>%1: beschädigt: der Archiveintrag %2 stimmt nicht mit seiner Prüfsumme überein</translation>
        </message>
        <message>
            <source>%1: damaged: its zip directory cannot be read</source>
            <translation>%1: beschädigt: das ZIP-Verzeichnis kann nicht gelesen werden</translation>
        </message>
    </context>
    <context>
        <name>moescope::model::Json</name>
        <message>
            <source>a string holds a NUL character</source>
            <translation>eine Zeichenkette enthält ein NUL-Zeichen</translation>
        </message>
        <message>
            <source>binary values are not JSON</source>
            <translation>Binärwerte sind kein JSON</translation>
        </message>
        <message>
            <source>a key holds a NUL character</source>
            <translation>ein Schlüssel enthält ein NUL-Zeichen</translation>
        </message>
        <message>
            <source>the key "%1" appears twice in one object</source>
            <translation>der Schlüssel "%1" kommt in einem Objekt zweimal vor</translation>
        </message>
        <message>
            <source>%1 (byte %2)</source>
            <translation>%1 (Byte %2)</translation>
        </message>
        <message>
            <source>a number is out of range</source>
            <translation>eine Zahl liegt außerhalb des Wertebereichs</translation>
        </message>
        <message>
            <source>nested deeper than %1 levels</source>
            <translation>tiefer als %1 Ebenen verschachtelt</translation>
        </message>
        <message>
            <source>%1 bytes, more than the %2 allowed</source>
            <translation>%1 Bytes, mehr als die erlaubten %2</translation>
        </message>
        <message>
            <source>a NUL byte at byte %1</source>
            <translation>ein NUL-Byte an Byte %1</translation>
        </message>
        <message>
            <source>not JSON</source>
            <translation>kein JSON</translation>
        </message>
    </context>
    <context>
        <name>moescope::pacs::Client</name>
        <message>
            <source>the node refused the association; check that it knows our AE title "%1" and that its own is "%2"</source>
            <translation>der Knoten hat die Assoziation abgelehnt; prüfen, ob er den AE-Titel „%1“ von MoEScope kennt und sein eigener „%2“ lautet</translation>
        </message>
        <message>
            <source>nothing answers at %1:%2 (connection refused); check the host and port, and that the node runs</source>
            <translation>unter %1:%2 antwortet nichts (Verbindung abgelehnt); Host und Port prüfen und ob der Knoten läuft</translation>
        </message>
        <message>
            <source>no answer within %1 s (%2)</source>
            <translation>keine Antwort innerhalb von %1 s (%2)</translation>
        </message>
        <message>
            <source>the peer is not a DICOM node or closed the connection (%1)</source>
            <translation>die Gegenstelle ist kein DICOM-Knoten oder hat die Verbindung geschlossen (%1)</translation>
        </message>
        <message>
            <source>the host "%1" is not known (%2)</source>
            <translation>der Host „%1“ ist unbekannt (%2)</translation>
        </message>
        <message>
            <source>the node does not offer this service (%1)</source>
            <translation>der Knoten bietet diesen Dienst nicht an (%1)</translation>
        </message>
        <message>
            <source>the node answered with status 0x%1</source>
            <translation>der Knoten hat mit Status 0x%1 geantwortet</translation>
        </message>
        <message>
            <source>C-ECHO failed</source>
            <translation>C-ECHO fehlgeschlagen</translation>
        </message>
        <message>
            <source>C-FIND of studies failed</source>
            <translation>C-FIND der Studien fehlgeschlagen</translation>
        </message>
        <message>
            <source>C-FIND of series failed</source>
            <translation>C-FIND der Serien fehlgeschlagen</translation>
        </message>
        <message>
            <source>C-GET failed</source>
            <translation>C-GET fehlgeschlagen</translation>
        </message>
        <message>
            <source>cannot create the folder %1</source>
            <translation>Ordner %1 kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>abgebrochen</translation>
        </message>
        <message>
            <source>the node could not send %1 of %2 instance(s), e.g. in a compression it cannot convert; nothing was kept</source>
            <translation>der Knoten konnte %1 von %2 Instanz(en) nicht senden, z. B. in einer Kompression, die er nicht umwandeln kann; nichts wurde behalten</translation>
        </message>
        <message>
            <source>the node sent nothing for this %1</source>
            <translation>der Knoten hat für diese %1 nichts gesendet</translation>
        </message>
        <message>
            <source>study</source>
            <translation>Studie</translation>
        </message>
        <message>
            <source>series</source>
            <translation>Serie</translation>
        </message>
    </context>
    <context>
        <name>moescope::pacs::Node</name>
        <message>
            <source>"%1" is not a DICOM node; write AE_TITLE@HOST:PORT</source>
            <translation>„%1“ ist kein DICOM-Knoten; AE_TITLE@HOST:PORT angeben</translation>
        </message>
        <message>
            <source>"%1" is not an AE title (1 to 16 printable ASCII characters, no backslash)</source>
            <translation>„%1“ ist kein AE-Titel (1 bis 16 druckbare ASCII-Zeichen, kein Backslash)</translation>
        </message>
        <message>
            <source>%1 is not a port (1 to 65535)</source>
            <translation>%1 ist kein Port (1 bis 65535)</translation>
        </message>
        <message>
            <source>no DICOM node is named "%1" and none is configured; give AE_TITLE@HOST:PORT</source>
            <translation>kein DICOM-Knoten heißt „%1“, und keiner ist konfiguriert; AE_TITLE@HOST:PORT angeben</translation>
        </message>
        <message>
            <source>no DICOM node is named "%1" (configured: %2)</source>
            <translation>kein DICOM-Knoten heißt „%1“ (konfiguriert: %2)</translation>
        </message>
    </context>
    <context>
        <name>moescope::routing::Check</name>
        <message>
            <source>layer %1 routes %2 tokens to %3 experts</source>
            <translation>Layer %1 routet %2 Token an %3 Experten</translation>
        </message>
        <message>
            <source>layer %1 has %2 router values, expected tokens × experts = %3</source>
            <translation>Layer %1 hat %2 Router-Werte, erwartet: Token × Experten = %3</translation>
        </message>
        <message>
            <source>layer %1 token grid %2x%3 at offset %4 does not fit in its %5 tokens</source>
            <translation>Token-Raster %2x%3 von Layer %1 bei Offset %4 passt nicht in seine %5 Token</translation>
        </message>
        <message>
            <source>layer %1 router has NaN or Inf (token %2, expert %3)</source>
            <translation>Router von Layer %1 enthält NaN oder Inf (Token %2, Experte %3)</translation>
        </message>
        <message>
            <source>layer %1 router has a negative probability (token %2, expert %3: %4)</source>
            <translation>Router von Layer %1 hat eine negative Wahrscheinlichkeit (Token %2, Experte %3: %4)</translation>
        </message>
        <message>
            <source>layer %1 router row of token %2 sums to %3, not 1 (tolerance %4)</source>
            <translation>Router-Zeile von Token %2 in Layer %1 summiert sich zu %3, nicht 1 (Toleranz %4)</translation>
        </message>
        <message>
            <source>layer %1 dispatch has NaN or Inf</source>
            <translation>Dispatch von Layer %1 enthält NaN oder Inf</translation>
        </message>
    </context>
    <context>
        <name>moescope::sar</name>
        <message>
            <source>expert %1</source>
            <translation>Experte %1</translation>
        </message>
        <message>
            <source>the SAR plugin needs a model with a square image input</source>
            <translation>das SAR-Plugin benötigt ein Modell mit quadratischem Bildeingang</translation>
        </message>
        <message>
            <source>model %1 declares no SAR input representation ("sar"); it gets amplitude in [0, 1]</source>
            <translation>Modell %1 deklariert keine SAR-Eingangsdarstellung ("sar"); es erhält Amplitude in [0, 1]</translation>
        </message>
        <message>
            <source>model %1 has no segmentation output for the SAR plugin to map</source>
            <translation>Modell %1 hat keine Segmentierungsausgabe, die das SAR-Plugin kartieren könnte</translation>
        </message>
        <message>
            <source>%1: no band named "%2" (it has: %3)</source>
            <translation>%1: kein Band namens „%2“ (vorhanden: %3)</translation>
        </message>
        <message>
            <source>unnamed bands</source>
            <translation>unbenannte Bänder</translation>
        </message>
        <message>
            <source>%1: model %2 takes %3 band(s); %4 given or available</source>
            <translation>%1: Modell %2 erwartet %3 Band/Bänder; %4 angegeben oder verfügbar</translation>
        </message>
        <message>
            <source>band %1</source>
            <translation>Band %1</translation>
        </message>
        <message>
            <source>%1 is not a SAR product read through GDAL; its samples are taken as uncalibrated amplitude</source>
            <translation>%1 ist kein über GDAL gelesenes SAR-Produkt; seine Werte werden als unkalibrierte Amplitude behandelt</translation>
        </message>
        <message>
            <source>%1 looks like an optical image (%2 8-bit bands), not SAR backscatter</source>
            <translation>%1 sieht nach einem optischen Bild aus (%2 8-Bit-Bänder), nicht nach SAR-Rückstreuung</translation>
        </message>
        <message>
            <source>%1 has no georeferencing: areas are in pixels</source>
            <translation>%1 hat keine Georeferenzierung: Flächen sind in Pixeln angegeben</translation>
        </message>
        <message>
            <source>unknown speckle filter "%1" (none, lee, refined-lee or frost)</source>
            <translation>unbekannter Speckle-Filter „%1“ (none, lee, refined-lee oder frost)</translation>
        </message>
        <message>
            <source>%1: about %2 looks (estimated), outside the %3 to %4 model %5 was trained on%6</source>
            <translation>%1: etwa %2 Looks (ENL, geschätzt), außerhalb des Bereichs %3 bis %4, auf dem Modell %5 trainiert wurde%6</translation>
        </message>
        <message>
            <source>; a speckle filter (--filter) may help</source>
            <translation>; ein Speckle-Filter (--filter) kann helfen</translation>
        </message>
        <message>
            <source>--tile %1: a tile must be at least 16 pixels and a multiple of the model's token grid (%2)</source>
            <translation>--tile %1: eine Kachel muss mindestens 16 Pixel groß und ein Vielfaches des Token-Rasters des Modells (%2) sein</translation>
        </message>
        <message>
            <source>--region takes X,Y,W,H with W, H &gt; 0, not "%1"</source>
            <translation>--region erwartet X,Y,W,H mit W, H &gt; 0, nicht „%1“</translation>
        </message>
        <message>
            <source>%1: region %2,%3 %4x%5 lies outside the %6 x %7 scene</source>
            <translation>%1: Bereich %2,%3 %4x%5 liegt außerhalb der Szene %6 x %7</translation>
        </message>
        <message>
            <source>unknown raster layout "%1" (geotiff or cog)</source>
            <translation>unbekanntes Raster-Layout „%1“ (geotiff oder cog)</translation>
        </message>
        <message>
            <source>%1: the output folder cannot be created</source>
            <translation>%1: der Ausgabeordner kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>tile %1,%2 lies outside the scene</source>
            <translation>Kachel %1,%2 liegt außerhalb der Szene</translation>
        </message>
        <message>
            <source>no calibration vectors with a %1 table</source>
            <translation>keine Kalibrierungsvektoren mit einer %1-Tabelle</translation>
        </message>
        <message>
            <source>cannot be created</source>
            <translation>kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>writing failed</source>
            <translation>Schreiben fehlgeschlagen</translation>
        </message>
        <message>
            <source>cannot be written as a Cloud-Optimised GeoTIFF</source>
            <translation>kann nicht als Cloud-Optimised GeoTIFF geschrieben werden</translation>
        </message>
        <message>
            <source>%1: cannot be renamed from its temporary name</source>
            <translation>%1: kann nicht von seinem temporären Namen umbenannt werden</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Anzeige</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>Band</translation>
        </message>
        <message>
            <source>first</source>
            <translation>erstes</translation>
        </message>
        <message>
            <source>Speckle filter</source>
            <translation>Speckle-Filter</translation>
        </message>
        <message>
            <source>%1: a SAR product has one frame, not %2</source>
            <translation>%1: ein SAR-Produkt hat ein Bild, nicht %2</translation>
        </message>
        <message>
            <source>GDAL recognises no raster format in it</source>
            <translation>GDAL erkennt darin kein Rasterformat</translation>
        </message>
        <message>
            <source>%1: no raster bands (GDAL driver %2)</source>
            <translation>%1: keine Rasterbänder (GDAL-Treiber %2)</translation>
        </message>
        <message>
            <source>cannot be reopened</source>
            <translation>kann nicht erneut geöffnet werden</translation>
        </message>
        <message>
            <source>%1: an empty region</source>
            <translation>%1: ein leerer Bereich</translation>
        </message>
        <message>
            <source>reading pixels failed</source>
            <translation>Lesen der Pixel fehlgeschlagen</translation>
        </message>
        <message>
            <source>%1: cannot create the overview cache</source>
            <translation>%1: Übersichts-Cache kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>cannot be opened</source>
            <translation>kann nicht geöffnet werden</translation>
        </message>
        <message>
            <source>the display overview could not be written</source>
            <translation>die Anzeigeübersicht konnte nicht geschrieben werden</translation>
        </message>
        <message>
            <source>SAR (physics-guided MoE, after CrossEarth-SAR)</source>
            <translation>SAR (physikgeführtes MoE, nach CrossEarth-SAR)</translation>
        </message>
        <message>
            <source>SAR scene</source>
            <translation>SAR-Szene</translation>
        </message>
    </context>
    <context>
        <name>moescope::sar::SarRunView</name>
        <message>
            <source>Class</source>
            <translation>Klasse</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>Anteil</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>Fläche</translation>
        </message>
        <message>
            <source>MoE layer whose expert share per class is shown</source>
            <translation>MoE-Layer, dessen Expertenanteil je Klasse angezeigt wird</translation>
        </message>
        <message>
            <source>Of each class's tokens, the share each expert took as its top-1</source>
            <translation>Von den Token jeder Klasse der Anteil, den jeder Experte als Top-1 erhalten hat</translation>
        </message>
        <message>
            <source>Expert share per class</source>
            <translation>Expertenanteil je Klasse</translation>
        </message>
        <message>
            <source>%1 of %2 tiles (%3 px, overlap %4) over %5 x %6 px at %7,%8; bands %9; filter %10; calibration %11</source>
            <translation>%1 von %2 Kacheln (%3 px, Überlappung %4) über %5 x %6 px bei %7,%8; Bänder %9; Filter %10; Kalibrierung %11</translation>
        </message>
        <message>
            <source> — cancelled: partial result</source>
            <translation> — abgebrochen: Teilergebnis</translation>
        </message>
        <message>
            <source>%1 km²</source>
            <translation>%1 km²</translation>
        </message>
        <message>
            <source>%1 px</source>
            <translation>%1 px</translation>
        </message>
        <message>
            <source>expert %1</source>
            <translation>Experte %1</translation>
        </message>
    </context>
    <context>
        <name>moescope::store::Database</name>
        <message>
            <source>cannot upgrade the database</source>
            <translation>Datenbank kann nicht aktualisiert werden</translation>
        </message>
        <message>
            <source>cannot upgrade the database from schema version %1 to %2</source>
            <translation>Datenbank kann nicht von Schemaversion %1 auf %2 aktualisiert werden</translation>
        </message>
        <message>
            <source>no database file given</source>
            <translation>keine Datenbankdatei angegeben</translation>
        </message>
        <message>
            <source>cannot open the database</source>
            <translation>Datenbank kann nicht geöffnet werden</translation>
        </message>
        <message>
            <source>the Qt SQLite driver (QSQLITE) is not installed</source>
            <translation>der Qt-SQLite-Treiber (QSQLITE) ist nicht installiert</translation>
        </message>
        <message>
            <source>it is a folder or special file, not a database file</source>
            <translation>es ist ein Ordner oder eine Spezialdatei, keine Datenbankdatei</translation>
        </message>
        <message>
            <source>cannot create the database</source>
            <translation>Datenbank kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>cannot create the folder "%1"</source>
            <translation>Ordner „%1“ kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>the folder "%1" is read-only (it has no write permission)</source>
            <translation>der Ordner „%1“ ist schreibgeschützt (keine Schreibberechtigung)</translation>
        </message>
        <message>
            <source>the database file is read-only (it has no write permission)</source>
            <translation>die Datenbankdatei ist schreibgeschützt (keine Schreibberechtigung)</translation>
        </message>
        <message>
            <source>the database is read-only: its folder "%1" has no write permission</source>
            <translation>die Datenbank ist schreibgeschützt: ihr Ordner „%1“ hat keine Schreibberechtigung</translation>
        </message>
        <message>
            <source>it was written by a newer version of MoEScope (schema version %1; this version understands up to %2). Update MoEScope or choose another database file</source>
            <translation>sie wurde von einer neueren MoEScope-Version geschrieben (Schemaversion %1; diese Version versteht bis %2). MoEScope aktualisieren oder eine andere Datenbankdatei wählen</translation>
        </message>
        <message>
            <source>this SQLite cannot enforce foreign keys</source>
            <translation>dieses SQLite kann keine Fremdschlüssel durchsetzen</translation>
        </message>
        <message>
            <source>no writable data location for the run database; pass --db FILE</source>
            <translation>kein beschreibbarer Datenspeicherort für die Laufdatenbank; --db FILE angeben</translation>
        </message>
        <message>
            <source>cannot read the database settings</source>
            <translation>Datenbankeinstellungen können nicht gelesen werden</translation>
        </message>
        <message>
            <source>the database is not open</source>
            <translation>die Datenbank ist nicht geöffnet</translation>
        </message>
        <message>
            <source>cannot save the run</source>
            <translation>Lauf kann nicht gespeichert werden</translation>
        </message>
        <message>
            <source>the model's sha256 "%1" is not 64 hex digits</source>
            <translation>sha256 „%1“ des Modells besteht nicht aus 64 Hexadezimalziffern</translation>
        </message>
        <message>
            <source>the image's sha256 "%1" is not 64 hex digits</source>
            <translation>sha256 „%1“ des Bildes besteht nicht aus 64 Hexadezimalziffern</translation>
        </message>
        <message>
            <source>frame %1 appears twice in the routing</source>
            <translation>Bild %1 kommt im Routing zweimal vor</translation>
        </message>
        <message>
            <source>frame %1, layer %2 ("%3")</source>
            <translation>Bild %1, Layer %2 („%3“)</translation>
        </message>
        <message>
            <source>the %1 row just written is missing</source>
            <translation>die soeben geschriebene Zeile %1 fehlt</translation>
        </message>
        <message>
            <source>no id for the new run</source>
            <translation>keine ID für den neuen Lauf</translation>
        </message>
        <message>
            <source>cannot list the runs</source>
            <translation>Läufe können nicht aufgelistet werden</translation>
        </message>
        <message>
            <source>cannot load run %1</source>
            <translation>Lauf %1 kann nicht geladen werden</translation>
        </message>
        <message>
            <source>there is no such run</source>
            <translation>diesen Lauf gibt es nicht</translation>
        </message>
        <message>
            <source>its stored JSON is damaged</source>
            <translation>sein gespeichertes JSON ist beschädigt</translation>
        </message>
        <message>
            <source>the stored JSON of frame %1, layer %2 is damaged</source>
            <translation>das gespeicherte JSON von Bild %1, Layer %2 ist beschädigt</translation>
        </message>
        <message>
            <source>the stored routing of frame %1, layer %2 does not match its %3 tokens × %4 experts</source>
            <translation>das gespeicherte Routing von Bild %1, Layer %2 passt nicht zu seinen %3 Token × %4 Experten</translation>
        </message>
        <message>
            <source>frame %1 is missing layer %2</source>
            <translation>bei Bild %1 fehlt Layer %2</translation>
        </message>
        <message>
            <source>cannot delete run %1</source>
            <translation>Lauf %1 kann nicht gelöscht werden</translation>
        </message>
        <message>
            <source>cannot look for an earlier run</source>
            <translation>nach einem früheren Lauf kann nicht gesucht werden</translation>
        </message>
        <message>
            <source>cannot create gallery "%1"</source>
            <translation>Galerie „%1“ kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>cannot create a gallery</source>
            <translation>eine Galerie kann nicht angelegt werden</translation>
        </message>
        <message>
            <source>the name is empty</source>
            <translation>der Name ist leer</translation>
        </message>
        <message>
            <source>embedding size %1 is not positive</source>
            <translation>Embedding-Größe %1 ist nicht positiv</translation>
        </message>
        <message>
            <source>a gallery of that name exists</source>
            <translation>eine Galerie mit diesem Namen existiert bereits</translation>
        </message>
        <message>
            <source>cannot list the galleries</source>
            <translation>Galerien können nicht aufgelistet werden</translation>
        </message>
        <message>
            <source>cannot read gallery "%1"</source>
            <translation>Galerie „%1“ kann nicht gelesen werden</translation>
        </message>
        <message>
            <source>cannot rename the gallery to "%1"</source>
            <translation>Galerie kann nicht in „%1“ umbenannt werden</translation>
        </message>
        <message>
            <source>there is no gallery %1</source>
            <translation>es gibt keine Galerie %1</translation>
        </message>
        <message>
            <source>cannot delete gallery %1</source>
            <translation>Galerie %1 kann nicht gelöscht werden</translation>
        </message>
        <message>
            <source>there is no such gallery</source>
            <translation>diese Galerie gibt es nicht</translation>
        </message>
        <message>
            <source>cannot read the gallery's sources</source>
            <translation>die Quellen der Galerie können nicht gelesen werden</translation>
        </message>
        <message>
            <source>cannot add %1 to the gallery</source>
            <translation>%1 kann nicht zur Galerie hinzugefügt werden</translation>
        </message>
        <message>
            <source>the source's sha256 "%1" is not 64 hex digits</source>
            <translation>sha256 „%1“ der Quelle besteht nicht aus 64 Hexadezimalziffern</translation>
        </message>
        <message>
            <source>frame %1's embedding has %2 values; the gallery holds %3</source>
            <translation>das Embedding von Bild %1 hat %2 Werte; die Galerie enthält %3</translation>
        </message>
        <message>
            <source>frame %1's window embeddings are not %2 × %3 × %4</source>
            <translation>die Fenster-Embeddings von Bild %1 sind nicht %2 × %3 × %4</translation>
        </message>
        <message>
            <source>frame %1's embedding holds NaN or infinity</source>
            <translation>das Embedding von Bild %1 enthält NaN oder Unendlich</translation>
        </message>
        <message>
            <source>the gallery already holds this content</source>
            <translation>die Galerie enthält diesen Inhalt bereits</translation>
        </message>
        <message>
            <source>cannot read the gallery's embeddings</source>
            <translation>die Embeddings der Galerie können nicht gelesen werden</translation>
        </message>
        <message>
            <source>item %1's embedding has %2 bytes, not %3: the database is damaged</source>
            <translation>das Embedding von Eintrag %1 hat %2 Bytes, nicht %3: die Datenbank ist beschädigt</translation>
        </message>
        <message>
            <source>cannot read gallery items</source>
            <translation>Galerieeinträge können nicht gelesen werden</translation>
        </message>
        <message>
            <source>cannot forget the stored paths</source>
            <translation>die gespeicherten Pfade können nicht entfernt werden</translation>
        </message>
        <message>
            <source>the paths are forgotten, but the file still holds the old ones in its free space</source>
            <translation>die Pfade sind entfernt, aber die Datei enthält die alten noch in ihrem freien Speicherbereich</translation>
        </message>
        <message>
            <source>cannot use the database</source>
            <translation>die Datenbank kann nicht verwendet werden</translation>
        </message>
        <message>
            <source>its schema version %1 is not one MoEScope wrote; it is left as it is</source>
            <translation>ihre Schemaversion %1 wurde nicht von MoEScope geschrieben; sie bleibt unverändert</translation>
        </message>
        <message>
            <source>the database is locked by another connection or program (waited %1 ms); try again when it has finished</source>
            <translation>die Datenbank ist von einer anderen Verbindung oder einem anderen Programm gesperrt (%1 ms gewartet); versuchen Sie es erneut, wenn dieses fertig ist</translation>
        </message>
        <message>
            <source>the database file is read-only</source>
            <translation>die Datenbankdatei ist schreibgeschützt</translation>
        </message>
        <message>
            <source>input/output error while accessing the file</source>
            <translation>Ein-/Ausgabefehler beim Zugriff auf die Datei</translation>
        </message>
        <message>
            <source>the database file is damaged</source>
            <translation>die Datenbankdatei ist beschädigt</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translation>der Datenträger ist voll</translation>
        </message>
        <message>
            <source>cannot open the file; check that its folder exists and may be written</source>
            <translation>die Datei lässt sich nicht öffnen; prüfen Sie, ob ihr Ordner existiert und beschreibbar ist</translation>
        </message>
        <message>
            <source>the data breaks a rule of the database</source>
            <translation>die Daten verletzen eine Regel der Datenbank</translation>
        </message>
        <message>
            <source>access denied</source>
            <translation>Zugriff verweigert</translation>
        </message>
        <message>
            <source>the file is not an SQLite database</source>
            <translation>die Datei ist keine SQLite-Datenbank</translation>
        </message>
        <message>
            <source>unknown database error</source>
            <translation>unbekannter Datenbankfehler</translation>
        </message>
        <message>
            <source>the disk is full: %1 kB free on %2 (%3)</source>
            <translation>der Datenträger ist voll: %1 kB frei auf %2 (%3)</translation>
        </message>
        <message>
            <source>the paths are forgotten, but the server still holds the old ones in its free space</source>
            <translation>die Pfade sind entfernt, aber der Server enthält die alten noch in seinem freien Speicherbereich</translation>
        </message>
        <message>
            <source>cannot connect to the PostgreSQL server</source>
            <translation>keine Verbindung zum PostgreSQL-Server möglich</translation>
        </message>
        <message>
            <source>the server refused the user name or password</source>
            <translation>der Server hat den Benutzernamen oder das Passwort abgelehnt</translation>
        </message>
        <message>
            <source>the server has no such database; create it first (createdb NAME)</source>
            <translation>diese Datenbank gibt es auf dem Server nicht; sie zuerst anlegen (createdb NAME)</translation>
        </message>
        <message>
            <source>there is no such database and this user may not create it; ask the server's administrator to (createdb NAME)</source>
            <translation>diese Datenbank gibt es nicht, und dieser Benutzer darf sie nicht anlegen; den Administrator des Servers darum bitten (createdb NAME)</translation>
        </message>
        <message>
            <source>the user may not do this on the server (permission denied)</source>
            <translation>der Benutzer darf dies auf dem Server nicht tun (Zugriff verweigert)</translation>
        </message>
        <message>
            <source>another connection holds the rows (waited %1 ms); try again when it has finished</source>
            <translation>eine andere Verbindung hält die Zeilen gesperrt (%1 ms gewartet); erneut versuchen, wenn sie fertig ist</translation>
        </message>
        <message>
            <source>the server accepts only reads (a standby or a read-only database)</source>
            <translation>der Server erlaubt nur Lesezugriffe (ein Standby-Server oder eine schreibgeschützte Datenbank)</translation>
        </message>
        <message>
            <source>the server's disk is full</source>
            <translation>der Datenträger des Servers ist voll</translation>
        </message>
        <message>
            <source>the connection to the PostgreSQL server was lost</source>
            <translation>die Verbindung zum PostgreSQL-Server ist abgebrochen</translation>
        </message>
        <message>
            <source>the URL names no database (postgresql://HOST/NAME)</source>
            <translation>die URL nennt keine Datenbank (postgresql://HOST/NAME)</translation>
        </message>
        <message>
            <source>not a PostgreSQL URL: %1</source>
            <translation>keine PostgreSQL-URL: %1</translation>
        </message>
        <message>
            <source>the Qt PostgreSQL driver (QPSQL, Debian's libqt6sql6-psql) is not installed</source>
            <translation>der Qt-PostgreSQL-Treiber (QPSQL, Debian-Paket libqt6sql6-psql) ist nicht installiert</translation>
        </message>
        <message>
            <source>cannot listen for new runs</source>
            <translation>Benachrichtigungen über neue Läufe können nicht empfangen werden</translation>
        </message>
    </context>
    <context>
        <name>moescope::tracking</name>
        <message>
            <source>the initial box is x,y,w,h, not "%1"</source>
            <translation>die Anfangsbox ist x,y,w,h, nicht „%1“</translation>
        </message>
        <message>
            <source>%1 is not a tracker: it needs RGB image inputs named "template" and "search"</source>
            <translation>%1 ist kein Tracker: er benötigt RGB-Bildeingänge namens "template" und "search"</translation>
        </message>
        <message>
            <source>a tracker needs colour frames (3 bands)</source>
            <translation>ein Tracker benötigt Farbbilder (3 Bänder)</translation>
        </message>
        <message>
            <source>no initial box: draw one, or give --init X,Y,W,H (there is no ground truth to take it from)</source>
            <translation>keine Anfangsbox: eine zeichnen oder --init X,Y,W,H angeben (es gibt keine Ground Truth, aus der sie übernommen werden könnte)</translation>
        </message>
        <message>
            <source>%1: the ground truth has no box on frame %2 to start from</source>
            <translation>%1: die Ground Truth hat in Bild %2 keine Box als Startpunkt</translation>
        </message>
        <message>
            <source>the initial box %1,%2,%3,%4 is empty or outside the %5 × %6 frame</source>
            <translation>die Anfangsbox %1,%2,%3,%4 ist leer oder liegt außerhalb des %5 × %6-Bildes</translation>
        </message>
        <message>
            <source>%1 gave no box (output "box" [B, 4])</source>
            <translation>%1 lieferte keine Box (Ausgabe "box" [B, 4])</translation>
        </message>
        <message>
            <source>search region</source>
            <translation>Suchbereich</translation>
        </message>
        <message>
            <source>ground truth</source>
            <translation>Ground Truth</translation>
        </message>
        <message>
            <source>track %1</source>
            <translation>Track %1</translation>
        </message>
        <message>
            <source>holds no video stream</source>
            <translation>enthält keinen Videostream</translation>
        </message>
        <message>
            <source>no decoder for its codec (%1)</source>
            <translation>kein Decoder für seinen Codec (%1)</translation>
        </message>
        <message>
            <source>the video stream has no picture size</source>
            <translation>der Videostream hat keine Bildgröße</translation>
        </message>
        <message>
            <source>reading stopped after %1 frames (%2)</source>
            <translation>Lesen nach %1 Bildern abgebrochen (%2)</translation>
        </message>
        <message>
            <source>the file ends after %1 of its %2 frames</source>
            <translation>die Datei endet nach %1 ihrer %2 Bilder</translation>
        </message>
        <message>
            <source>holds no frame</source>
            <translation>enthält kein Bild</translation>
        </message>
        <message>
            <source>%1: cannot seek to frame %2 (%3)</source>
            <translation>%1: Sprung zu Bild %2 nicht möglich (%3)</translation>
        </message>
        <message>
            <source>%1: frame %2 could not be decoded (the decoder went on to frame %3)</source>
            <translation>%1: Bild %2 konnte nicht dekodiert werden (der Decoder fuhr mit Bild %3 fort)</translation>
        </message>
        <message>
            <source>%1: decoding stopped before frame %2 of %3%4</source>
            <translation>%1: Dekodierung vor Bild %2 von %3 abgebrochen%4</translation>
        </message>
        <message>
            <source>%1: cannot convert its pixel format to RGB</source>
            <translation>%1: Pixelformat kann nicht in RGB umgewandelt werden</translation>
        </message>
        <message>
            <source>%1: no frame %2 (%3 frames)</source>
            <translation>%1: kein Bild %2 (%3 Bilder)</translation>
        </message>
        <message>
            <source>%1: cannot be read (%2)</source>
            <translation>%1: kann nicht gelesen werden (%2)</translation>
        </message>
        <message>
            <source>%1: line %2 is not four numbers x,y,w,h ("%3")</source>
            <translation>%1: Zeile %2 besteht nicht aus vier Zahlen x,y,w,h („%3“)</translation>
        </message>
        <message>
            <source>%1: line %2 has a negative width or height</source>
            <translation>%1: Zeile %2 hat eine negative Breite oder Höhe</translation>
        </message>
        <message>
            <source>%1: holds no box</source>
            <translation>%1: enthält keine Box</translation>
        </message>
        <message>
            <source>%1: %2 boxes for %3 frames (a line per frame, or only the first)</source>
            <translation>%1: %2 Boxen für %3 Bilder (eine Zeile je Bild oder nur die erste)</translation>
        </message>
        <message>
            <source>%1: frame %2 is missing (the numbering jumps from %3 to %4)</source>
            <translation>%1: Bild %2 fehlt (die Nummerierung springt von %3 auf %4)</translation>
        </message>
        <message>
            <source>%1: no numbered frames (00000001.jpg …)</source>
            <translation>%1: keine nummerierten Bilder (00000001.jpg …)</translation>
        </message>
        <message>
            <source>%1: %2 × %3 pixels where the sequence's frames are %4 × %5</source>
            <translation>%1: %2 × %3 Pixel, während die Bilder der Sequenz %4 × %5 groß sind</translation>
        </message>
        <message>
            <source>Tracking (TMoE tracker, after SPMTrack)</source>
            <translation>Tracking (TMoE-Tracker, nach SPMTrack)</translation>
        </message>
        <message>
            <source>Track</source>
            <translation>Track</translation>
        </message>
    </context>
    <context>
        <name>moescope::tracking::TrackRunView</name>
        <message>
            <source>success AUC %1 · precision %2 at 20 px</source>
            <translation>Success-AUC %1 · Precision %2 bei 20 px</translation>
        </message>
        <message>
            <source> · normalised precision %1 at 0.20</source>
            <translation> · normierte Precision %1 bei 0.20</translation>
        </message>
        <message>
            <source>AO %1 · SR0.5 %2 · SR0.75 %3 (%4 frames scored)</source>
            <translation>AO %1 · SR0.5 %2 · SR0.75 %3 (%4 Bilder bewertet)</translation>
        </message>
        <message>
            <source>No frames tracked.</source>
            <translation>Keine Bilder getrackt.</translation>
        </message>
        <message>
            <source>%1 (%2): frames %3–%4 tracked from frame %5, %6 frames/s</source>
            <translation>%1 (%2): Bilder %3–%4 getrackt ab Bild %5, %6 Bilder/s</translation>
        </message>
        <message>
            <source>video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source> — cancelled: partial track</source>
            <translation> — abgebrochen: unvollständiger Track</translation>
        </message>
        <message>
            <source>This run: %1</source>
            <translation>Dieser Lauf: %1</translation>
        </message>
        <message>
            <source>No ground truth: no success or precision plots.</source>
            <translation>Keine Ground Truth: keine Success- oder Precision-Plots.</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>this run</source>
            <translation>dieser Lauf</translation>
        </message>
        <message>
            <source>Success plot</source>
            <translation>Success-Plot</translation>
        </message>
        <message>
            <source>overlap threshold</source>
            <translation>Überlappungsschwelle</translation>
        </message>
        <message>
            <source>Precision plot</source>
            <translation>Precision-Plot</translation>
        </message>
        <message>
            <source>location error threshold (px)</source>
            <translation>Schwelle für den Positionsfehler (px)</translation>
        </message>
    </context>
    <context>
        <name>moescope::ultrasound::UltrasoundPlugin</name>
        <message>
            <source>Ultrasound (task-conditioned MoE)</source>
            <translation>Ultraschall (aufgabenbedingtes MoE)</translation>
        </message>
        <message>
            <source>the image is empty</source>
            <translation>das Bild ist leer</translation>
        </message>
        <message>
            <source>%1 is modality %2, not ultrasound (US); the ultrasound model was not made for it, so read its results with care</source>
            <translation>%1 hat die Modalität %2, nicht Ultraschall (US); das Ultraschallmodell wurde nicht dafür erstellt, daher die Ergebnisse mit Vorsicht interpretieren</translation>
        </message>
    </context>
</TS>
