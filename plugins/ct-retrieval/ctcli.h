#pragma once
// moescope-cli verbs of the CT retrieval plugin:
//   index     --model M --input DIR --db FILE --gallery NAME [--json]
//   retrieve  --model M --input FILE --db FILE --gallery NAME --top K [--json]
//   retrieve  --model M --db FILE --gallery NAME --top K --evaluate [--input DIR]
//   galleries --db FILE [--rename NAME --to NEW | --delete NAME] [--json]
// Exit codes as the host's verbs: 0 success, 1 a failure (one line per cause
// on stderr, naming the file), 2 a usage error.

#include "plugin/taskplugin.h"

namespace moescope::ct {

QList<CliVerb> cliVerbList();
int runCli(const TaskPlugin &plugin, const QString &verb, const QStringList &arguments,
           QTextStream &out, QTextStream &err);

} // namespace moescope::ct
