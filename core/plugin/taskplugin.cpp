#include "taskplugin.h"

#include <QCoreApplication>

namespace moescope {

QString toString(TaskShape shape)
{
    switch (shape) {
    case TaskShape::SingleImage:
        return QStringLiteral("single-image");
    case TaskShape::Gallery:
        return QStringLiteral("gallery");
    case TaskShape::TiledScene:
        return QStringLiteral("tiled-scene");
    case TaskShape::PairedSequence:
        return QStringLiteral("paired-sequence");
    }
    return {};
}

int TaskPlugin::stepCount(const model::ModelContract &, const ImageStack &image) const
{
    return std::max(1, image.frameCount);
}

QRect TaskPlugin::modelRegion(const ImageStack &) const
{
    return {};
}

QStringList TaskPlugin::inputWarnings(const model::ModelContract &, const ImageStack &) const
{
    return {};
}

QWidget *TaskPlugin::createResultView(QWidget *) const
{
    return nullptr;
}

QList<CliVerb> TaskPlugin::cliVerbs() const
{
    return {};
}

int TaskPlugin::runCliVerb(const QString &, const QStringList &, QTextStream &, QTextStream &)
{
    return 2;
}

} // namespace moescope
