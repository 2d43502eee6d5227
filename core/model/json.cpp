#include "json.h"

#include "text/text.h"

#include <cmath>
#include <cstdlib>

namespace moescope::model::json {

namespace {

class Parser
{
public:
    explicit Parser(const std::string &text) : m_text(text) {}

    bool parseDocument(Value *out, std::string *error)
    {
        skipSpace();
        if (!parseValue(out, 0))
            return fail(error);
        skipSpace();
        if (m_pos != m_text.size()) {
            m_error =
                text::modelText("moescope::model::Json", "unexpected text after the JSON value");
            return fail(error);
        }
        return true;
    }

private:
    bool fail(std::string *error) const
    {
        if (error)
            *error = text::modelText("moescope::model::Json", "%1 at offset %2")
                         .arg(m_error)
                         .arg(std::to_string(m_pos));
        return false;
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' ||
                                         m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    bool literal(const char *word)
    {
        const std::string w(word);
        if (m_text.compare(m_pos, w.size(), w) != 0) {
            m_error = text::modelText("moescope::model::Json", "invalid literal");
            return false;
        }
        m_pos += w.size();
        return true;
    }

    bool parseValue(Value *out, int depth)
    {
        if (depth > 64) {
            m_error = text::modelText("moescope::model::Json", "nesting deeper than 64 levels");
            return false;
        }
        if (m_pos >= m_text.size()) {
            m_error = text::modelText("moescope::model::Json", "unexpected end of text");
            return false;
        }
        const char c = m_text[m_pos];
        if (c == '{')
            return parseObject(out, depth);
        if (c == '[')
            return parseArray(out, depth);
        if (c == '"') {
            out->type = Value::Type::String;
            return parseString(&out->string);
        }
        if (c == 't') {
            out->type = Value::Type::Bool;
            out->boolean = true;
            return literal("true");
        }
        if (c == 'f') {
            out->type = Value::Type::Bool;
            out->boolean = false;
            return literal("false");
        }
        if (c == 'n') {
            out->type = Value::Type::Null;
            return literal("null");
        }
        return parseNumber(out);
    }

    bool parseNumber(Value *out)
    {
        const char *begin = m_text.c_str() + m_pos;
        char *end = nullptr;
        const double v = std::strtod(begin, &end);
        if (end == begin || (*begin != '-' && (*begin < '0' || *begin > '9'))) {
            m_error = text::modelText("moescope::model::Json", "unexpected character");
            return false;
        }
        m_pos += size_t(end - begin);
        out->type = Value::Type::Number;
        out->number = v;
        return true;
    }

    static void appendUtf8(std::string *s, unsigned cp)
    {
        if (cp < 0x80) {
            s->push_back(char(cp));
        } else if (cp < 0x800) {
            s->push_back(char(0xC0 | (cp >> 6)));
            s->push_back(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            s->push_back(char(0xE0 | (cp >> 12)));
            s->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            s->push_back(char(0x80 | (cp & 0x3F)));
        } else {
            s->push_back(char(0xF0 | (cp >> 18)));
            s->push_back(char(0x80 | ((cp >> 12) & 0x3F)));
            s->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            s->push_back(char(0x80 | (cp & 0x3F)));
        }
    }

    bool parseHex4(unsigned *cp)
    {
        if (m_pos + 4 > m_text.size()) {
            m_error = text::modelText("moescope::model::Json", "truncated \\u escape");
            return false;
        }
        *cp = unsigned(std::strtoul(m_text.substr(m_pos, 4).c_str(), nullptr, 16));
        m_pos += 4;
        return true;
    }

    bool parseString(std::string *out)
    {
        ++m_pos; // opening quote
        out->clear();
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c != '\\') {
                out->push_back(c);
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out->push_back('"');
                break;
            case '\\':
                out->push_back('\\');
                break;
            case '/':
                out->push_back('/');
                break;
            case 'b':
                out->push_back('\b');
                break;
            case 'f':
                out->push_back('\f');
                break;
            case 'n':
                out->push_back('\n');
                break;
            case 'r':
                out->push_back('\r');
                break;
            case 't':
                out->push_back('\t');
                break;
            case 'u': {
                unsigned cp = 0;
                if (!parseHex4(&cp))
                    return false;
                if (cp >= 0xD800 && cp < 0xDC00 && m_text.compare(m_pos, 2, "\\u") == 0) {
                    m_pos += 2;
                    unsigned low = 0;
                    if (!parseHex4(&low))
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                m_error = text::modelText("moescope::model::Json", "invalid escape in string");
                return false;
            }
        }
        m_error = text::modelText("moescope::model::Json", "unterminated string");
        return false;
    }

    bool parseArray(Value *out, int depth)
    {
        ++m_pos;
        out->type = Value::Type::Array;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            Value item;
            if (!parseValue(&item, depth + 1))
                return false;
            out->array.push_back(std::move(item));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            m_error = text::modelText("moescope::model::Json", "expected ',' or ']' in array");
            return false;
        }
    }

    bool parseObject(Value *out, int depth)
    {
        ++m_pos;
        out->type = Value::Type::Object;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') {
                m_error = text::modelText("moescope::model::Json", "expected a quoted member name");
                return false;
            }
            std::string key;
            if (!parseString(&key))
                return false;
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') {
                m_error =
                    text::modelText("moescope::model::Json", "expected ':' after member name");
                return false;
            }
            ++m_pos;
            skipSpace();
            Value item;
            if (!parseValue(&item, depth + 1))
                return false;
            out->object[key] = std::move(item);
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            m_error = text::modelText("moescope::model::Json", "expected ',' or '}' in object");
            return false;
        }
    }

    const std::string &m_text;
    size_t m_pos = 0;
    std::string m_error;
};

} // namespace

bool Value::isInteger() const
{
    return type == Type::Number && std::floor(number) == number;
}

const Value &Value::operator[](const std::string &key) const
{
    static const Value null;
    if (!isObject())
        return null;
    auto it = object.find(key);
    return it == object.end() ? null : it->second;
}

bool parse(const std::string &text, Value *out, std::string *error)
{
    *out = Value();
    return Parser(text).parseDocument(out, error);
}

} // namespace moescope::model::json
