// jobhost host — AuthorizationForm.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/AuthorizationForm.h"

#include <regex>
#include <set>

#include "console/ApiException.h"
#include "console/ApiHandler.h"
#include "console/FormErrors.h"

namespace jobhost::host {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

bool AuthorizationForm::validName(const std::string& name) {
    static const std::regex kName(R"(^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$)");
    return std::regex_match(name, kName);
}

AuthorizationInput AuthorizationForm::read(const Object::Ptr& body, const PluginRegistry& plugins, const std::string& name,
                                           const Object::Ptr& keptSecrets) {
    FormErrors errors;
    errors.refuseUnknown(body, "", {"name", "provider", "method", "label", "description", "fields"});
    AuthorizationInput input;
    input.name = name.empty() ? errors.text(body, "name", true) : name;
    if (name.empty() && !input.name.empty() && !validName(input.name))
        errors.add("name", "names are 1-64 letters, digits, '.', '_' or '-'");
    input.provider = errors.text(body, "provider", true);
    input.method = errors.text(body, "method", true);
    input.label = errors.text(body, "label", false);
    if (input.label.empty()) input.label = input.name;
    input.description = errors.text(body, "description", false);
    Object::Ptr fields = new Object;
    if (body->has("fields")) {
        Var v = body->get("fields");
        if (v.type() != typeid(Object::Ptr)) errors.add("fields", "expected an object of credential fields");
        else fields = new Object(*v.extract<Object::Ptr>());
    }
    if (!input.provider.empty() && !input.method.empty()) {
        const AuthMethod* method = nullptr;
        try {
            method = plugins.manifest(input.provider).findAuthMethod(input.method);
            if (!method) errors.add("method", "\"" + input.method + "\" is not an authorization method of provider " + input.provider);
        } catch (const HostException& e) {
            errors.add("provider", e.message());
        }
        if (method) {
            input.secretKeys = method->fields.secretKeys();
            for (const auto& key : input.secretKeys) {
                if (fields->has(key)) errors.mask(fields->get(key));
                bool omitted = !fields->has(key) || (fields->get(key).isString() && fields->getValue<std::string>(key).empty());
                if (omitted && keptSecrets && keptSecrets->has(key)) fields->set(key, keptSecrets->get(key));
            }
            std::vector<std::string> problems;
            input.fields = method->fields.validate(fields, "fields", problems);
            for (const auto& p : problems) errors.addLine(p);
        }
    }
    errors.raiseIfAny();
    return input;
}

} // namespace jobhost::host
