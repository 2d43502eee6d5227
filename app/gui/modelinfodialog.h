#pragma once
// Model ▸ Model Info…: a model's card (the .md beside its .pt, rendered with
// its pictures) and its moescope.json, with what the catalog read of it.

#include "plugin/modelcatalog.h"

#include <QDialog>

class QTextBrowser;
class QPlainTextEdit;

namespace moescope::gui {

class ModelInfoDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ModelInfoDialog(const ModelEntry &model, QWidget *parent = nullptr);

    // The card's file (NAME.md beside NAME.pt); empty when there is none.
    QString cardPath() const { return m_cardPath; }
    QTextBrowser *cardView() const { return m_card; }
    QPlainTextEdit *contractView() const { return m_contract; }

    // NAME.md beside NAME.pt, when it is there.
    static QString cardFileOf(const QString &modelPath);

private:
    QString m_cardPath;
    QTextBrowser *m_card = nullptr;
    QPlainTextEdit *m_contract = nullptr;
};

} // namespace moescope::gui
