#pragma once
// A DICOM node to query and retrieve from (a PACS): who we call, where, and
// who we say we are. Nodes come from the settings or the command line
// (AET@HOST:PORT); none is built in.

#include <QList>
#include <QString>

#include <optional>

namespace moescope::pacs {

struct Node
{
    QString name;      // what the user calls it in the settings; may be empty
    QString calledAet; // the node's AE title
    QString host;
    int port = 104;
    QString callingAet = QStringLiteral("MOESCOPE"); // ours
    int timeoutSeconds = 10;                         // connecting, and waiting for each answer

    // "AET@HOST:PORT" (AE titles: 1–16 characters, no backslash or control
    // characters). nullopt with *error saying what is wrong.
    static std::optional<Node> parse(const QString &text, QString *error);
    // "AET@HOST:PORT", for messages.
    QString address() const;
};

// The nodes in settings form: one "NAME=AET@HOST:PORT" string each.
QList<Node> nodesFromStrings(const QStringList &entries);
QStringList nodesToStrings(const QList<Node> &nodes);
// A node by settings name, or parsed from AET@HOST:PORT.
std::optional<Node> resolveNode(const QString &nameOrAddress, const QList<Node> &configured,
                                QString *error);

} // namespace moescope::pacs
