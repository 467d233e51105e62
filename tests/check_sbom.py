#!/usr/bin/python3
"""check_sbom.py SCHEMA_DIR PINS SBOM FILE...: validate a release SBOM.

1. against the CycloneDX 1.6 JSON schema (SCHEMA_DIR: res/schema/ of the
   npm package @cyclonedx/cyclonedx-library, fetched by
   build-aux/install-deps.sh test), with Debian's python3-jsonschema;
2. every third-party component of build-aux/pins is there with its pinned
   version, licence and tarball SHA-256;
3. every release FILE is there with its SHA-256.
Prints one line per problem and exits 1, or prints "sbom: ok"."""
import hashlib
import json
import os
import sys

import jsonschema

# the pins file's reader is the SBOM generator's (build-aux/sbom.py)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "build-aux"))
from sbom import pins as read_pins  # noqa: E402


def main(schema_dir, pins_path, sbom_path, files):
    base = "http://cyclonedx.org/schema/"
    store = {}
    for name in os.listdir(schema_dir):
        if name.endswith(".schema.json"):
            with open(os.path.join(schema_dir, name)) as f:
                store[base + name] = json.load(f)
    schema = store[base + "bom-1.6.SNAPSHOT.schema.json"]
    with open(sbom_path) as f:
        bom = json.load(f)
    problems = []
    resolver = jsonschema.RefResolver(base, schema, store=store)
    validator = jsonschema.Draft7Validator(schema, resolver=resolver)
    for e in validator.iter_errors(bom):
        problems.append("schema: %s: %s" % ("/".join(map(str, e.path)),
                                            e.message))
    pins = read_pins(pins_path)
    comps = {c.get("name"): c for c in bom.get("components", [])}
    if bom.get("metadata", {}).get("component", {}).get("name") != "minit":
        problems.append("metadata.component is not minit")
    for key, name in (("MUSL", "musl"), ("SECCOMP", "libseccomp"),
                      ("CAPNG", "libcap-ng")):
        c = comps.get(name)
        if c is None:
            problems.append("%s: missing" % name)
            continue
        if c.get("version") != pins[key + "_VER"]:
            problems.append("%s: version %s, pinned %s" % (
                name, c.get("version"), pins[key + "_VER"]))
        ids = [lic["license"].get("id") for lic in c.get("licenses", [])]
        if ids != [pins[key + "_LICENSE"]]:
            problems.append("%s: licences %s, pinned %s" % (
                name, ids, pins[key + "_LICENSE"]))
        sums = [h["content"] for r in c.get("externalReferences", [])
                for h in r.get("hashes", []) if h.get("alg") == "SHA-256"]
        if sums != [pins[key + "_SHA256"]]:
            problems.append("%s: tarball SHA-256 %s, pinned %s" % (
                name, sums, pins[key + "_SHA256"]))
    for path in files:
        with open(path, "rb") as f:
            want = hashlib.sha256(f.read()).hexdigest()
        c = comps.get(os.path.basename(path))
        got = [h["content"] for h in (c or {}).get("hashes", [])]
        if got != [want]:
            problems.append("%s: SHA-256 %s, file %s" % (
                os.path.basename(path), got, want))
    for p in problems:
        print(p)
    if problems:
        return 1
    print("sbom: ok")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit("usage: check_sbom.py SCHEMA_DIR PINS SBOM FILE...")
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
