<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>MoEScope workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model to select.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the model at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the first result is shown, save a screenshot of the window to FILE and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a retrieval model and an image: query this gallery with the image once both are ready (--screenshot then waits for the answer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size in pixels (for screenshots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom the image view by this factor (1 = fitted) before the screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope</name>
    <message>
        <source>Brain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::Analysis</name>
    <message>
        <source>no image to analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing to run (no steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: step %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model %1 takes no expert_mask input, so experts cannot be switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expert %1 in MoE layer %2 (the model has %3 layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every expert of MoE layer %1 would be switched off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::Artifacts</name>
    <message>
        <source>frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot create the output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot encode PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::GenericTaskPlugin</name>
    <message>
        <source>Generic (any MoE model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input &quot;%1&quot; is a vector no installed plugin computes; it is fed zeros</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::ImageDocument</name>
    <message>
        <source>%1 — %2 × %3, %4 band(s), %5 frame(s), read by region (overview %6 × %7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 × %3, %4 channel(s), %5 frame(s)%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, modality %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::ImageLoader</name>
    <message>
        <source>unexpected DCMTK pixel representation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds a video stream, and no video decoder is built in (export the cine uncompressed, RLE or JPEG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deflated data sets are not inflated by this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of the decoders here (DCMTK: JPEG, JPEG-LS, RLE; ITK/GDCM: JPEG 2000) reads it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported transfer syntax %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid DICOM file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot decode DICOM pixel data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot decode DICOM pixel data: no intermediate pixel data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported image size %1 × %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a DICOMDIR is an index without pixel data; open the folder that holds it instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float pixel data is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directory contains no DICOM files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directory contains no DICOM images (%1 DICOM file(s) without pixel data or unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no series %1 in the folder; its series: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>series is too large to load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no slice of series %1 could be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left out %1 slice(s) of another size than the series (%2 × %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left out %1 slice(s) that could not be decoded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gap in the series between slice %1 (%2, at %3) and slice %4 (%5, at %6 along the slice normal): %7 apart where the median spacing is %8, about %9 slice(s) missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position along the slice normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instance number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a DICOM file and not an image format Qt can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot decode %1 image: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file names no series; series %1 was asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file belongs to series %1, not to series %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough memory to load the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error while loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no folder given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error while listing series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown ITK error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported pixel type: %1 components per pixel (1 or 3 supported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to RAI (ITK orientation codes; RAI is DICOM&apos;s LPS): x, y, z are the file&apos;s axes %2, %3, %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reorient the volume to the patient frame: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough memory to reorient the volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a %1 file ITK can read (bad or missing header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1 volume: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::ModelCatalog</name>
    <message>
        <source>%1: registered model file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such model file, and no bundled or registered model has that name (see `moescope-cli models`)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::ModelSession</name>
    <message>
        <source>Load %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown device &quot;%1&quot; (auto, cpu or cuda)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: loading was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model is loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indexing was cancelled before it started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no gallery &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::PluginRegistry</name>
    <message>
        <source>Generic (any MoE model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feeds the image inputs, shows the routing and lists the outputs of any model whose task no installed plugin claims.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a MoEScope task plugin of interface %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: plugin &quot;%2&quot; was written for plugin API %3; this MoEScope serves %4, so it is not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: plugin id &quot;%2&quot; is empty or already taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the plugin could not be loaded (%2); using the generic view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::Retrieval</name>
    <message>
        <source>model &quot;%1&quot; has no output of kind &quot;embedding&quot;, so it cannot build or search a gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model returned no &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s &quot;%1&quot; holds NaN or infinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gallery &quot;%1&quot; was built by model %2 (sha256 %3…); %4 (sha256 %5…) is another model, and its embeddings are not comparable: query it with the model that built it, or index a new gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gallery &quot;%1&quot; holds %2-value embeddings; the model returns %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no files to index (the folder is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: frame %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: none of %2 file(s) could be indexed%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no gallery &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no query image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1 is not in the image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::RunController</name>
    <message>
        <source>The run failed.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an image first (File ▸ Open, or drop a file on the window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is in progress; cancel it first (Esc).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 on %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run was not stored.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n step(s); the partial run is kept.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 on %2 is stored; reopen it from Runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every frame routed; stored as run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::RunsModel</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::SceneSource</name>
    <message>
        <source>%1: no frame %2, or an empty region</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::TaskPlugin</name>
    <message>
        <source>%1 works on whole pictures in memory; %2 is read by region only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the %2 plugin opens no files of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 plugin prepares its steps in its own run only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::cli</name>
    <message>
        <source>usage: moescope-cli &lt;verb&gt; [options]
  plugins [--json]                   installed task plugins
  models  [--json]                   bundled and registered models
  info PATH [--series UID] [--json]  image / cine / series / volume metadata
  run --model NAME|FILE --input PATH [--series UID] [--device auto|cpu|cuda]
      [--out DIR] [--db FILE] [--disable-expert LAYER:EXPERT]... [--frames A:B]
      [--json] [--choice NAME=VALUE]... [--image NAME=FILE]...
  runs [--db FILE] [--json]          stored runs, newest first
  bench --model NAME|FILE [--device ...] [--batch N] [--iterations N] [--json]
Galleries (models whose plugin builds galleries, e.g. ct-retrieval):
  index --model M --input DIR [--db FILE] --gallery NAME [--batch N] [--json]
      index a folder of slices, series and volumes (resumable; Ctrl-C keeps
      whole files)
  retrieve --model M --input FILE [--db FILE] --gallery NAME [--top K]
      [--frame N] [--region X,Y,W,H] [--json]    the nearest gallery items
  retrieve --model M --gallery NAME --evaluate [--input DIR] [--top K]
      mAP@K, leave-one-out or over labelled queries
  galleries [--db FILE] [--rename NAME --to NEW | --delete NAME] [--json]
Common: --threads N sets LibTorch&apos;s CPU threads (default: all cores).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; pick another with --series UID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli: unknown verb &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image, DICOM file, series folder or volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli info: give exactly one PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  kind      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  size      %1 x %2, %3 channel(s), %4 frame(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  modality  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  series    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  series in the folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file(s), %2 x %3, %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model name or .pt file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image, DICOM, series folder or volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, cpu or cuda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the overlay, expert grids, top-1 maps and result.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run database (default: the app&apos;s data location).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch an expert off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames (steps) to run, A:B inclusive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice for an index input, NAME=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture for another image input of the model (a tracker&apos;s template), NAME=FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not store the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli run: --model and --input are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli run: --device is auto, cpu or cuda, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli run: --disable-expert takes LAYER:EXPERT, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli run: --frames takes A:B, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli run: model has no index input &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli run: &quot;%1&quot; is not a choice of input &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli run: --image takes NAME=FILE for an image input of the model; &quot;%1&quot; is not one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (%3): %4 step(s) in %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: entropy %1 nats, load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per forward call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untimed calls first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli bench: needs --model; --device auto|cpu|cuda; --batch, --iterations &gt;= 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (%3 threads, %4): batch %5, %6 iterations: median %7 ms, p95 %8 ms, %9 images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--device is auto, cpu or cuda, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the model&apos;s task &quot;%2&quot; is served by the %3 plugin, which builds no galleries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder (recursive) or file to index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per forward call within a volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli index: --model, --input and --gallery are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gallery &quot;%1&quot;: indexed %2 file(s), %3 item(s) in %4 s (%5 images/s); %6 already indexed; %7 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gallery &quot;%1&quot; now holds %2 item(s) from %3 file(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted: %1 file(s) indexed; run the same command again to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query image (slice, series folder, volume); with --evaluate, a labelled folder of queries (DIR/&lt;label&gt;/...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many hits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice (frame) of the query image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query with a region of the slice, in pixels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mAP@K over a labelled gallery: every item queries the others (leave-one-out), or every file under --input queries the gallery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not store the query&apos;s run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli retrieve: --model, --gallery and --input (or --evaluate) are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli retrieve: --top takes a number from 1 to 10000, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli retrieve: --region takes X,Y,W,H in pixels, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli retrieve: --frame takes a slice number from 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: gallery &quot;%2&quot; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no query files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: gallery &quot;%2&quot; has no labelled items to evaluate: index a folder laid out as DIR/&lt;label&gt;/... </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gallery &quot;%1&quot; (%2 items), %3 queries (%4): mAP@%5 %6, P@1 %7, P@%5 %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: has %2 slice(s); there is no slice %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against gallery &quot;%2&quot; (%3 items): top %4 in %5 ms; query gates: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery to rename.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope-cli galleries: --rename NAME --to NEW, or --delete NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no gallery &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 item(s) from %3 file(s), model %4, %5-d &quot;%6&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no galleries in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch CPU threads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DICOM series of a folder to load (default: the largest).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::ct::CtRetrievalPlugin</name>
    <message>
        <source>CT retrieval (global/local dual experts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query region %1×%2 at (%3, %4) is too small or outside the %5×%6 slice (8×8 pixels at least)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is modality %2, not CT; the CT retrieval model reads Hounsfield units, so its matches may mean little</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a colour picture, not a CT slice in Hounsfield units; the model&apos;s HU windows see its 0-255 values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::gui::CinePlayer</name>
    <message>
        <source>Play / pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous frame (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next frame (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed, relative to the file&apos;s frame time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::gui::CompareDialog</name>
    <message>
        <source>Query and hit side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One window/level for both images; drag with the right mouse button in either for your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window-match heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out to the whole images (the wheel zooms, left-drag pans)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query: %1, frame %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, region %1 × %2 at (%3, %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hit #%1: %2 (%3), frame %4 · score %5 · window score %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 is no longer readable; its stored thumbnail is shown (8-bit, the window does not apply).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::gui::GalleryPanel</name>
    <message>
        <source>%1 / %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Galleries of the run database: name, items, the model that built it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index a folder of slices, series and volumes into a new or existing gallery; files already there are skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the file being indexed; no file is left half indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the gallery with the slice on screen (in the plane shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a rectangle on the image with the left button: the gallery is searched with that region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a hit to compare it with the query side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query appears here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each query window&apos;s best match in the chosen hit (cosine of the window embeddings); the best window outlined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen hit appears here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each window of the hit: its best match among the query&apos;s windows; the best window outlined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window-match heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen hit next to the query in linked views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean router probability of each expert: over the tokens for a token-level layer, the image&apos;s gate for an image-level one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a retrieval model (a gallery task, such as ct-hmar-tiny) to index and query galleries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a retrieval model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1: pick or index a gallery, then query it with the slice on screen or a region of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (another model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 item(s) from %3 file(s), %4-value embeddings
built by %5 (sha256 %6…)
created %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index a folder of slices, series or volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index into gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery (a new name creates one; files already in an existing gallery are skipped):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a retrieval model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the indexing or query in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gallery needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing %1 into &quot;%2&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — cancelling after this file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file(s): %2 indexed (%3 item(s)), %4 already there, %5 failed · %6 images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · cancelled (whole files only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Failures (%1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, warnings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery &quot;%1&quot; is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a rectangle on the image to query with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index a gallery first (Index folder…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no gallery &quot;%1&quot; any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This gallery cannot be queried with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a slice, series or volume to query with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region lies outside the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Querying &quot;%1&quot; with a %2 × %3 region of frame %4…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Querying &quot;%1&quot; with frame %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
frame %2 · score %3 · window score %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) in &quot;%1&quot; (model %2 ms, search %3 ms)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No thumbnail stored for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hit #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image-level gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token-level, mean over tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery &quot;%1&quot; is now &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete gallery &quot;%1&quot; and its %n item(s)? The image files stay where they are.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery &quot;%1&quot; deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::gui::LibraryPanel</name>
    <message>
        <source>Sample images (double-click to open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
  task %2 · plugin %3 · experts %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::gui::MainWindow</name>
    <message>
        <source>MoEScope — Mixture-of-Experts routing workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs cannot be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image, DICOM file or volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open DICOM &amp;Series Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open DICOM series folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Model File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a TorchScript MoE model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TorchScript models (*.pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Routing Images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About MoEScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MoEScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;MoEScope %1&lt;/b&gt;&lt;p&gt;Where the router sent each patch: per-expert heatmaps, top-1 maps, routing entropy and expert load for Mixture-of-Experts vision models.&lt;/p&gt;&lt;p&gt;Research software, not for clinical use.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples and models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a run to reopen it without recomputing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gallery and query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be opened.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 ready on %2 (loaded in %3 ms, warm-up %4 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model was refused.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoEScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still loading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n series; choose one</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has changed since run %2 was made; its routing is shown over the file as it is now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image of this run (%1) is no longer there; its routing is shown without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1: %2 on %3 — forward %4 ms, total %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export routing images to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>moescope::gui::ResultView</name>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the model&apos;s segmentation instead of the routing overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segmentation opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert load per frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x %1  y %2  value %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to export: no result on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert load per frame, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-d embedding, norm %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task-level gate: the probability each task gives each expert (computed on frame %1; a task-conditioned gate does not depend on the image)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::gui::RoutingPanel</name>
    <message>
        <source>What the image view shows over the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colormap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map 0 … the layer&apos;s largest router probability to the full colormap instead of 0 … 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Router probability per expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert (top-1 colour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert load (top-1 share of tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the mouse over the image to read the gate values of a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routing yet: open an image, pick a model and press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 experts, router %2, top-%3; %4 tokens%5; mean entropy %6 nats (%7% of uniform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on a %1×%2 grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (a per-image decision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-1 expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show this expert&apos;s router probability over the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1 (row %2, col %3), entropy %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::gui::SceneView</name>
    <message>
        <source>Drop an image, a DICOM file or a volume here, or use File ▸ Open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window match %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::gui::SeriesDialog</name>
    <message>
        <source>Choose a series</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n DICOM series. Which one should be opened?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series UID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::gui::WorkbenchToolBar</name>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Model </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Device </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Task </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s task input: switching it re-runs the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Window </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window/level of the slices; drag with the right mouse button in the image for your own (horizontal: width, vertical: level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>level %1 HU, width %2 HU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Plane </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plane the series is cut along; runs go to the frames shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::model::Contract</name>
    <message>
        <source>%1 has no &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; must be an integer &gt;= %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a list of numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inputs[%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;mean&quot; and &quot;std&quot; must have one value per channel (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;std&quot; values must be &gt; 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;windows&quot; must list one [center, width] per channel (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;windows&quot; entries must be [center, width] with width &gt; 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of kind index needs a non-empty &quot;choices&quot; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unknown kind &quot;%2&quot; (expected image, index, vector or expert_mask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of kind %2 needs a non-empty &quot;labels&quot; list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; must be [rows, cols] of positive integers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uses a name reserved for routing tensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moe_layers[%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;expert_names&quot; has %2 names for %3 experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;top_k&quot; is larger than &quot;experts&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no &quot;tokens&quot; (use [] for a per-image decision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;tokens&quot; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens[%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;grid&quot; must be [rows, cols] of positive integers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refers to &quot;%2&quot;, which is not an image input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json must hold a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json has schema %1; this MoEScope reads schema %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json has no &quot;inputs&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json &quot;inputs&quot; must be a non-empty list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input &quot;%1&quot; is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json &quot;inputs&quot; has no input of kind image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json has no &quot;outputs&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json &quot;outputs&quot; must be a non-empty object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output &quot;%1&quot; &quot;task_choice&quot; &quot;%2&quot; is not a choice of any index input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output &quot;%1&quot; refers to &quot;%2&quot;, which is not an image input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json has no &quot;moe_layers&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moescope.json &quot;moe_layers&quot; must be a non-empty list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::model::Engine</name>
    <message>
        <source>%1: has no moescope.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a TorchScript archive: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the file (missing or unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA was asked for, but no CUDA device is available to LibTorch %1 on this machine (use --device auto or cpu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a TorchScript model LibTorch %1 can load: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no moescope.json (save it with torch.jit.save(..., _extra_files={&quot;moescope.json&quot;: ...}))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch size must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image input &quot;%1&quot; needs %2 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index input &quot;%1&quot; needs %2 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index input &quot;%1&quot; value %2 is outside its %3 choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vector input &quot;%1&quot; needs %2 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expert mask needs %1 values (layers × experts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward() must return a Dict[str, Tensor], it returned %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward() returned no tensor &quot;%1&quot;, which moescope.json lists in outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward() returned no &quot;%1&quot; for MoE layer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward() failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output &quot;%1&quot; has shape %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, its first dimension is not the batch size %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; kind classes with %2 labels needs [B, %3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; kind segmentation with %2 labels needs [B, %3, h, w]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; kind embedding needs [B, D]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; kind box needs [B, 4]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output &quot;%1&quot; contains NaN or Inf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has shape %2, but moe_layers[%3] (%4) needs [%5, T &gt;= %6, %7]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;dispatch.%1&quot; has shape %2, unlike &quot;%3&quot; %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::model::Json</name>
    <message>
        <source>unexpected text after the JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nesting deeper than 64 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected end of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated \u escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid escape in string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a quoted member name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after member name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; in object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::routing::Check</name>
    <message>
        <source>layer %1 routes %2 tokens to %3 experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1 has %2 router values, expected tokens × experts = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1 token grid %2x%3 at offset %4 does not fit in its %5 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1 router has NaN or Inf (token %2, expert %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1 router has a negative probability (token %2, expert %3: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1 router row of token %2 sums to %3, not 1 (tolerance %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1 dispatch has NaN or Inf</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::store::Database</name>
    <message>
        <source>cannot upgrade the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot upgrade the database from schema version %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no database file given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Qt SQLite driver (QSQLITE) is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder or special file, not a database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder &quot;%1&quot; is read-only (it has no write permission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is read-only (it has no write permission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is read-only: its folder &quot;%1&quot; has no write permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written by a newer version of MoEScope (schema version %1; this version understands up to %2). Update MoEScope or choose another database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this SQLite cannot enforce foreign keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no writable data location for the run database; pass --db FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the database settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s sha256 &quot;%1&quot; is not 64 hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image&apos;s sha256 &quot;%1&quot; is not 64 hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1 appears twice in the routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1, layer %2 (&quot;%3&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 row just written is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no id for the new run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot list the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot load run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its stored JSON is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored JSON of frame %1, layer %2 is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored routing of frame %1, layer %2 does not match its %3 tokens × %4 experts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1 is missing layer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot look for an earlier run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is locked by another connection or program (waited %1 ms); try again when it has finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input/output error while accessing the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the file; check that its folder exists and may be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data breaks a rule of the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not an SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown database error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create gallery &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedding size %1 is not positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a gallery of that name exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot list the galleries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read gallery &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rename the gallery to &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no gallery %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete gallery %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the gallery&apos;s sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot add %1 to the gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source&apos;s sha256 &quot;%1&quot; is not 64 hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1&apos;s embedding has %2 values; the gallery holds %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1&apos;s window embeddings are not %2 × %3 × %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1&apos;s embedding holds NaN or infinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gallery already holds this content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the gallery&apos;s embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1&apos;s embedding has %2 bytes, not %3: the database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read gallery items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moescope::ultrasound::UltrasoundPlugin</name>
    <message>
        <source>Ultrasound (task-conditioned MoE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is modality %2, not ultrasound (US); the ultrasound model was not made for it, so read its results with care</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
