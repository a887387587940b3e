// tests/host/transport — RecordingSink.h
// A BodySink that keeps the body and counts reset() calls.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>

#include <jobhost/sdk/HttpTransport.h>

namespace jobhost::tests {

/// Not thread-safe (one send() at a time). `abortAfter` > 0 makes write()
/// return false once that many bytes arrived.
class RecordingSink : public sdk::BodySink {
public:
    explicit RecordingSink(std::size_t abortAfter = 0) : _abortAfter(abortAfter) {}
    void reset() override {
        ++resets;
        data.clear();
    }
    bool write(const char* bytes, std::size_t size) override {
        ++writes;
        data.append(bytes, size);
        return _abortAfter == 0 || data.size() < _abortAfter;
    }

    std::string data;
    int resets = 0;
    int writes = 0;

private:
    std::size_t _abortAfter;
};

} // namespace jobhost::tests
