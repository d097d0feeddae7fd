#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the next patch version of the fixture's semver crate into a folder, for the demo
# feed's picture of Compare Versions (the fixture has one version of each crate): a changed
# source file, a new file, and a higher MSRV, as a real release would bring.
#   demo-next-version.py CRATES_DIR OUT_DIR
import glob, io, re, sys, tarfile, gzip
src = sorted(glob.glob(sys.argv[1] + "/semver-*.crate"))[0]
old = re.search(r"semver-(.*)\.crate$", src).group(1)
major, minor, patch = old.split(".")[:3]
new = "%s.%s.%d" % (major, minor, int(re.match(r"\d+", patch).group()) + 1)
out = io.BytesIO()
with tarfile.open(src, "r:gz") as tin, tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as tout:
    for member in tin.getmembers():
        data = tin.extractfile(member).read() if member.isfile() else None
        rest = member.name.split("/", 1)[1] if "/" in member.name else ""
        member.name = "semver-%s/%s" % (new, rest) if rest else "semver-" + new
        if rest == "Cargo.toml":
            text = data.decode()
            text = text.replace('version = "%s"' % old, 'version = "%s"' % new, 1)
            text = re.sub(r'rust-version = "[^"]*"', 'rust-version = "1.70"', text, count=1)
            data = text.encode()
        elif rest == "src/lib.rs":
            data += b"\n/// Whether this version is a pre-release.\npub fn is_prerelease(version: &Version) -> bool {\n    !version.pre.is_empty()\n}\n"
        if data is not None:
            member.size = len(data)
            tout.addfile(member, io.BytesIO(data))
        else:
            tout.addfile(member)
    notes = b"# Changes\n\n## %s\n\n- `is_prerelease()`\n- Rust 1.70 or newer\n" % new.encode()
    info = tarfile.TarInfo("semver-%s/CHANGELOG.md" % new)
    info.size, info.mode = len(notes), 0o644
    tout.addfile(info, io.BytesIO(notes))
with open("%s/semver-%s.crate" % (sys.argv[2], new), "wb") as f:
    f.write(gzip.compress(out.getvalue(), 6, mtime=0))
