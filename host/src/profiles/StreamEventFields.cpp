// StreamEventFields.cpp — jobhost profiles: decodes a stored stream event's fields.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/StreamEventFields.h"

#include "store/StreamFieldsCodec.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace jobhost::host::profiles {
namespace {

// A small scanner for the common form [["name","value"],...] (the hot path
// of the builder); anything else falls back to Poco's parser.
class PairScanner {
public:
    explicit PairScanner(const std::string& s)
        : _s(s)
    {
    }

    bool scan(std::map<std::string, std::string>& out)
    {
        ws();
        if (!eat('[')) return false;
        ws();
        if (eat(']')) return atEnd();
        for (;;) {
            ws();
            if (!eat('[')) return false;
            std::string name, value;
            ws();
            if (!str(name)) return false;
            ws();
            if (!eat(',')) return false;
            ws();
            if (!str(value)) return false;
            ws();
            if (!eat(']')) return false;
            out[std::move(name)] = std::move(value);
            ws();
            if (eat(']')) return atEnd();
            if (!eat(',')) return false;
        }
    }

private:
    void ws()
    {
        while (_i < _s.size() && (_s[_i] == ' ' || _s[_i] == '\n' || _s[_i] == '\t' || _s[_i] == '\r')) ++_i;
    }
    bool eat(char c)
    {
        if (_i < _s.size() && _s[_i] == c) {
            ++_i;
            return true;
        }
        return false;
    }
    bool atEnd()
    {
        ws();
        return _i == _s.size();
    }
    bool str(std::string& out)
    {
        if (!eat('"')) return false;
        while (_i < _s.size()) {
            char c = _s[_i++];
            if (c == '"') return true;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (_i >= _s.size()) return false;
            char e = _s[_i++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            default: return false; // \u escapes: let Poco decode them
            }
        }
        return false;
    }

    const std::string& _s;
    std::size_t _i = 0;
};

std::string text(const Poco::Dynamic::Var& v)
{
    if (v.isEmpty()) return std::string();
    return v.convert<std::string>();
}

} // namespace

std::map<std::string, std::string> StreamEventFields::decode(const std::string& json)
{
    std::map<std::string, std::string> out;
    if (StreamFieldsCodec::isBinary(json)) {
        StreamFieldsCodec::Fields pairs;
        StreamFieldsCodec::decode(json, pairs); // damaged: the pairs before the damage
        for (auto& [name, value] : pairs) out[std::move(name)] = std::move(value);
        return out;
    }
    if (PairScanner(json).scan(out)) return out;
    out.clear();
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var root = parser.parse(json);
        if (root.type() == typeid(Poco::JSON::Array::Ptr)) {
            auto array = root.extract<Poco::JSON::Array::Ptr>();
            for (const auto& item : *array) {
                if (item.type() != typeid(Poco::JSON::Array::Ptr)) continue;
                auto pair = item.extract<Poco::JSON::Array::Ptr>();
                if (pair->size() < 2 || pair->get(0).isEmpty() || pair->get(1).isEmpty()) continue;
                out[text(pair->get(0))] = text(pair->get(1));
            }
        } else if (root.type() == typeid(Poco::JSON::Object::Ptr)) {
            auto object = root.extract<Poco::JSON::Object::Ptr>();
            for (const auto& [k, v] : *object)
                if (!v.isEmpty()) out[k] = text(v);
        }
    } catch (const Poco::Exception&) {
        // Malformed row: keep what was decoded (documented: never throws).
    }
    return out;
}

} // namespace jobhost::host::profiles
