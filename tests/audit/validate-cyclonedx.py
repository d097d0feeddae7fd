#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates a CycloneDX 1.5 JSON document against the schema in SCHEMA_DIR, offline.

    validate-cyclonedx.py SCHEMA_DIR BOM.json

Exit 0 when it is valid; 1 with every violation on stderr otherwise. The schema's references
to spdx and jsf resolve to the files next to it, never to the network.
"""
import json
import pathlib
import sys

import jsonschema


def main():
    schema_dir, document = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    schemas = {}
    for name in ("bom-1.5", "spdx", "jsf-0.82"):
        schemas[name] = json.loads((schema_dir / f"{name}.SNAPSHOT.schema.json").read_text())
    bom = schemas["bom-1.5"]
    base = "http://cyclonedx.org/schema/"
    # The schema refers to "spdx.SNAPSHOT.schema.json" relative to its $id.
    store = {}
    for name, schema in schemas.items():
        store[schema["$id"]] = schema
        store[base + f"{name}.SNAPSHOT.schema.json"] = schema
    try:
        from referencing import Registry, Resource
        registry = Registry().with_resources((uri, Resource.from_contents(s)) for uri, s in store.items())
        validator = jsonschema.Draft7Validator(bom, registry=registry, format_checker=jsonschema.FormatChecker())
    except ImportError:  # jsonschema before 4.18
        resolver = jsonschema.RefResolver(base_uri=bom["$id"], referrer=bom, store=store)
        validator = jsonschema.Draft7Validator(bom, resolver=resolver, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(json.loads(document.read_text())), key=lambda e: list(e.path))
    for error in errors:
        print(f"{document}: {'/'.join(str(p) for p in error.path) or '(root)'}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
