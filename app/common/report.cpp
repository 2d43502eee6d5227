#include "report.h"

#include "jobs/stepcomparison.h"
#include "render/routingimages.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QUrl>

#include <cmath>

namespace moescope {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(moescope::Report)
};

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString row(const QString &key, const QString &value)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(key), esc(value));
}

// The card's title and summary: everything before its second heading.
QString cardSummary(const QString &markdown)
{
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    QStringList kept;
    int headings = 0;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("## ")) && ++headings >= 1)
            break;
        kept << line;
    }
    return kept.join(QLatin1Char('\n')).trimmed();
}

QString outputsHtml(const QJsonObject &outputs)
{
    QString html = QStringLiteral("<table cellpadding='3' border='1' cellspacing='0'>");
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        QString value;
        if (o.contains(QStringLiteral("predicted"))) {
            QStringList top;
            for (const QJsonValue &t : o.value(QStringLiteral("top")).toArray())
                top << QStringLiteral("%1 %2 %")
                           .arg(t[QStringLiteral("label")].toString())
                           .arg(100.0 * t[QStringLiteral("probability")].toDouble(), 0, 'f', 1);
            value = Tr::tr("predicted %1 (%2)")
                        .arg(o.value(QStringLiteral("predicted")).toString(),
                             top.mid(0, 5).join(QStringLiteral(", ")));
        } else {
            value = QString::fromUtf8(
                QJsonDocument::fromVariant(it.value().toVariant()).toJson(QJsonDocument::Compact));
            if (it.value().isString() || it.value().isDouble())
                value = it.value().toVariant().toString();
            if (value.size() > 300)
                value = value.left(300) + QStringLiteral(" …");
        }
        html += row(it.key(), value);
    }
    return html + QStringLiteral("</table>");
}

} // namespace

QImage reportPicture(const AnalysisResult &run, const StepResult &step, const ImageStack &image)
{
    const StepOrigin *placed = nullptr;
    for (const auto &[name, o] : step.origins) {
        if (o.frame == step.step && o.sourceRect.isValid() &&
            (!placed || qint64(o.inputSize.width()) * o.inputSize.height() >
                            qint64(placed->inputSize.width()) * placed->inputSize.height()))
            placed = &o;
    }
    const int frame = std::clamp(step.step, 0, std::max(0, image.frameCount - 1));
    const QImage full = image.toQImage(frame).convertToFormat(QImage::Format_RGB32);
    if (placed)
        return full.copy(placed->sourceRect);
    return run.modelRegion.isValid() ? full.copy(run.modelRegion) : full;
}

QImage reportSceneOverview(const SceneSource &source, const QRect &region, int maxSide,
                           QString *error)
{
    const QRect area = region.isValid() ? region : QRect(QPoint(0, 0), source.size());
    const QSize out =
        area.size().scaled(maxSide, maxSide, Qt::KeepAspectRatio).boundedTo(area.size());
    const QVariantMap display; // the source's own way of showing it (a SAR product: dB)
    Raster raster;
    if (!source.readForDisplay(0, area, out.expandedTo(QSize(1, 1)), display, &raster, error))
        return {};
    const ImageStack stack = raster.toImageStack(source.path());
    WindowLevel window = source.displayWindow(display);
    return stack.toQImage(0, window).convertToFormat(QImage::Format_RGB32);
}

bool isIdentifyingField(const QString &name)
{
    static const QStringList fields{
        QStringLiteral("PatientName"),       QStringLiteral("PatientID"),
        QStringLiteral("PatientBirthDate"),  QStringLiteral("PatientSex"),
        QStringLiteral("PatientAge"),        QStringLiteral("InstitutionName"),
        QStringLiteral("StudyDate"),         QStringLiteral("SeriesDate"),
        QStringLiteral("StudyTime"),         QStringLiteral("StudyInstanceUID"),
        QStringLiteral("SeriesInstanceUID"), QStringLiteral("ReferringPhysicianName"),
        QStringLiteral("AccessionNumber")};
    return fields.contains(name);
}

bool writeReport(const ReportInput &in, const QString &path, QString *error)
{
    const AnalysisResult &run = *in.run;
    if (!in.step) {
        *error = Tr::tr("run %1 has no step to report").arg(run.runId);
        return false;
    }
    const StepResult &step = *in.step;
    QTextDocument doc;
    doc.setDefaultStyleSheet(
        QStringLiteral("h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 12px; } "
                       "td { font-size: 9pt; } p { font-size: 9pt; }"));
    QTextCursor cursor(&doc);
    const QString input =
        in.includeIdentifying ? run.imagePath : QFileInfo(run.imagePath).fileName();
    QString html =
        QStringLiteral("<h1>%1</h1>").arg(esc(Tr::tr("MoEScope report: run %1").arg(run.runId)));
    html +=
        QStringLiteral("<p>%1</p>").arg(esc(Tr::tr("Research software, not for clinical use.")));
    html += QStringLiteral("<h2>%1</h2><table cellpadding='2'>").arg(esc(Tr::tr("Provenance")));
    html += row(Tr::tr("MoEScope"), in.version);
    html += row(Tr::tr("Model"), run.modelName);
    html += row(Tr::tr("Model SHA-256"), run.modelSha256);
    html += row(Tr::tr("Input"), input);
    html += row(Tr::tr("Input SHA-256"), run.imageSha256);
    html += row(Tr::tr("Frame"), QString::number(step.step));
    html += row(Tr::tr("Device"), run.device);
    html += row(Tr::tr("Report written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    {
        for (const auto &[name, value] : in.metadata) {
            if (name == QLatin1String("Modality") || name == QLatin1String("BodyPartExamined") ||
                name == QLatin1String("Manufacturer") ||
                (in.includeIdentifying && isIdentifyingField(name)))
                html += row(name, value);
        }
    }
    html += QStringLiteral("</table>");
    if (!in.includeIdentifying)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(esc(Tr::tr("Identifying fields (patient name, ID, birth date, sex, age, "
                                    "institution, study dates and UIDs) and the input's folder "
                                    "are left out.")));
    cursor.insertHtml(html);

    // The picture and each layer's top-1 map.
    html = QStringLiteral("<h2>%1</h2>").arg(esc(Tr::tr("Where the router sent each patch")));
    if (!in.picture.isNull() && !step.layers.empty()) {
        const QImage &base = in.picture;
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("mem:picture")), base);
        html += QStringLiteral("<table cellpadding='4'><tr><td valign='top'>%1<br>"
                               "<img src='mem:picture' width='200'></td>")
                    .arg(esc(Tr::tr("The picture the model saw")));
        for (size_t l = 0; l < step.layers.size(); ++l) {
            const routing::LayerRouting &layer = step.layers[l];
            if (layer.grids.empty())
                continue;
            const QImage map = render::top1WithLegend(base, layer, layer.grids.back(), 0.55, 300);
            const QString name = QStringLiteral("mem:top1-%1").arg(l);
            doc.addResource(QTextDocument::ImageResource, QUrl(name), map);
            // Two pictures a row: the picture and layer 0, then the next layers.
            if (l % 2 == 1)
                html += QStringLiteral("</tr><tr>");
            html += QStringLiteral("<td valign='top'>%1<br><img src='%2' width='260'></td>")
                        .arg(esc(Tr::tr("Layer %1 (%2): top-1 expert")
                                     .arg(l)
                                     .arg(QString::fromStdString(layer.name))),
                             name);
        }
        html += QStringLiteral("</tr></table>");
    } else {
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(!in.picture.isNull() ? Tr::tr("This step kept routing summaries only.")
                                                  : in.pictureNote));
    }
    html += QStringLiteral("<h2>%1</h2>").arg(esc(Tr::tr("Outputs")));
    html += outputsHtml(step.outputs);
    html += QStringLiteral("<h2>%1</h2><table cellpadding='3' border='1' cellspacing='0'>")
                .arg(esc(Tr::tr("Routing per layer")));
    html += QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                .arg(esc(Tr::tr("Layer")), esc(Tr::tr("Experts")),
                     esc(Tr::tr("Mean entropy (share of uniform)")),
                     esc(Tr::tr("Load (top-1 share per expert)")));
    for (const QJsonValue &v : step.routingSummary) {
        const QJsonObject o = v.toObject();
        QStringList loads;
        for (const QJsonValue &x : o.value(QStringLiteral("load")).toArray())
            loads << QStringLiteral("%1 %").arg(100.0 * x.toDouble(), 0, 'f', 1);
        html +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3 %</td><td>%4</td></tr>")
                .arg(esc(o.value(QStringLiteral("name")).toString()))
                .arg(o.value(QStringLiteral("experts")).toInt())
                .arg(100.0 * o.value(QStringLiteral("entropy_normalised")).toDouble(), 0, 'f', 1)
                .arg(esc(loads.join(QStringLiteral("  "))));
    }
    html += QStringLiteral("</table>");

    if (in.compare && in.compareStep) {
        const StepResult &other = *in.compareStep;
        html += QStringLiteral("<h2>%1</h2>")
                    .arg(esc(Tr::tr("Compared with run %1 (%2, frame %3)")
                                 .arg(in.compare->runId)
                                 .arg(in.compare->modelName)
                                 .arg(other.step)));
        html += QStringLiteral("<table cellpadding='3' border='1' cellspacing='0'><tr><th>%1</th>"
                               "<th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                    .arg(esc(Tr::tr("Layer")), esc(Tr::tr("Top-1 agreement")),
                         esc(Tr::tr("Mean JS (bits)")), esc(Tr::tr("Entropy change (bits)")),
                         esc(Tr::tr("Load JS (bits)")));
        for (const routing::LayerComparison &c : compareSteps(run, step, *in.compare, other)) {
            html +=
                QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                               "</tr>")
                    .arg(esc(QString::fromStdString(c.nameA)),
                         c.tokenWise ? QStringLiteral("%1 %").arg(100.0 * c.agreement, 0, 'f', 1)
                                     : esc(QString::fromStdString(c.reason)),
                         c.tokenWise ? QString::number(c.meanJs, 'f', 4) : QStringLiteral("—"),
                         QString::number(c.entropyChange, 'f', 3),
                         c.loadJs >= 0 ? QString::number(c.loadJs, 'f', 4) : QStringLiteral("—"));
        }
        html += QStringLiteral("</table><p>%1</p>")
                    .arg(esc(Tr::tr("Its outputs: ")) + outputsHtml(other.outputs));
    }
    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock();
    cursor.insertHtml(html);
    if (!in.modelCard.isEmpty()) {
        cursor.movePosition(QTextCursor::End);
        cursor.insertHtml(
            QStringLiteral("<h2>%1</h2>").arg(esc(Tr::tr("The model card, in short"))));
        cursor.insertBlock();
        cursor.insertFragment(QTextDocumentFragment::fromMarkdown(cardSummary(in.modelCard)));
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        pdf.setTitle(Tr::tr("MoEScope report: run %1").arg(run.runId));
        pdf.setCreator(QStringLiteral("MoEScope %1").arg(in.version));
        pdf.setResolution(150);
        doc.setPageSize(QSizeF(pdf.width(), pdf.height()));
        doc.print(&pdf);
    }
    if (!file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace moescope
