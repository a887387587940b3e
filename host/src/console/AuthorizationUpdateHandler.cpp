// jobhost host — AuthorizationUpdateHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/AuthorizationUpdateHandler.h"

#include <Poco/Data/Transaction.h>
#include <Poco/JSON/Array.h>

#include "console/ApiException.h"
#include "console/AuthorizationForm.h"
#include "console/AuthorizationView.h"
#include "console/ConsoleAudit.h"
#include "console/JsonResponse.h"
#include "security/CredentialSealer.h"
#include "store/Store.h"

namespace jobhost::host {

void AuthorizationUpdateHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    const Store& db = store();
    if (!_services.pSecrets) throw ApiException(503, "the console has no secret key; start it with 'jobhost serve'");
    Poco::JSON::Object::Ptr body = request.jsonBody();
    Poco::Data::Session session = db.openSession();
    AuthorizationRepository repository(session);
    AuthorizationRecord existing = repository.get(request.param("name"));
    CredentialSealer sealer(*_services.pSecrets);

    Poco::JSON::Object::Ptr kept = new Poco::JSON::Object;
    if (!existing.secretCiphertext.empty()) {
        OpenedCredentials opened = sealer.open(existing);
        for (const auto& [key, value] : opened.fields) kept->set(key, value);
    }
    AuthorizationInput input = AuthorizationForm::read(body, *_services.pPlugins, existing.name, kept);

    std::vector<std::string> changed;
    if (existing.provider != input.provider) changed.push_back("provider");
    if (existing.method != input.method) changed.push_back("method");
    if (existing.label != input.label) changed.push_back("label");
    if (existing.description != input.description) changed.push_back("description");
    std::vector<std::string> fieldChanges;
    sealer.same(existing, input.fields, fieldChanges);
    for (const auto& f : fieldChanges) changed.push_back("fields." + f);

    AuthorizationRecord next = existing;
    Poco::JSON::Object::Ptr before = AuthorizationView::toJson(existing, _services.pPlugins);
    if (!changed.empty()) {
        next.provider = input.provider;
        next.method = input.method;
        next.label = input.label;
        next.description = input.description;
        next.updatedAt = ConsoleAudit::nowMs();
        sealer.seal(next, input.fields, input.secretKeys);
        Poco::JSON::Object::Ptr after = AuthorizationView::toJson(next, _services.pPlugins);
        Poco::Data::Transaction transaction(session);
        repository.update(next);
        ConsoleAudit::record(session, request.actor(), "update", "authorization", next.name, changed, before, after);
        transaction.commit();
    }
    Poco::JSON::Object::Ptr out = AuthorizationView::toJson(next, _services.pPlugins);
    Poco::JSON::Array::Ptr names = new Poco::JSON::Array;
    for (const auto& c : changed) names->add(c);
    out->set("changed", names);
    JsonResponse::send(response, 200, out);
}

} // namespace jobhost::host
