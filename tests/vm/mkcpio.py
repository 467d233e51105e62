#!/usr/bin/env python3
"""mkcpio.py DIR OUT: DIR as a gzip'd newc cpio archive (an initramfs).

Entries in sorted order, owned by root, with mtime 0 and the modes of the
files in DIR, so the same DIR gives the same bytes.  No cpio(1) needed."""
import gzip
import os
import stat
import sys


def entry(out, ino, name, st, data):
    mode = st.st_mode
    fields = [ino, mode, 0, 0, st.st_nlink if stat.S_ISDIR(mode) else 1, 0,
              len(data), 0, 0, 0, 0, len(name) + 1, 0]
    hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
    out.write(hdr + name.encode() + b"\0")
    out.write(b"\0" * ((4 - (len(hdr) + len(name) + 1) % 4) % 4))
    out.write(data)
    out.write(b"\0" * ((4 - len(data) % 4) % 4))


def main(top, path):
    names = []
    for root, dirs, files in os.walk(top):
        names += [os.path.relpath(os.path.join(root, n), top)
                  for n in dirs + files]
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb",
                                                 mtime=0) as out:
        for ino, rel in enumerate(sorted(names), 1):   # parents first
            full = os.path.join(top, rel)
            st = os.lstat(full)
            if stat.S_ISLNK(st.st_mode):
                data = os.readlink(full).encode()
            elif stat.S_ISREG(st.st_mode):
                with open(full, "rb") as f:
                    data = f.read()
            else:
                data = b""
            entry(out, ino, rel, st, data)
        entry(out, 0, "TRAILER!!!", os.stat(top), b"")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: mkcpio.py DIR OUT")
    main(sys.argv[1], sys.argv[2])
