#pragma once
// A small JSON reader for moescope.json. The inference core includes LibTorch
// and the standard library only (it must build on a GPU machine without Qt),
// so it cannot use QJsonDocument.

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

// Parses `text`; on failure returns false and sets `error` to where and why.
bool parse(const std::string &text, Value *out, std::string *error);

} // namespace moescope::model::json
