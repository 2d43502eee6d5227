#pragma once
// The JSON tree the contract reader walks, parsed by nlohmann-json (Debian's
// nlohmann-json3-dev, header-only: the inference core includes LibTorch and
// the standard library only, so it cannot use QJsonDocument) through its SAX
// interface, strictly: valid UTF-8, no key twice in one object, no NUL in a
// string, finite numbers, at most 64 levels deep and kMaxTextBytes long.

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace moescope::model::json {

class Value
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Value> array;
    std::map<std::string, Value> object;

    bool isNull() const { return type == Type::Null; }
    bool isNumber() const { return type == Type::Number; }
    bool isString() const { return type == Type::String; }
    bool isArray() const { return type == Type::Array; }
    bool isObject() const { return type == Type::Object; }
    bool isInteger() const;

    bool has(const std::string &key) const { return isObject() && object.count(key) > 0; }
    // The member, or a Null value when absent.
    const Value &operator[](const std::string &key) const;
};

// Larger metadata is refused before parsing (a model's moescope.json is a
// few kB; a 50 MB one cost 2.2 GB to parse into a tree).
constexpr size_t kMaxTextBytes = size_t(4) << 20;

// Parses `text`; on failure returns false and sets `error` to where and why.
bool parse(const std::string &text, Value *out, std::string *error);

} // namespace moescope::model::json
