#pragma once
// The gallery verbs of moescope-cli, served by the host for every plugin
// with the Gallery capability (CT retrieval today):
//   index     --model M --input DIR --db FILE --gallery NAME [--json]
//   retrieve  --model M --input FILE --db FILE --gallery NAME --top K [--json]
//   retrieve  --model M --db FILE --gallery NAME --top K --evaluate [--input DIR]
// (galleries, which needs no model, lives in lightverbs.)
// Exit codes as the other verbs: 0 success, 1 a failure (one line per cause
// on stderr, naming the file), 2 a usage error.

#include <QStringList>
#include <QTextStream>

namespace moescope::cli {

int index(const QStringList &arguments, QTextStream &out, QTextStream &err);
int retrieve(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace moescope::cli
