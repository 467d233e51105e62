#!/usr/bin/env python3
"""sbom.py PINS VERSION REVISION FILE...: the release's SBOM, CycloneDX 1.6 JSON.

Static linking hides musl, libseccomp and libcap-ng from image scanners;
this names them, from build-aux/pins (the one place that pins them): each
with its version, licence, and the SHA-256 of the upstream tarball it was
built from, plus each release FILE (minit-VERSION-linux-ARCH) with its own
SHA-256.  Reproducible: the timestamp is $SOURCE_DATE_EPOCH and the serial
number is derived from the content.  tests/release.bats validates it
against the CycloneDX JSON schema."""
import hashlib
import json
import os
import sys
import time
import uuid


def pins(path):
    out = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                k, v = line.split("=", 1)
                out[k] = v
    return out


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def library(p, key, name, srcpkg, note):
    ver, deb = p[key + "_VER"], p[key + "_DEB"]
    return {
        "type": "library",
        "bom-ref": name,
        "name": name,
        "version": ver,
        "description": note,
        "licenses": [{"license": {"id": p[key + "_LICENSE"]}}],
        "purl": "pkg:deb/debian/%s@%s?arch=source" % (srcpkg, deb),
        "externalReferences": [{
            "type": "source-distribution",
            "url": "%s_%s.orig.tar.gz" % (srcpkg, ver),
            "comment": "upstream tarball of Debian source package %s %s"
                       % (srcpkg, deb),
            "hashes": [{"alg": "SHA-256", "content": p[key + "_SHA256"]}],
        }],
    }


def main(argv):
    if len(argv) < 5:
        sys.exit("usage: sbom.py PINS VERSION REVISION FILE...")
    p, version, revision, files = pins(argv[1]), argv[2], argv[3], argv[4:]
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    libs = [
        library(p, "MUSL", "musl", "musl",
                "the C library, Debian 12's musl-dev for each architecture"),
        library(p, "SECCOMP", "libseccomp", "libseccomp",
                "built by build-aux/deps.sh, modified: syscall table cut to "
                "the target's architecture (build-aux/libseccomp-*.patch)"),
        library(p, "CAPNG", "libcap-ng", "libcap-ng",
                "built by build-aux/deps.sh, modified: /proc/PID/status "
                "read without sscanf (build-aux/libcap-ng-noscanf.patch)"),
    ]
    comps = [{
        "type": "file",
        "bom-ref": os.path.basename(f),
        "name": os.path.basename(f),
        "version": version,
        "hashes": [{"alg": "SHA-256", "content": sha256(f)}],
    } for f in files]
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "version": 1,
        "metadata": {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                       time.gmtime(epoch)),
            "tools": {"components": [{"type": "application",
                                      "name": "minit build-aux/sbom.py"}]},
            "component": {
                "type": "application",
                "bom-ref": "minit",
                "name": "minit",
                "version": version,
                "description": "a small PID 1 for containers, statically "
                               "linked (musl, libseccomp, libcap-ng)",
                "licenses": [{"license": {"id": "MIT"}}],
                "purl": "pkg:generic/minit@%s" % version,
                "properties": [{"name": "minit:revision",
                                "value": revision}],
            },
        },
        "components": libs + comps,
        "dependencies": [
            {"ref": "minit", "dependsOn": [c["bom-ref"] for c in libs]},
        ] + [{"ref": c["bom-ref"], "dependsOn": [l["bom-ref"] for l in libs]}
             for c in comps] + [{"ref": l["bom-ref"]} for l in libs],
    }
    text = json.dumps(bom, indent=2, sort_keys=True)
    bom["serialNumber"] = "urn:uuid:%s" % uuid.uuid5(uuid.NAMESPACE_URL,
                                                     text)
    print(json.dumps(bom, indent=2, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv)
