#include "pacsnode.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace moescope::pacs {

namespace {
bool validAet(const QString &aet)
{
    if (aet.isEmpty() || aet.size() > 16 || aet.trimmed().isEmpty())
        return false;
    for (const QChar c : aet)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('\\'))
            return false;
    return true;
}
} // namespace

std::optional<Node> Node::parse(const QString &text, QString *error)
{
    // DICOM allows '@' in an AE title; the last '@' separates it from the host.
    static const QRegularExpression re(
        QStringLiteral("^(.+)@([^@:]+|\\[[0-9a-fA-F:]+\\]):(\\d{1,5})$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch()) {
        if (error)
            *error =
                QCoreApplication::translate("moescope::pacs::Node",
                                            "\"%1\" is not a DICOM node; write AE_TITLE@HOST:PORT")
                    .arg(text);
        return std::nullopt;
    }
    Node node;
    node.calledAet = m.captured(1);
    node.host = m.captured(2);
    if (node.host.startsWith(QLatin1Char('[')))
        node.host = node.host.mid(1, node.host.size() - 2);
    node.port = m.captured(3).toInt();
    if (!validAet(node.calledAet)) {
        if (error)
            *error = QCoreApplication::translate(
                         "moescope::pacs::Node",
                         "\"%1\" is not an AE title (1 to 16 printable ASCII characters, no "
                         "backslash)")
                         .arg(node.calledAet);
        return std::nullopt;
    }
    if (node.port < 1 || node.port > 65535) {
        if (error)
            *error =
                QCoreApplication::translate("moescope::pacs::Node", "%1 is not a port (1 to 65535)")
                    .arg(node.port);
        return std::nullopt;
    }
    return node;
}

QString Node::address() const
{
    return calledAet + QLatin1Char('@') + host + QLatin1Char(':') + QString::number(port);
}

QList<Node> nodesFromStrings(const QStringList &entries)
{
    QList<Node> nodes;
    for (const QString &entry : entries) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        std::optional<Node> node = Node::parse(entry.mid(eq + 1), nullptr);
        if (!node)
            continue;
        node->name = entry.left(eq).trimmed();
        nodes << *node;
    }
    return nodes;
}

QStringList nodesToStrings(const QList<Node> &nodes)
{
    QStringList entries;
    for (const Node &node : nodes)
        entries << node.name + QLatin1Char('=') + node.address();
    return entries;
}

std::optional<Node> resolveNode(const QString &nameOrAddress, const QList<Node> &configured,
                                QString *error)
{
    for (const Node &node : configured)
        if (node.name == nameOrAddress)
            return node;
    if (!nameOrAddress.contains(QLatin1Char('@'))) {
        if (error) {
            QStringList names;
            for (const Node &node : configured)
                names << node.name;
            *error =
                names.isEmpty()
                    ? QCoreApplication::translate(
                          "moescope::pacs::Node",
                          "no DICOM node is named \"%1\" and none is configured; give "
                          "AE_TITLE@HOST:PORT")
                          .arg(nameOrAddress)
                    : QCoreApplication::translate("moescope::pacs::Node",
                                                  "no DICOM node is named \"%1\" (configured: %2)")
                          .arg(nameOrAddress, names.join(QStringLiteral(", ")));
        }
        return std::nullopt;
    }
    return Node::parse(nameOrAddress, error);
}

} // namespace moescope::pacs
