#!/usr/bin/env python3
"""Draws FactFlag's toolbar icons (a flag on a rounded square) as PNGs, with no image library."""
import struct, sys, zlib
from pathlib import Path

def png(size):
    bg, fg = (179, 38, 30), (255, 255, 255)
    rows = []
    r = size * 0.2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            # rounded square mask
            cx = min(max(x + 0.5, r), size - r); cy = min(max(y + 0.5, r), size - r)
            inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r
            u, v = (x + 0.5) / size, (y + 0.5) / size
            pole = 0.28 <= u <= 0.36 and 0.18 <= v <= 0.84
            flag = 0.36 <= u <= 0.76 and 0.2 <= v <= 0.52 and not (u > 0.62 and abs(v - 0.36) < (u - 0.62) * 0.9)
            if not inside:
                row += bytes((0, 0, 0, 0))
            elif pole or flag:
                row += bytes((*fg, 255))
            else:
                row += bytes((*bg, 255))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")

out = Path(sys.argv[1] if len(sys.argv) > 1 else "extension/icons")
out.mkdir(parents=True, exist_ok=True)
for s in (16, 32, 48, 128):
    (out / f"icon-{s}.png").write_bytes(png(s))
