// examples/connector-template — EchoImportJob.cpp
// SPDX-License-Identifier: Apache-2.0
#include "EchoImportJob.h"

#include <string>

namespace connector_template {
namespace {

/// "count" from the job's config JSON (the host has validated it against the
/// manifest, defaults filled in); a real connector would use a JSON parser.
long long configuredCount(const std::string& json) {
    const std::string key = "\"count\":";
    std::size_t at = json.find(key);
    if (at == std::string::npos) return 3;
    try {
        return std::stoll(json.substr(at + key.size()));
    } catch (const std::exception&) {
        return -1;
    }
}

} // namespace

jobhost::sdk::Outcome EchoImportJob::run(jobhost::sdk::ImportContext& context) {
    using jobhost::sdk::Outcome;
    long long count = configuredCount(context.configJson());
    if (count < 0) return Outcome::fail(jobhost::sdk::FailureClass::Config, "config.count is not a number");
    std::string state = context.loadState();
    long long next = 0;
    try {
        next = state.empty() ? 0 : std::stoll(state);
    } catch (const std::exception&) {
        next = 0; // unreadable state: start over (records are keyed, re-emitting is harmless)
    }
    for (long long i = next; i < count; ++i) {
        if (context.cancelled()) return Outcome::retry("cancelled");
        jobhost::sdk::Record record;
        record.naturalKey = "echo-" + std::to_string(i);
        record.eventTimeMs = context.nowMs();
        record.set("index", std::to_string(i));
        if (!context.emit("template_events", std::move(record))) return Outcome::fail(jobhost::sdk::FailureClass::Config, "stream template_events is not in the manifest");
        if (!context.checkpoint(std::to_string(i + 1))) return Outcome::retry("checkpoint failed");
        context.progress(static_cast<std::uint64_t>(i + 1), static_cast<std::uint64_t>(count), "records");
    }
    context.logger().info("echo emitted " + std::to_string(count) + " records");
    return Outcome::ok();
}

} // namespace connector_template
