<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>main</name>
        <message>
            <source>No translation for "%1" (moescope_%1.qm) is installed; English is shown</source>
            <translation>未安装“%1”的翻译（moescope_%1.qm），将显示英文</translation>
        </message>
        <message>
            <source>MoEScope workbench</source>
            <translation>MoEScope 工作台</translation>
        </message>
        <message>
            <source>Model to select.</source>
            <translation>要选择的模型。</translation>
        </message>
        <message>
            <source>Run database.</source>
            <translation>运行数据库。</translation>
        </message>
        <message>
            <source>Run the model at start.</source>
            <translation>启动时运行模型。</translation>
        </message>
        <message>
            <source>After the first result is shown, save a screenshot of the window to FILE and quit.</source>
            <translation>显示第一个结果后，将窗口截图保存到 FILE 并退出。</translation>
        </message>
        <message>
            <source>With a retrieval model and an image: query this gallery with the image once both are ready (--screenshot then waits for the answer).</source>
            <translation>使用检索模型和图像时：待两者就绪后，用该图像查询此图库一次（--screenshot 会等待查询结果）。</translation>
        </message>
        <message>
            <source>Window size in pixels (for screenshots).</source>
            <translation>窗口尺寸（像素，用于截图）。</translation>
        </message>
        <message>
            <source>Zoom the image view by this factor (1 = fitted) before the screenshot.</source>
            <translation>截图前按此倍数缩放图像视图（1 = 适应窗口）。</translation>
        </message>
        <message>
            <source>Image to open.</source>
            <translation>要打开的图像。</translation>
        </message>
    </context>
    <context>
        <name>moescope</name>
        <message>
            <source>Brain</source>
            <translation>脑</translation>
        </message>
        <message>
            <source>Lung</source>
            <translation>肺</translation>
        </message>
        <message>
            <source>Mediastinum</source>
            <translation>纵隔</translation>
        </message>
        <message>
            <source>Abdomen</source>
            <translation>腹部</translation>
        </message>
        <message>
            <source>Bone</source>
            <translation>骨</translation>
        </message>
    </context>
    <context>
        <name>moescope::Ablation</name>
        <message>
            <source>no image to probe</source>
            <translation>没有可探测的图像</translation>
        </message>
        <message>
            <source>model %1 takes no expert_mask input, so its experts cannot be switched off (docs/model-contract.md, "Expert ablation")</source>
            <translation>模型 %1 没有 expert_mask 输入，因此无法关闭其专家（docs/model-contract.md，“Expert ablation”）</translation>
        </message>
        <message>
            <source>model %1 has %2 MoE layers (0 … %3): there is no layer %4</source>
            <translation>模型 %1 有 %2 个 MoE 层（0 … %3）：不存在第 %4 层</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>model %1 has no output to measure the effect on</source>
            <translation>模型 %1 没有可用于衡量影响的输出</translation>
        </message>
    </context>
    <context>
        <name>moescope::Analysis</name>
        <message>
            <source>no image to analyse</source>
            <translation>没有可分析的图像</translation>
        </message>
        <message>
            <source>%1: nothing to run (no steps)</source>
            <translation>%1：无可运行内容（没有步骤）</translation>
        </message>
        <message>
            <source>%1: step %2: %3</source>
            <translation>%1：步骤 %2：%3</translation>
        </message>
        <message>
            <source>model %1 takes no expert_mask input, so experts cannot be switched off</source>
            <translation>模型 %1 没有 expert_mask 输入，因此无法关闭专家</translation>
        </message>
        <message>
            <source>no expert %1 in MoE layer %2 (the model has %3 layers)</source>
            <translation>MoE 层 %2 中没有专家 %1（该模型共有 %3 层）</translation>
        </message>
        <message>
            <source>every expert of MoE layer %1 would be switched off</source>
            <translation>MoE 层 %1 的所有专家都将被关闭</translation>
        </message>
    </context>
    <context>
        <name>moescope::AnnotatedVideo</name>
        <message>
            <source>FFmpeg has neither an H.264 nor an MPEG-4 encoder</source>
            <translation>FFmpeg 既没有 H.264 编码器，也没有 MPEG-4 编码器</translation>
        </message>
        <message>
            <source>frame %1</source>
            <translation>第 %1 帧</translation>
        </message>
        <message>
            <source> · top-1 expert, %1</source>
            <translation> · Top-1 专家，%1</translation>
        </message>
        <message>
            <source>%1: no frames to write</source>
            <translation>%1：没有可写入的帧</translation>
        </message>
        <message>
            <source>cannot rename %1 to it</source>
            <translation>无法将 %1 重命名为目标文件</translation>
        </message>
    </context>
    <context>
        <name>moescope::Artifacts</name>
        <message>
            <source>frame %1</source>
            <translation>第 %1 帧</translation>
        </message>
        <message>
            <source>%1: cannot create the output folder</source>
            <translation>%1：无法创建输出文件夹</translation>
        </message>
        <message>
            <source>%1: cannot encode PNG</source>
            <translation>%1：无法编码 PNG</translation>
        </message>
    </context>
    <context>
        <name>moescope::Batch</name>
        <message>
            <source>%1: no such file or folder</source>
            <translation>%1：文件或文件夹不存在</translation>
        </message>
        <message>
            <source>%1: cannot read the list (%2)</source>
            <translation>%1：无法读取列表（%2）</translation>
        </message>
        <message>
            <source>%1: no files to analyse (the folder is empty)</source>
            <translation>%1：没有可分析的文件（文件夹为空）</translation>
        </message>
        <message>
            <source>%1: the list names no file</source>
            <translation>%1：列表中未列出任何文件</translation>
        </message>
    </context>
    <context>
        <name>moescope::DesktopRecent</name>
        <message>
            <source>%1: not a list of recent files this program can update; left as it is</source>
            <translation>%1：不是本程序可更新的最近文件列表；保持原样</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>moescope::GenericTaskPlugin</name>
        <message>
            <source>Generic (any MoE model)</source>
            <translation>通用（任意 MoE 模型）</translation>
        </message>
        <message>
            <source>the image is empty</source>
            <translation>图像为空</translation>
        </message>
        <message>
            <source>input "%1" is a vector no installed plugin computes; it is fed zeros</source>
            <translation>输入“%1”是一个没有已安装插件能计算的向量；将以零值输入</translation>
        </message>
    </context>
    <context>
        <name>moescope::ImageDocument</name>
        <message>
            <source>%1 — %2 × %3, %4 band(s), %5 frame(s), read by region (overview %6 × %7)</source>
            <translation>%1 — %2 × %3，%4 个波段，%5 帧，按区域读取（概览图 %6 × %7）</translation>
        </message>
        <message>
            <source>%1 — %2 × %3, %4 channel(s), %5 frame(s)%6</source>
            <translation>%1 — %2 × %3，%4 个通道，%5 帧%6</translation>
        </message>
        <message>
            <source>, modality %1</source>
            <translation>，模态 %1</translation>
        </message>
    </context>
    <context>
        <name>moescope::ImageLoader</name>
        <message>
            <source>the header gives %1 dimension(s); an image has at least 2</source>
            <translation>文件头给出 %1 个维度；图像至少需要 2 个维度</translation>
        </message>
        <message>
            <source>the file is truncated: its gzip stream does not end with the %1 bytes its header needs</source>
            <translation>文件不完整：其 gzip 流在文件头所需的 %1 字节之前结束</translation>
        </message>
        <message>
            <source>the file is truncated: its header needs %1 bytes, it holds %2</source>
            <translation>文件不完整：文件头需要 %1 字节，而文件只有 %2 字节</translation>
        </message>
        <message>
            <source>the MetaImage header is damaged: a key or value is longer than the 255 characters MetaIO reads</source>
            <translation>MetaImage 文件头已损坏：某个键或值超过了 MetaIO 可读取的 255 个字符</translation>
        </message>
        <message>
            <source>the header is damaged: its voxel spacing or orientation holds a number that is not finite</source>
            <translation>文件头已损坏：其体素间距或方向中含有非有限数值</translation>
        </message>
        <message>
            <source>the header is damaged: its voxel offset (vox_offset) is not a position in a file</source>
            <translation>文件头已损坏：其体素偏移量（vox_offset）不是文件中的有效位置</translation>
        </message>
        <message>
            <source>not enough memory</source>
            <translation>内存不足</translation>
        </message>
        <message>
            <source>unknown ITK error</source>
            <translation>未知的 ITK 错误</translation>
        </message>
        <message>
            <source>unsupported pixel type: %1 components per pixel (1 or 3 supported)</source>
            <translation>不支持的像素类型：每像素 %1 个分量（支持 1 或 3）</translation>
        </message>
        <message>
            <source>unsupported image size %1 × %2 × %3</source>
            <translation>不支持的图像尺寸 %1 × %2 × %3</translation>
        </message>
        <message>
            <source>from %1 to RAI (ITK orientation codes; RAI is DICOM's LPS): x, y, z are the file's axes %2, %3, %4%5</source>
            <translation>从 %1 转换到 RAI（ITK 方向代码；RAI 即 DICOM 的 LPS）：x、y、z 分别为文件的第 %2、%3、%4 轴%5</translation>
        </message>
        <message>
            <source>cannot reorient the volume to the patient frame: %1</source>
            <translation>无法将体数据重定向到患者坐标系：%1</translation>
        </message>
        <message>
            <source>not enough memory to reorient the volume</source>
            <translation>内存不足，无法对体数据重定向</translation>
        </message>
        <message>
            <source>not a %1 file ITK can read (bad or missing header)</source>
            <translation>不是 ITK 可读取的 %1 文件（文件头错误或缺失）</translation>
        </message>
        <message>
            <source>cannot read %1 volume: %2</source>
            <translation>无法读取 %1 体数据：%2</translation>
        </message>
        <message>
            <source>damaged DICOM header: %1</source>
            <translation>DICOM 文件头已损坏：%1</translation>
        </message>
        <message>
            <source>%1 would decode to %2 MB, more than the %3 MB allowed (MOESCOPE_MAX_DECODED_MB)</source>
            <translation>%1 解码后将达 %2 MB，超过允许的 %3 MB（MOESCOPE_MAX_DECODED_MB）</translation>
        </message>
        <message>
            <source>not a DICOM file and not an image format Qt can read</source>
            <translation>既不是 DICOM 文件，也不是 Qt 可读取的图像格式</translation>
        </message>
        <message>
            <source>cannot decode %1 image: %2</source>
            <translation>无法解码 %1 图像：%2</translation>
        </message>
        <message>
            <source>an animation of %1 × %2 with more than %3 frames</source>
            <translation>尺寸为 %1 × %2 且超过 %3 帧的动画</translation>
        </message>
        <message>
            <source>no file name given</source>
            <translation>未指定文件名</translation>
        </message>
        <message>
            <source>file does not exist</source>
            <translation>文件不存在</translation>
        </message>
        <message>
            <source>file is empty</source>
            <translation>文件为空</translation>
        </message>
        <message>
            <source>cannot open file: %1</source>
            <translation>无法打开文件：%1</translation>
        </message>
        <message>
            <source>the file names no series; series %1 was asked for</source>
            <translation>文件未指明序列；请求的是序列 %1</translation>
        </message>
        <message>
            <source>the file belongs to series %1, not to series %2</source>
            <translation>该文件属于序列 %1，而不是序列 %2</translation>
        </message>
        <message>
            <source>not enough memory to load the image</source>
            <translation>内存不足，无法加载图像</translation>
        </message>
        <message>
            <source>unexpected error: %1</source>
            <translation>意外错误：%1</translation>
        </message>
        <message>
            <source>unexpected error while loading</source>
            <translation>加载时发生意外错误</translation>
        </message>
        <message>
            <source>no folder given</source>
            <translation>未指定文件夹</translation>
        </message>
        <message>
            <source>folder does not exist</source>
            <translation>文件夹不存在</translation>
        </message>
        <message>
            <source>not a folder</source>
            <translation>不是文件夹</translation>
        </message>
        <message>
            <source>unexpected error while listing series</source>
            <translation>列出序列时发生意外错误</translation>
        </message>
        <message>
            <source>unexpected DCMTK pixel representation %1</source>
            <translation>意外的 DCMTK 像素表示 %1</translation>
        </message>
        <message>
            <source>it holds a video stream, and no video decoder is built in (export the cine uncompressed, RLE or JPEG)</source>
            <translation>文件包含视频流，而本版本未内置视频解码器（请将动态序列导出为未压缩、RLE 或 JPEG 格式）</translation>
        </message>
        <message>
            <source>deflated data sets are not inflated by this build</source>
            <translation>本版本不支持解压 deflate 压缩的数据集</translation>
        </message>
        <message>
            <source>none of the decoders here (DCMTK: JPEG, JPEG-LS, RLE; ITK/GDCM: JPEG 2000) reads it</source>
            <translation>此处的解码器（DCMTK：JPEG、JPEG-LS、RLE；ITK/GDCM：JPEG 2000）均无法读取该文件</translation>
        </message>
        <message>
            <source>unsupported transfer syntax %1: %2</source>
            <translation>不支持的传输语法 %1：%2</translation>
        </message>
        <message>
            <source>not a valid DICOM file: %1</source>
            <translation>不是有效的 DICOM 文件：%1</translation>
        </message>
        <message>
            <source>cannot decode DICOM pixel data: %1</source>
            <translation>无法解码 DICOM 像素数据：%1</translation>
        </message>
        <message>
            <source>cannot decode DICOM pixel data: no intermediate pixel data</source>
            <translation>无法解码 DICOM 像素数据：没有中间像素数据</translation>
        </message>
        <message>
            <source>a DICOMDIR is an index without pixel data; open the folder that holds it instead</source>
            <translation>DICOMDIR 是不含像素数据的索引文件；请改为打开其所在的文件夹</translation>
        </message>
        <message>
            <source>float pixel data is not supported</source>
            <translation>不支持浮点像素数据</translation>
        </message>
        <message>
            <source>cannot write a temporary copy for the JPEG 2000 decoder in %1</source>
            <translation>无法在 %1 中为 JPEG 2000 解码器写入临时副本</translation>
        </message>
        <message>
            <source>directory contains no DICOM files</source>
            <translation>目录中不含 DICOM 文件</translation>
        </message>
        <message>
            <source>directory contains no DICOM images (%1 DICOM file(s) without pixel data or unreadable)</source>
            <translation>目录中不含 DICOM 图像（%1 个 DICOM 文件无像素数据或无法读取）</translation>
        </message>
        <message>
            <source>no series %1 in the folder; its series: %2</source>
            <translation>文件夹中没有序列 %1；其中的序列为：%2</translation>
        </message>
        <message>
            <source>series is too large to load</source>
            <translation>序列过大，无法加载</translation>
        </message>
        <message>
            <source>no slice of series %1 could be decoded</source>
            <translation>序列 %1 中没有可解码的层面</translation>
        </message>
        <message>
            <source>left out %1 slice(s) of another size than the series (%2 × %3): %4</source>
            <translation>已略去 %1 个尺寸与序列（%2 × %3）不同的层面：%4</translation>
        </message>
        <message>
            <source>left out %1 slice(s) that could not be decoded: %2</source>
            <translation>已略去 %1 个无法解码的层面：%2</translation>
        </message>
        <message>
            <source>gap in the series between slice %1 (%2, at %3) and slice %4 (%5, at %6 along the slice normal): %7 apart where the median spacing is %8, about %9 slice(s) missing</source>
            <translation>序列在层面 %1（%2，位于 %3）与层面 %4（%5，沿层面法向位于 %6）之间存在间隙：间距为 %7，而中位间距为 %8，约缺失 %9 个层面</translation>
        </message>
        <message>
            <source>position along the slice normal</source>
            <translation>沿层面法向的位置</translation>
        </message>
        <message>
            <source>instance number</source>
            <translation>实例号</translation>
        </message>
    </context>
    <context>
        <name>moescope::ModelCatalog</name>
        <message>
            <source>%1: registered model file is missing</source>
            <translation>%1：已注册的模型文件缺失</translation>
        </message>
        <message>
            <source>%1: no such model file, and no bundled or registered model has that name (see `moescope-cli models`)</source>
            <translation>%1：模型文件不存在，也没有同名的内置或已注册模型（参见 `moescope-cli models`）</translation>
        </message>
    </context>
    <context>
        <name>moescope::ModelProposer</name>
        <message>
            <source>the sample %1 was made for %2</source>
            <translation>示例 %1 是为 %2 制作的</translation>
        </message>
        <message>
            <source>a %1 model for the sample %2</source>
            <translation>适用于示例 %2 的 %1 模型</translation>
        </message>
        <message>
            <source>the %1 plugin reads this file</source>
            <translation>%1 插件可读取此文件</translation>
        </message>
        <message>
            <source>DICOM modality %1</source>
            <translation>DICOM 模态 %1</translation>
        </message>
        <message>
            <source>a %1 image</source>
            <translation>%1 图像</translation>
        </message>
    </context>
    <context>
        <name>moescope::ModelSession</name>
        <message>
            <source>Load %1</source>
            <translation>加载 %1</translation>
        </message>
        <message>
            <source>unknown device "%1" (auto, cpu or cuda)</source>
            <translation>未知设备“%1”（auto、cpu 或 cuda）</translation>
        </message>
        <message>
            <source>%1: loading was cancelled</source>
            <translation>%1：加载已取消</translation>
        </message>
        <message>
            <source>Analyse</source>
            <translation>分析</translation>
        </message>
        <message>
            <source>no model is loaded</source>
            <translation>未加载模型</translation>
        </message>
        <message>
            <source>Probe</source>
            <translation>探测</translation>
        </message>
        <message>
            <source>The probe was cancelled</source>
            <translation>探测已取消</translation>
        </message>
        <message>
            <source>Index into %1</source>
            <translation>索引到 %1</translation>
        </message>
        <message>
            <source>indexing was cancelled before it started</source>
            <translation>索引在开始前已取消</translation>
        </message>
        <message>
            <source>Query %1</source>
            <translation>查询 %1</translation>
        </message>
        <message>
            <source>there is no gallery "%1"</source>
            <translation>不存在图库“%1”</translation>
        </message>
        <message>
            <source>query cancelled</source>
            <translation>查询已取消</translation>
        </message>
    </context>
    <context>
        <name>moescope::PluginRegistry</name>
        <message>
            <source>not found</source>
            <translation>未找到</translation>
        </message>
        <message>
            <source>%1: its metadata declares the capabilities "%2" but the plugin has "%3"; it is not used until the two agree</source>
            <translation>%1：其元数据声明的能力为“%2”，而插件实际为“%3”；在两者一致之前不会使用该插件</translation>
        </message>
        <message>
            <source>%1: the plugin could not be loaded (%2); using the generic view</source>
            <translation>%1：无法加载插件（%2）；改用通用视图</translation>
        </message>
        <message>
            <source>Generic (any MoE model)</source>
            <translation>通用（任意 MoE 模型）</translation>
        </message>
        <message>
            <source>Feeds the image inputs, shows the routing and lists the outputs of any model whose task no installed plugin claims.</source>
            <translation>为任意未被已安装插件认领任务的模型提供图像输入、显示路由并列出输出。</translation>
        </message>
        <message>
            <source>%1: not a MoEScope task plugin of interface %2</source>
            <translation>%1：不是接口为 %2 的 MoEScope 任务插件</translation>
        </message>
        <message>
            <source>%1: plugin "%2" was written for plugin API %3; this MoEScope serves %4, so it is not loaded</source>
            <translation>%1：插件“%2”是为插件 API %3 编写的；当前 MoEScope 提供 %4，因此不加载该插件</translation>
        </message>
        <message>
            <source>(none given)</source>
            <translation>（未指定）</translation>
        </message>
        <message>
            <source>%1: plugin id "%2" is empty or already taken</source>
            <translation>%1：插件 ID“%2”为空或已被占用</translation>
        </message>
    </context>
    <context>
        <name>moescope::Preferences</name>
        <message>
            <source>The settings file %1 could not be read; it was kept as %2 and the defaults are used</source>
            <translation>无法读取设置文件 %1；已将其保留为 %2，并使用默认设置</translation>
        </message>
        <message>
            <source>The settings file %1 could not be read; the defaults are used</source>
            <translation>无法读取设置文件 %1；将使用默认设置</translation>
        </message>
        <message numerus="yes">
            <source>%n recent file(s) no longer there, removed from the list: %1</source>
            <translation>
                <numerusform>%n 个最近文件已不存在，已从列表中移除：%1</numerusform>
            </translation>
        </message>
        <message>
            <source>Setting %1 = "%2" is not one of %3; %4 is used</source>
            <translation>设置项 %1 =“%2”不是 %3 之一；将使用 %4</translation>
        </message>
        <message>
            <source>the default</source>
            <translation>默认值</translation>
        </message>
        <message>
            <source>Setting %1 = "%2" is not a number from %3 to %4; %5 is used</source>
            <translation>设置项 %1 =“%2”不是 %3 到 %4 之间的数值；将使用 %5</translation>
        </message>
        <message numerus="yes">
            <source>%n recent model(s) no longer there, removed from the list: %1</source>
            <translation>
                <numerusform>%n 个最近使用的模型已不存在，已从列表中移除：%1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>moescope::ProbeController</name>
        <message>
            <source>A probe is still running; cancel it first</source>
            <translation>仍有探测正在运行；请先取消</translation>
        </message>
        <message>
            <source>Open an image and load a model first</source>
            <translation>请先打开图像并加载模型</translation>
        </message>
        <message>
            <source>Model %1 takes no expert_mask input, so its experts cannot be switched off</source>
            <translation>模型 %1 没有 expert_mask 输入，因此无法关闭其专家</translation>
        </message>
    </context>
    <context>
        <name>moescope::Report</name>
        <message>
            <source>predicted %1 (%2)</source>
            <translation>预测为 %1（%2）</translation>
        </message>
        <message>
            <source>run %1 has no step to report</source>
            <translation>运行记录 %1 没有可报告的步骤</translation>
        </message>
        <message>
            <source>MoEScope report: run %1</source>
            <translation>MoEScope 报告：运行记录 %1</translation>
        </message>
        <message>
            <source>Research software, not for clinical use.</source>
            <translation>科研软件，不用于临床。</translation>
        </message>
        <message>
            <source>Provenance</source>
            <translation>来源信息</translation>
        </message>
        <message>
            <source>MoEScope</source>
            <translation>MoEScope</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Model SHA-256</source>
            <translation>模型 SHA-256</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Input SHA-256</source>
            <translation>输入 SHA-256</translation>
        </message>
        <message>
            <source>Frame</source>
            <translation>帧</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Report written</source>
            <translation>报告生成时间</translation>
        </message>
        <message>
            <source>Identifying fields (patient name, ID, birth date, sex, age, institution, study dates and UIDs) and the input's folder are left out.</source>
            <translation>已略去身份识别字段（患者姓名、ID、出生日期、性别、年龄、机构、检查日期及 UID）以及输入文件所在文件夹。</translation>
        </message>
        <message>
            <source>Where the router sent each patch</source>
            <translation>路由器将各图像块分配到何处</translation>
        </message>
        <message>
            <source>The picture the model saw</source>
            <translation>模型所见的图像</translation>
        </message>
        <message>
            <source>Layer %1 (%2): top-1 expert</source>
            <translation>第 %1 层（%2）：Top-1 专家</translation>
        </message>
        <message>
            <source>This step kept routing summaries only.</source>
            <translation>此步骤仅保留了路由摘要。</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Routing per layer</source>
            <translation>逐层路由</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Mean entropy (share of uniform)</source>
            <translation>平均熵（占均匀分布的比例）</translation>
        </message>
        <message>
            <source>Load (top-1 share per expert)</source>
            <translation>负载（各专家的 Top-1 占比）</translation>
        </message>
        <message>
            <source>Compared with run %1 (%2, frame %3)</source>
            <translation>与运行记录 %1（%2，第 %3 帧）比较</translation>
        </message>
        <message>
            <source>Top-1 agreement</source>
            <translation>Top-1 一致率</translation>
        </message>
        <message>
            <source>Mean JS (bits)</source>
            <translation>平均 JS（bits）</translation>
        </message>
        <message>
            <source>Entropy change (bits)</source>
            <translation>熵变化（bits）</translation>
        </message>
        <message>
            <source>Load JS (bits)</source>
            <translation>负载 JS（bits）</translation>
        </message>
        <message>
            <source>Its outputs: </source>
            <translation>其输出：</translation>
        </message>
        <message>
            <source>The model card, in short</source>
            <translation>模型卡摘要</translation>
        </message>
    </context>
    <context>
        <name>moescope::Retrieval</name>
        <message>
            <source>model "%1" has no output of kind "embedding", so it cannot build or search a gallery</source>
            <translation>模型“%1”没有类型为“embedding”的输出，因此无法构建或检索图库</translation>
        </message>
        <message>
            <source>the model returned no "%1"</source>
            <translation>模型未返回“%1”</translation>
        </message>
        <message>
            <source>the model's "%1" holds NaN or infinity</source>
            <translation>模型的“%1”包含 NaN 或无穷大</translation>
        </message>
        <message>
            <source>gallery "%1" was built by model %2 (sha256 %3…); %4 (sha256 %5…) is another model, and its embeddings are not comparable: query it with the model that built it, or index a new gallery</source>
            <translation>图库“%1”由模型 %2（sha256 %3…）构建；%4（sha256 %5…）是另一个模型，二者的嵌入向量不可比较：请使用构建该图库的模型进行查询，或建立新的图库索引</translation>
        </message>
        <message>
            <source>gallery "%1" holds %2-value embeddings; the model returns %3</source>
            <translation>图库“%1”中的嵌入向量为 %2 维；而该模型返回 %3 维</translation>
        </message>
        <message>
            <source>%1: no such file or folder</source>
            <translation>%1：文件或文件夹不存在</translation>
        </message>
        <message>
            <source>%1: no files to index (the folder is empty)</source>
            <translation>%1：没有可建立索引的文件（文件夹为空）</translation>
        </message>
        <message>
            <source>%1: frame %2: %3</source>
            <translation>%1：第 %2 帧：%3</translation>
        </message>
        <message>
            <source>%1: none of %2 file(s) could be indexed%3</source>
            <translation>%1：%2 个文件均无法建立索引%3</translation>
        </message>
        <message>
            <source>%1: there is no gallery "%2"</source>
            <translation>%1：不存在图库“%2”</translation>
        </message>
        <message>
            <source>no query image</source>
            <translation>没有查询图像</translation>
        </message>
        <message>
            <source>frame %1 is not in the image</source>
            <translation>图像中没有第 %1 帧</translation>
        </message>
        <message>
            <source>exact search</source>
            <translation>精确检索</translation>
        </message>
        <message>
            <source>%1: recall@10 %2 against exact search</source>
            <translation>%1：recall@10 为 %2（相对于精确检索）</translation>
        </message>
        <message>
            <source>; built again</source>
            <translation>；已重新构建</translation>
        </message>
        <message>
            <source>the approximate index is not saved (%1); it is built again next time</source>
            <translation>近似索引未保存（%1）；下次将重新构建</translation>
        </message>
    </context>
    <context>
        <name>moescope::RunComparison</name>
        <message>
            <source>Still opening the last comparison</source>
            <translation>仍在打开上一次比较</translation>
        </message>
        <message>
            <source>Run %1 kept no routing for frame %2 (only its summary)</source>
            <translation>运行记录 %1 未保存第 %2 帧的路由（仅保存了摘要）</translation>
        </message>
        <message>
            <source>%1: total variation %2 (%3 → %4)</source>
            <translation>%1：总变差 %2（%3 → %4）</translation>
        </message>
        <message>
            <source>%1: mean Dice %2</source>
            <translation>%1：平均 Dice %2</translation>
        </message>
        <message>
            <source>%1: IoU %2</source>
            <translation>%1：IoU %2</translation>
        </message>
    </context>
    <context>
        <name>moescope::RunController</name>
        <message>
            <source>The run was not stored.

%1</source>
            <translation>运行记录未保存。

%1</translation>
        </message>
        <message>
            <source>The run failed.

%1</source>
            <translation>运行失败。

%1</translation>
        </message>
        <message>
            <source>Loading model %1…</source>
            <translation>正在加载模型 %1…</translation>
        </message>
        <message>
            <source>Open an image first (File ▸ Open, or drop a file on the window).</source>
            <translation>请先打开图像（文件 ▸ 打开，或将文件拖放到窗口中）。</translation>
        </message>
        <message>
            <source>Pick a model first.</source>
            <translation>请先选择模型。</translation>
        </message>
        <message>
            <source>A run is in progress; cancel it first (Esc).</source>
            <translation>有运行正在进行；请先取消（Esc）。</translation>
        </message>
        <message>
            <source>Load the model before switching its experts off</source>
            <translation>请先加载模型，再关闭其专家</translation>
        </message>
        <message>
            <source>Running %1 on %2…</source>
            <translation>正在对 %2 运行 %1…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message numerus="yes">
            <source>Cancelled after %n step(s); the partial run is kept.</source>
            <translation>
                <numerusform>已在 %n 个步骤后取消；已保留部分运行记录。</numerusform>
            </translation>
        </message>
        <message>
            <source>Run %1 on %2 is stored; reopen it from Runs.</source>
            <translation>运行记录 %1（%2）已保存；可从“运行记录”中重新打开。</translation>
        </message>
        <message>
            <source>Every frame routed; stored as run %1</source>
            <translation>所有帧均已完成路由；已保存为运行记录 %1</translation>
        </message>
    </context>
    <context>
        <name>moescope::RunsModel</name>
        <message>
            <source>Run</source>
            <translation>运行记录</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>图像</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Frames</source>
            <translation>帧数</translation>
        </message>
        <message>
            <source>By</source>
            <translation>创建者</translation>
        </message>
    </context>
    <context>
        <name>moescope::SampleCatalog</name>
        <message>
            <source>%1: not a readable samples index (%2)</source>
            <translation>%1：不是可读取的示例索引（%2）</translation>
        </message>
        <message>
            <source>%1: sample "%2" is not there</source>
            <translation>%1：示例“%2”不存在</translation>
        </message>
    </context>
    <context>
        <name>moescope::SceneSource</name>
        <message>
            <source>%1: no frame %2, or an empty region</source>
            <translation>%1：没有第 %2 帧，或区域为空</translation>
        </message>
    </context>
    <context>
        <name>moescope::Stability</name>
        <message>
            <source>passes must be 1 or more, noise and shift 0 or more</source>
            <translation>扰动次数必须不小于 1，噪声和平移必须不小于 0</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
    </context>
    <context>
        <name>moescope::StoredRunDocument</name>
        <message>
            <source>Still opening run %1</source>
            <translation>仍在打开运行记录 %1</translation>
        </message>
        <message>
            <source>The image of run %1 (%2) is no longer there; its routing is shown without it.</source>
            <translation>运行记录 %1 的图像（%2）已不存在；将仅显示其路由。</translation>
        </message>
        <message>
            <source>%1 could not be opened</source>
            <translation>无法打开 %1</translation>
        </message>
        <message>
            <source>%1 has changed since run %2 was made; its routing is shown over the file as it is now</source>
            <translation>%1 在运行记录 %2 生成后已被修改；将在文件当前内容上显示其路由</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3</source>
            <translation>运行记录 %1：%2（%3）</translation>
        </message>
    </context>
    <context>
        <name>moescope::TaskPlugin</name>
        <message>
            <source>%1 works on whole pictures in memory; %2 is read by region only</source>
            <translation>%1 在内存中处理整幅图像；%2 只能按区域读取</translation>
        </message>
        <message>
            <source>%1: the %2 plugin opens no files of its own</source>
            <translation>%1：%2 插件自身不打开文件</translation>
        </message>
        <message>
            <source>the %1 plugin prepares its steps in its own run only</source>
            <translation>%1 插件仅在其自身的运行中准备步骤</translation>
        </message>
    </context>
    <context>
        <name>moescope::cli</name>
        <message>
            <source>Scene pixels a tile side (default: the model's input).</source>
            <translation>分块边长，以场景像素计（默认：模型输入尺寸）。</translation>
        </message>
        <message>
            <source>Pixels neighbouring tiles share (default: a quarter of a tile).</source>
            <translation>相邻分块共享的像素数（默认：分块边长的四分之一）。</translation>
        </message>
        <message>
            <source>A band the model sees (VV, HH...); repeat for more.</source>
            <translation>模型读取的波段（VV、HH...）；可重复指定多个。</translation>
        </message>
        <message>
            <source>Speckle filter before the model: none, lee, refined-lee or frost.</source>
            <translation>输入模型前的相干斑滤波：none、lee、refined-lee 或 frost。</translation>
        </message>
        <message>
            <source>Run over this part of the scene only.</source>
            <translation>仅对场景的该区域运行。</translation>
        </message>
        <message>
            <source>Write a scene's rasters as Cloud-Optimised GeoTIFFs (with overviews; slower).</source>
            <translation>将场景栅格写为 Cloud-Optimised GeoTIFF（COG，含金字塔概览；较慢）。</translation>
        </message>
        <message>
            <source>A tracker's initial box on the first frame run (default: the ground truth's).</source>
            <translation>跟踪器在所运行首帧上的初始框（默认：真值框）。</translation>
        </message>
        <message>
            <source>Steps (tiles, frames) per forward call.</source>
            <translation>每次前向调用处理的步数（分块、帧）。</translation>
        </message>
        <message>
            <source>--%1 takes a whole number of at least %2, not "%3"</source>
            <translation>--%1 需要不小于 %2 的整数，而不是“%3”</translation>
        </message>
        <message>
            <source>--region takes X,Y,W,H, not "%1"</source>
            <translation>--region 需要 X,Y,W,H，而不是“%1”</translation>
        </message>
        <message>
            <source>moescope-cli: unknown verb "%1"</source>
            <translation>moescope-cli：未知子命令“%1”</translation>
        </message>
        <message>
            <source>  size      %1 x %2, %3 band(s)</source>
            <translation>  尺寸      %1 x %2，%3 个波段</translation>
        </message>
        <message>
            <source>  video     %1, %2 frames at %3 fps%4</source>
            <translation>  视频      %1，%2 帧，%3 fps%4</translation>
        </message>
        <message>
            <source>, turned %1° to stand upright</source>
            <translation>，已旋转 %1° 以正向显示</translation>
        </message>
        <message>
            <source>  damaged   %1</source>
            <translation>  已损坏    %1</translation>
        </message>
        <message>
            <source>  sequence  %1 layout, %2 frames, ground truth: %3</source>
            <translation>  序列      %1 布局，%2 帧，真值：%3</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>  band      %1 (%2, %3)</source>
            <translation>  波段      %1（%2，%3）</translation>
        </message>
        <message>
            <source>  spacing   %1 x %2 m</source>
            <translation>  间距      %1 x %2 m</translation>
        </message>
        <message>
            <source>  georeferenced (%1)</source>
            <translation>  已地理配准（%1）</translation>
        </message>
        <message>
            <source>geotransform</source>
            <translation>地理变换</translation>
        </message>
        <message>
            <source>GCPs</source>
            <translation>地面控制点（GCP）</translation>
        </message>
        <message>
            <source>Model name or .pt file.</source>
            <translation>模型名称或 .pt 文件。</translation>
        </message>
        <message>
            <source>auto, cpu or cuda.</source>
            <translation>auto、cpu 或 cuda。</translation>
        </message>
        <message>
            <source>Images per forward call.</source>
            <translation>每次前向调用的图像数。</translation>
        </message>
        <message>
            <source>Timed calls.</source>
            <translation>计时调用次数。</translation>
        </message>
        <message>
            <source>Untimed calls first.</source>
            <translation>预先进行的不计时调用次数。</translation>
        </message>
        <message>
            <source>The BLAS's own threads (default: MoEScope's choice for the BLAS in use).</source>
            <translation>BLAS 自身的线程数（默认：由 MoEScope 根据所用 BLAS 选择）。</translation>
        </message>
        <message>
            <source>Skip measuring the matrix-product peak.</source>
            <translation>跳过矩阵乘法峰值测量。</translation>
        </message>
        <message>
            <source>moescope-cli bench: needs --model; --device auto|cpu|cuda; --batch, --iterations, --blas-threads &gt;= 1</source>
            <translation>moescope-cli bench：需要 --model；--device auto|cpu|cuda；--batch、--iterations、--blas-threads &gt;= 1</translation>
        </message>
        <message>
            <source>%1 on %2 (%3 threads, %4): batch %5, %6 iterations: median %7 ms, p95 %8 ms, %9 images/s</source>
            <translation>%1 于 %2（%3 线程，%4）：批大小 %5，%6 次迭代：中位数 %7 ms，p95 %8 ms，%9 图像/s</translation>
        </message>
        <message>
            <source>BLAS: %1</source>
            <translation>BLAS：%1</translation>
        </message>
        <message>
            <source>%1 GFLOP per image: %2 GFLOP/s reached</source>
            <translation>每幅图像 %1 GFLOP：达到 %2 GFLOP/s</translation>
        </message>
        <message>
            <source>FLOPs per image unknown (the model file has no "flops_per_image"; export_moescope writes it)</source>
            <translation>每幅图像的 FLOPs 未知（模型文件中没有“flops_per_image”；export_moescope 会写入该字段）</translation>
        </message>
        <message>
            <source>matrix-product peak here %1 GFLOP/s</source>
            <translation>本机矩阵乘法峰值 %1 GFLOP/s</translation>
        </message>
        <message>
            <source>(%1 % of it)</source>
            <translation>（峰值的 %1 %）</translation>
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
            <translation>存放每个文件结果产物的文件夹（同 run --out）。</translation>
        </message>
        <message>
            <source>Analyse share I of N of the files.</source>
            <translation>分析文件的 N 份中的第 I 份。</translation>
        </message>
        <message>
            <source>Do not store the runs.</source>
            <translation>不保存运行记录。</translation>
        </message>
        <message>
            <source>moescope-cli batch: --model and --input are required</source>
            <translation>moescope-cli batch：必须指定 --model 和 --input</translation>
        </message>
        <message>
            <source>moescope-cli batch: --batch takes N &gt;= 1, --shard I/N with 1 &lt;= I &lt;= N, --device auto, cpu or cuda</source>
            <translation>moescope-cli batch：--batch 需要 N &gt;= 1，--shard I/N 需满足 1 &lt;= I &lt;= N，--device 应为 auto、cpu 或 cuda</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>警告：%1</translation>
        </message>
        <message>
            <source>batch %1/%2 (%3%), %4 files/s, %5 left: %6</source>
            <translation>batch %1/%2（%3%），%4 文件/s，剩余 %5：%6</translation>
        </message>
        <message>
            <source>%1 on %2 file(s)%3: %4 analysed, %5 already analysed, %6 failed</source>
            <translation>%1 处理 %2 个文件%3：已分析 %4 个，此前已分析 %5 个，失败 %6 个</translation>
        </message>
        <message>
            <source> (shard %1/%2 of %3)</source>
            <translation>（分片 %1/%2，共 %3 个）</translation>
        </message>
        <message>
            <source>%1 image(s) in %2 s: %3 files/s, %4 images/s; model %5 s, decoding %6 s (on its own thread), storing %7 s, waiting for decoding %8 s</source>
            <translation>%1 幅图像，用时 %2 s：%3 文件/s，%4 图像/s；模型 %5 s，解码 %6 s（在独立线程上），存储 %7 s，等待解码 %8 s</translation>
        </message>
        <message>
            <source>predicted:</source>
            <translation>预测：</translation>
        </message>
        <message>
            <source>runs stored in %1</source>
            <translation>运行记录已保存到 %1</translation>
        </message>
        <message>
            <source>interrupted: %1 file(s) analysed; run the same command again to go on</source>
            <translation>已中断：已分析 %1 个文件；再次运行相同命令即可继续</translation>
        </message>
        <message>
            <source>Gallery name.</source>
            <translation>图库名称。</translation>
        </message>
        <message>
            <source>--device is auto, cpu or cuda, not "%1"</source>
            <translation>--device 应为 auto、cpu 或 cuda，而不是“%1”</translation>
        </message>
        <message>
            <source>%1: the model's task "%2" is served by the %3 plugin, which builds no galleries</source>
            <translation>%1：模型任务“%2”由 %3 插件处理，该插件不构建图库</translation>
        </message>
        <message>
            <source>Frames per forward call within a volume.</source>
            <translation>体数据内每次前向调用处理的帧数。</translation>
        </message>
        <message>
            <source>moescope-cli index: --model, --input and --gallery are required</source>
            <translation>moescope-cli index：必须指定 --model、--input 和 --gallery</translation>
        </message>
        <message>
            <source>gallery "%1": indexed %2 file(s), %3 item(s) in %4 s (%5 images/s); %6 already indexed; %7 not pictures, skipped; %8 failed</source>
            <translation>图库“%1”：已索引 %2 个文件，%3 个条目，用时 %4 s（%5 图像/s）；此前已索引 %6 个；%7 个不是图像，已跳过；失败 %8 个</translation>
        </message>
        <message>
            <source>gallery "%1" now holds %2 item(s) from %3 file(s)</source>
            <translation>图库“%1”现包含来自 %3 个文件的 %2 个条目</translation>
        </message>
        <message>
            <source>interrupted: %1 file(s) indexed; run the same command again to go on</source>
            <translation>已中断：已索引 %1 个文件；再次运行相同命令即可继续</translation>
        </message>
        <message>
            <source>Query image (slice, series folder, volume); with --evaluate, a labelled folder of queries (DIR/&lt;label&gt;/...).</source>
            <translation>查询图像（层面、序列文件夹、体数据）；与 --evaluate 一起使用时，为带标签的查询文件夹（DIR/&lt;label&gt;/...）。</translation>
        </message>
        <message>
            <source>How many hits.</source>
            <translation>命中结果数量。</translation>
        </message>
        <message>
            <source>Slice (frame) of the query image.</source>
            <translation>查询图像的层面（帧）。</translation>
        </message>
        <message>
            <source>Query with a region of the slice, in pixels.</source>
            <translation>使用层面中的区域进行查询，以像素计。</translation>
        </message>
        <message>
            <source>mAP@K over a labelled gallery: every item queries the others (leave-one-out), or every file under --input queries the gallery.</source>
            <translation>在带标签的图库上计算 mAP@K：每个条目依次查询其余条目（留一法），或 --input 下的每个文件查询图库。</translation>
        </message>
        <message>
            <source>Do not store the query's run.</source>
            <translation>不保存查询的运行记录。</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --model, --gallery and --input (or --evaluate) are required</source>
            <translation>moescope-cli retrieve：必须指定 --model、--gallery 和 --input（或 --evaluate）</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --top takes a number from 1 to 10000, not "%1"</source>
            <translation>moescope-cli retrieve：--top 需要 1 到 10000 之间的数，而不是“%1”</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --region takes X,Y,W,H in pixels, not "%1"</source>
            <translation>moescope-cli retrieve：--region 需要以像素为单位的 X,Y,W,H，而不是“%1”</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --frame takes a slice number from 0</source>
            <translation>moescope-cli retrieve：--frame 需要从 0 起的层面编号</translation>
        </message>
        <message>
            <source>%1: gallery "%2" is empty</source>
            <translation>%1：图库“%2”为空</translation>
        </message>
        <message>
            <source>%1: no query files</source>
            <translation>%1：没有查询文件</translation>
        </message>
        <message>
            <source>%1: gallery "%2" has no labelled items to evaluate: index a folder laid out as DIR/&lt;label&gt;/... </source>
            <translation>%1：图库“%2”中没有可供评估的带标签条目：请对按 DIR/&lt;label&gt;/... 组织的文件夹建立索引</translation>
        </message>
        <message>
            <source>gallery "%1" (%2 items), %3 queries (%4): mAP@%5 %6, P@1 %7, P@%5 %8</source>
            <translation>图库“%1”（%2 个条目），%3 个查询（%4）：mAP@%5 %6，P@1 %7，P@%5 %8</translation>
        </message>
        <message>
            <source>%1: has %2 slice(s); there is no slice %3</source>
            <translation>%1：共 %2 个层面；不存在层面 %3</translation>
        </message>
        <message>
            <source>%1 against gallery "%2" (%3 items): top %4 in %5 ms; query gates: %6</source>
            <translation>%1 检索图库“%2”（%3 个条目）：前 %4 个结果，用时 %5 ms；查询门控值：%6</translation>
        </message>
        <message>
            <source>run %1: no stored routing to compare (its steps kept summaries only)</source>
            <translation>运行记录 %1：没有已保存的路由可供比较（其步骤仅保存了摘要）</translation>
        </message>
        <message>
            <source>run %1: frame %2 has no stored routing</source>
            <translation>运行记录 %1：第 %2 帧没有已保存的路由</translation>
        </message>
        <message>
            <source>A stored run (give two: A, then B).</source>
            <translation>已保存的运行记录（指定两个：先 A，后 B）。</translation>
        </message>
        <message>
            <source>A's frame (default: its first with routing).</source>
            <translation>A 的帧（默认：其第一个含路由的帧）。</translation>
        </message>
        <message>
            <source>B's frame (default: its first with routing).</source>
            <translation>B 的帧（默认：其第一个含路由的帧）。</translation>
        </message>
        <message>
            <source>Folder for each layer's agreement, JS divergence and entropy-change maps.</source>
            <translation>存放各层一致率图、JS 散度图和熵变化图的文件夹。</translation>
        </message>
        <message>
            <source>moescope-cli compare: give two runs, --run A --run B</source>
            <translation>moescope-cli compare：请指定两条运行记录，--run A --run B</translation>
        </message>
        <message>
            <source>%1: cannot create the folder</source>
            <translation>%1：无法创建文件夹</translation>
        </message>
        <message>
            <source>%1: entropy %2 → %3 bits</source>
            <translation>%1：熵 %2 → %3 bits</translation>
        </message>
        <message>
            <source>, load JS %1 bits</source>
            <translation>，负载 JS %1 bits</translation>
        </message>
        <message>
            <source>, top-1 agreement %1 %, mean JS %2 bits, Jaccard %3</source>
            <translation>，Top-1 一致率 %1 %，平均 JS %2 bits，Jaccard %3</translation>
        </message>
        <message>
            <source>the models have %1 and %2 MoE layers; the first %3 are compared</source>
            <translation>两个模型分别有 %1 和 %2 个 MoE 层；比较前 %3 层</translation>
        </message>
        <message>
            <source>List the runs whose routing resembles this run's.</source>
            <translation>列出路由与此运行记录相似的运行记录。</translation>
        </message>
        <message>
            <source>The newest N runs.</source>
            <translation>最新的 N 条运行记录。</translation>
        </message>
        <message>
            <source>%1: run %2 is not among the newest %3 runs with routing</source>
            <translation>%1：运行记录 %2 不在最新的 %3 条含路由的运行记录中</translation>
        </message>
        <message numerus="yes">
            <source>experts per layer %1: %n run(s)</source>
            <translation>
                <numerusform>每层 %1 个专家：%n 条运行记录</numerusform>
            </translation>
        </message>
        <message>
            <source>Print JSON.</source>
            <translation>输出 JSON。</translation>
        </message>
        <message>
            <source>LibTorch CPU threads.</source>
            <translation>LibTorch CPU 线程数。</translation>
        </message>
        <message>
            <source>The DICOM series of a folder to load (default: the largest).</source>
            <translation>从文件夹中加载的 DICOM 序列（默认：最大的序列）。</translation>
        </message>
        <message>
            <source>Run database (default: the app's data location).</source>
            <translation>运行数据库（默认：应用的数据目录）。</translation>
        </message>
        <message>
            <source>The options of moescope-cli %1; moescope-cli --help lists every verb.</source>
            <translation>moescope-cli %1 的选项；moescope-cli --help 列出所有子命令。</translation>
        </message>
        <message>
            <source>Name inputs by their full path in what is printed and written (default: the file name only, so folder names stay private).</source>
            <translation>在输出和写入的内容中以完整路径标识输入（默认：仅文件名，以免泄露文件夹名称）。</translation>
        </message>
        <message>
            <source>Frames whose full routing is kept and stored, A:B inclusive (default: the first 1,000 run); the others keep their outputs and routing summaries.</source>
            <translation>保留并保存完整路由的帧，A:B（含两端；默认：所运行的前 1,000 帧）；其余帧仅保留输出和路由摘要。</translation>
        </message>
        <message>
            <source>moescope-cli %1: --routing-frames takes A:B, not "%2"</source>
            <translation>moescope-cli %1：--routing-frames 需要 A:B，而不是“%2”</translation>
        </message>
        <message>
            <source>A stored run.</source>
            <translation>已保存的运行记录。</translation>
        </message>
        <message>
            <source>The frame (default: the first with routing).</source>
            <translation>帧（默认：第一个含路由的帧）。</translation>
        </message>
        <message>
            <source>moescope-cli paths: give a run, --run ID (and --frame N)</source>
            <translation>moescope-cli paths：请指定运行记录，--run ID（以及 --frame N）</translation>
        </message>
        <message>
            <source>run %1: no stored routing (its steps kept summaries only)</source>
            <translation>运行记录 %1：没有已保存的路由（其步骤仅保存了摘要）</translation>
        </message>
        <message>
            <source>run %1: fewer than two MoE layers route tokens on one grid, so there are no paths (%2)</source>
            <translation>运行记录 %1：在同一网格上路由 token 的 MoE 层少于两个，因此没有路径（%2）</translation>
        </message>
        <message>
            <source>run %1, frame %2: %3 tokens on a %4×%5 grid over "%6"</source>
            <translation>运行记录 %1，第 %2 帧：“%6”上 %4×%5 网格中的 %3 个 token</translation>
        </message>
        <message>
            <source>layer %1 → layer %2 (rows: experts of %1, columns: of %2)</source>
            <translation>第 %1 层 → 第 %2 层（行：第 %1 层的专家，列：第 %2 层的专家）</translation>
        </message>
        <message>
            <source>AO %1</source>
            <translation>AO %1</translation>
        </message>
        <message>
            <source>success AUC %1</source>
            <translation>成功率 AUC %1</translation>
        </message>
        <message>
            <source>Tracker model name or .pt file.</source>
            <translation>跟踪器模型名称或 .pt 文件。</translation>
        </message>
        <message>
            <source>A sequence folder, or a dataset folder of them.</source>
            <translation>序列文件夹，或包含多个序列的数据集文件夹。</translation>
        </message>
        <message>
            <source>Initial box on the first frame (default: the ground truth's).</source>
            <translation>首帧上的初始框（默认：真值框）。</translation>
        </message>
        <message>
            <source>Frames to track, A:B inclusive (from 0).</source>
            <translation>要跟踪的帧，A:B（含两端，从 0 开始）。</translation>
        </message>
        <message>
            <source>Folder for GOT-10k result files (&lt;seq&gt;/&lt;seq&gt;_001.txt, &lt;seq&gt;_time.txt) and a per-frame CSV.</source>
            <translation>存放 GOT-10k 结果文件（&lt;seq&gt;/&lt;seq&gt;_001.txt、&lt;seq&gt;_time.txt）和逐帧 CSV 的文件夹。</translation>
        </message>
        <message>
            <source>With --out: also &lt;seq&gt;/&lt;seq&gt;_annotated.mp4, each frame with the boxes, the search region and the last MoE layer's top-1 expert map (H.264).</source>
            <translation>配合 --out 使用：同时输出 &lt;seq&gt;/&lt;seq&gt;_annotated.mp4，每帧标出边界框、搜索区域和最后一个 MoE 层的 Top-1 专家图（H.264）。</translation>
        </message>
        <message>
            <source>Do not store the tracks.</source>
            <translation>不保存跟踪结果。</translation>
        </message>
        <message>
            <source>Score the tracks against the ground truth.</source>
            <translation>根据真值评估跟踪结果。</translation>
        </message>
        <message>
            <source>got10k, lasot or otb (default: the sequences' layout).</source>
            <translation>got10k、lasot 或 otb（默认：按序列的布局）。</translation>
        </message>
        <message>
            <source>moescope-cli track: --model and --input are required</source>
            <translation>moescope-cli track：必须指定 --model 和 --input</translation>
        </message>
        <message>
            <source>moescope-cli track: --video needs --out DIR</source>
            <translation>moescope-cli track：--video 需要 --out DIR</translation>
        </message>
        <message>
            <source>moescope-cli track: --protocol is got10k, lasot or otb, not "%1"</source>
            <translation>moescope-cli track：--protocol 应为 got10k、lasot 或 otb，而不是“%1”</translation>
        </message>
        <message>
            <source>moescope-cli track: --device is auto, cpu or cuda</source>
            <translation>moescope-cli track：--device 应为 auto、cpu 或 cuda</translation>
        </message>
        <message>
            <source>moescope-cli track: --frames takes A:B, not "%1"</source>
            <translation>moescope-cli track：--frames 需要 A:B，而不是“%1”</translation>
        </message>
        <message>
            <source>%1: not a tracker (task "%2")</source>
            <translation>%1：不是跟踪器（任务“%2”）</translation>
        </message>
        <message>
            <source>%1: not a sequence the %2 plugin opens</source>
            <translation>%1：不是 %2 插件可打开的序列</translation>
        </message>
        <message>
            <source>%1: --init is for one sequence, not a dataset</source>
            <translation>%1：--init 仅适用于单个序列，不适用于数据集</translation>
        </message>
        <message>
            <source>%1: %2 frames tracked%3</source>
            <translation>%1：已跟踪 %2 帧%3</translation>
        </message>
        <message>
            <source>%1: holds no sequence</source>
            <translation>%1：不包含序列</translation>
        </message>
        <message>
            <source>%1: no ground truth to evaluate against</source>
            <translation>%1：没有可供评估的真值</translation>
        </message>
        <message>
            <source>GOT-10k over %1 frames: AO %2, SR0.5 %3, SR0.75 %4</source>
            <translation>GOT-10k，共 %1 帧：AO %2，SR0.5 %3，SR0.75 %4</translation>
        </message>
        <message>
            <source>%1 over %2 sequences: success AUC %3, precision@20px %4</source>
            <translation>%1，共 %2 个序列：成功率 AUC %3，精确率@20px %4</translation>
        </message>
        <message>
            <source>Value of an index input (a task), NAME=VALUE.</source>
            <translation>索引型输入（任务）的值，NAME=VALUE。</translation>
        </message>
        <message>
            <source>Picture for another image input of the model (a tracker's template), NAME=FILE.</source>
            <translation>模型另一个图像输入所用的图片（如跟踪器的模板），NAME=FILE。</translation>
        </message>
        <message>
            <source>moescope-cli %1: model has no index input "%2"</source>
            <translation>moescope-cli %1：模型没有索引型输入“%2”</translation>
        </message>
        <message>
            <source>moescope-cli %1: "%2" is not a choice of input "%3"</source>
            <translation>moescope-cli %1：“%2”不是输入“%3”的可选值</translation>
        </message>
        <message>
            <source>moescope-cli %1: --image takes NAME=FILE for an image input of the model; "%2" is not one</source>
            <translation>moescope-cli %1：--image 需要 NAME=FILE，其中 NAME 为模型的图像输入；“%2”不是</translation>
        </message>
        <message>
            <source>Image, DICOM or scene.</source>
            <translation>图像、DICOM 或场景。</translation>
        </message>
        <message>
            <source>moescope-cli %1: --model and --input are required</source>
            <translation>moescope-cli %1：必须指定 --model 和 --input</translation>
        </message>
        <message>
            <source>moescope-cli %1: --device is auto, cpu or cuda, not "%2"</source>
            <translation>moescope-cli %1：--device 应为 auto、cpu 或 cuda，而不是“%2”</translation>
        </message>
        <message>
            <source>The MoE layer (default: every layer).</source>
            <translation>MoE 层（默认：所有层）。</translation>
        </message>
        <message>
            <source>The frame ablated (default 0).</source>
            <translation>要消融的帧（默认 0）。</translation>
        </message>
        <message>
            <source>Also run each expert alone in its layer.</source>
            <translation>同时在各层中单独运行每个专家。</translation>
        </message>
        <message>
            <source>Also the deletion curves: each expert's patches removed, 10-90 %.</source>
            <translation>同时计算删除曲线：依次移除每个专家的图像块，10-90 %。</translation>
        </message>
        <message>
            <source>Write the table as CSV.</source>
            <translation>将表格写为 CSV。</translation>
        </message>
        <message>
            <source>moescope-cli ablate: --layer and --frame take a number from 0</source>
            <translation>moescope-cli ablate：--layer 和 --frame 需要从 0 起的数字</translation>
        </message>
        <message>
            <source>%1 on %2, frame %3: the effect on "%4" (%5); %6 passes, %7 ms of forward passes, %8 ms in all</source>
            <translation>%1 对 %2，第 %3 帧：对“%4”（%5）的影响；%6 次前向传播，前向传播用时 %7 ms，总计 %8 ms</translation>
        </message>
        <message>
            <source>layer expert  mode  load    effect   answer                       later layers agree</source>
            <translation>   层   专家  模式  负载        影响  输出                         后续层一致率</translation>
        </message>
        <message>
            <source>layer %1: rank correlation of load and effect %2</source>
            <translation>第 %1 层：负载与影响的秩相关 %2</translation>
        </message>
        <message>
            <source>deletion, layer %1 expert %2 (%3 tokens), 10-90 %: %4</source>
            <translation>删除曲线，第 %1 层专家 %2（%3 个 token），10-90 %：%4</translation>
        </message>
        <message>
            <source>The stored run.</source>
            <translation>已保存的运行记录。</translation>
        </message>
        <message>
            <source>Its frame (default: the first with routing).</source>
            <translation>其帧（默认：第一个含路由的帧）。</translation>
        </message>
        <message>
            <source>A second stored run, compared layer by layer.</source>
            <translation>第二条已保存的运行记录，用于逐层比较。</translation>
        </message>
        <message>
            <source>The PDF to write.</source>
            <translation>要写入的 PDF。</translation>
        </message>
        <message>
            <source>Keep identifying DICOM fields and the input's folder in the report.</source>
            <translation>在报告中保留 DICOM 身份识别字段和输入文件所在文件夹。</translation>
        </message>
        <message>
            <source>moescope-cli report: --run ID and --out FILE.pdf are required</source>
            <translation>moescope-cli report：必须指定 --run ID 和 --out FILE.pdf</translation>
        </message>
        <message>
            <source>run %1 has no frame %2</source>
            <translation>运行记录 %1 没有第 %2 帧</translation>
        </message>
        <message>
            <source>The picture (%1) is no longer there.</source>
            <translation>图像（%1）已不存在。</translation>
        </message>
        <message>
            <source>The picture could not be read (%1).</source>
            <translation>无法读取图像（%1）。</translation>
        </message>
        <message>
            <source>The picture has changed since the run: it is left out.</source>
            <translation>运行后图像已被修改：已略去。</translation>
        </message>
        <message>
            <source>%1: report of run %2 written</source>
            <translation>%1：已写入运行记录 %2 的报告</translation>
        </message>
        <message>
            <source>Image, DICOM file, series folder or volume.</source>
            <translation>图像、DICOM 文件、序列文件夹或体数据。</translation>
        </message>
        <message>
            <source>moescope-cli info: give exactly one PATH</source>
            <translation>moescope-cli info：请只指定一个 PATH</translation>
        </message>
        <message>
            <source>Run database.</source>
            <translation>运行数据库。</translation>
        </message>
        <message>
            <source>At most N runs.</source>
            <translation>最多 N 条运行记录。</translation>
        </message>
        <message numerus="yes">
            <source>%n stored path(s) replaced by file names in %1</source>
            <translation>
                <numerusform>%1 中 %n 个已保存路径已替换为文件名</numerusform>
            </translation>
        </message>
        <message>
            <source>Gallery to rename.</source>
            <translation>要重命名的图库。</translation>
        </message>
        <message>
            <source>Its new name.</source>
            <translation>新名称。</translation>
        </message>
        <message>
            <source>Gallery to delete.</source>
            <translation>要删除的图库。</translation>
        </message>
        <message>
            <source>moescope-cli galleries: --rename NAME --to NEW, or --delete NAME</source>
            <translation>moescope-cli galleries：--rename NAME --to NEW，或 --delete NAME</translation>
        </message>
        <message>
            <source>%1: there is no gallery "%2"</source>
            <translation>%1：不存在图库“%2”</translation>
        </message>
        <message>
            <source>%1: %2 item(s) from %3 file(s), model %4, %5-d "%6"</source>
            <translation>%1：来自 %3 个文件的 %2 个条目，模型 %4，%5 维“%6”</translation>
        </message>
        <message>
            <source>no galleries in %1</source>
            <translation>%1 中没有图库</translation>
        </message>
        <message>
            <source>Perturbed passes (default 16).</source>
            <translation>扰动次数（默认 16）。</translation>
        </message>
        <message>
            <source>Noise, standard deviation on the 0-1 pixel scale (0.02).</source>
            <translation>噪声，即 0-1 像素值尺度上的标准差（0.02）。</translation>
        </message>
        <message>
            <source>Random shift, pixels each way (2).</source>
            <translation>随机平移，每个方向的像素数（2）。</translation>
        </message>
        <message>
            <source>The frame (default 0).</source>
            <translation>帧（默认 0）。</translation>
        </message>
        <message>
            <source>Random seed (1).</source>
            <translation>随机种子（1）。</translation>
        </message>
        <message>
            <source>Folder for each layer's flip-rate and entropy maps.</source>
            <translation>存放各层翻转率图和熵图的文件夹。</translation>
        </message>
        <message>
            <source>moescope-cli stability: --passes takes 1-10000, --noise, --shift and --frame numbers from 0</source>
            <translation>moescope-cli stability：--passes 取 1-10000，--noise、--shift 和 --frame 取从 0 起的数</translation>
        </message>
        <message>
            <source>%1: %2 % of tokens' top-1 expert flips on average; rank correlation with entropy %3</source>
            <translation>%1：平均 %2 % 的 token 的 Top-1 专家发生翻转；与熵的秩相关 %3</translation>
        </message>
        <message>
            <source>%1 passes (noise %2, shift up to %3 px): the answer ("%4") changed by %5 on average</source>
            <translation>%1 次扰动（噪声 %2，平移最多 %3 px）：输出（“%4”）平均变化 %5</translation>
        </message>
        <message>
            <source>; pick another with --series UID</source>
            <translation>；可使用 --series UID 选择其他序列</translation>
        </message>
        <message>
            <source>warning: %1: %2</source>
            <translation>警告：%1：%2</translation>
        </message>
        <message>
            <source>  kind      %1</source>
            <translation>  类型      %1</translation>
        </message>
        <message>
            <source>  size      %1 x %2, %3 channel(s), %4 frame(s)</source>
            <translation>  尺寸      %1 x %2，%3 个通道，%4 帧</translation>
        </message>
        <message>
            <source>  modality  %1</source>
            <translation>  模态      %1</translation>
        </message>
        <message>
            <source>  series    %1</source>
            <translation>  序列      %1</translation>
        </message>
        <message>
            <source>  series in the folder:</source>
            <translation>  文件夹中的序列：</translation>
        </message>
        <message>
            <source>%1 file(s), %2 x %3, %4%5</source>
            <translation>%1 个文件，%2 x %3，%4%5</translation>
        </message>
        <message>
            <source>Image, DICOM, series folder or volume.</source>
            <translation>图像、DICOM、序列文件夹或体数据。</translation>
        </message>
        <message>
            <source>Folder for the overlay, expert grids, top-1 maps and result.json.</source>
            <translation>存放叠加图层、专家网格、Top-1 专家图和 result.json 的文件夹。</translation>
        </message>
        <message>
            <source>Switch an expert off.</source>
            <translation>关闭一个专家。</translation>
        </message>
        <message>
            <source>Frames (steps) to run, A:B inclusive.</source>
            <translation>要运行的帧（步骤），A:B（含两端）。</translation>
        </message>
        <message>
            <source>Do not store the run.</source>
            <translation>不保存运行记录。</translation>
        </message>
        <message>
            <source>moescope-cli run: --model and --input are required</source>
            <translation>moescope-cli run：必须指定 --model 和 --input</translation>
        </message>
        <message>
            <source>moescope-cli run: --device is auto, cpu or cuda, not "%1"</source>
            <translation>moescope-cli run：--device 应为 auto、cpu 或 cuda，而不是“%1”</translation>
        </message>
        <message>
            <source>moescope-cli run: --disable-expert takes LAYER:EXPERT, not "%1"</source>
            <translation>moescope-cli run：--disable-expert 需要 LAYER:EXPERT，而不是“%1”</translation>
        </message>
        <message>
            <source>moescope-cli run: --frames takes A:B, not "%1"</source>
            <translation>moescope-cli run：--frames 需要 A:B，而不是“%1”</translation>
        </message>
        <message>
            <source>moescope-cli run: %1</source>
            <translation>moescope-cli run：%1</translation>
        </message>
        <message>
            <source>%1 on %2 (%3): %4 step(s) in %5 ms</source>
            <translation>%1 处理 %2（%3）：%4 个步骤，用时 %5 ms</translation>
        </message>
        <message>
            <source>: entropy %1 nats, load</source>
            <translation>：熵 %1 nats，负载</translation>
        </message>
        <message>
            <source>Stores to copy runs from (files or URLs).</source>
            <translation>要从中复制运行记录的数据库（文件或 URL）。</translation>
        </message>
        <message>
            <source>moescope-cli merge: name at least one store to merge from</source>
            <translation>moescope-cli merge：请至少指定一个要合并的源数据库</translation>
        </message>
        <message>
            <source>%1: the target itself cannot be merged into it</source>
            <translation>%1：不能将目标数据库合并到其自身</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) copied into %1</source>
            <translation>
                <numerusform>已将 %n 条运行记录复制到 %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> (%n already there)</source>
            <translation>
                <numerusform>（%n 条已存在）</numerusform>
            </translation>
        </message>
        <message>
            <source>Run database: an SQLite file (default: the app's data location) or a PostgreSQL URL, postgresql://[user@]host[:port]/dbname or postgresql:///dbname?host=/socket/folder.</source>
            <translation>运行数据库：SQLite 文件（默认：应用的数据目录）或 PostgreSQL URL，postgresql://[user@]host[:port]/dbname 或 postgresql:///dbname?host=/socket/folder。</translation>
        </message>
        <message>
            <source>Write an sbatch script for a Slurm job array to FILE instead of analysing here.</source>
            <translation>将 Slurm 作业数组的 sbatch 脚本写入 FILE，而不在本机分析。</translation>
        </message>
        <message>
            <source>Array tasks, one shard each (default: one per file, at most 32).</source>
            <translation>数组任务数，每个任务处理一个分片（默认：每个文件一个，最多 32 个）。</translation>
        </message>
        <message>
            <source>Slurm partition.</source>
            <translation>Slurm 分区。</translation>
        </message>
        <message>
            <source>Time limit per task, as sbatch takes it.</source>
            <translation>每个任务的时间限制，格式与 sbatch 相同。</translation>
        </message>
        <message>
            <source>Submit the script with sbatch.</source>
            <translation>用 sbatch 提交该脚本。</translation>
        </message>
        <message>
            <source>moescope-cli batch: --array takes N &gt;= 1</source>
            <translation>moescope-cli batch：--array 需要 N &gt;= 1</translation>
        </message>
        <message>
            <source>moescope-cli batch: --slurm needs --db (a PostgreSQL URL the nodes reach, or an SQLite file on a shared folder)</source>
            <translation>moescope-cli batch：--slurm 需要 --db（计算节点可访问的 PostgreSQL URL，或共享文件夹中的 SQLite 文件）</translation>
        </message>
        <message>
            <source>%1: cannot write the sbatch script: %2</source>
            <translation>%1：无法写入 sbatch 脚本：%2</translation>
        </message>
        <message>
            <source>wrote %1: %2 file(s) in %3 array task(s)</source>
            <translation>已写入 %1：%2 个文件，分为 %3 个数组任务</translation>
        </message>
        <message>
            <source>each task stores its runs in %1; merge them afterwards with moescope-cli merge --db %2 %3</source>
            <translation>每个任务将其运行记录保存到 %1；之后请用 moescope-cli merge --db %2 %3 合并</translation>
        </message>
        <message>
            <source>sbatch: not found; is this a Slurm login node? The script is written and can be submitted from one</source>
            <translation>sbatch：未找到；这是 Slurm 登录节点吗？脚本已写入，可在登录节点上提交</translation>
        </message>
        <message>
            <source>sbatch: could not submit %1: %2</source>
            <translation>sbatch：无法提交 %1：%2</translation>
        </message>
        <message>
            <source>submitted job array %1 (%2 task(s))</source>
            <translation>已提交作业数组 %1（%2 个任务）</translation>
        </message>
        <message>
            <source>A folder (every file below it), a text file listing one path per line, or a PACS query: pacs://NODE?patient-id=ID&amp;modality=CT&amp;date=D…</source>
            <translation>文件夹（其下的所有文件）、每行列出一个路径的文本文件，或 PACS 查询：pacs://NODE?patient-id=ID&amp;modality=CT&amp;date=D…</translation>
        </message>
        <message>
            <source>Folder (recursive) or file to index, or a PACS query: pacs://NODE?patient-id=ID&amp;modality=CT…</source>
            <translation>要建立索引的文件夹（递归）或文件，或 PACS 查询：pacs://NODE?patient-id=ID&amp;modality=CT…</translation>
        </message>
        <message>
            <source>auto (exact up to 200,000 items, else FAISS IVF-PQ), exact or approximate.</source>
            <translation>auto（不超过 200,000 个条目时精确检索，否则使用 FAISS IVF-PQ）、exact 或 approximate。</translation>
        </message>
        <message>
            <source>moescope-cli retrieve: --index takes auto, exact or approximate</source>
            <translation>moescope-cli retrieve：--index 需要 auto、exact 或 approximate</translation>
        </message>
        <message>
            <source>%1: unknown PACS query key "%2" (known: %3)</source>
            <translation>%1：未知的 PACS 查询键“%2”（已知：%3）</translation>
        </message>
        <message>
            <source>%1: a PACS input needs at least one key (%2)</source>
            <translation>%1：PACS 输入至少需要一个键（%2）</translation>
        </message>
        <message>
            <source>%1: no study matches</source>
            <translation>%1：没有匹配的检查</translation>
        </message>
        <message>
            <source>retrieving series %1 of %2 (%3 instance(s)) from %4</source>
            <translation>正在从 %4 获取 %2 的序列 %1（%3 个实例）</translation>
        </message>
        <message>
            <source>%1: %2 study(ies), %3 series, %4 file(s) in %5</source>
            <translation>%1：%2 个检查，%3 个序列，%4 个文件，位于 %5</translation>
        </message>
        <message>
            <source>moescope-cli pacs: say echo, find or get</source>
            <translation>moescope-cli pacs：请指定 echo、find 或 get</translation>
        </message>
        <message>
            <source>A node named in the settings, or AET@HOST:PORT.</source>
            <translation>设置中命名的节点，或 AET@HOST:PORT。</translation>
        </message>
        <message>
            <source>Our AE title (default MOESCOPE).</source>
            <translation>本机 AE 标题（默认 MOESCOPE）。</translation>
        </message>
        <message>
            <source>Seconds to wait for the node (default 10).</source>
            <translation>等待节点响应的秒数（默认 10）。</translation>
        </message>
        <message>
            <source>Patient ID.</source>
            <translation>患者 ID。</translation>
        </message>
        <message>
            <source>Patient name; * and ? match anything.</source>
            <translation>患者姓名；* 和 ? 可匹配任意字符。</translation>
        </message>
        <message>
            <source>Study date YYYYMMDD or range YYYYMMDD-YYYYMMDD.</source>
            <translation>检查日期 YYYYMMDD 或日期范围 YYYYMMDD-YYYYMMDD。</translation>
        </message>
        <message>
            <source>Modality, e.g. CT.</source>
            <translation>模态，如 CT。</translation>
        </message>
        <message>
            <source>Accession number.</source>
            <translation>检查号（Accession Number）。</translation>
        </message>
        <message>
            <source>Study Instance UID.</source>
            <translation>检查实例 UID（Study Instance UID）。</translation>
        </message>
        <message>
            <source>Series Instance UID.</source>
            <translation>序列实例 UID（Series Instance UID）。</translation>
        </message>
        <message>
            <source>Folder for the retrieved files (default: the cache).</source>
            <translation>存放所获取文件的文件夹（默认：缓存）。</translation>
        </message>
        <message>
            <source>moescope-cli pacs %1: --node is required</source>
            <translation>moescope-cli pacs %1：必须指定 --node</translation>
        </message>
        <message>
            <source>moescope-cli pacs: --timeout takes seconds &gt;= 1</source>
            <translation>moescope-cli pacs：--timeout 需要 &gt;= 1 的秒数</translation>
        </message>
        <message>
            <source>%1 answers C-ECHO</source>
            <translation>%1 响应了 C-ECHO</translation>
        </message>
        <message>
            <source>no series in study %1</source>
            <translation>检查 %1 中没有序列</translation>
        </message>
        <message>
            <source>no study on %1 matches</source>
            <translation>%1 上没有匹配的检查</translation>
        </message>
        <message>
            <source>moescope-cli pacs get: --study is required</source>
            <translation>moescope-cli pacs get：必须指定 --study</translation>
        </message>
        <message>
            <source>received %1 of %2</source>
            <translation>已接收 %1 / %2</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) retrieved into %1</source>
            <translation>
                <numerusform>已将 %n 个文件获取到 %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Index share I of N of the files (a job array's task; as batch --shard).</source>
            <translation>为 N 个分片中的第 I 个分片中的文件建立索引（作业数组的一个任务；同 batch --shard）。</translation>
        </message>
        <message>
            <source>moescope-cli index: --shard takes I/N with 1 &lt;= I &lt;= N</source>
            <translation>moescope-cli index：--shard 的取值为 I/N，且 1 &lt;= I &lt;= N</translation>
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
            <translation>用法：moescope-cli &lt;verb&gt; [选项]
  plugins [--json]                   已安装的任务插件
  models  [--json]                   内置和已注册的模型
  info PATH [--series UID] [--json]  图像 / 动态序列 / 序列 / 体数据的元数据
  run --model NAME|FILE --input PATH [--series UID] [--device auto|cpu|cuda]
      [--out DIR] [--db FILE] [--disable-expert LAYER:EXPERT]... [--frames A:B]
      [--json] [--choice NAME=VALUE]... [--image NAME=FILE]... [--batch N]
      [--routing-frames A:B]
      场景（SAR）：[--tile N] [--overlap N] [--band NAME]...
      [--filter none|lee|refined-lee|frost] [--region X,Y,W,H] [--cog]
  batch --model M --input DIR|LIST.txt [--out DIR] [--db FILE|URL] [--batch N]
      [--shard I/N] [--choice NAME=VALUE]... [--no-store] [--json]
      在一个进程中分析 DIR 下（或列表中）的所有文件；已分析过的文件会被跳过，
      按 Ctrl-C 中断时保留已完整处理的文件，--shard 将列表分配到多台机器
      --slurm FILE [--array N] [--partition P] [--time T] [--submit]：写入（并
      提交）Slurm 作业数组，每个任务处理一个分片（docs/lab.md）
  track --model M --input VIDEO|SEQUENCE|DATASET_DIR [--init X,Y,W,H] [--frames A:B]
      [--out DIR] [--video] [--db FILE] [--no-store] [--evaluate]
      [--protocol got10k|lasot|otb] [--routing-frames A:B] [--json]
      在视频或基准序列上运行跟踪器，并计算相应指标
  runs [--db FILE|URL] [--json]      已保存的运行记录，最新的在前
  compare --run A --run B [--frame-a N] [--frame-b N] [--db FILE] [--out DIR] [--json]
      逐层比较两条已保存运行记录的路由：Top-1 一致率、JS 散度、
      熵变化、top-k 集合的 Jaccard 系数、负载 JS；--out：将各图保存为 PNG
  signatures [--like RUN] [--limit N] [--db FILE] [--json]
      已保存运行记录的路由特征：相似度与二维 PCA 布局，
      或路由与 RUN 相似的运行记录
  paths --run ID [--frame N] [--db FILE] [--json]
      专家路径：每对相邻层之间，从各专家流向各专家的 token 数
  stability --model M --input PATH [--passes N] [--noise S] [--shift PX] [--frame N]
      [--seed N] [--out DIR] [--json]
      在微小扰动下各 token 的 Top-1 专家发生翻转的频率
  report --run ID [--frame N] [--compare ID] [--include-identifying] --out FILE.pdf
      将已保存的运行记录导出为 PDF：图像、Top-1 专家图、输出、路由、来源信息
  ablate --model M --input PATH [--layer L] [--frame N] [--keep-only] [--deletion]
      [--choice NAME=VALUE]... [--image NAME=FILE]... [--csv FILE] [--json]
      依次关闭每个专家：输出的变化与该专家负载对照
  bench --model NAME|FILE [--device ...] [--batch N] [--iterations N]
      [--blas-threads N] [--no-peak] [--json]
      前向传播延迟、达到的 GFLOP/s 以及本机矩阵乘法峰值
图库（适用于其插件可构建图库的模型，如 ct-retrieval）：
  index --model M --input DIR [--db FILE] --gallery NAME [--batch N] [--shard I/N]
      [--json]
      为包含层面、序列和体数据的文件夹建立索引（可断点续传；按 Ctrl-C
      中断时保留已完整处理的文件）
  retrieve --model M --input FILE [--db FILE] --gallery NAME [--top K]
      [--frame N] [--region X,Y,W,H] [--json]    最相近的图库条目
  retrieve --model M --gallery NAME --evaluate [--input DIR] [--top K]
      mAP@K，采用留一法或基于带标签的查询
  galleries [--db FILE] [--rename NAME --to NEW | --delete NAME] [--json]
实验室（docs/lab.md）：
  pacs echo|find|get --node NAME|AET@HOST:PORT [--aet AET] [--timeout S] [--json]
      find：[--patient-id ID] [--patient-name NAME] [--date YYYYMMDD[-YYYYMMDD]]
      [--modality M] [--accession A] [--study UID：列出其序列]；get：--study UID
      [--series UID] [--out DIR]：C-GET 到缓存（或 DIR），按 Ctrl-C 取消
      batch 和 index 的 --input 也可以是 pacs://NODE?patient-id=ID&amp;modality=M&amp;
      date=D&amp;accession=A&amp;study=UID：先获取所有匹配的序列
  merge --db FILE|URL SOURCE... [--json]
      将其他数据库（如 Slurm 作业数组各分片的文件）中的运行记录复制到
      --db；已存在的运行记录不会重复复制
隐私：
  forget-paths [--db FILE] [--json]
      将所有已保存的输入路径替换为文件名（运行记录保留；之后重新打开
      运行记录的图像时需要重新找到该文件）
通用：--threads N 设置 LibTorch 的 CPU 线程数（默认：全部核心）。
</translation>
        </message>
    </context>
    <context>
        <name>moescope::ct::CtRetrievalPlugin</name>
        <message>
            <source>CT retrieval (global/local dual experts)</source>
            <translation>CT 检索（全局/局部双专家）</translation>
        </message>
        <message>
            <source>the image is empty</source>
            <translation>图像为空</translation>
        </message>
        <message>
            <source>the query region %1×%2 at (%3, %4) is too small or outside the %5×%6 slice (8×8 pixels at least)</source>
            <translation>查询区域 %1×%2（位于 (%3, %4)）过小或超出 %5×%6 层面（至少 8×8 像素）</translation>
        </message>
        <message>
            <source>%1 is modality %2, not CT; the CT retrieval model reads Hounsfield units, so its matches may mean little</source>
            <translation>%1 的模态为 %2，不是 CT；CT 检索模型读取的是 HU 值（Hounsfield 单位），因此其匹配结果可能意义不大</translation>
        </message>
        <message>
            <source>%1 is a colour picture, not a CT slice in Hounsfield units; the model's HU windows see its 0-255 values</source>
            <translation>%1 是彩色图片，不是以 HU 值表示的 CT 层面；模型的 HU 窗将作用于其 0-255 的像素值</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::AblationPanel</name>
        <message>
            <source>The MoE layer whose experts are switched off one at a time</source>
            <translation>逐一关闭其专家的 MoE 层</translation>
        </message>
        <message>
            <source>Each expert alone too</source>
            <translation>同时单独运行每个专家</translation>
        </message>
        <message>
            <source>Also run with only that expert on in its layer</source>
            <translation>同时在该层中仅开启该专家运行</translation>
        </message>
        <message>
            <source>Deletion curves</source>
            <translation>删除曲线</translation>
        </message>
        <message>
            <source>Remove each expert's patches, most confident first (10-90 %), and plot how the answer holds up</source>
            <translation>按置信度从高到低移除每个专家的图像块（10-90 %），并绘制输出的保持情况</translation>
        </message>
        <message>
            <source>Sweep</source>
            <translation>逐一消融</translation>
        </message>
        <message>
            <source>Run the model once per expert with that expert switched off, on the frame shown</source>
            <translation>在当前显示的帧上，每个专家运行一次模型，每次关闭该专家</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>模式</translation>
        </message>
        <message>
            <source>Load</source>
            <translation>负载</translation>
        </message>
        <message>
            <source>Effect</source>
            <translation>影响</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Later layers agree</source>
            <translation>后续层一致率</translation>
        </message>
        <message>
            <source>How much the answer changed: total variation of the class probabilities, 1 − Dice of the label maps, 1 − cosine of the embeddings or 1 − IoU of the boxes</source>
            <translation>输出的变化程度：类别概率的总变差、标签图的 1 − Dice、嵌入向量的 1 − 余弦相似度或边界框的 1 − IoU</translation>
        </message>
        <message>
            <source>Top-1 agreement of the layers after this one with the unablated run</source>
            <translation>此层之后各层与未消融运行的 Top-1 一致率</translation>
        </message>
        <message>
            <source>Run with this expert off</source>
            <translation>关闭此专家后运行</translation>
        </message>
        <message>
            <source>Run the picture again with the chosen row's change, store it and compare it with the run shown</source>
            <translation>按所选行的设置重新运行该图像，保存结果并与当前显示的运行记录比较</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Load and effect per expert</source>
            <translation>各专家的负载与影响</translation>
        </message>
        <message>
            <source>Run with only this expert on</source>
            <translation>仅开启此专家运行</translation>
        </message>
        <message>
            <source>Export ablation</source>
            <translation>导出消融结果</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Every layer</source>
            <translation>所有层</translation>
        </message>
        <message numerus="yes">
            <source>%1: %2 (%n experts)</source>
            <translation>
                <numerusform>%1：%2（%n 个专家）</numerusform>
            </translation>
        </message>
        <message>
            <source>Load a model that takes an expert_mask to switch its experts off.</source>
            <translation>请加载具有 expert_mask 输入的模型，以关闭其专家。</translation>
        </message>
        <message>
            <source>Switch each expert of a layer off in turn and measure how the answer changes, beside how much of the routing it gets.</source>
            <translation>依次关闭某层的每个专家，测量输出的变化，并与该专家获得的路由份额对照。</translation>
        </message>
        <message>
            <source>Model %1 takes no expert_mask input: its experts cannot be switched off (docs/model-contract.md, "Expert ablation").</source>
            <translation>模型 %1 没有 expert_mask 输入：无法关闭其专家（docs/model-contract.md，“Expert ablation”）。</translation>
        </message>
        <message>
            <source>%1; p(%2) = %3</source>
            <translation>%1；p(%2) = %3</translation>
        </message>
        <message>
            <source>alone</source>
            <translation>单独</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>layer %1: %2</source>
            <translation>第 %1 层：%2</translation>
        </message>
        <message>
            <source>Frame %1, effect on "%2" (%3): %4 passes, %5 ms of forward passes, %6 ms in all. Rank correlation of load and effect: %7.</source>
            <translation>第 %1 帧，对“%2”（%3）的影响：%4 次前向传播，前向传播用时 %5 ms，总计 %6 ms。负载与影响的秩相关：%7。</translation>
        </message>
        <message>
            <source>Share of the load</source>
            <translation>负载占比</translation>
        </message>
        <message>
            <source>Share of the effect of switching experts off</source>
            <translation>关闭专家所产生影响的占比</translation>
        </message>
        <message>
            <source>Layer %1: each expert's share of the load and of the effect, %</source>
            <translation>第 %1 层：各专家的负载占比与影响占比，%</translation>
        </message>
        <message>
            <source>Expert's patches removed, %</source>
            <translation>移除的专家图像块，%</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>得分</translation>
        </message>
        <message>
            <source>Deletion curves: tick "Deletion curves" and sweep</source>
            <translation>删除曲线：勾选“删除曲线”后点击“逐一消融”</translation>
        </message>
        <message>
            <source>Layer %1: deletion curves</source>
            <translation>第 %1 层：删除曲线</translation>
        </message>
        <message numerus="yes">
            <source>expert %1 (%n tokens)</source>
            <translation>
                <numerusform>专家 %1（%n 个 token）</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::AlluvialView</name>
        <message>
            <source>Top-1 expert of each token from layer to layer; click a band to see its tokens on the image</source>
            <translation>各 token 的 Top-1 专家在各层间的去向；单击条带可在图像上查看其 token</translation>
        </message>
        <message>
            <source>Expert paths need two or more MoE layers that route tokens on one grid</source>
            <translation>专家路径需要至少两个在同一网格上路由 token 的 MoE 层</translation>
        </message>
        <message numerus="yes">
            <source>%1, expert %2: %n token(s)</source>
            <translation>
                <numerusform>%1，专家 %2：%n 个 token</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 expert %2 → %3 expert %4: %n token(s), %5 % of expert %2's</source>
            <translation>
                <numerusform>%1 专家 %2 → %3 专家 %4：%n 个 token，占专家 %2 的 %5 %</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::CinePlayer</name>
        <message>
            <source>Play / pause (Space)</source>
            <translation>播放 / 暂停（空格）</translation>
        </message>
        <message>
            <source>Previous frame (Left)</source>
            <translation>上一帧（左方向键）</translation>
        </message>
        <message>
            <source>Next frame (Right)</source>
            <translation>下一帧（右方向键）</translation>
        </message>
        <message>
            <source>Playback speed, relative to the file's frame time</source>
            <translation>播放速度，相对于文件中的帧间隔</translation>
        </message>
        <message>
            <source>Frame %1 / %2</source>
            <translation>帧 %1 / %2</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::CompareDialog</name>
        <message>
            <source>Query and hit side by side</source>
            <translation>查询与命中结果并排对比</translation>
        </message>
        <message>
            <source>Window</source>
            <translation>窗宽/窗位</translation>
        </message>
        <message>
            <source>One window/level for both images; drag with the right mouse button in either for your own</source>
            <translation>两幅图像使用同一窗宽/窗位；在任一图像中按住鼠标右键拖动可自行调整</translation>
        </message>
        <message>
            <source>From file</source>
            <translation>来自文件</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <source>Window-match heatmap</source>
            <translation>窗口匹配热图</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <source>Zoom out to the whole images (the wheel zooms, left-drag pans)</source>
            <translation>缩小至显示完整图像（滚轮缩放，左键拖动平移）</translation>
        </message>
        <message>
            <source>Query: %1, frame %2%3</source>
            <translation>查询：%1，第 %2 帧%3</translation>
        </message>
        <message>
            <source>, region %1 × %2 at (%3, %4)</source>
            <translation>，区域 %1 × %2，位于 (%3, %4)</translation>
        </message>
        <message>
            <source>#%1 · %2</source>
            <translation>#%1 · %2</translation>
        </message>
        <message>
            <source>query</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>Hit #%1: %2 (%3), frame %4 · score %5 · window score %6</source>
            <translation>命中结果 #%1：%2（%3），第 %4 帧 · 得分 %5 · 窗口得分 %6</translation>
        </message>
        <message>
            <source>no label</source>
            <translation>无标签</translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation>正在读取 %1…</translation>
        </message>
        <message>
            <source>⚠ %1 is no longer readable; its stored thumbnail is shown (8-bit, the window does not apply).</source>
            <translation>⚠ %1 已无法读取；显示其已保存的缩略图（8 位，窗宽/窗位不适用）。</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ComparisonWindow</name>
        <message>
            <source>Compare runs</source>
            <translation>比较运行记录</translation>
        </message>
        <message>
            <source>Link frames</source>
            <translation>联动帧</translation>
        </message>
        <message>
            <source>Step both runs together, keeping the frames' distance</source>
            <translation>两条运行记录同步步进，并保持帧间距</translation>
        </message>
        <message>
            <source>Export figures…</source>
            <translation>导出数值…</translation>
        </message>
        <message>
            <source>Save the figures of every layer as CSV</source>
            <translation>将每一层的数值保存为 CSV</translation>
        </message>
        <message>
            <source>Save picture…</source>
            <translation>保存图片…</translation>
        </message>
        <message>
            <source>Save the comparison as it is on screen, as PNG or SVG</source>
            <translation>将屏幕上显示的比较结果保存为 PNG 或 SVG</translation>
        </message>
        <message>
            <source>Top-1 agreement (black: the experts differ)</source>
            <translation>Top-1 一致性（黑色：专家不同）</translation>
        </message>
        <message>
            <source>Jensen–Shannon divergence, bits</source>
            <translation>Jensen–Shannon 散度，bits</translation>
        </message>
        <message>
            <source>Entropy change B − A, bits</source>
            <translation>熵变化 B − A，bits</translation>
        </message>
        <message>
            <source>Which per-token difference of the current layer is drawn</source>
            <translation>绘制当前层的哪种逐 token 差异</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Top-1 agreement</source>
            <translation>Top-1 一致率</translation>
        </message>
        <message>
            <source>Mean JS (bits)</source>
            <translation>平均 JS（bits）</translation>
        </message>
        <message>
            <source>Jaccard top-k</source>
            <translation>Jaccard top-k</translation>
        </message>
        <message>
            <source>Entropy A (bits)</source>
            <translation>熵 A（bits）</translation>
        </message>
        <message>
            <source>Entropy B (bits)</source>
            <translation>熵 B（bits）</translation>
        </message>
        <message>
            <source>Entropy change</source>
            <translation>熵变化</translation>
        </message>
        <message>
            <source>Load JS (bits)</source>
            <translation>负载 JS（bits）</translation>
        </message>
        <message>
            <source>Export figures</source>
            <translation>导出数值</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Save picture</source>
            <translation>保存图片</translation>
        </message>
        <message>
            <source>PNG (*.png);;SVG (*.svg)</source>
            <translation>PNG (*.png);;SVG (*.svg)</translation>
        </message>
        <message>
            <source>Compare runs %1 and %2</source>
            <translation>比较运行记录 %1 与 %2</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>The layers have %1 and %2 experts</source>
            <translation>两层分别有 %1 和 %2 个专家</translation>
        </message>
        <message>
            <source>The answers are not comparable (different outputs)</source>
            <translation>输出不可比较（输出不同）</translation>
        </message>
        <message>
            <source>How the answer changed, A → B: %1</source>
            <translation>输出的变化，A → B：%1</translation>
        </message>
        <message>
            <source>A: run %1</source>
            <translation>A：运行记录 %1</translation>
        </message>
        <message>
            <source>B: run %1</source>
            <translation>B：运行记录 %1</translation>
        </message>
        <message>
            <source>Layer %1: expert load, %; JS divergence %2 bits</source>
            <translation>第 %1 层：专家负载，%；JS 散度 %2 bits</translation>
        </message>
        <message>
            <source>Layer %1: expert load, % (%2 and %3 experts)</source>
            <translation>第 %1 层：专家负载，%（分别为 %2 和 %3 个专家）</translation>
        </message>
        <message>
            <source>No routing to compare</source>
            <translation>没有可比较的路由</translation>
        </message>
        <message>
            <source>Layer %1: no per-token difference (%2)</source>
            <translation>第 %1 层：无逐 token 差异（%2）</translation>
        </message>
        <message>
            <source>Colour scale %1 … %2</source>
            <translation>色阶 %1 … %2</translation>
        </message>
        <message>
            <source>Layer %1, %2 tokens: top-1 agreement %3 %, mean JS %4 bits, Jaccard %5, entropy %6 → %7 bits. Colours from %8 to %9.</source>
            <translation>第 %1 层，%2 个 token：Top-1 一致率 %3 %，平均 JS %4 bits，Jaccard %5，熵 %6 → %7 bits。颜色范围 %8 至 %9。</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ExpertPathsPanel</name>
        <message>
            <source>Draw region</source>
            <translation>绘制区域</translation>
        </message>
        <message>
            <source>Drag a rectangle on the image: the paths of its tokens only (switch off for every token)</source>
            <translation>在图像上拖出矩形：仅显示其中 token 的路径（关闭则显示所有 token）</translation>
        </message>
        <message>
            <source>Co-activation: tokens whose top-1 expert is the row's in the first layer and the column's in the next</source>
            <translation>共激活：在第一层中 Top-1 专家为该行专家、在下一层中为该列专家的 token</translation>
        </message>
        <message numerus="yes">
            <source>%n token(s) on a %1×%2 grid; click a band or a bar to see its tokens on the image</source>
            <translation>
                <numerusform>%1×%2 网格上的 %n 个 token；单击条带或柱条可在图像上查看其 token</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Layer %1, expert %2: %n token(s)</source>
            <translation>
                <numerusform>第 %1 层，专家 %2：%n 个 token</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Layer %1 expert %2 → layer %3 expert %4: %n token(s)</source>
            <translation>
                <numerusform>第 %1 层专家 %2 → 第 %3 层专家 %4：%n 个 token</numerusform>
            </translation>
        </message>
        <message>
            <source>No paths: fewer than two MoE layers route tokens on one grid. %1</source>
            <translation>无路径：在同一网格上路由 token 的 MoE 层少于两个。%1</translation>
        </message>
        <message numerus="yes">
            <source>%n token(s) on a %1×%2 grid; click a band or a bar to see its tokens on the image. %3</source>
            <translation>
                <numerusform>%1×%2 网格上的 %n 个 token；单击条带或柱条可在图像上查看其 token。%3</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n token(s) of the drawn region, on a %1×%2 grid; click a band or a bar to see its tokens on the image. %3</source>
            <translation>
                <numerusform>所绘区域中的 %n 个 token，位于 %1×%2 网格上；单击条带或柱条可在图像上查看其 token。%3</numerusform>
            </translation>
        </message>
        <message>
            <source>L%1 e%2</source>
            <translation>L%1 e%2</translation>
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
            <translation>查询失败：%1</translation>
        </message>
        <message>
            <source>Gallery</source>
            <translation>图库</translation>
        </message>
        <message>
            <source>Galleries of the run database: name, items, the model that built it</source>
            <translation>运行数据库中的图库：名称、条目数、构建所用的模型</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Index folder…</source>
            <translation>索引文件夹…</translation>
        </message>
        <message>
            <source>Index a folder of slices, series and volumes into a new or existing gallery; files already there are skipped</source>
            <translation>将包含层面、序列和体数据的文件夹索引到新的或已有的图库中；已在图库中的文件将被跳过</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Stop after the file being indexed; no file is left half indexed</source>
            <translation>处理完当前文件后停止；不会留下只索引了一半的文件</translation>
        </message>
        <message>
            <source>Query slice</source>
            <translation>查询层面</translation>
        </message>
        <message>
            <source>Search the gallery with the slice on screen (in the plane shown)</source>
            <translation>用屏幕上显示的层面（在当前显示平面中）检索图库</translation>
        </message>
        <message>
            <source>Query region</source>
            <translation>查询区域</translation>
        </message>
        <message>
            <source>Drag a rectangle on the image with the left button: the gallery is searched with that region</source>
            <translation>在图像上按住左键拖出矩形：用该区域检索图库</translation>
        </message>
        <message>
            <source>top </source>
            <translation>前 </translation>
        </message>
        <message>
            <source>Double-click a hit to compare it with the query side by side</source>
            <translation>双击命中结果，可与查询并排比较</translation>
        </message>
        <message>
            <source>The query appears here</source>
            <translation>查询图像显示在此处</translation>
        </message>
        <message>
            <source>Each query window's best match in the chosen hit (cosine of the window embeddings); the best window outlined</source>
            <translation>查询的每个窗口在所选命中结果中的最佳匹配（窗口嵌入向量的余弦相似度）；最佳窗口以轮廓标出</translation>
        </message>
        <message>
            <source>The chosen hit appears here</source>
            <translation>所选命中结果显示在此处</translation>
        </message>
        <message>
            <source>Each window of the hit: its best match among the query's windows; the best window outlined</source>
            <translation>命中结果的每个窗口：其在查询窗口中的最佳匹配；最佳窗口以轮廓标出</translation>
        </message>
        <message>
            <source>Window-match heatmap</source>
            <translation>窗口匹配热图</translation>
        </message>
        <message>
            <source>Compare…</source>
            <translation>比较…</translation>
        </message>
        <message>
            <source>The chosen hit next to the query in linked views</source>
            <translation>在联动视图中将所选命中结果与查询并排显示</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Query</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>Hit</source>
            <translation>命中结果</translation>
        </message>
        <message>
            <source>Mean router probability of each expert: over the tokens for a token-level layer, the image's gate for an image-level one</source>
            <translation>各专家的平均路由概率：token 级层取所有 token 的平均值，图像级层取图像的门控值</translation>
        </message>
        <message>
            <source>Load a retrieval model (a gallery task, such as ct-hmar-tiny) to index and query galleries.</source>
            <translation>请加载检索模型（图库类任务，如 ct-hmar-tiny）以建立图库索引并进行查询。</translation>
        </message>
        <message>
            <source>Load a retrieval model</source>
            <translation>加载检索模型</translation>
        </message>
        <message>
            <source>Model %1: pick or index a gallery, then query it with the slice on screen or a region of it.</source>
            <translation>模型 %1：选择或建立图库索引，然后用屏幕上的层面或其中的区域进行查询。</translation>
        </message>
        <message>
            <source>1 item</source>
            <translation>1 个条目</translation>
        </message>
        <message>
            <source>%1 items</source>
            <translation>%1 个条目</translation>
        </message>
        <message>
            <source>%1 — %2 · %3</source>
            <translation>%1 — %2 · %3</translation>
        </message>
        <message>
            <source> (another model)</source>
            <translation>（其他模型）</translation>
        </message>
        <message>
            <source>%1
%2 item(s) from %3 file(s), %4-value embeddings
built by %5 (sha256 %6…)
created %7</source>
            <translation>%1
来自 %3 个文件的 %2 个条目，%4 维嵌入向量
由 %5 构建（sha256 %6…）
创建于 %7</translation>
        </message>
        <message>
            <source>Index a folder of slices, series or volumes</source>
            <translation>索引包含层面、序列或体数据的文件夹</translation>
        </message>
        <message>
            <source>Index into gallery</source>
            <translation>索引到图库</translation>
        </message>
        <message>
            <source>Gallery (a new name creates one; files already in an existing gallery are skipped):</source>
            <translation>图库（输入新名称将新建图库；已有图库中已存在的文件将被跳过）：</translation>
        </message>
        <message>
            <source>Load a retrieval model first.</source>
            <translation>请先加载检索模型。</translation>
        </message>
        <message>
            <source>Wait for the indexing or query in progress.</source>
            <translation>请等待正在进行的索引或查询完成。</translation>
        </message>
        <message>
            <source>%1 does not exist.</source>
            <translation>%1 不存在。</translation>
        </message>
        <message>
            <source>The gallery needs a name.</source>
            <translation>图库需要名称。</translation>
        </message>
        <message>
            <source>Listing %1…</source>
            <translation>正在列出 %1…</translation>
        </message>
        <message>
            <source>Indexing %1 into "%2"…</source>
            <translation>正在将 %1 索引到“%2”…</translation>
        </message>
        <message>
            <source> — cancelling after this file…</source>
            <translation> — 处理完此文件后取消…</translation>
        </message>
        <message>
            <source>%1 file(s): %2 indexed (%3 item(s)), %4 already there, %5 failed · %6 images/s</source>
            <translation>%1 个文件：已索引 %2 个（%3 个条目），已存在 %4 个，失败 %5 个 · %6 图像/s</translation>
        </message>
        <message>
            <source> · cancelled (whole files only)</source>
            <translation> · 已取消（仅保留完整处理的文件）</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>警告：%1</translation>
        </message>
        <message numerus="yes">
            <source>Failures (%1)</source>
            <translation>
                <numerusform>失败（%1）</numerusform>
            </translation>
        </message>
        <message>
            <source>, warnings (%1)</source>
            <translation>，警告（%1）</translation>
        </message>
        <message>
            <source>Gallery "%1" is ready.</source>
            <translation>图库“%1”已就绪。</translation>
        </message>
        <message>
            <source>Indexing stopped: %1</source>
            <translation>索引已停止：%1</translation>
        </message>
        <message>
            <source>There is no gallery "%1" any more.</source>
            <translation>图库“%1”已不存在。</translation>
        </message>
        <message>
            <source>Rename gallery</source>
            <translation>重命名图库</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>新名称：</translation>
        </message>
        <message>
            <source>Not renamed: %1</source>
            <translation>未重命名：%1</translation>
        </message>
        <message>
            <source>Gallery "%1" is now "%2".</source>
            <translation>图库“%1”已重命名为“%2”。</translation>
        </message>
        <message>
            <source>Delete gallery</source>
            <translation>删除图库</translation>
        </message>
        <message numerus="yes">
            <source>Delete gallery "%1" and its %n item(s)? The image files stay where they are.</source>
            <translation>
                <numerusform>删除图库“%1”及其 %n 个条目？图像文件将保留在原位置。</numerusform>
            </translation>
        </message>
        <message>
            <source>Not deleted: %1</source>
            <translation>未删除：%1</translation>
        </message>
        <message>
            <source>Gallery "%1" deleted.</source>
            <translation>图库“%1”已删除。</translation>
        </message>
        <message>
            <source>Drag a rectangle on the image to query with it.</source>
            <translation>在图像上拖出矩形，即可用该区域进行查询。</translation>
        </message>
        <message>
            <source>Index a gallery first (Index folder…).</source>
            <translation>请先建立图库索引（索引文件夹…）。</translation>
        </message>
        <message>
            <source>This gallery cannot be queried with %1: %2</source>
            <translation>无法用 %1 查询此图库：%2</translation>
        </message>
        <message>
            <source>Open a slice, series or volume to query with.</source>
            <translation>请打开用于查询的层面、序列或体数据。</translation>
        </message>
        <message>
            <source>The region lies outside the image.</source>
            <translation>区域位于图像之外。</translation>
        </message>
        <message>
            <source>Querying "%1" with a %2 × %3 region of frame %4…</source>
            <translation>正在用第 %4 帧中 %2 × %3 的区域查询“%1”…</translation>
        </message>
        <message>
            <source>Querying "%1" with frame %2…</source>
            <translation>正在用第 %2 帧查询“%1”…</translation>
        </message>
        <message>
            <source>%1
frame %2 · score %3 · window score %4</source>
            <translation>%1
第 %2 帧 · 得分 %3 · 窗口得分 %4</translation>
        </message>
        <message>
            <source>query region</source>
            <translation>查询区域</translation>
        </message>
        <message>
            <source>query slice</source>
            <translation>查询层面</translation>
        </message>
        <message>
            <source>No thumbnail stored for %1</source>
            <translation>%1 没有已保存的缩略图</translation>
        </message>
        <message>
            <source>#%1 %2 · %3</source>
            <translation>#%1 %2 · %3</translation>
        </message>
        <message>
            <source>Hit #%1</source>
            <translation>命中结果 #%1</translation>
        </message>
        <message>
            <source>image-level gate</source>
            <translation>图像级门控</translation>
        </message>
        <message>
            <source>token-level, mean over tokens</source>
            <translation>token 级，所有 token 的平均值</translation>
        </message>
        <message numerus="yes">
            <source>%n hit(s) in "%1" (model %2 ms, search %3 ms; %4)</source>
            <translation>
                <numerusform>在“%1”中找到 %n 个命中结果（模型 %2 ms，检索 %3 ms；%4）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::LibraryPanel</name>
        <message>
            <source>Samples (double-click to open)</source>
            <translation>示例（双击打开）</translation>
        </message>
        <message>
            <source>The bundled samples by task; each names the model it was made for</source>
            <translation>按任务分类的内置示例；每个示例注明其适用的模型</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Model info…</source>
            <translation>模型信息…</translation>
        </message>
        <message>
            <source>The selected model's card and its moescope.json</source>
            <translation>所选模型的模型卡及其 moescope.json</translation>
        </message>
        <message>
            <source>Double-click a model to load it; bold: it fits the open image</source>
            <translation>双击模型即可加载；粗体：适用于当前打开的图像</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message numerus="yes">
            <source>%1 · %n MoE layer(s), experts %2 · plugin %3</source>
            <translation>
                <numerusform>%1 · %n 个 MoE 层，专家 %2 · 插件 %3</numerusform>
            </translation>
        </message>
        <message>
            <source>Fits the open image: %1</source>
            <translation>适用于当前打开的图像：%1</translation>
        </message>
        <message>
            <source>%1 · model %2</source>
            <translation>%1 · 模型 %2</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::MainWindow</name>
        <message>
            <source>Run %1: %2</source>
            <translation>运行记录 %1：%2</translation>
        </message>
        <message>
            <source> (experts off)</source>
            <translation>（已关闭专家）</translation>
        </message>
        <message>
            <source>Co&amp;mpare Selected Runs</source>
            <translation>比较所选运行记录(&amp;M)</translation>
        </message>
        <message>
            <source>The two runs selected in Runs side by side, with the difference of their routing</source>
            <translation>将在“运行记录”中选中的两条运行记录并排显示，并显示二者的路由差异</translation>
        </message>
        <message>
            <source>Compare &amp;With…</source>
            <translation>与其他运行记录比较(&amp;W)…</translation>
        </message>
        <message>
            <source>The result shown beside another stored run</source>
            <translation>将当前结果与另一条已保存的运行记录并排显示</translation>
        </message>
        <message>
            <source>Save &amp;Report (PDF)…</source>
            <translation>保存报告（PDF）(&amp;R)…</translation>
        </message>
        <message>
            <source>Run a model or reopen a stored run first; then save its report</source>
            <translation>请先运行模型或重新打开已保存的运行记录，然后再保存其报告</translation>
        </message>
        <message>
            <source>Save report</source>
            <translation>保存报告</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>The picture carries identifying DICOM fields (patient name, ID, birth date, institution…). Put them in the report?</source>
            <translation>该图像含有 DICOM 身份识别字段（患者姓名、ID、出生日期、机构…）。是否将其写入报告？</translation>
        </message>
        <message>
            <source>Report saved to %1</source>
            <translation>报告已保存到 %1</translation>
        </message>
        <message>
            <source>Routing &amp;Signatures…</source>
            <translation>路由特征(&amp;S)…</translation>
        </message>
        <message>
            <source>Many stored runs' routing side by side: similarity and a 2-D layout, and the runs most like the one shown</source>
            <translation>并排查看多条已保存运行记录的路由：相似度与二维布局，以及与当前运行记录最相似的运行记录</translation>
        </message>
        <message>
            <source>Expert ablation and routing stability</source>
            <translation>专家消融与路由稳定性</translation>
        </message>
        <message>
            <source>Expert ablation</source>
            <translation>专家消融</translation>
        </message>
        <message>
            <source>Routing stability</source>
            <translation>路由稳定性</translation>
        </message>
        <message>
            <source>Expert &amp;Ablation and Stability…</source>
            <translation>专家消融与稳定性(&amp;A)…</translation>
        </message>
        <message>
            <source>Switch each expert of a layer off in turn and measure the change of the answer beside its load; or see how often tokens change expert under small perturbations</source>
            <translation>依次关闭某层的每个专家，测量输出的变化并与其负载对照；或观察微小扰动下 token 更换专家的频率</translation>
        </message>
        <message>
            <source>Expert paths</source>
            <translation>专家路径</translation>
        </message>
        <message>
            <source>Expert &amp;Paths</source>
            <translation>专家路径(&amp;P)</translation>
        </message>
        <message>
            <source>Where each token's top-1 expert goes from layer to layer</source>
            <translation>各 token 的 Top-1 专家在各层间的去向</translation>
        </message>
        <message>
            <source>&amp;Presentation Mode</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <source>Full screen, the picture and one overlay; the arrow keys step through the stored runs</source>
            <translation>全屏显示图像和一个叠加图层；用方向键逐条浏览已保存的运行记录</translation>
        </message>
        <message>
            <source>Select two runs in Runs to compare them</source>
            <translation>在“运行记录”中选择两条运行记录以进行比较</translation>
        </message>
        <message>
            <source>Run a model or reopen a stored run first; then compare it with another</source>
            <translation>请先运行模型或重新打开已保存的运行记录，然后再与其他运行记录比较</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3</source>
            <translation>运行记录 %1：%2（%3）</translation>
        </message>
        <message>
            <source>There is no other stored run to compare run %1 with</source>
            <translation>没有其他已保存的运行记录可与运行记录 %1 比较</translation>
        </message>
        <message>
            <source>Compare with</source>
            <translation>比较对象</translation>
        </message>
        <message>
            <source>Compare run %1 with:</source>
            <translation>将运行记录 %1 与以下运行记录比较：</translation>
        </message>
        <message>
            <source>The picture of this run is not open.</source>
            <translation>此运行记录的图像未打开。</translation>
        </message>
        <message>
            <source>There are no stored runs to present yet</source>
            <translation>尚无可演示的已保存运行记录</translation>
        </message>
        <message>
            <source>Comparing runs %1 and %2</source>
            <translation>正在比较运行记录 %1 和 %2</translation>
        </message>
        <message>
            <source>MoEScope — Mixture-of-Experts routing workbench</source>
            <translation>MoEScope — 混合专家（MoE）路由工作台</translation>
        </message>
        <message>
            <source>Runs cannot be stored: %1</source>
            <translation>无法保存运行记录：%1</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Open Image…</source>
            <translation>打开图像(&amp;O)…</translation>
        </message>
        <message>
            <source>Open image, DICOM file or volume</source>
            <translation>打开图像、DICOM 文件或体数据</translation>
        </message>
        <message>
            <source>Open an image, a DICOM file or cine, a volume, a SAR product or a video (%1)</source>
            <translation>打开图像、DICOM 文件或动态序列、体数据、SAR 产品或视频（%1）</translation>
        </message>
        <message>
            <source>Open DICOM &amp;Series Folder…</source>
            <translation>打开 DICOM 序列文件夹(&amp;S)…</translation>
        </message>
        <message>
            <source>Open DICOM series folder</source>
            <translation>打开 DICOM 序列文件夹</translation>
        </message>
        <message>
            <source>Add &amp;Model File…</source>
            <translation>添加模型文件(&amp;M)…</translation>
        </message>
        <message>
            <source>Add a TorchScript MoE model</source>
            <translation>添加 TorchScript MoE 模型</translation>
        </message>
        <message>
            <source>TorchScript models (*.pt)</source>
            <translation>TorchScript 模型 (*.pt)</translation>
        </message>
        <message>
            <source>&amp;Export Routing Images…</source>
            <translation>导出路由图像(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>运行(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Run Model</source>
            <translation>运行模型(&amp;R)</translation>
        </message>
        <message>
            <source>Run the model on the image and store the run (Ctrl+R)</source>
            <translation>对图像运行模型并保存运行记录（Ctrl+R）</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>Cancel the run or the loading in progress (Esc)</source>
            <translation>取消正在进行的运行或加载（Esc）</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Fit to Window</source>
            <translation>适应窗口(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Actual Size (1:1)</source>
            <translation>实际大小（1:1）(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Save Image View As…</source>
            <translation>图像视图另存为(&amp;S)…</translation>
        </message>
        <message>
            <source>Save image view</source>
            <translation>保存图像视图</translation>
        </message>
        <message>
            <source>PNG (*.png);;SVG (*.svg)</source>
            <translation>PNG (*.png);;SVG (*.svg)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Samples and models</source>
            <translation>示例与模型</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>运行记录</translation>
        </message>
        <message>
            <source>Double-click a run to reopen it without recomputing; select two and press Compare to see them side by side</source>
            <translation>双击运行记录即可重新打开，无需重新计算；选中两条并点击“比较”可并排查看</translation>
        </message>
        <message>
            <source>Gallery and query</source>
            <translation>图库与查询</translation>
        </message>
        <message>
            <source>Display</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Run options</source>
            <translation>运行选项</translation>
        </message>
        <message>
            <source>%1 of %2 tiles: the result fills in as they finish</source>
            <translation>已完成 %1 / %2 个分块：结果将随分块完成逐步显示</translation>
        </message>
        <message>
            <source>The image could not be opened.

%1</source>
            <translation>无法打开图像。

%1</translation>
        </message>
        <message>
            <source>Model %1 ready on %2 (loaded in %3 ms, warm-up %4 ms)</source>
            <translation>模型 %1 已在 %2 上就绪（加载用时 %3 ms，预热 %4 ms）</translation>
        </message>
        <message>
            <source>The model was refused.

%1</source>
            <translation>模型被拒绝。

%1</translation>
        </message>
        <message>
            <source>MoEScope</source>
            <translation>MoEScope</translation>
        </message>
        <message>
            <source>Still loading %1</source>
            <translation>仍在加载 %1</translation>
        </message>
        <message>
            <source>Loading %1…</source>
            <translation>正在加载 %1…</translation>
        </message>
        <message numerus="yes">
            <source>%1 holds %n series; choose one</source>
            <translation>
                <numerusform>%1 包含 %n 个序列；请选择一个</numerusform>
            </translation>
        </message>
        <message>
            <source>Opened %1</source>
            <translation>已打开 %1</translation>
        </message>
        <message>
            <source>%1 has changed since run %2 was made; its routing is shown over the file as it is now</source>
            <translation>%1 在运行记录 %2 生成后已被修改；将在文件当前内容上显示其路由</translation>
        </message>
        <message>
            <source>The image of this run (%1) is no longer there; its routing is shown without it.</source>
            <translation>此运行记录的图像（%1）已不存在；将仅显示其路由。</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3 — forward %4 ms, total %5 ms</source>
            <translation>运行记录 %1：%2（%3）— 前向 %4 ms，总计 %5 ms</translation>
        </message>
        <message>
            <source>%1 on %2</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Export routing images to</source>
            <translation>导出路由图像到</translation>
        </message>
        <message numerus="yes">
            <source>Wrote %n file(s) to %1</source>
            <translation>
                <numerusform>已将 %n 个文件写入 %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Recent &amp;Files</source>
            <translation>最近的文件(&amp;F)</translation>
        </message>
        <message>
            <source>Recent &amp;Models</source>
            <translation>最近的模型(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <source>Model &amp;Info…</source>
            <translation>模型信息(&amp;I)…</translation>
        </message>
        <message>
            <source>Pick a model first: its card is shown for the model in the toolbar.</source>
            <translation>请先选择模型：将显示工具栏中所选模型的模型卡。</translation>
        </message>
        <message>
            <source>&amp;User Guide</source>
            <translation>用户指南(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;About MoEScope</source>
            <translation>关于 MoEScope(&amp;A)</translation>
        </message>
        <message>
            <source>The window's saved layout could not be restored; the default is shown</source>
            <translation>无法恢复窗口已保存的布局；将显示默认布局</translation>
        </message>
        <message>
            <source>Colormap "%1" is not known; %2 is used</source>
            <translation>未知色图“%1”；将使用 %2</translation>
        </message>
        <message>
            <source>The last model could not be restored: %1</source>
            <translation>无法恢复上次使用的模型：%1</translation>
        </message>
        <message numerus="yes">
            <source>%n setting(s) could not be restored: %1</source>
            <translation>
                <numerusform>%n 项设置无法恢复：%1</numerusform>
            </translation>
        </message>
        <message>
            <source>Model %1 proposed: %2</source>
            <translation>推荐模型 %1：%2</translation>
        </message>
        <message>
            <source>%1 fits this file better (%2); the model you picked is kept</source>
            <translation>%1 更适合此文件（%2）；仍保留您所选的模型</translation>
        </message>
        <message>
            <source>%1: the file is no longer there; it was removed from the recent files</source>
            <translation>%1：文件已不存在；已从最近的文件中移除</translation>
        </message>
        <message>
            <source>%1 has no model card beside it</source>
            <translation>%1 旁没有模型卡</translation>
        </message>
        <message>
            <source>About MoEScope</source>
            <translation>关于 MoEScope</translation>
        </message>
        <message>
            <source>&lt;b&gt;MoEScope %1&lt;/b&gt;&lt;p&gt;Where the router sent each patch: per-expert heatmaps, top-1 maps, routing entropy and expert load for Mixture-of-Experts vision models.&lt;/p&gt;&lt;p&gt;Research software, not for clinical use.&lt;/p&gt;&lt;p&gt;Built with: %2&lt;/p&gt;&lt;p&gt;Settings: %3&lt;/p&gt;</source>
            <translation>&lt;b&gt;MoEScope %1&lt;/b&gt;&lt;p&gt;路由器将各图像块分配到何处：面向混合专家（MoE）视觉模型的逐专家热图、Top-1 专家图、路由熵和专家负载。&lt;/p&gt;&lt;p&gt;科研软件，不用于临床。&lt;/p&gt;&lt;p&gt;构建环境：%2&lt;/p&gt;&lt;p&gt;设置：%3&lt;/p&gt;</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>Run %1 (%2 on %3) arrived from %4@%5</source>
            <translation>收到来自 %4@%5 的运行记录 %1（%2，%3）</translation>
        </message>
        <message>
            <source>Open from &amp;PACS…</source>
            <translation>从 PACS 打开(&amp;P)…</translation>
        </message>
        <message>
            <source>Query a DICOM node (PACS) for studies and open a series</source>
            <translation>向 DICOM 节点（PACS）查询检查并打开序列</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ModelInfoDialog</name>
        <message>
            <source>Model info: %1</source>
            <translation>模型信息：%1</translation>
        </message>
        <message>
            <source>%1: %2 experts, top-%3</source>
            <translation>%1：%2 个专家，top-%3</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Task &lt;b&gt;%3&lt;/b&gt; · %4&lt;br&gt;%5&lt;br&gt;Licence: %6 · Reference: %7</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;任务 &lt;b&gt;%3&lt;/b&gt; · %4&lt;br&gt;%5&lt;br&gt;许可证：%6 · 参考文献：%7</translation>
        </message>
        <message>
            <source>This model has no card: there is no %1.md beside %2. Its moescope.json says:

%3</source>
            <translation>此模型没有模型卡：%2 旁没有 %1.md。其 moescope.json 内容如下：

%3</translation>
        </message>
        <message>
            <source>Model card</source>
            <translation>模型卡</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::OptionsDock</name>
        <message>
            <source>(the model's)</source>
            <translation>（模型默认）</translation>
        </message>
        <message>
            <source>whole scene</source>
            <translation>整个场景</translation>
        </message>
        <message>
            <source>Draw…</source>
            <translation>绘制…</translation>
        </message>
        <message>
            <source>Drag a rectangle on the image to run that part alone</source>
            <translation>在图像上拖出矩形，仅对该部分运行</translation>
        </message>
        <message>
            <source>Whole</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>%1 x %2 at %3, %4</source>
            <translation>%1 x %2，位于 %3, %4</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::PacsDialog</name>
        <message>
            <source>Open from PACS</source>
            <translation>从 PACS 打开</translation>
        </message>
        <message>
            <source>AE_TITLE@HOST:PORT, or a node from Settings</source>
            <translation>AE_TITLE@HOST:PORT，或设置中的节点</translation>
        </message>
        <message>
            <source>The DICOM node to query: one configured in File ▸ Settings, or typed as AE_TITLE@HOST:PORT. We call ourselves %1.</source>
            <translation>要查询的 DICOM 节点：在“文件 ▸ 设置”中配置的节点，或按 AE_TITLE@HOST:PORT 格式输入。本机的 AE 标题为 %1。</translation>
        </message>
        <message>
            <source>&amp;Test</source>
            <translation>测试(&amp;T)</translation>
        </message>
        <message>
            <source>Checks that the node answers (C-ECHO)</source>
            <translation>检查节点是否响应（C-ECHO）</translation>
        </message>
        <message>
            <source>&amp;Node:</source>
            <translation>节点(&amp;N)：</translation>
        </message>
        <message>
            <source>* and ? match anything, e.g. DOE^J*</source>
            <translation>* 和 ? 可匹配任意字符，如 DOE^J*</translation>
        </message>
        <message>
            <source>YYYYMMDD or YYYYMMDD-YYYYMMDD</source>
            <translation>YYYYMMDD 或 YYYYMMDD-YYYYMMDD</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Patient &amp;ID:</source>
            <translation>患者 ID(&amp;I)：</translation>
        </message>
        <message>
            <source>Patient na&amp;me:</source>
            <translation>患者姓名(&amp;M)：</translation>
        </message>
        <message>
            <source>Study &amp;date:</source>
            <translation>检查日期(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Accession number:</source>
            <translation>检查号(&amp;A)：</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>搜索(&amp;S)</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Patient ID</source>
            <translation>患者 ID</translation>
        </message>
        <message>
            <source>Patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <source>Modalities</source>
            <translation>模态</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>序列数</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Modality</source>
            <translation>模态</translation>
        </message>
        <message>
            <source>Instances</source>
            <translation>实例数</translation>
        </message>
        <message>
            <source>&amp;Open Series</source>
            <translation>打开序列(&amp;O)</translation>
        </message>
        <message>
            <source>Cancel &amp;Request</source>
            <translation>取消请求(&amp;R)</translation>
        </message>
        <message>
            <source>Calling %1…</source>
            <translation>正在连接 %1…</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>%1 answers</source>
            <translation>%1 已响应</translation>
        </message>
        <message>
            <source>No study matches</source>
            <translation>没有匹配的检查</translation>
        </message>
        <message numerus="yes">
            <source>%n study(ies) found</source>
            <translation>
                <numerusform>找到 %n 个检查</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n series in this study</source>
            <translation>
                <numerusform>此检查中有 %n 个序列</numerusform>
            </translation>
        </message>
        <message>
            <source>Received %1 of %2 instance(s)</source>
            <translation>已接收 %1 / %2 个实例</translation>
        </message>
        <message>
            <source>Received %1 instance(s)</source>
            <translation>已接收 %1 个实例</translation>
        </message>
        <message numerus="yes">
            <source>%n instance(s) retrieved</source>
            <translation>
                <numerusform>已获取 %n 个实例</numerusform>
            </translation>
        </message>
        <message>
            <source>Searching %1…</source>
            <translation>正在查询 %1…</translation>
        </message>
        <message>
            <source>Retrieving series %1…</source>
            <translation>正在获取序列 %1…</translation>
        </message>
        <message>
            <source>Modalit&amp;y:</source>
            <translation>模态(&amp;Y)：</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::PluginViewDock</name>
        <message>
            <source>Draw another stored run of this input beside this one</source>
            <translation>将此输入的另一条已保存运行记录与当前运行记录并排绘制</translation>
        </message>
        <message>
            <source>Compare with</source>
            <translation>比较对象</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::PresentationWindow</name>
        <message>
            <source>MoEScope presentation</source>
            <translation>MoEScope 演示</translation>
        </message>
        <message>
            <source>← → runs   ↑ ↓ layers   O overlay   Esc leaves</source>
            <translation>← → 运行记录   ↑ ↓ 层   O 叠加图层   Esc 退出</translation>
        </message>
        <message>
            <source> · layer %1 (%2)</source>
            <translation> · 第 %1 层（%2）</translation>
        </message>
        <message>
            <source> · top-1 expert</source>
            <translation> · Top-1 专家</translation>
        </message>
        <message>
            <source> · routing entropy</source>
            <translation> · 路由熵</translation>
        </message>
        <message>
            <source> · expert %1</source>
            <translation> · 专家 %1</translation>
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
            <translation>输出</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Show segmentation</source>
            <translation>显示分割</translation>
        </message>
        <message>
            <source>Show the model's segmentation instead of the routing overlay</source>
            <translation>显示模型的分割结果，而非路由叠加图层</translation>
        </message>
        <message>
            <source>Segmentation opacity</source>
            <translation>分割不透明度</translation>
        </message>
        <message>
            <source>What the overlay shows: the labels, or a descriptor the router saw</source>
            <translation>叠加图层显示的内容：标签，或路由器所见的描述符</translation>
        </message>
        <message>
            <source>Tile grid</source>
            <translation>分块网格</translation>
        </message>
        <message>
            <source>Outline the part of the scene each tile of the run gave</source>
            <translation>标出运行中每个分块所对应的场景区域</translation>
        </message>
        <message>
            <source>Score map</source>
            <translation>得分图</translation>
        </message>
        <message>
            <source>Lay the model's score map over the region it scored, its peak outlined</source>
            <translation>将模型的得分图叠加到其评分区域上，并标出峰值</translation>
        </message>
        <message>
            <source>x %1  y %2  value %3</source>
            <translation>x %1  y %2  值 %3</translation>
        </message>
        <message>
            <source>  map %1, %2</source>
            <translation>  地图坐标 %1, %2</translation>
        </message>
        <message>
            <source>  lat %1° lon %2°</source>
            <translation>  纬度 %1° 经度 %2°</translation>
        </message>
        <message>
            <source>nothing to export: no result on screen</source>
            <translation>无可导出内容：屏幕上没有结果</translation>
        </message>
        <message>
            <source>frame %1: routing summary only (full routing not kept)</source>
            <translation>第 %1 帧：仅有路由摘要（未保留完整路由）</translation>
        </message>
        <message>
            <source>%1 %2 km²</source>
            <translation>%1 %2 km²</translation>
        </message>
        <message>
            <source>labels</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>stitched labels</source>
            <translation>拼接后的标签</translation>
        </message>
        <message>
            <source>expert %1</source>
            <translation>专家 %1</translation>
        </message>
        <message>
            <source>Task-level gate: the probability each task gives each expert (computed on frame %1; a task-conditioned gate does not depend on the image)</source>
            <translation>任务级门控：各任务分配给各专家的概率（在第 %1 帧上计算；任务条件门控与图像无关）</translation>
        </message>
        <message>
            <source>label %1</source>
            <translation>标签 %1</translation>
        </message>
        <message>
            <source>%1: top-1 %2 (p %3)</source>
            <translation>%1：Top-1 %2（p %3）</translation>
        </message>
        <message>
            <source>maps (shown as overlays): %1</source>
            <translation>图（以叠加图层显示）：%1</translation>
        </message>
        <message>
            <source>%1-d embedding, norm %2</source>
            <translation>%1 维嵌入向量，范数 %2</translation>
        </message>
        <message>
            <source>score map</source>
            <translation>得分图</translation>
        </message>
        <message>
            <source>%1 (cut from frame %2): top-1 expert of its tokens, %3</source>
            <translation>%1（取自第 %2 帧）：其 token 的 Top-1 专家，%3</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::RoutingPanel</name>
        <message>
            <source>What the image view shows over the image</source>
            <translation>图像视图在图像上叠加显示的内容</translation>
        </message>
        <message>
            <source>Overlay</source>
            <translation>叠加图层</translation>
        </message>
        <message>
            <source>Colormap</source>
            <translation>色图</translation>
        </message>
        <message>
            <source>Stretch</source>
            <translation>拉伸</translation>
        </message>
        <message>
            <source>Map 0 … the layer's largest router probability to the full colormap instead of 0 … 1</source>
            <translation>将 0 … 该层最大路由概率映射到整个色图，而非 0 … 1</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <source>Router probability per expert</source>
            <translation>逐专家路由概率</translation>
        </message>
        <message>
            <source>Expert (top-1 colour)</source>
            <translation>专家（Top-1 颜色）</translation>
        </message>
        <message>
            <source>Load</source>
            <translation>负载</translation>
        </message>
        <message>
            <source>Mean p</source>
            <translation>平均 p</translation>
        </message>
        <message>
            <source>Expert load (top-1 share of tokens)</source>
            <translation>专家负载（token 的 Top-1 占比）</translation>
        </message>
        <message>
            <source>Move the mouse over the image to read the gate values of a token.</source>
            <translation>将鼠标移到图像上，可读取某个 token 的门控值。</translation>
        </message>
        <message>
            <source>Layer %1: %2</source>
            <translation>第 %1 层：%2</translation>
        </message>
        <message>
            <source>The model's MoE layers, first to last</source>
            <translation>模型的 MoE 层，从第一层到最后一层</translation>
        </message>
        <message>
            <source>&lt;b&gt;MoE layers.&lt;/b&gt; Each tab is one Mixture-of-Experts layer of the model. A router in each layer sends every token (an image patch) to its top-k experts; everything below shows the layer of the tab chosen.</source>
            <translation>&lt;b&gt;MoE 层。&lt;/b&gt;每个标签页对应模型的一个混合专家层。每层中的路由器将每个 token（一个图像块）发送到其 top-k 个专家；下方所有内容均显示所选标签页对应的层。</translation>
        </message>
        <message>
            <source>The layer's name, its number of experts, how many each token is sent to (top-k) and the token grid the routing lies on.</source>
            <translation>该层的名称、专家数、每个 token 被发送到的专家数（top-k），以及路由所在的 token 网格。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Overlay.&lt;/b&gt; &lt;i&gt;Top-1 expert&lt;/i&gt; colours each patch by the expert with the largest router probability (the colours of the legend). &lt;i&gt;Routing entropy&lt;/i&gt; shows how undecided the router is: 0 bits when one expert takes all, log2(experts) when all are equal. An expert's entry shows that expert's router probability. &lt;i&gt;None&lt;/i&gt; shows the picture alone.</source>
            <translation>&lt;b&gt;叠加图层。&lt;/b&gt;&lt;i&gt;Top-1 专家&lt;/i&gt;按路由概率最大的专家为每个图像块着色（颜色与图例一致）。&lt;i&gt;路由熵&lt;/i&gt;表示路由器的不确定程度：由一个专家独占时为 0 bits，所有专家概率相等时为 log2(专家数)。选择某个专家则显示该专家的路由概率。&lt;i&gt;无&lt;/i&gt;仅显示图像。</translation>
        </message>
        <message>
            <source>The colours for entropy and for an expert's probability</source>
            <translation>熵和专家概率所用的颜色</translation>
        </message>
        <message>
            <source>&lt;b&gt;Colormap.&lt;/b&gt; How values from low to high are coloured in the entropy and per-expert overlays and in the thumbnails; the top-1 map keeps the experts' colours.</source>
            <translation>&lt;b&gt;色图。&lt;/b&gt;熵叠加图层、逐专家叠加图层及缩略图中由低到高的数值如何着色；Top-1 专家图保留各专家的颜色。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Stretch.&lt;/b&gt; Off: probabilities 0 … 1 span the colormap, so maps of different experts compare directly. On: 0 … the layer's largest probability spans it, which brings out weak experts.</source>
            <translation>&lt;b&gt;拉伸。&lt;/b&gt;关闭：概率 0 … 1 覆盖整个色图，因此不同专家的图可直接比较。开启：0 … 该层最大概率覆盖整个色图，可突出较弱的专家。</translation>
        </message>
        <message>
            <source>How strongly the overlay covers the picture</source>
            <translation>叠加图层覆盖图像的程度</translation>
        </message>
        <message>
            <source>&lt;b&gt;Opacity.&lt;/b&gt; 0 % shows the picture only, 100 % the overlay only.</source>
            <translation>&lt;b&gt;不透明度。&lt;/b&gt;0 % 仅显示图像，100 % 仅显示叠加图层。</translation>
        </message>
        <message>
            <source>Click an expert's map to lay it over the image</source>
            <translation>单击某个专家的图，将其叠加到图像上</translation>
        </message>
        <message>
            <source>&lt;b&gt;Router probability per expert.&lt;/b&gt; One small map per expert of the layer: how likely the router sends each patch to that expert (bright: likely). Click one to lay it over the image.</source>
            <translation>&lt;b&gt;逐专家路由概率。&lt;/b&gt;该层每个专家一张小图：路由器将各图像块发送到该专家的可能性（越亮可能性越大）。单击某张小图可将其叠加到图像上。</translation>
        </message>
        <message>
            <source>The colormap's scale for the overlay shown</source>
            <translation>当前叠加图层的色图刻度</translation>
        </message>
        <message>
            <source>&lt;b&gt;Colour bar.&lt;/b&gt; The values the overlay's colours stand for: probability, or entropy in bits.</source>
            <translation>&lt;b&gt;色条。&lt;/b&gt;叠加图层颜色所代表的数值：概率，或以 bits 表示的熵。</translation>
        </message>
        <message>
            <source>Each expert's colour in the top-1 map, and its load</source>
            <translation>各专家在 Top-1 专家图中的颜色及其负载</translation>
        </message>
        <message>
            <source>&lt;b&gt;Top-1 legend.&lt;/b&gt; Each expert's colour in the top-1 map; &lt;i&gt;Load&lt;/i&gt; is the share of tokens whose top-1 expert it is, &lt;i&gt;Mean p&lt;/i&gt; its mean router probability over all tokens. A load far from 1/experts means the router favours or avoids it.</source>
            <translation>&lt;b&gt;Top-1 图例。&lt;/b&gt;各专家在 Top-1 专家图中的颜色；&lt;i&gt;负载&lt;/i&gt;是以该专家为 Top-1 专家的 token 占比，&lt;i&gt;平均 p&lt;/i&gt;是其在所有 token 上的平均路由概率。负载远离 1/专家数，说明路由器偏好或回避该专家。</translation>
        </message>
        <message>
            <source>The share of tokens each expert takes first</source>
            <translation>各专家作为首选专家获得的 token 占比</translation>
        </message>
        <message>
            <source>&lt;b&gt;Expert load.&lt;/b&gt; The top-1 share of tokens per expert as bars: a balanced router gives bars of equal height; a collapsed one gives one tall bar.</source>
            <translation>&lt;b&gt;专家负载。&lt;/b&gt;以柱状图显示各专家的 Top-1 token 占比：均衡的路由器各柱高度相同；发生坍缩的路由器只有一根高柱。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Gate values.&lt;/b&gt; The router probabilities of the token under the mouse, for every expert of the layer, the chosen top-k marked.</source>
            <translation>&lt;b&gt;门控值。&lt;/b&gt;鼠标所在 token 对该层每个专家的路由概率，并标出所选的 top-k。</translation>
        </message>
        <message>
            <source>No routing yet: open an image, pick a model and press Run.</source>
            <translation>尚无路由：请打开图像、选择模型并点击“运行”。</translation>
        </message>
        <message>
            <source>%1 experts, router %2, top-%3; %4 tokens%5; mean entropy %6 nats (%7% of uniform)</source>
            <translation>%1 个专家，路由器 %2，top-%3；%4 个 token%5；平均熵 %6 nats（均匀分布的 %7%）</translation>
        </message>
        <message>
            <source> on a %1×%2 grid</source>
            <translation>，位于 %1×%2 网格上</translation>
        </message>
        <message>
            <source> (a per-image decision)</source>
            <translation>（按图像决策）</translation>
        </message>
        <message>
            <source>Top-1 expert</source>
            <translation>Top-1 专家</translation>
        </message>
        <message>
            <source>Routing entropy</source>
            <translation>路由熵</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Expert: %1</source>
            <translation>专家：%1</translation>
        </message>
        <message>
            <source>Token %1 (row %2, col %3), entropy %4: %5</source>
            <translation>Token %1（第 %2 行，第 %3 列），熵 %4：%5</translation>
        </message>
        <message>
            <source>%1: click to show this expert's router probability over the image</source>
            <translation>%1：点击可在图像上显示该专家的路由概率</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::RoutingTimeline</name>
        <message>
            <source>Click to go to that frame</source>
            <translation>单击跳转到该帧</translation>
        </message>
        <message>
            <source>frame</source>
            <translation>帧</translation>
        </message>
        <message>
            <source>Top-1 share per frame, %1</source>
            <translation>每帧 Top-1 占比，%1</translation>
        </message>
        <message>
            <source> (solid: %1, dashed: %2)</source>
            <translation>（实线：%1，虚线：%2）</translation>
        </message>
        <message>
            <source>IoU, score</source>
            <translation>IoU，得分</translation>
        </message>
        <message>
            <source>IoU</source>
            <translation>IoU</translation>
        </message>
        <message>
            <source>score</source>
            <translation>得分</translation>
        </message>
        <message>
            <source>lost (IoU &lt; 0.5) or absent</source>
            <translation>丢失（IoU &lt; 0.5）或目标不存在</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::SceneView</name>
        <message>
            <source>Drop an image, a DICOM file or a volume here, or use File ▸ Open.</source>
            <translation>将图像、DICOM 文件或体数据拖放到此处，或使用“文件 ▸ 打开”。</translation>
        </message>
        <message>
            <source>window match</source>
            <translation>窗口匹配</translation>
        </message>
        <message>
            <source>%1 %2–%3</source>
            <translation>%1 %2–%3</translation>
        </message>
        <message>
            <source>%1%</source>
            <translation>%1%</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::SeriesDialog</name>
        <message>
            <source>Choose a series</source>
            <translation>选择序列</translation>
        </message>
        <message numerus="yes">
            <source>%1 holds %n DICOM series. Which one should be opened?</source>
            <translation>
                <numerusform>%1 包含 %n 个 DICOM 序列。要打开哪一个？</numerusform>
            </translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件数</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <source>Modality</source>
            <translation>模态</translation>
        </message>
        <message>
            <source>Series UID</source>
            <translation>序列 UID</translation>
        </message>
        <message>
            <source>Series %1</source>
            <translation>序列 %1</translation>
        </message>
        <message>
            <source>(no description)</source>
            <translation>（无描述）</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Automatic (GPU when there is one)</source>
            <translation>自动（有 GPU 时使用 GPU）</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <source>GPU (CUDA)</source>
            <translation>GPU（CUDA）</translation>
        </message>
        <message>
            <source>GPU (CUDA): none found</source>
            <translation>GPU（CUDA）：未找到</translation>
        </message>
        <message>
            <source>&amp;Device:</source>
            <translation>设备(&amp;D)：</translation>
        </message>
        <message numerus="yes">
            <source>Automatic (%n core(s))</source>
            <translation>
                <numerusform>自动（%n 个核心）</numerusform>
            </translation>
        </message>
        <message>
            <source>Threads LibTorch computes with on the CPU; takes effect at the next start</source>
            <translation>LibTorch 在 CPU 上计算所用的线程数；下次启动时生效</translation>
        </message>
        <message>
            <source>CPU &amp;threads:</source>
            <translation>CPU 线程数(&amp;T)：</translation>
        </message>
        <message>
            <source>The default (in the app's data folder)</source>
            <translation>默认（位于应用数据文件夹中）</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Run database</source>
            <translation>运行数据库</translation>
        </message>
        <message>
            <source>SQLite databases (*.sqlite *.db)</source>
            <translation>SQLite 数据库 (*.sqlite *.db)</translation>
        </message>
        <message>
            <source>Run data&amp;base:</source>
            <translation>运行数据库(&amp;B)：</translation>
        </message>
        <message>
            <source>System (%1)</source>
            <translation>跟随系统（%1）</translation>
        </message>
        <message>
            <source>Takes effect at the next start</source>
            <translation>下次启动时生效</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <source>T&amp;heme:</source>
            <translation>主题(&amp;H)：</translation>
        </message>
        <message>
            <source>Run the proposed model as soon as a file opens</source>
            <translation>打开文件后立即运行推荐的模型</translation>
        </message>
        <message>
            <source>&amp;Open:</source>
            <translation>打开(&amp;O)：</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>Tiles of a large scene (a SAR product) the image view keeps in memory</source>
            <translation>图像视图在内存中缓存的大场景（如 SAR 产品）分块</translation>
        </message>
        <message>
            <source>Tile &amp;cache:</source>
            <translation>分块缓存(&amp;C)：</translation>
        </message>
        <message>
            <source>Exports name the input's folder, not only its file name</source>
            <translation>导出内容包含输入文件所在文件夹的名称，而不仅是文件名</translation>
        </message>
        <message>
            <source>Off: an exported result.json holds no folder name that could identify a patient or a site</source>
            <translation>关闭：导出的 result.json 不含任何可能识别患者或机构的文件夹名称</translation>
        </message>
        <message>
            <source>&amp;Privacy:</source>
            <translation>隐私(&amp;P)：</translation>
        </message>
        <message>
            <source>Language, CPU threads and the run database take effect at the next start.</source>
            <translation>语言、CPU 线程数和运行数据库将在下次启动时生效。</translation>
        </message>
        <message>
            <source>The SQLite file runs are stored in, or a PostgreSQL database a lab shares (postgresql://user@host/dbname); takes effect at the next start</source>
            <translation>保存运行记录的 SQLite 文件，或实验室共用的 PostgreSQL 数据库（postgresql://user@host/dbname）；下次启动时生效</translation>
        </message>
        <message>
            <source>PACS nodes (File ▸ Open from PACS…, moescope-cli pacs --node)</source>
            <translation>PACS 节点（文件 ▸ 从 PACS 打开…，moescope-cli pacs --node）</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>AE title</source>
            <translation>AE 标题</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主机</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>&amp;Add Node</source>
            <translation>添加节点(&amp;A)</translation>
        </message>
        <message>
            <source>Remo&amp;ve Node</source>
            <translation>移除节点(&amp;V)</translation>
        </message>
        <message>
            <source>PACS %1</source>
            <translation>PACS %1</translation>
        </message>
        <message>
            <source>The AE title MoEScope calls itself; the PACS must know it</source>
            <translation>MoEScope 自身使用的 AE 标题；PACS 中须已登记该标题</translation>
        </message>
        <message>
            <source>every node needs a name</source>
            <translation>每个节点都需要名称</translation>
        </message>
        <message>
            <source>PACS node %1: %2</source>
            <translation>PACS 节点 %1：%2</translation>
        </message>
        <message>
            <source>O&amp;ur AE title:</source>
            <translation>本机 AE 标题(&amp;U)：</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Play or pause a cine</source>
            <translation>播放或暂停动态序列</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>空格</translation>
        </message>
        <message>
            <source>Previous / next frame</source>
            <translation>上一帧 / 下一帧</translation>
        </message>
        <message>
            <source>← / →</source>
            <translation>← / →</translation>
        </message>
        <message>
            <source>Zoom the image view</source>
            <translation>缩放图像视图</translation>
        </message>
        <message>
            <source>Wheel, pinch, + / −</source>
            <translation>滚轮、双指捏合、+ / −</translation>
        </message>
        <message>
            <source>Fit / actual size</source>
            <translation>适应窗口 / 实际大小</translation>
        </message>
        <message>
            <source>0 / 1</source>
            <translation>0 / 1</translation>
        </message>
        <message>
            <source>Step slices of a series</source>
            <translation>逐层浏览序列</translation>
        </message>
        <message>
            <source>Wheel (Ctrl+wheel zooms)</source>
            <translation>滚轮（Ctrl+滚轮缩放）</translation>
        </message>
        <message>
            <source>Window / level of a series</source>
            <translation>调整序列的窗宽/窗位</translation>
        </message>
        <message>
            <source>Right-drag</source>
            <translation>右键拖动</translation>
        </message>
        <message>
            <source>Pan</source>
            <translation>平移</translation>
        </message>
        <message>
            <source>Drag</source>
            <translation>拖动</translation>
        </message>
        <message>
            <source>What's This? on a control</source>
            <translation>控件的“这是什么？”帮助</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>按键</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::SignaturesWindow</name>
        <message>
            <source>Routing signatures</source>
            <translation>路由特征</translation>
        </message>
        <message>
            <source>Stored runs, or the items of a gallery</source>
            <translation>已保存的运行记录，或图库中的条目</translation>
        </message>
        <message>
            <source>Stored runs</source>
            <translation>已保存的运行记录</translation>
        </message>
        <message>
            <source>Gallery %1</source>
            <translation>图库 %1</translation>
        </message>
        <message>
            <source>Signatures compare only between runs whose layers have the same numbers of experts</source>
            <translation>路由特征仅在各层专家数相同的运行记录之间可比较</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Predicted label</source>
            <translation>预测标签</translation>
        </message>
        <message>
            <source>Experts per layer</source>
            <translation>每层专家数</translation>
        </message>
        <message>
            <source>Colour by</source>
            <translation>着色依据</translation>
        </message>
        <message>
            <source>Signatures, first two principal components</source>
            <translation>路由特征，前两个主成分</translation>
        </message>
        <message>
            <source>Similarity of two runs' routing: 1 − the mean JS divergence of their layers' loads (1: the same); double-click to open the row's run</source>
            <translation>两条运行记录路由的相似度：1 − 各层负载 JS 散度的平均值（1 表示相同）；双击可打开该行的运行记录</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行记录</translation>
        </message>
        <message>
            <source>Similarity</source>
            <translation>相似度</translation>
        </message>
        <message>
            <source>%1: there is no gallery "%2"</source>
            <translation>%1：不存在图库“%2”</translation>
        </message>
        <message>
            <source>gallery</source>
            <translation>图库</translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n item(s))</source>
            <translation>
                <numerusform>%1（%n 个条目）</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing here has routing to compare yet.</source>
            <translation>此处尚无可比较路由的内容。</translation>
        </message>
        <message numerus="yes">
            <source>%n gallery item(s) whose layers have %1 experts (their mean router probabilities). Click a point, or double-click a row, to open its file.</source>
            <translation>
                <numerusform>%n 个各层均有 %1 个专家的图库条目（取其平均路由概率）。单击某个点或双击某行可打开其文件。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) whose layers have %1 experts. Click a point, or double-click a row, to open its run.</source>
            <translation>
                <numerusform>%n 条各层均有 %1 个专家的运行记录。单击某个点或双击某行可打开该运行记录。</numerusform>
            </translation>
        </message>
        <message>
            <source>(no class)</source>
            <translation>（无类别）</translation>
        </message>
        <message>
            <source>PC 1</source>
            <translation>PC 1</translation>
        </message>
        <message>
            <source>PC 2</source>
            <translation>PC 2</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3 (%4)</source>
            <translation>运行记录 %1：%2（%3），%4</translation>
        </message>
        <message>
            <source>Run %1: %2 on %3</source>
            <translation>运行记录 %1：%2（%3）</translation>
        </message>
        <message>
            <source>Runs whose routing resembles run %1 most, first (double-click to open).</source>
            <translation>路由与运行记录 %1 最相似的运行记录，按相似度排列（双击打开）。</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::StabilityPanel</name>
        <message>
            <source>How many perturbed passes</source>
            <translation>扰动次数</translation>
        </message>
        <message>
            <source>Gaussian noise, standard deviation on the 0-1 pixel scale</source>
            <translation>高斯噪声，0-1 像素值尺度上的标准差</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source>Each pass shifts the picture by up to this many pixels each way</source>
            <translation>每次扰动将图像在各方向上平移至多此像素数</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>检验</translation>
        </message>
        <message>
            <source>Run the frame shown as it is and perturbed, on the worker</source>
            <translation>在后台工作线程上运行当前帧的原始版本和扰动版本</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Passes</source>
            <translation>扰动次数</translation>
        </message>
        <message>
            <source>Noise</source>
            <translation>噪声</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>平移</translation>
        </message>
        <message>
            <source>Flip rate of the top-1 expert (black 0, bright 1)</source>
            <translation>Top-1 专家翻转率（黑色 0，最亮 1）</translation>
        </message>
        <message>
            <source>Routing entropy of the unperturbed run</source>
            <translation>未扰动运行的路由熵</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>How firmly does the router hold its choices? Run the frame shown under small perturbations and see where tokens change expert.</source>
            <translation>路由器对其选择有多稳定？在微小扰动下运行当前帧，查看 token 在何处更换专家。</translation>
        </message>
        <message>
            <source>Load a model and open a picture to check its routing's stability.</source>
            <translation>加载模型并打开图像，以检验其路由稳定性。</translation>
        </message>
        <message>
            <source>%1: %2 % flip, rank correlation with entropy %3</source>
            <translation>%1：%2 % 翻转，与熵的秩相关 %3</translation>
        </message>
        <message>
            <source>Frame %1, %2 passes (noise %3, shift up to %4 px): the answer ("%5") changed by %6 on average; %7 ms.</source>
            <translation>第 %1 帧，%2 次扰动（噪声 %3，平移最多 %4 px）：输出（“%5”）平均变化 %6；%7 ms。</translation>
        </message>
        <message>
            <source>%1 … %2 bits</source>
            <translation>%1 … %2 bits</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::UserGuideWindow</name>
        <message>
            <source>MoEScope User Guide</source>
            <translation>MoEScope 用户指南</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>目录</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::ViewExport</name>
        <message>
            <source>Save as SVG…</source>
            <translation>另存为 SVG…</translation>
        </message>
        <message>
            <source>Save as PNG…</source>
            <translation>另存为 PNG…</translation>
        </message>
        <message>
            <source>Save view</source>
            <translation>保存视图</translation>
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
            <translation>导出为 CSV…</translation>
        </message>
        <message>
            <source>Export table</source>
            <translation>导出表格</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Saved by MoEScope</source>
            <translation>由 MoEScope 保存</translation>
        </message>
        <message>
            <source>%1: the picture could not be encoded</source>
            <translation>%1：无法编码图像</translation>
        </message>
    </context>
    <context>
        <name>moescope::gui::WorkbenchToolBar</name>
        <message>
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source> Model </source>
            <translation> 模型 </translation>
        </message>
        <message>
            <source> Device </source>
            <translation> 设备 </translation>
        </message>
        <message>
            <source>auto</source>
            <translation>自动</translation>
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
            <translation> 任务 </translation>
        </message>
        <message>
            <source>The model's task input: switching it re-runs the model</source>
            <translation>模型的任务输入：切换后将重新运行模型</translation>
        </message>
        <message>
            <source> Window </source>
            <translation> 窗宽/窗位 </translation>
        </message>
        <message>
            <source>Window/level of the slices; drag with the right mouse button in the image for your own (horizontal: width, vertical: level)</source>
            <translation>层面的窗宽/窗位；在图像中按住鼠标右键拖动可自行调整（水平：窗宽，垂直：窗位）</translation>
        </message>
        <message>
            <source>From file</source>
            <translation>来自文件</translation>
        </message>
        <message>
            <source>level %1 HU, width %2 HU</source>
            <translation>窗位 %1 HU，窗宽 %2 HU</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <source> Plane </source>
            <translation> 平面 </translation>
        </message>
        <message>
            <source>The plane the series is cut along; runs go to the frames shown</source>
            <translation>序列的重建平面；运行将作用于所显示的帧</translation>
        </message>
        <message>
            <source>Axial</source>
            <translation>轴位</translation>
        </message>
        <message>
            <source>Coronal</source>
            <translation>冠状位</translation>
        </message>
        <message>
            <source>Sagittal</source>
            <translation>矢状位</translation>
        </message>
    </context>
    <context>
        <name>moescope::model::Contract</name>
        <message>
            <source>%1 has no "%2"</source>
            <translation>%1 缺少“%2”</translation>
        </message>
        <message>
            <source>%1 "%2" must be a non-empty string</source>
            <translation>%1“%2”必须是非空字符串</translation>
        </message>
        <message>
            <source>%1 "%2" must be an integer from %3 to %4</source>
            <translation>%1“%2”必须是 %3 到 %4 之间的整数</translation>
        </message>
        <message>
            <source>%1 "%2" must be [rows, cols] of integers from 1 to %3</source>
            <translation>%1“%2”必须是 [rows, cols] 形式、取值为 1 到 %3 的整数</translation>
        </message>
        <message>
            <source>%1 must be a list of strings</source>
            <translation>%1 必须是字符串列表</translation>
        </message>
        <message>
            <source>%1 must be a list of numbers</source>
            <translation>%1 必须是数值列表</translation>
        </message>
        <message>
            <source>%1 must be an object</source>
            <translation>%1 必须是对象</translation>
        </message>
        <message>
            <source>%1 "quantity" is amplitude, intensity or db, not "%2"</source>
            <translation>%1“quantity”应为 amplitude、intensity 或 db，而不是“%2”</translation>
        </message>
        <message>
            <source>%1 needs "%2"</source>
            <translation>%1 需要“%2”</translation>
        </message>
        <message>
            <source>%1 "%2" must be [low, high] with low &lt; high</source>
            <translation>%1“%2”必须是 [low, high] 形式，且 low &lt; high</translation>
        </message>
        <message>
            <source>%1 "filter" must be a string</source>
            <translation>%1“filter”必须是字符串</translation>
        </message>
        <message>
            <source>inputs[%1]</source>
            <translation>inputs[%1]</translation>
        </message>
        <message>
            <source>input "%1"</source>
            <translation>输入“%1”</translation>
        </message>
        <message>
            <source>%1 is %2 x %3 x %4 values, more than %5 per image</source>
            <translation>%1 为 %2 x %3 x %4 个值，超过每幅图像 %5 个的上限</translation>
        </message>
        <message>
            <source>%1 "mean" and "std" must have one value per channel (%2)</source>
            <translation>%1“mean”和“std”必须每个通道各有一个值（%2）</translation>
        </message>
        <message>
            <source>%1 "std" values must be &gt; 0</source>
            <translation>%1“std”的值必须 &gt; 0</translation>
        </message>
        <message>
            <source>%1 "windows" must list one [center, width] per channel (%2)</source>
            <translation>%1“windows”必须为每个通道列出一个 [center, width]（%2）</translation>
        </message>
        <message>
            <source>%1 "windows" entries must be [center, width] with width &gt; 0</source>
            <translation>%1“windows”的条目必须是 [center, width] 形式，且 width &gt; 0</translation>
        </message>
        <message>
            <source>%1 of kind index needs a non-empty "choices" list</source>
            <translation>类型为 index 的 %1 需要非空的“choices”列表</translation>
        </message>
        <message>
            <source>%1 has unknown kind "%2" (expected image, index, vector or expert_mask)</source>
            <translation>%1 的类型“%2”未知（应为 image、index、vector 或 expert_mask）</translation>
        </message>
        <message>
            <source>output "%1"</source>
            <translation>输出“%1”</translation>
        </message>
        <message>
            <source>%1 of kind %2 needs a non-empty "labels" list</source>
            <translation>类型为 %2 的 %1 需要非空的“labels”列表</translation>
        </message>
        <message>
            <source>%1 uses a name reserved for routing tensors</source>
            <translation>%1 使用了为路由张量保留的名称</translation>
        </message>
        <message>
            <source>moe_layers[%1]</source>
            <translation>moe_layers[%1]</translation>
        </message>
        <message>
            <source>%1 "expert_names" has %2 names for %3 experts</source>
            <translation>%1“expert_names”为 %3 个专家提供了 %2 个名称</translation>
        </message>
        <message>
            <source>%1 "top_k" is larger than "experts"</source>
            <translation>%1“top_k”大于“experts”</translation>
        </message>
        <message>
            <source>%1 has no "tokens" (use [] for a per-image decision)</source>
            <translation>%1 缺少“tokens”（按图像决策时请使用 []）</translation>
        </message>
        <message>
            <source>%1 "tokens" must be a list</source>
            <translation>%1“tokens”必须是列表</translation>
        </message>
        <message>
            <source>%1 tokens[%2]</source>
            <translation>%1 tokens[%2]</translation>
        </message>
        <message>
            <source>%1 reaches past token %2</source>
            <translation>%1 超出了 token %2 的范围</translation>
        </message>
        <message>
            <source>%1 refers to "%2", which is not an image input</source>
            <translation>%1 引用了“%2”，但它不是图像输入</translation>
        </message>
        <message>
            <source>moescope.json is not valid JSON: %1</source>
            <translation>moescope.json 不是有效的 JSON：%1</translation>
        </message>
        <message>
            <source>moescope.json must hold a JSON object</source>
            <translation>moescope.json 必须包含一个 JSON 对象</translation>
        </message>
        <message>
            <source>moescope.json has schema %1; this MoEScope reads schema %2</source>
            <translation>moescope.json 的 schema 为 %1；当前 MoEScope 读取 schema %2</translation>
        </message>
        <message>
            <source>moescope.json "flops_per_image" must be a number &gt; 0</source>
            <translation>moescope.json“flops_per_image”必须是 &gt; 0 的数</translation>
        </message>
        <message>
            <source>moescope.json has no "inputs"</source>
            <translation>moescope.json 缺少“inputs”</translation>
        </message>
        <message>
            <source>moescope.json "inputs" must be a non-empty list</source>
            <translation>moescope.json“inputs”必须是非空列表</translation>
        </message>
        <message>
            <source>input "%1" is listed twice</source>
            <translation>输入“%1”被列出了两次</translation>
        </message>
        <message>
            <source>moescope.json "inputs" has no input of kind image</source>
            <translation>moescope.json“inputs”中没有类型为 image 的输入</translation>
        </message>
        <message>
            <source>moescope.json has no "outputs"</source>
            <translation>moescope.json 缺少“outputs”</translation>
        </message>
        <message>
            <source>moescope.json "outputs" must be a non-empty object</source>
            <translation>moescope.json“outputs”必须是非空对象</translation>
        </message>
        <message>
            <source>output "%1" "task_choice" "%2" is not a choice of any index input</source>
            <translation>输出“%1”的“task_choice”“%2”不是任何索引型输入的可选值</translation>
        </message>
        <message>
            <source>output "%1" refers to "%2", which is not an image input</source>
            <translation>输出“%1”引用了“%2”，但它不是图像输入</translation>
        </message>
        <message>
            <source>moescope.json has no "moe_layers"</source>
            <translation>moescope.json 缺少“moe_layers”</translation>
        </message>
        <message>
            <source>moescope.json "moe_layers" must be a non-empty list</source>
            <translation>moescope.json“moe_layers”必须是非空列表</translation>
        </message>
        <message>
            <source>moescope.json cannot be read: %1</source>
            <translation>无法读取 moescope.json：%1</translation>
        </message>
    </context>
    <context>
        <name>moescope::model::Engine</name>
        <message>
            <source>%1: not a TorchScript archive: %2</source>
            <translation>%1：不是 TorchScript 归档文件：%2</translation>
        </message>
        <message>
            <source>not a zip file</source>
            <translation>不是 zip 文件</translation>
        </message>
        <message>
            <source>%1: holds two moescope.json entries</source>
            <translation>%1：包含两个 moescope.json 条目</translation>
        </message>
        <message>
            <source>%1: its moescope.json is %2 MiB; at most 4 MiB</source>
            <translation>%1：其 moescope.json 为 %2 MiB；上限为 4 MiB</translation>
        </message>
        <message>
            <source>%1: its moescope.json cannot be read (damaged)</source>
            <translation>%1：无法读取其 moescope.json（已损坏）</translation>
        </message>
        <message>
            <source>%1: has no moescope.json</source>
            <translation>%1：缺少 moescope.json</translation>
        </message>
        <message>
            <source>%1: not a TorchScript model: %2</source>
            <translation>%1：不是 TorchScript 模型：%2</translation>
        </message>
        <message>
            <source>%1: damaged: the archive entry %2 does not match its checksum</source>
            <translation>%1：已损坏：归档条目 %2 与其校验和不符</translation>
        </message>
        <message>
            <source>%1: damaged: its zip directory cannot be read</source>
            <translation>%1：已损坏：无法读取其 zip 目录</translation>
        </message>
        <message>
            <source>cannot open the file (missing or unreadable)</source>
            <translation>无法打开文件（文件缺失或不可读）</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>文件为空</translation>
        </message>
        <message>
            <source>CUDA was asked for, but no CUDA device is available to LibTorch %1 on this machine (use --device auto or cpu)</source>
            <translation>请求使用 CUDA，但本机上 LibTorch %1 没有可用的 CUDA 设备（请使用 --device auto 或 cpu）</translation>
        </message>
        <message>
            <source>not a TorchScript model LibTorch %1 can load: %2</source>
            <translation>不是 LibTorch %1 可加载的 TorchScript 模型：%2</translation>
        </message>
        <message>
            <source>has no moescope.json (save it with torch.jit.save(..., _extra_files={"moescope.json": ...}))</source>
            <translation>缺少 moescope.json（请使用 torch.jit.save(..., _extra_files={"moescope.json": ...}) 保存）</translation>
        </message>
        <message>
            <source>batch size must be at least 1</source>
            <translation>批大小必须至少为 1</translation>
        </message>
        <message>
            <source>image input "%1" needs %2 values</source>
            <translation>图像输入“%1”需要 %2 个值</translation>
        </message>
        <message>
            <source>index input "%1" needs %2 values</source>
            <translation>索引型输入“%1”需要 %2 个值</translation>
        </message>
        <message>
            <source>index input "%1" value %2 is outside its %3 choices</source>
            <translation>索引型输入“%1”的值 %2 超出了其 %3 个可选值的范围</translation>
        </message>
        <message>
            <source>vector input "%1" needs %2 values</source>
            <translation>向量输入“%1”需要 %2 个值</translation>
        </message>
        <message>
            <source>the expert mask needs %1 values (layers × experts)</source>
            <translation>专家掩码需要 %1 个值（层数 × 专家数）</translation>
        </message>
        <message>
            <source>forward() must return a Dict[str, Tensor], it returned %1</source>
            <translation>forward() 必须返回 Dict[str, Tensor]，但返回了 %1</translation>
        </message>
        <message>
            <source>forward() returned no tensor "%1", which moescope.json lists in outputs</source>
            <translation>forward() 未返回张量“%1”，而 moescope.json 在 outputs 中列出了它</translation>
        </message>
        <message>
            <source>forward() returned no "%1" for MoE layer %2</source>
            <translation>forward() 未返回 MoE 层 %2 的“%1”</translation>
        </message>
        <message>
            <source>forward() failed: %1</source>
            <translation>forward() 失败：%1</translation>
        </message>
        <message>
            <source>output "%1" has shape %2</source>
            <translation>输出“%1”的形状为 %2</translation>
        </message>
        <message>
            <source>%1, its first dimension is not the batch size %2</source>
            <translation>%1，其第一维不是批大小 %2</translation>
        </message>
        <message>
            <source>%1; kind classes with %2 labels needs [B, %3]</source>
            <translation>%1；类型为 classes、含 %2 个标签时需要 [B, %3]</translation>
        </message>
        <message>
            <source>%1; kind segmentation with %2 labels needs [B, %3, h, w]</source>
            <translation>%1；类型为 segmentation、含 %2 个标签时需要 [B, %3, h, w]</translation>
        </message>
        <message>
            <source>%1; kind embedding needs [B, D]</source>
            <translation>%1；类型为 embedding 时需要 [B, D]</translation>
        </message>
        <message>
            <source>%1; kind box needs [B, 4]</source>
            <translation>%1；类型为 box 时需要 [B, 4]</translation>
        </message>
        <message>
            <source>output "%1" contains NaN or Inf</source>
            <translation>输出“%1”包含 NaN 或 Inf</translation>
        </message>
        <message>
            <source>"%1" has shape %2, but moe_layers[%3] (%4) needs [%5, T &gt;= %6, %7]</source>
            <translation>“%1”的形状为 %2，但 moe_layers[%3]（%4）需要 [%5, T &gt;= %6, %7]</translation>
        </message>
        <message>
            <source>"dispatch.%1" has shape %2, unlike "%3" %4</source>
            <translation>“dispatch.%1”的形状为 %2，与“%3”%4 不一致</translation>
        </message>
    </context>
    <context>
        <name>moescope::model::Json</name>
        <message>
            <source>a string holds a NUL character</source>
            <translation>字符串中含有 NUL 字符</translation>
        </message>
        <message>
            <source>binary values are not JSON</source>
            <translation>二进制值不是 JSON</translation>
        </message>
        <message>
            <source>a key holds a NUL character</source>
            <translation>键中含有 NUL 字符</translation>
        </message>
        <message>
            <source>the key "%1" appears twice in one object</source>
            <translation>键“%1”在同一对象中出现了两次</translation>
        </message>
        <message>
            <source>%1 (byte %2)</source>
            <translation>%1（第 %2 字节）</translation>
        </message>
        <message>
            <source>a number is out of range</source>
            <translation>数值超出范围</translation>
        </message>
        <message>
            <source>nested deeper than %1 levels</source>
            <translation>嵌套层级超过 %1 层</translation>
        </message>
        <message>
            <source>%1 bytes, more than the %2 allowed</source>
            <translation>%1 字节，超过允许的 %2 字节</translation>
        </message>
        <message>
            <source>a NUL byte at byte %1</source>
            <translation>第 %1 字节处有 NUL 字节</translation>
        </message>
        <message>
            <source>not JSON</source>
            <translation>不是 JSON</translation>
        </message>
    </context>
    <context>
        <name>moescope::pacs::Client</name>
        <message>
            <source>the node refused the association; check that it knows our AE title "%1" and that its own is "%2"</source>
            <translation>节点拒绝了关联；请确认其已登记本机 AE 标题“%1”，且其自身的 AE 标题为“%2”</translation>
        </message>
        <message>
            <source>nothing answers at %1:%2 (connection refused); check the host and port, and that the node runs</source>
            <translation>%1:%2 无响应（连接被拒绝）；请检查主机和端口，并确认节点正在运行</translation>
        </message>
        <message>
            <source>no answer within %1 s (%2)</source>
            <translation>%1 s 内无响应（%2）</translation>
        </message>
        <message>
            <source>the peer is not a DICOM node or closed the connection (%1)</source>
            <translation>对端不是 DICOM 节点，或已关闭连接（%1）</translation>
        </message>
        <message>
            <source>the host "%1" is not known (%2)</source>
            <translation>未知主机“%1”（%2）</translation>
        </message>
        <message>
            <source>the node does not offer this service (%1)</source>
            <translation>节点不提供此服务（%1）</translation>
        </message>
        <message>
            <source>the node answered with status 0x%1</source>
            <translation>节点返回了状态 0x%1</translation>
        </message>
        <message>
            <source>C-ECHO failed</source>
            <translation>C-ECHO 失败</translation>
        </message>
        <message>
            <source>C-FIND of studies failed</source>
            <translation>C-FIND 查询检查失败</translation>
        </message>
        <message>
            <source>C-FIND of series failed</source>
            <translation>C-FIND 查询序列失败</translation>
        </message>
        <message>
            <source>C-GET failed</source>
            <translation>C-GET 失败</translation>
        </message>
        <message>
            <source>cannot create the folder %1</source>
            <translation>无法创建文件夹 %1</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>the node could not send %1 of %2 instance(s), e.g. in a compression it cannot convert; nothing was kept</source>
            <translation>节点无法发送 %2 个实例中的 %1 个（例如采用了其无法转换的压缩格式）；未保留任何文件</translation>
        </message>
        <message>
            <source>the node sent nothing for this %1</source>
            <translation>节点未发送该%1的任何数据</translation>
        </message>
        <message>
            <source>study</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>series</source>
            <translation>序列</translation>
        </message>
    </context>
    <context>
        <name>moescope::pacs::Node</name>
        <message>
            <source>"%1" is not a DICOM node; write AE_TITLE@HOST:PORT</source>
            <translation>“%1”不是 DICOM 节点；请写成 AE_TITLE@HOST:PORT</translation>
        </message>
        <message>
            <source>"%1" is not an AE title (1 to 16 printable ASCII characters, no backslash)</source>
            <translation>“%1”不是有效的 AE 标题（1 到 16 个可打印 ASCII 字符，不含反斜杠）</translation>
        </message>
        <message>
            <source>%1 is not a port (1 to 65535)</source>
            <translation>%1 不是有效端口（1 到 65535）</translation>
        </message>
        <message>
            <source>no DICOM node is named "%1" and none is configured; give AE_TITLE@HOST:PORT</source>
            <translation>没有名为“%1”的 DICOM 节点，也未配置任何节点；请指定 AE_TITLE@HOST:PORT</translation>
        </message>
        <message>
            <source>no DICOM node is named "%1" (configured: %2)</source>
            <translation>没有名为“%1”的 DICOM 节点（已配置：%2）</translation>
        </message>
    </context>
    <context>
        <name>moescope::routing::Check</name>
        <message>
            <source>layer %1 routes %2 tokens to %3 experts</source>
            <translation>第 %1 层将 %2 个 token 路由到 %3 个专家</translation>
        </message>
        <message>
            <source>layer %1 has %2 router values, expected tokens × experts = %3</source>
            <translation>第 %1 层有 %2 个路由值，应为 token 数 × 专家数 = %3</translation>
        </message>
        <message>
            <source>layer %1 token grid %2x%3 at offset %4 does not fit in its %5 tokens</source>
            <translation>第 %1 层位于偏移 %4 处的 %2x%3 token 网格超出了其 %5 个 token 的范围</translation>
        </message>
        <message>
            <source>layer %1 router has NaN or Inf (token %2, expert %3)</source>
            <translation>第 %1 层路由器含有 NaN 或 Inf（token %2，专家 %3）</translation>
        </message>
        <message>
            <source>layer %1 router has a negative probability (token %2, expert %3: %4)</source>
            <translation>第 %1 层路由器含有负概率（token %2，专家 %3：%4）</translation>
        </message>
        <message>
            <source>layer %1 router row of token %2 sums to %3, not 1 (tolerance %4)</source>
            <translation>第 %1 层路由器中 token %2 所在行之和为 %3，而不是 1（容差 %4）</translation>
        </message>
        <message>
            <source>layer %1 dispatch has NaN or Inf</source>
            <translation>第 %1 层分发张量（dispatch）含有 NaN 或 Inf</translation>
        </message>
    </context>
    <context>
        <name>moescope::sar</name>
        <message>
            <source>expert %1</source>
            <translation>专家 %1</translation>
        </message>
        <message>
            <source>the SAR plugin needs a model with a square image input</source>
            <translation>SAR 插件需要具有正方形图像输入的模型</translation>
        </message>
        <message>
            <source>model %1 declares no SAR input representation ("sar"); it gets amplitude in [0, 1]</source>
            <translation>模型 %1 未声明 SAR 输入表示（“sar”）；将输入 [0, 1] 范围内的幅度</translation>
        </message>
        <message>
            <source>model %1 has no segmentation output for the SAR plugin to map</source>
            <translation>模型 %1 没有可供 SAR 插件制图的分割输出</translation>
        </message>
        <message>
            <source>%1: no band named "%2" (it has: %3)</source>
            <translation>%1：没有名为“%2”的波段（现有波段：%3）</translation>
        </message>
        <message>
            <source>unnamed bands</source>
            <translation>未命名的波段</translation>
        </message>
        <message>
            <source>%1: model %2 takes %3 band(s); %4 given or available</source>
            <translation>%1：模型 %2 需要 %3 个波段；给定或可用的为 %4 个</translation>
        </message>
        <message>
            <source>band %1</source>
            <translation>波段 %1</translation>
        </message>
        <message>
            <source>%1 is not a SAR product read through GDAL; its samples are taken as uncalibrated amplitude</source>
            <translation>%1 不是通过 GDAL 读取的 SAR 产品；其采样值将被视为未定标的幅度</translation>
        </message>
        <message>
            <source>%1 looks like an optical image (%2 8-bit bands), not SAR backscatter</source>
            <translation>%1 看起来是光学图像（%2 个 8 位波段），而不是 SAR 后向散射数据</translation>
        </message>
        <message>
            <source>%1 has no georeferencing: areas are in pixels</source>
            <translation>%1 没有地理参考：面积以像素计</translation>
        </message>
        <message>
            <source>unknown speckle filter "%1" (none, lee, refined-lee or frost)</source>
            <translation>未知的相干斑滤波“%1”（none、lee、refined-lee 或 frost）</translation>
        </message>
        <message>
            <source>%1: about %2 looks (estimated), outside the %3 to %4 model %5 was trained on%6</source>
            <translation>%1：视数约为 %2（估计值），超出了模型 %5 训练时的 %3 至 %4 范围%6</translation>
        </message>
        <message>
            <source>; a speckle filter (--filter) may help</source>
            <translation>；相干斑滤波（--filter）可能有所帮助</translation>
        </message>
        <message>
            <source>--tile %1: a tile must be at least 16 pixels and a multiple of the model's token grid (%2)</source>
            <translation>--tile %1：分块至少为 16 像素，且须为模型 token 网格（%2）的整数倍</translation>
        </message>
        <message>
            <source>--region takes X,Y,W,H with W, H &gt; 0, not "%1"</source>
            <translation>--region 需要 X,Y,W,H 且 W、H &gt; 0，而不是“%1”</translation>
        </message>
        <message>
            <source>%1: region %2,%3 %4x%5 lies outside the %6 x %7 scene</source>
            <translation>%1：区域 %2,%3 %4x%5 位于 %6 x %7 场景之外</translation>
        </message>
        <message>
            <source>unknown raster layout "%1" (geotiff or cog)</source>
            <translation>未知的栅格布局“%1”（geotiff 或 cog）</translation>
        </message>
        <message>
            <source>%1: the output folder cannot be created</source>
            <translation>%1：无法创建输出文件夹</translation>
        </message>
        <message>
            <source>tile %1,%2 lies outside the scene</source>
            <translation>分块 %1,%2 位于场景之外</translation>
        </message>
        <message>
            <source>no calibration vectors with a %1 table</source>
            <translation>没有含 %1 表的定标向量</translation>
        </message>
        <message>
            <source>cannot be created</source>
            <translation>无法创建</translation>
        </message>
        <message>
            <source>writing failed</source>
            <translation>写入失败</translation>
        </message>
        <message>
            <source>cannot be written as a Cloud-Optimised GeoTIFF</source>
            <translation>无法写为 Cloud-Optimised GeoTIFF</translation>
        </message>
        <message>
            <source>%1: cannot be renamed from its temporary name</source>
            <translation>%1：无法从临时名称重命名</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>波段</translation>
        </message>
        <message>
            <source>first</source>
            <translation>第一个</translation>
        </message>
        <message>
            <source>Speckle filter</source>
            <translation>相干斑滤波</translation>
        </message>
        <message>
            <source>%1: a SAR product has one frame, not %2</source>
            <translation>%1：SAR 产品只有一帧，而不是 %2 帧</translation>
        </message>
        <message>
            <source>GDAL recognises no raster format in it</source>
            <translation>GDAL 无法识别其中的栅格格式</translation>
        </message>
        <message>
            <source>%1: no raster bands (GDAL driver %2)</source>
            <translation>%1：没有栅格波段（GDAL 驱动 %2）</translation>
        </message>
        <message>
            <source>cannot be reopened</source>
            <translation>无法重新打开</translation>
        </message>
        <message>
            <source>%1: an empty region</source>
            <translation>%1：区域为空</translation>
        </message>
        <message>
            <source>reading pixels failed</source>
            <translation>读取像素失败</translation>
        </message>
        <message>
            <source>%1: cannot create the overview cache</source>
            <translation>%1：无法创建概览缓存</translation>
        </message>
        <message>
            <source>cannot be opened</source>
            <translation>无法打开</translation>
        </message>
        <message>
            <source>the display overview could not be written</source>
            <translation>无法写入显示用概览图</translation>
        </message>
        <message>
            <source>SAR (physics-guided MoE, after CrossEarth-SAR)</source>
            <translation>SAR（物理引导 MoE，参照 CrossEarth-SAR）</translation>
        </message>
        <message>
            <source>SAR scene</source>
            <translation>SAR 场景</translation>
        </message>
    </context>
    <context>
        <name>moescope::sar::SarRunView</name>
        <message>
            <source>Class</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>占比</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>面积</translation>
        </message>
        <message>
            <source>MoE layer whose expert share per class is shown</source>
            <translation>显示各类别专家占比的 MoE 层</translation>
        </message>
        <message>
            <source>Of each class's tokens, the share each expert took as its top-1</source>
            <translation>在各类别的 token 中，各专家作为 Top-1 专家所占的比例</translation>
        </message>
        <message>
            <source>Expert share per class</source>
            <translation>各类别的专家占比</translation>
        </message>
        <message>
            <source>%1 of %2 tiles (%3 px, overlap %4) over %5 x %6 px at %7,%8; bands %9; filter %10; calibration %11</source>
            <translation>%2 个分块中的 %1 个（%3 px，重叠 %4），覆盖位于 %7,%8 的 %5 x %6 px 区域；波段 %9；滤波 %10；定标 %11</translation>
        </message>
        <message>
            <source> — cancelled: partial result</source>
            <translation> — 已取消：部分结果</translation>
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
            <translation>专家 %1</translation>
        </message>
    </context>
    <context>
        <name>moescope::store::Database</name>
        <message>
            <source>cannot forget the stored paths</source>
            <translation>无法清除已保存的路径</translation>
        </message>
        <message>
            <source>the database is not open</source>
            <translation>数据库未打开</translation>
        </message>
        <message>
            <source>the paths are forgotten, but the file still holds the old ones in its free space</source>
            <translation>路径已清除，但文件的空闲空间中仍保留着旧路径</translation>
        </message>
        <message>
            <source>cannot create gallery "%1"</source>
            <translation>无法创建图库“%1”</translation>
        </message>
        <message>
            <source>cannot create a gallery</source>
            <translation>无法创建图库</translation>
        </message>
        <message>
            <source>the name is empty</source>
            <translation>名称为空</translation>
        </message>
        <message>
            <source>the model's sha256 "%1" is not 64 hex digits</source>
            <translation>模型的 sha256“%1”不是 64 位十六进制数</translation>
        </message>
        <message>
            <source>embedding size %1 is not positive</source>
            <translation>嵌入向量维数 %1 不是正数</translation>
        </message>
        <message>
            <source>a gallery of that name exists</source>
            <translation>已存在同名图库</translation>
        </message>
        <message>
            <source>cannot list the galleries</source>
            <translation>无法列出图库</translation>
        </message>
        <message>
            <source>cannot read gallery "%1"</source>
            <translation>无法读取图库“%1”</translation>
        </message>
        <message>
            <source>cannot rename the gallery to "%1"</source>
            <translation>无法将图库重命名为“%1”</translation>
        </message>
        <message>
            <source>there is no gallery %1</source>
            <translation>不存在图库 %1</translation>
        </message>
        <message>
            <source>cannot delete gallery %1</source>
            <translation>无法删除图库 %1</translation>
        </message>
        <message>
            <source>there is no such gallery</source>
            <translation>不存在该图库</translation>
        </message>
        <message>
            <source>cannot read the gallery's sources</source>
            <translation>无法读取图库的来源文件</translation>
        </message>
        <message>
            <source>cannot add %1 to the gallery</source>
            <translation>无法将 %1 添加到图库</translation>
        </message>
        <message>
            <source>the source's sha256 "%1" is not 64 hex digits</source>
            <translation>来源文件的 sha256“%1”不是 64 位十六进制数</translation>
        </message>
        <message>
            <source>frame %1's embedding has %2 values; the gallery holds %3</source>
            <translation>第 %1 帧的嵌入向量有 %2 个值；图库中为 %3 个</translation>
        </message>
        <message>
            <source>frame %1's window embeddings are not %2 × %3 × %4</source>
            <translation>第 %1 帧的窗口嵌入向量不是 %2 × %3 × %4</translation>
        </message>
        <message>
            <source>frame %1's embedding holds NaN or infinity</source>
            <translation>第 %1 帧的嵌入向量含有 NaN 或无穷大</translation>
        </message>
        <message>
            <source>the gallery already holds this content</source>
            <translation>图库中已包含此内容</translation>
        </message>
        <message>
            <source>cannot read the gallery's embeddings</source>
            <translation>无法读取图库的嵌入向量</translation>
        </message>
        <message>
            <source>item %1's embedding has %2 bytes, not %3: the database is damaged</source>
            <translation>条目 %1 的嵌入向量为 %2 字节，而不是 %3 字节：数据库已损坏</translation>
        </message>
        <message>
            <source>cannot read gallery items</source>
            <translation>无法读取图库条目</translation>
        </message>
        <message>
            <source>cannot upgrade the database</source>
            <translation>无法升级数据库</translation>
        </message>
        <message>
            <source>cannot use the database</source>
            <translation>无法使用数据库</translation>
        </message>
        <message>
            <source>its schema version %1 is not one MoEScope wrote; it is left as it is</source>
            <translation>其 schema 版本 %1 并非由 MoEScope 写入；将保持原样</translation>
        </message>
        <message>
            <source>cannot upgrade the database from schema version %1 to %2</source>
            <translation>无法将数据库从 schema 版本 %1 升级到 %2</translation>
        </message>
        <message>
            <source>no database file given</source>
            <translation>未指定数据库文件</translation>
        </message>
        <message>
            <source>cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>the Qt SQLite driver (QSQLITE) is not installed</source>
            <translation>未安装 Qt SQLite 驱动（QSQLITE）</translation>
        </message>
        <message>
            <source>it is a folder or special file, not a database file</source>
            <translation>它是文件夹或特殊文件，而不是数据库文件</translation>
        </message>
        <message>
            <source>cannot create the database</source>
            <translation>无法创建数据库</translation>
        </message>
        <message>
            <source>cannot create the folder "%1"</source>
            <translation>无法创建文件夹“%1”</translation>
        </message>
        <message>
            <source>the folder "%1" is read-only (it has no write permission)</source>
            <translation>文件夹“%1”为只读（没有写入权限）</translation>
        </message>
        <message>
            <source>the database file is read-only (it has no write permission)</source>
            <translation>数据库文件为只读（没有写入权限）</translation>
        </message>
        <message>
            <source>the database is read-only: its folder "%1" has no write permission</source>
            <translation>数据库为只读：其所在文件夹“%1”没有写入权限</translation>
        </message>
        <message>
            <source>it was written by a newer version of MoEScope (schema version %1; this version understands up to %2). Update MoEScope or choose another database file</source>
            <translation>它由更新版本的 MoEScope 写入（schema 版本 %1；当前版本最高支持 %2）。请更新 MoEScope 或选择其他数据库文件</translation>
        </message>
        <message>
            <source>this SQLite cannot enforce foreign keys</source>
            <translation>此 SQLite 无法强制执行外键约束</translation>
        </message>
        <message>
            <source>no writable data location for the run database; pass --db FILE</source>
            <translation>没有可写入运行数据库的数据目录；请指定 --db FILE</translation>
        </message>
        <message>
            <source>cannot read the database settings</source>
            <translation>无法读取数据库设置</translation>
        </message>
        <message>
            <source>cannot save the run</source>
            <translation>无法保存运行记录</translation>
        </message>
        <message>
            <source>the image's sha256 "%1" is not 64 hex digits</source>
            <translation>图像的 sha256“%1”不是 64 位十六进制数</translation>
        </message>
        <message>
            <source>frame %1 appears twice in the routing</source>
            <translation>第 %1 帧在路由中出现了两次</translation>
        </message>
        <message>
            <source>frame %1, layer %2 ("%3")</source>
            <translation>第 %1 帧，第 %2 层（“%3”）</translation>
        </message>
        <message>
            <source>the %1 row just written is missing</source>
            <translation>刚写入的 %1 行缺失</translation>
        </message>
        <message>
            <source>no id for the new run</source>
            <translation>新运行记录没有 ID</translation>
        </message>
        <message>
            <source>cannot list the runs</source>
            <translation>无法列出运行记录</translation>
        </message>
        <message>
            <source>cannot load run %1</source>
            <translation>无法加载运行记录 %1</translation>
        </message>
        <message>
            <source>there is no such run</source>
            <translation>不存在该运行记录</translation>
        </message>
        <message>
            <source>its stored JSON is damaged</source>
            <translation>其保存的 JSON 已损坏</translation>
        </message>
        <message>
            <source>the stored JSON of frame %1, layer %2 is damaged</source>
            <translation>第 %1 帧第 %2 层保存的 JSON 已损坏</translation>
        </message>
        <message>
            <source>the stored routing of frame %1, layer %2 does not match its %3 tokens × %4 experts</source>
            <translation>第 %1 帧第 %2 层保存的路由与其 %3 个 token × %4 个专家不符</translation>
        </message>
        <message>
            <source>frame %1 is missing layer %2</source>
            <translation>第 %1 帧缺少第 %2 层</translation>
        </message>
        <message>
            <source>cannot delete run %1</source>
            <translation>无法删除运行记录 %1</translation>
        </message>
        <message>
            <source>cannot look for an earlier run</source>
            <translation>无法查找先前的运行记录</translation>
        </message>
        <message>
            <source>the database is locked by another connection or program (waited %1 ms); try again when it has finished</source>
            <translation>数据库被另一个连接或程序锁定（已等待 %1 ms）；请在其完成后重试</translation>
        </message>
        <message>
            <source>the database file is read-only</source>
            <translation>数据库文件为只读</translation>
        </message>
        <message>
            <source>input/output error while accessing the file</source>
            <translation>访问文件时发生输入/输出错误</translation>
        </message>
        <message>
            <source>the database file is damaged</source>
            <translation>数据库文件已损坏</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <source>cannot open the file; check that its folder exists and may be written</source>
            <translation>无法打开文件；请检查其所在文件夹是否存在且可写</translation>
        </message>
        <message>
            <source>the data breaks a rule of the database</source>
            <translation>数据违反了数据库的约束规则</translation>
        </message>
        <message>
            <source>access denied</source>
            <translation>拒绝访问</translation>
        </message>
        <message>
            <source>the file is not an SQLite database</source>
            <translation>该文件不是 SQLite 数据库</translation>
        </message>
        <message>
            <source>unknown database error</source>
            <translation>未知数据库错误</translation>
        </message>
        <message>
            <source>the disk is full: %1 kB free on %2 (%3)</source>
            <translation>磁盘已满：%2（%3）上仅剩 %1 kB</translation>
        </message>
        <message>
            <source>the paths are forgotten, but the server still holds the old ones in its free space</source>
            <translation>路径已清除，但服务器的空闲空间中仍保留着旧路径</translation>
        </message>
        <message>
            <source>cannot connect to the PostgreSQL server</source>
            <translation>无法连接到 PostgreSQL 服务器</translation>
        </message>
        <message>
            <source>the server refused the user name or password</source>
            <translation>服务器拒绝了该用户名或密码</translation>
        </message>
        <message>
            <source>the server has no such database; create it first (createdb NAME)</source>
            <translation>服务器上不存在该数据库；请先创建（createdb NAME）</translation>
        </message>
        <message>
            <source>there is no such database and this user may not create it; ask the server's administrator to (createdb NAME)</source>
            <translation>该数据库不存在，且此用户无权创建；请让服务器管理员创建（createdb NAME）</translation>
        </message>
        <message>
            <source>the user may not do this on the server (permission denied)</source>
            <translation>该用户无权在服务器上执行此操作（拒绝访问）</translation>
        </message>
        <message>
            <source>another connection holds the rows (waited %1 ms); try again when it has finished</source>
            <translation>另一个连接锁定了这些行（已等待 %1 ms）；请在其完成后重试</translation>
        </message>
        <message>
            <source>the server accepts only reads (a standby or a read-only database)</source>
            <translation>服务器只接受读取操作（备用服务器或只读数据库）</translation>
        </message>
        <message>
            <source>the server's disk is full</source>
            <translation>服务器磁盘已满</translation>
        </message>
        <message>
            <source>the connection to the PostgreSQL server was lost</source>
            <translation>与 PostgreSQL 服务器的连接已断开</translation>
        </message>
        <message>
            <source>the URL names no database (postgresql://HOST/NAME)</source>
            <translation>该 URL 未指定数据库（postgresql://HOST/NAME）</translation>
        </message>
        <message>
            <source>not a PostgreSQL URL: %1</source>
            <translation>不是 PostgreSQL URL：%1</translation>
        </message>
        <message>
            <source>the Qt PostgreSQL driver (QPSQL, Debian's libqt6sql6-psql) is not installed</source>
            <translation>未安装 Qt PostgreSQL 驱动（QPSQL，Debian 软件包 libqt6sql6-psql）</translation>
        </message>
        <message>
            <source>cannot listen for new runs</source>
            <translation>无法监听新的运行记录</translation>
        </message>
    </context>
    <context>
        <name>moescope::tracking</name>
        <message>
            <source>the initial box is x,y,w,h, not "%1"</source>
            <translation>初始框应为 x,y,w,h，而不是“%1”</translation>
        </message>
        <message>
            <source>%1 is not a tracker: it needs RGB image inputs named "template" and "search"</source>
            <translation>%1 不是跟踪器：跟踪器需要名为“template”和“search”的 RGB 图像输入</translation>
        </message>
        <message>
            <source>a tracker needs colour frames (3 bands)</source>
            <translation>跟踪器需要彩色帧（3 个波段）</translation>
        </message>
        <message>
            <source>no initial box: draw one, or give --init X,Y,W,H (there is no ground truth to take it from)</source>
            <translation>没有初始框：请绘制一个，或指定 --init X,Y,W,H（没有可从中获取初始框的真值）</translation>
        </message>
        <message>
            <source>%1: the ground truth has no box on frame %2 to start from</source>
            <translation>%1：真值在起始帧 %2 上没有边界框</translation>
        </message>
        <message>
            <source>the initial box %1,%2,%3,%4 is empty or outside the %5 × %6 frame</source>
            <translation>初始框 %1,%2,%3,%4 为空或超出 %5 × %6 的帧范围</translation>
        </message>
        <message>
            <source>%1 gave no box (output "box" [B, 4])</source>
            <translation>%1 未给出边界框（输出“box”[B, 4]）</translation>
        </message>
        <message>
            <source>search region</source>
            <translation>搜索区域</translation>
        </message>
        <message>
            <source>ground truth</source>
            <translation>真值</translation>
        </message>
        <message>
            <source>track %1</source>
            <translation>跟踪 %1</translation>
        </message>
        <message>
            <source>holds no video stream</source>
            <translation>不包含视频流</translation>
        </message>
        <message>
            <source>no decoder for its codec (%1)</source>
            <translation>没有适用于其编解码格式的解码器（%1）</translation>
        </message>
        <message>
            <source>the video stream has no picture size</source>
            <translation>视频流没有画面尺寸</translation>
        </message>
        <message>
            <source>reading stopped after %1 frames (%2)</source>
            <translation>读取 %1 帧后停止（%2）</translation>
        </message>
        <message>
            <source>the file ends after %1 of its %2 frames</source>
            <translation>文件在其 %2 帧中的第 %1 帧后结束</translation>
        </message>
        <message>
            <source>holds no frame</source>
            <translation>不包含任何帧</translation>
        </message>
        <message>
            <source>%1: cannot seek to frame %2 (%3)</source>
            <translation>%1：无法定位到第 %2 帧（%3）</translation>
        </message>
        <message>
            <source>%1: frame %2 could not be decoded (the decoder went on to frame %3)</source>
            <translation>%1：无法解码第 %2 帧（解码器跳到了第 %3 帧）</translation>
        </message>
        <message>
            <source>%1: decoding stopped before frame %2 of %3%4</source>
            <translation>%1：解码在第 %2 帧（共 %3 帧）之前停止%4</translation>
        </message>
        <message>
            <source>%1: cannot convert its pixel format to RGB</source>
            <translation>%1：无法将其像素格式转换为 RGB</translation>
        </message>
        <message>
            <source>%1: no frame %2 (%3 frames)</source>
            <translation>%1：没有第 %2 帧（共 %3 帧）</translation>
        </message>
        <message>
            <source>%1: cannot be read (%2)</source>
            <translation>%1：无法读取（%2）</translation>
        </message>
        <message>
            <source>%1: line %2 is not four numbers x,y,w,h ("%3")</source>
            <translation>%1：第 %2 行不是四个数 x,y,w,h（“%3”）</translation>
        </message>
        <message>
            <source>%1: line %2 has a negative width or height</source>
            <translation>%1：第 %2 行的宽度或高度为负</translation>
        </message>
        <message>
            <source>%1: holds no box</source>
            <translation>%1：不含边界框</translation>
        </message>
        <message>
            <source>%1: %2 boxes for %3 frames (a line per frame, or only the first)</source>
            <translation>%1：%3 帧对应 %2 个边界框（应每帧一行，或仅首帧一行）</translation>
        </message>
        <message>
            <source>%1: frame %2 is missing (the numbering jumps from %3 to %4)</source>
            <translation>%1：缺少第 %2 帧（编号从 %3 跳到 %4）</translation>
        </message>
        <message>
            <source>%1: no numbered frames (00000001.jpg …)</source>
            <translation>%1：没有编号的帧（00000001.jpg …）</translation>
        </message>
        <message>
            <source>%1: %2 × %3 pixels where the sequence's frames are %4 × %5</source>
            <translation>%1：%2 × %3 像素，而序列的帧为 %4 × %5</translation>
        </message>
        <message>
            <source>Tracking (TMoE tracker, after SPMTrack)</source>
            <translation>跟踪（TMoE 跟踪器，参照 SPMTrack）</translation>
        </message>
        <message>
            <source>Track</source>
            <translation>跟踪</translation>
        </message>
    </context>
    <context>
        <name>moescope::tracking::TrackRunView</name>
        <message>
            <source>success AUC %1 · precision %2 at 20 px</source>
            <translation>成功率 AUC %1 · 20 px 处精确率 %2</translation>
        </message>
        <message>
            <source> · normalised precision %1 at 0.20</source>
            <translation> · 0.20 处归一化精确率 %1</translation>
        </message>
        <message>
            <source>AO %1 · SR0.5 %2 · SR0.75 %3 (%4 frames scored)</source>
            <translation>AO %1 · SR0.5 %2 · SR0.75 %3（评估 %4 帧）</translation>
        </message>
        <message>
            <source>No frames tracked.</source>
            <translation>未跟踪任何帧。</translation>
        </message>
        <message>
            <source>%1 (%2): frames %3–%4 tracked from frame %5, %6 frames/s</source>
            <translation>%1（%2）：从第 %5 帧开始跟踪了第 %3–%4 帧，%6 帧/s</translation>
        </message>
        <message>
            <source>video</source>
            <translation>视频</translation>
        </message>
        <message>
            <source> — cancelled: partial track</source>
            <translation> — 已取消：部分跟踪结果</translation>
        </message>
        <message>
            <source>This run: %1</source>
            <translation>本次运行：%1</translation>
        </message>
        <message>
            <source>No ground truth: no success or precision plots.</source>
            <translation>无真值：无成功率图和精确率图。</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>this run</source>
            <translation>本次运行</translation>
        </message>
        <message>
            <source>Success plot</source>
            <translation>成功率图</translation>
        </message>
        <message>
            <source>overlap threshold</source>
            <translation>重叠阈值</translation>
        </message>
        <message>
            <source>Precision plot</source>
            <translation>精确率图</translation>
        </message>
        <message>
            <source>location error threshold (px)</source>
            <translation>定位误差阈值（px）</translation>
        </message>
    </context>
    <context>
        <name>moescope::ultrasound::UltrasoundPlugin</name>
        <message>
            <source>Ultrasound (task-conditioned MoE)</source>
            <translation>超声（任务条件 MoE）</translation>
        </message>
        <message>
            <source>the image is empty</source>
            <translation>图像为空</translation>
        </message>
        <message>
            <source>%1 is modality %2, not ultrasound (US); the ultrasound model was not made for it, so read its results with care</source>
            <translation>%1 的模态为 %2，不是超声（US）；超声模型并非为其设计，请谨慎解读结果</translation>
        </message>
    </context>
</TS>
