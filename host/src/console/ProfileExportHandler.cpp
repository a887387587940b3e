// jobhost host — ProfileExportHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ProfileExportHandler.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>

#include <stdexcept>

#include "audiences/ProfileExporter.h"
#include "console/ApiException.h"
#include "profiles/ProfileExportWriter.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/Store.h"

namespace jobhost::host {

void ProfileExportHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    const std::string formatName = request.query("format", "jsonl");
    auto format = profiles::ProfileExportWriter::parseFormat(formatName);
    if (!format) throw ApiException(400, "format: expected jsonl or csv, not \"" + formatName + "\"", "format");
    std::vector<std::string> fields;
    const std::string fieldList = request.query("fields");
    if (!fieldList.empty()) {
        try {
            fields = profiles::ProfileExportWriter::parseFields(fieldList);
        } catch (const std::invalid_argument& e) {
            throw ApiException(400, std::string("fields: ") + e.what(), "fields");
        }
    }
    Poco::Data::Session session = store().openSession();
    const std::string audience = request.query("audience");
    if (!audience.empty() && !AudienceDefinitionRepository(session).find(audience))
        throw ApiException(404, "audience \"" + audience + "\" is not defined", "audience");

    response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
    response.setContentType(profiles::ProfileExportWriter::contentType(*format));
    response.setChunkedTransferEncoding(true);
    response.set("Cache-Control", "no-store");
    response.set("Content-Disposition",
                 std::string("attachment; filename=\"profiles.") + (*format == profiles::ProfileExportFormat::Csv ? "csv" : "jsonl") + "\"");
    std::ostream& out = response.send();
    try {
        audiences::ProfileExporter(session, audience, *format, fields).run(out);
    } catch (const std::exception& e) {
        // The status line is out: the only honest signal left is to end the
        // connection before the last chunk, so the transfer reads as cut.
        Poco::Logger::get("jobhost.console").warning("profile export ended early: %s", std::string(e.what()));
        if (auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request.raw())) {
            try {
                impl->socket().shutdown();
            } catch (const Poco::Exception&) {
                // Already gone (the client closed it): nothing more to end.
            }
        }
    }
}

} // namespace jobhost::host
