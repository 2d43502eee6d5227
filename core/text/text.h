#pragma once
// Messages for people from the Qt-free core, kept translatable: the English
// template (placeholders %1 … %9, filled by arg() as QString::arg fills
// them) goes through a translator the application installs
// (QCoreApplication::translate, core/jobs/coretext.h); without one — a GPU
// machine without Qt — the English template is used. lupdate finds the
// templates through "-tr-function-alias translate+=modelText"
// (translations/CMakeLists.txt): the context and the template must be string
// literals, and nothing else goes inside the call's parentheses.

#include <string>

namespace moescope::text {

using Translator = std::string (*)(const char *context, const char *text);

// Installs the translator used from then on (nullptr: English). Call once at
// start-up, before any model is loaded.
void setTranslator(Translator translator);

class Message
{
public:
    explicit Message(std::string text) : m_text(std::move(text)) {}
    // Replaces the lowest-numbered placeholder left (every place it occurs).
    Message arg(const std::string &value) const;
    operator std::string() const { return m_text; }
    const std::string &str() const { return m_text; }

private:
    std::string m_text;
};

// `text` translated in `context`.
Message modelText(const char *context, const char *text);

} // namespace moescope::text
