#include "coretext.h"

#include "text/text.h"

#include <QCoreApplication>

namespace moescope {

namespace {
std::string translate(const char *context, const char *text)
{
    return QCoreApplication::translate(context, text).toStdString();
}
} // namespace

void installCoreTranslator()
{
    text::setTranslator(&translate);
}

} // namespace moescope
