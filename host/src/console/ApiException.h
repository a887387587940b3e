// jobhost host — ApiException.h
// An error the console API turns into a JSON error response.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "app/HostException.h"

namespace jobhost::host {

/// Thrown by console handlers for an error the client caused or must see:
/// carries the HTTP status and the offending field (key path such as
/// "config.site_id"; empty when no single field is at fault). ApiHandler
/// turns it into `{"error": {"message": ..., "field": ...}}`. Messages must
/// never contain secret values.
class ApiException : public HostException {
public:
    ApiException(int status, const std::string& message, std::string field = {});

    int status() const { return _status; }
    const std::string& field() const { return _field; }

    const char* name() const noexcept override;
    const char* className() const noexcept override;
    Poco::Exception* clone() const override;
    void rethrow() const override;

private:
    int _status;
    std::string _field;
};

} // namespace jobhost::host
