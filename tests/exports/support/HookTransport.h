// jobhost exports tests — HookTransport.h
// An sdk::HttpTransport that calls hooks around each request of an inner one.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>

#include "jobhost/sdk/HttpTransport.h"

namespace jobhost::host::exports::test {

/// `before` runs before a request is sent, `after` once its response came
/// back (e.g. to kill the process at an exact point). Thread-safe when the
/// hooks are.
class HookTransport : public sdk::HttpTransport {
public:
    explicit HookTransport(std::shared_ptr<sdk::HttpTransport> inner) : _pInner(std::move(inner)) {}

    sdk::HttpResponse send(const sdk::HttpRequest& request, sdk::BodySink* sink = nullptr) override {
        if (before) before(request);
        sdk::HttpResponse response = _pInner->send(request, sink);
        if (after) after(request, response);
        return response;
    }

    std::function<void(const sdk::HttpRequest&)> before;
    std::function<void(const sdk::HttpRequest&, const sdk::HttpResponse&)> after;

private:
    std::shared_ptr<sdk::HttpTransport> _pInner;
};

} // namespace jobhost::host::exports::test
