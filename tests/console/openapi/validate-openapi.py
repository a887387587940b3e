#!/usr/bin/env python3
# validate-openapi.py — offline check of an OpenAPI 3.1 document (see README.md).
# SPDX-License-Identifier: Apache-2.0
import json
import re
import sys


def main(argv):
    if len(argv) != 3:
        print("usage: validate-openapi.py OAS-3.1-SCHEMA.json DOCUMENT.json", file=sys.stderr)
        return 2
    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        print("validate-openapi: python3-jsonschema is missing; run scripts/setup", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        print("validate-openapi: %s" % e, file=sys.stderr)
        return 2

    problems = []
    validator = Draft202012Validator(schema)
    for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        where = "/".join(map(str, error.absolute_path)) or "(document)"
        problems.append("%s: %s" % (where, error.message))

    seen = {}
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        templated = set(re.findall(r"\{([^}]+)\}", path))
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            declared = {p.get("name") for p in operation.get("parameters", []) if isinstance(p, dict) and p.get("in") == "path"}
            for name in sorted(templated - declared):
                problems.append("paths/%s/%s: path parameter {%s} is not declared" % (path, method, name))
            for name in sorted(declared - templated):
                problems.append("paths/%s/%s: parameter %s is not in the path" % (path, method, name))
            op_id = operation.get("operationId")
            if op_id in seen:
                problems.append("paths/%s/%s: operationId %s also used by %s" % (path, method, op_id, seen[op_id]))
            seen[op_id] = "%s %s" % (method, path)

    for line in problems:
        print("openapi: " + line)
    if problems:
        return 1
    print("openapi: valid OpenAPI %s document, %d operations" % (document.get("openapi"), len(seen)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
