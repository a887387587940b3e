// FaultSettingsJson.cpp — jobhost postup-sim: fault settings <-> JSON and CLI specs.
// SPDX-License-Identifier: Apache-2.0
#include "FaultSettingsJson.h"

#include "ApiError.h"
#include "JsonInput.h"
#include "JsonWriter.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <stdexcept>

namespace jobhost::sim {

std::string FaultSettingsJson::toJson(const FaultSettings& s) {
  JsonWriter w;
  w.beginObject().field("seed", static_cast<std::int64_t>(s.seed)).field("slowImportMs", s.slowImportMs);
  w.key("rules").beginArray();
  for (const auto& r : s.rules) {
    w.beginObject()
        .field("kind", FaultRule::kindName(r.kind))
        .field("route", r.route)
        .field("rate", r.rate)
        .field("after", r.after)
        .field("limit", r.limit)
        .field("latencyMs", r.latencyMs)
        .field("retryAfterSeconds", r.retryAfterSeconds)
        .field("retryAfterFormat", r.retryAfterHttpDate ? "date" : "seconds")
        .field("size", static_cast<std::int64_t>(r.size))
        .field("matched", r.matched)
        .field("fired", r.fired)
        .endObject();
  }
  w.endArray().endObject();
  return w.take();
}

namespace {
void checkRule(const FaultRule& r) {
  if (!(r.rate >= 0.0 && r.rate <= 1.0)) throw std::invalid_argument("fault rate must be between 0 and 1");
  if (r.latencyMs < 0 || r.retryAfterSeconds < 0 || r.after < 0 || r.limit < -1 || r.size < 0)
    throw std::invalid_argument("fault numbers must not be negative");
}
} // namespace

FaultSettings FaultSettingsJson::fromJson(const std::string& json) {
  FaultSettings s;
  try {
    auto in = JsonInput::parseObject(json);
    s.seed = static_cast<std::uint64_t>(in.getInt("seed").value_or(0));
    s.slowImportMs = static_cast<int>(in.getInt("slowImportMs").value_or(0));
    Poco::JSON::Parser parser;
    auto root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Array::Ptr rules;
    for (const auto& [k, v] : *root)
      if (Poco::icompare(k, "rules") == 0) {
        if (v.type() != typeid(Poco::JSON::Array::Ptr)) throw std::invalid_argument("rules must be an array");
        rules = v.extract<Poco::JSON::Array::Ptr>();
      }
    if (rules) {
      for (std::size_t i = 0; i < rules->size(); ++i) {
        auto item = rules->get(static_cast<unsigned>(i));
        if (item.type() != typeid(Poco::JSON::Object::Ptr)) throw std::invalid_argument("each rule must be an object");
        JsonInput r(item.extract<Poco::JSON::Object::Ptr>());
        FaultRule rule;
        if (!FaultRule::parseKind(r.getString("kind").value_or(""), rule.kind))
          throw std::invalid_argument("rule kind must be error, throttle, latency, reset, truncate, huge, endless, "
                                      "content-type, deep or utf8");
        rule.route = r.getString("route").value_or("*");
        if (r.has("rate")) {
          auto rate = r.getString("rate");
          rule.rate = Poco::NumberParser::parseFloat(*rate);
        }
        rule.after = static_cast<int>(r.getInt("after").value_or(0));
        rule.limit = static_cast<int>(r.getInt("limit").value_or(-1));
        rule.latencyMs = static_cast<int>(r.getInt("latencyMs").value_or(0));
        rule.retryAfterSeconds = static_cast<int>(r.getInt("retryAfterSeconds").value_or(1));
        rule.retryAfterHttpDate = Poco::icompare(r.getString("retryAfterFormat").value_or("seconds"), "date") == 0;
        rule.size = r.getInt("size").value_or(0);
        checkRule(rule);
        s.rules.push_back(rule);
      }
    }
  } catch (const ApiError& e) {
    throw std::invalid_argument(e.what());
  } catch (const Poco::Exception& e) {
    throw std::invalid_argument(e.displayText());
  }
  return s;
}

FaultRule FaultSettingsJson::parseSpec(const std::string& spec) {
  FaultRule rule;
  bool haveKind = false;
  std::size_t start = 0;
  while (start < spec.size()) {
    auto comma = spec.find(',', start);
    if (comma == std::string::npos) comma = spec.size();
    const std::string part = spec.substr(start, comma - start);
    start = comma + 1;
    const auto eq = part.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("fault spec item without '=': " + part);
    const std::string key = Poco::toLower(Poco::trim(part.substr(0, eq)));
    const std::string value = Poco::trim(part.substr(eq + 1));
    try {
      if (key == "kind") {
        if (!FaultRule::parseKind(value, rule.kind)) throw std::invalid_argument("unknown fault kind: " + value);
        haveKind = true;
      } else if (key == "route") rule.route = value;
      else if (key == "rate") rule.rate = Poco::NumberParser::parseFloat(value);
      else if (key == "after") rule.after = Poco::NumberParser::parse(value);
      else if (key == "limit") rule.limit = Poco::NumberParser::parse(value);
      else if (key == "latencyms" || key == "latency") rule.latencyMs = Poco::NumberParser::parse(value);
      else if (key == "retryafter" || key == "retryafterseconds") rule.retryAfterSeconds = Poco::NumberParser::parse(value);
      else if (key == "retryafterformat") rule.retryAfterHttpDate = Poco::icompare(value, "date") == 0;
      else if (key == "size") rule.size = Poco::NumberParser::parse64(value);
      else throw std::invalid_argument("unknown fault spec key: " + key);
    } catch (const Poco::SyntaxException&) {
      throw std::invalid_argument("bad number in fault spec: " + part);
    }
  }
  if (!haveKind) throw std::invalid_argument("fault spec needs kind=…: " + spec);
  checkRule(rule);
  return rule;
}

} // namespace jobhost::sim
