#pragma once
// A PACS query as the input of batch and index:
//   pacs://NODE?patient-id=ID&patient-name=NAME&date=D&modality=M&accession=A&study=UID
// NODE is a node named in the settings or AET@HOST:PORT. Every series of the
// matching studies (of that modality, when one is given) is retrieved into
// one folder of the cache, which then stands for the input; a series already
// there whole is not fetched again.

#include "pacs/pacsnode.h"

#include <QString>
#include <QTextStream>

#include <optional>

namespace moescope::cli {

bool isPacsInput(const QString &input);
std::optional<QString> retrievePacsInput(const QString &input, const QList<pacs::Node> &nodes,
                                         QTextStream &err, QString *error);

// The settings' nodes with our AE title (pacsverb.cpp).
QList<pacs::Node> configuredPacsNodes();

} // namespace moescope::cli
