#!/usr/bin/env python3
"""arm32.py OUT: a tiny static 32-bit ARM (EABI) program for the compat check.

It calls getpid(2) through the arm 32-bit ABI (svc 0, r7 = 20), then exits
with status 42 (r7 = 1).  Run directly on an arm64 kernel with compat
support it exits 42; under minit's filter, whose only ABI is aarch64, its
first syscall must be killed (SIGSYS).  Written as bytes so that no 32-bit
ARM toolchain is needed."""
import struct
import sys

CODE = [
    0xE3A07014,  # mov r7, #20      getpid
    0xEF000000,  # svc #0
    0xE3A0002A,  # mov r0, #42
    0xE3A07001,  # mov r7, #1       exit
    0xEF000000,  # svc #0
]
BASE = 0x10000
EHDR, PHDR = 52, 32
code = b"".join(struct.pack("<I", i) for i in CODE)
size = EHDR + PHDR + len(code)
ehdr = struct.pack("<16sHHIIIIIHHHHHH",
                   b"\x7fELF\x01\x01\x01" + b"\0" * 9,
                   2, 40, 1,              # ET_EXEC, EM_ARM, EV_CURRENT
                   BASE + EHDR + PHDR,    # entry
                   EHDR, 0,               # phoff, shoff
                   0x05000000,            # EABI version 5
                   EHDR, PHDR, 1, 40, 0, 0)
phdr = struct.pack("<IIIIIIII", 1, 0, BASE, BASE, size, size, 5, 0x10000)
with open(sys.argv[1], "wb") as f:
    f.write(ehdr + phdr + code)
