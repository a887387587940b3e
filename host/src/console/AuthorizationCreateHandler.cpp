// jobhost host — AuthorizationCreateHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/AuthorizationCreateHandler.h"

#include <Poco/Data/Transaction.h>

#include "console/ApiException.h"
#include "console/AuthorizationForm.h"
#include "console/AuthorizationView.h"
#include "console/ConsoleAudit.h"
#include "console/JsonResponse.h"
#include "security/CredentialSealer.h"
#include "store/Store.h"

namespace jobhost::host {

void AuthorizationCreateHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    const Store& db = store();
    if (!_services.pSecrets) throw ApiException(503, "the console has no secret key; start it with 'jobhost serve'");
    AuthorizationInput input = AuthorizationForm::read(request.jsonBody(), *_services.pPlugins, "", nullptr);

    Poco::Data::Session session = db.openSession();
    AuthorizationRepository repository(session);
    if (repository.find(input.name))
        throw ApiException(409, "authorization \"" + input.name + "\" already exists; PUT /api/v1/authorizations/" + input.name + " changes it",
                           "name");
    AuthorizationRecord record;
    record.name = input.name;
    record.provider = input.provider;
    record.method = input.method;
    record.label = input.label;
    record.description = input.description;
    record.createdAt = record.updatedAt = ConsoleAudit::nowMs();
    CredentialSealer(*_services.pSecrets).seal(record, input.fields, input.secretKeys);
    Poco::JSON::Object::Ptr view = AuthorizationView::toJson(record, _services.pPlugins);

    Poco::Data::Transaction transaction(session);
    repository.insert(record);
    ConsoleAudit::record(session, request.actor(), "create", "authorization", record.name,
                         {"provider", "method", "label", "description", "fields"}, nullptr, view);
    transaction.commit();
    JsonResponse::send(response, 201, view);
}

} // namespace jobhost::host
