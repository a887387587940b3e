// jobhost postup tests — RecordingTransport.h
// Decorator that remembers every request URL before passing it on.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "jobhost/sdk/HttpTransport.h"

namespace jobhost::plugins::postup::test {

/// Records "METHOD URL" of every send() (the simulator's /_sim/requests log
/// holds only mutating calls, so GET-only assertions need this). Borrows the
/// inner transport. Thread-safe.
class RecordingTransport : public sdk::HttpTransport {
public:
    explicit RecordingTransport(sdk::HttpTransport& inner) : _inner(inner) {}

    sdk::HttpResponse send(const sdk::HttpRequest& request, sdk::BodySink* sink = nullptr) override {
        {
            std::lock_guard<std::mutex> lock(_mutex);
            _calls.push_back(request.method + " " + request.url);
        }
        return _inner.send(request, sink);
    }

    std::vector<std::string> calls() const {
        std::lock_guard<std::mutex> lock(_mutex);
        return _calls;
    }

private:
    sdk::HttpTransport& _inner;
    mutable std::mutex _mutex;
    std::vector<std::string> _calls;
};

} // namespace jobhost::plugins::postup::test
