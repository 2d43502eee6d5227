#include "text.h"

#include <atomic>

namespace moescope::text {

namespace {
std::atomic<Translator> g_translator{nullptr};
}

void setTranslator(Translator translator)
{
    g_translator.store(translator);
}

Message modelText(const char *context, const char *text)
{
    const Translator translate = g_translator.load();
    return Message(translate ? translate(context, text) : std::string(text));
}

Message Message::arg(const std::string &value) const
{
    char lowest = 0;
    for (size_t i = 0; i + 1 < m_text.size(); ++i) {
        const char d = m_text[i + 1];
        if (m_text[i] == '%' && d >= '1' && d <= '9' && (lowest == 0 || d < lowest))
            lowest = d;
    }
    if (lowest == 0)
        return *this;
    std::string out;
    out.reserve(m_text.size() + value.size());
    for (size_t i = 0; i < m_text.size(); ++i) {
        if (m_text[i] == '%' && i + 1 < m_text.size() && m_text[i + 1] == lowest) {
            out += value;
            ++i;
        } else {
            out += m_text[i];
        }
    }
    return Message(std::move(out));
}

} // namespace moescope::text
