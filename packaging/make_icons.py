#!/usr/bin/env python3
"""Render the app icon from its one SVG source into every committed raster form.

    python3 packaging/make_icons.py          # rewrite the PNGs, .ico and .icns (needs rsvg-convert)
    python3 packaging/make_icons.py --check  # verify the committed files are complete (no tools needed)

Source: resources/icons/searchapp.svg. Outputs (committed, so no build renders anything):
  searchapp/resources/icons/searchapp.svg          runtime copy (loaded with importlib.resources)
  searchapp/resources/icons/searchapp-<N>.png      N = 16 24 32 48 64 128 256 512
  resources/icons/searchapp.ico                    Windows (PyInstaller EXE icon, Inno Setup)
  resources/icons/searchapp.icns                   macOS (.app bundle icon)
rsvg-convert comes from Debian's librsvg2-bin. The .ico and .icns hold PNG entries, which Windows Vista+
and macOS 10.7+ read, so no image library is needed to write them.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "resources" / "icons" / "searchapp.svg"
RUNTIME = REPO / "searchapp" / "resources" / "icons"
ART = REPO / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns OSType -> pixel size of its PNG payload
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def png_path(size: int) -> Path:
    return RUNTIME / f"searchapp-{size}.png"


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def render() -> None:
    tool = shutil.which("rsvg-convert")
    if not tool:
        sys.exit("rsvg-convert not found: apt-get install librsvg2-bin")
    RUNTIME.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, RUNTIME / "searchapp.svg")
    for size in SIZES:
        subprocess.run([tool, "-w", str(size), "-h", str(size), str(SOURCE), "-o", str(png_path(size))],
                       check=True)
    write_ico(ART / "searchapp.ico")
    write_icns(ART / "searchapp.icns")


def write_ico(path: Path) -> None:
    images = [png_path(s).read_bytes() for s in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    path.write_bytes(header + entries + b"".join(images))


def write_icns(path: Path) -> None:
    body = b""
    for ostype, size in ICNS_TYPES:
        data = png_path(size).read_bytes()
        body += ostype.encode("ascii") + struct.pack(">I", len(data) + 8) + data
    path.write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)


def check() -> int:
    problems = []
    if (RUNTIME / "searchapp.svg").read_bytes() != SOURCE.read_bytes():
        problems.append("searchapp/resources/icons/searchapp.svg differs from resources/icons/searchapp.svg")
    for size in SIZES:
        p = png_path(size)
        if not p.is_file():
            problems.append(f"missing {p}")
        elif png_size(p.read_bytes()) != (size, size):
            problems.append(f"{p} is {png_size(p.read_bytes())}, not {size}x{size}")
    for name in ("searchapp.ico", "searchapp.icns"):
        if not (ART / name).is_file():
            problems.append(f"missing resources/icons/{name}")
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print(f"icons ok: svg + {len(SIZES)} PNG sizes + ico + icns")
    return 1 if problems else 0


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        sys.exit(check())
    render()
    sys.exit(check())
