#include "modelinfodialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace moescope::gui {

QString ModelInfoDialog::cardFileOf(const QString &modelPath)
{
    const QFileInfo pt(modelPath);
    const QString card =
        pt.absolutePath() + QLatin1Char('/') + pt.completeBaseName() + QStringLiteral(".md");
    return QFileInfo::exists(card) ? card : QString();
}

ModelInfoDialog::ModelInfoDialog(const ModelEntry &model, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("modelInfoDialog"));
    setWindowTitle(tr("Model info: %1").arg(model.name));
    auto *layout = new QVBoxLayout(this);

    QStringList experts;
    for (const model::MoeLayerSpec &l : model.contract.moeLayers)
        experts << tr("%1: %2 experts, top-%3")
                       .arg(QString::fromStdString(l.name))
                       .arg(l.experts)
                       .arg(l.topK);
    auto *summary = new QLabel(
        tr("<b>%1</b> — %2<br>Task <b>%3</b> · %4<br>%5<br>Licence: %6 · Reference: %7")
            .arg(model.name.toHtmlEscaped(), model.title.toHtmlEscaped(),
                 model.task.toHtmlEscaped(), experts.join(QStringLiteral("; ")).toHtmlEscaped(),
                 model.path.toHtmlEscaped(),
                 QString::fromStdString(model.contract.license).toHtmlEscaped(),
                 QString::fromStdString(model.contract.reference).toHtmlEscaped()),
        this);
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary);

    auto *tabs = new QTabWidget(this);
    m_card = new QTextBrowser(tabs);
    m_card->setObjectName(QStringLiteral("modelCard"));
    m_card->setOpenExternalLinks(true);
    m_cardPath = cardFileOf(model.path);
    QFile card(m_cardPath);
    if (!m_cardPath.isEmpty() && card.open(QIODevice::ReadOnly)) {
        m_card->setSearchPaths({QFileInfo(m_cardPath).absolutePath()});
        m_card->setMarkdown(QString::fromUtf8(card.readAll()));
    } else {
        m_cardPath.clear();
        m_card->setPlainText(
            tr("This model has no card: there is no %1.md beside %2. Its moescope.json says:\n\n%3")
                .arg(QFileInfo(model.path).completeBaseName(), model.path,
                     QString::fromStdString(model.contract.description)));
    }
    tabs->addTab(m_card, tr("Model card"));

    m_contract = new QPlainTextEdit(tabs);
    m_contract->setObjectName(QStringLiteral("modelContract"));
    m_contract->setReadOnly(true);
    m_contract->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QJsonDocument json =
        QJsonDocument::fromJson(QByteArray::fromStdString(model.contract.json));
    m_contract->setPlainText(json.isNull()
                                 ? QString::fromStdString(model.contract.json)
                                 : QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
    tabs->addTab(m_contract, QStringLiteral("moescope.json"));
    layout->addWidget(tabs, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 700);
}

} // namespace moescope::gui
