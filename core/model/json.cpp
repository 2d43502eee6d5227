#include "json.h"

#include "text/text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>

namespace moescope::model::json {

namespace {

// Builds a Value tree from nlohmann's SAX events, strictly: nlohmann checks
// the grammar, escapes and UTF-8; this adds what a model file's metadata must
// also respect (no key twice in an object, no NUL in a string, finite
// numbers, bounded nesting), so nothing a reader would see differently from
// the writer passes.
class TreeBuilder : public nlohmann::json_sax<nlohmann::json>
{
public:
    std::string error;

    bool null() override { return put(Value()); }
    bool boolean(bool b) override
    {
        Value v;
        v.type = Value::Type::Bool;
        v.boolean = b;
        return put(std::move(v));
    }
    bool number_integer(number_integer_t n) override { return number(double(n)); }
    bool number_unsigned(number_unsigned_t n) override { return number(double(n)); }
    bool number_float(number_float_t n, const string_t &) override { return number(n); }
    bool string(string_t &s) override
    {
        if (std::memchr(s.data(), '\0', s.size()))
            return refuse(
                text::modelText("moescope::model::Json", "a string holds a NUL character"));
        Value v;
        v.type = Value::Type::String;
        v.string = std::move(s);
        return put(std::move(v));
    }
    bool binary(binary_t &) override
    {
        return refuse(text::modelText("moescope::model::Json", "binary values are not JSON"));
    }
    bool start_object(std::size_t) override { return open(Value::Type::Object); }
    bool key(string_t &k) override
    {
        if (std::memchr(k.data(), '\0', k.size()))
            return refuse(text::modelText("moescope::model::Json", "a key holds a NUL character"));
        if (m_open.back()->object.count(k))
            return refuse(text::modelText("moescope::model::Json",
                                          "the key \"%1\" appears twice in one object")
                              .arg(k));
        m_key = std::move(k);
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(Value::Type::Array); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string &,
                     const nlohmann::detail::exception &e) override
    {
        // nlohmann's message names the position and the cause ("syntax error
        // while parsing value - invalid string: ill-formed UTF-8 byte").
        std::string why = e.what();
        if (const size_t colon = why.find("] "); colon != std::string::npos)
            why = why.substr(colon + 2);
        error = text::modelText("moescope::model::Json", "%1 (byte %2)")
                    .arg(why)
                    .arg(std::to_string(position));
        return false;
    }

    Value root;

private:
    static constexpr size_t kMaxDepth = 64;
    std::vector<Value *> m_open; // the arrays and objects being filled
    std::string m_key;
    bool m_done = false;

    bool refuse(const std::string &why)
    {
        if (error.empty())
            error = why;
        return false;
    }

    bool number(double n)
    {
        if (!std::isfinite(n))
            return refuse(text::modelText("moescope::model::Json", "a number is out of range"));
        Value v;
        v.type = Value::Type::Number;
        v.number = n;
        return put(std::move(v));
    }

    // Stores `v` where the parser stands; returns where it went.
    Value *place(Value v)
    {
        if (m_open.empty()) {
            root = std::move(v);
            m_done = true;
            return &root;
        }
        Value *parent = m_open.back();
        if (parent->isArray()) {
            parent->array.push_back(std::move(v));
            return &parent->array.back();
        }
        return &(parent->object[m_key] = std::move(v));
    }

    bool put(Value v)
    {
        place(std::move(v));
        return true;
    }

    bool open(Value::Type type)
    {
        if (m_open.size() >= kMaxDepth)
            return refuse(text::modelText("moescope::model::Json", "nested deeper than %1 levels")
                              .arg(std::to_string(kMaxDepth)));
        Value v;
        v.type = type;
        // Pointers into a parent's vector stay valid: nothing is added to a
        // parent while one of its children is open.
        m_open.push_back(place(std::move(v)));
        return true;
    }

    bool close()
    {
        m_open.pop_back();
        return true;
    }
};

} // namespace

bool parse(const std::string &text, Value *out, std::string *error)
{
    if (text.size() > kMaxTextBytes) {
        if (error)
            *error = text::modelText("moescope::model::Json", "%1 bytes, more than the %2 allowed")
                         .arg(std::to_string(text.size()))
                         .arg(std::to_string(kMaxTextBytes));
        return false;
    }
    // nlohmann ends its input at a NUL byte (for C strings), so text after
    // one would pass unread.
    if (const size_t nul = text.find('\0'); nul != std::string::npos) {
        if (error)
            *error = text::modelText("moescope::model::Json", "a NUL byte at byte %1")
                         .arg(std::to_string(nul));
        return false;
    }
    TreeBuilder builder;
    bool parsed = false;
    try {
        parsed = nlohmann::json::sax_parse(text, &builder, nlohmann::json::input_format_t::json,
                                           true /* strict: nothing after the value */);
    } catch (const std::exception &e) { // bad_alloc, or an exception nlohmann did not route
        builder.error = e.what();
    }
    if (!parsed) {
        if (error)
            *error = builder.error.empty() ? text::modelText("moescope::model::Json", "not JSON")
                                           : builder.error;
        return false;
    }
    *out = std::move(builder.root);
    return true;
}

bool Value::isInteger() const
{
    return type == Type::Number && std::floor(number) == number;
}

const Value &Value::operator[](const std::string &key) const
{
    static const Value null;
    if (!isObject())
        return null;
    const auto it = object.find(key);
    return it == object.end() ? null : it->second;
}

} // namespace moescope::model::json
