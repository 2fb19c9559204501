#!/usr/bin/env python3
"""Check every built artifact the way a user gets it (make package-check, after make dist and make deb).

1. version: pyproject.toml and searchapp/__init__.py agree (the artifact names use the latter)
2. icons: the committed PNG/ico/icns renderings are complete (packaging/make_icons.py --check)
3. metadata: desktop-file-validate and appstreamcli validate --no-net on packaging/linux/*
   (missing validators are apt-get installed only as root with CI=true, otherwise skipped with a note)
4. wheel: `pip wheel . --no-deps` holds the icons, the sample articles and the `searchapp` gui-script
5. tarball: unpacked into a temp folder, `SearchApp/searchapp --self-test` offscreen, and the frozen
   app's --install-desktop-entry / --uninstall-desktop-entry against a temp XDG_DATA_HOME
6. deb: its file list, then `--self-test` of the unpacked payload (no root needed); as root, a real
   install (`dpkg -i`, or `apt-get install ./x.deb` with CI=true when dependencies are missing),
   `searchapp --self-test` from PATH, `dpkg -r`, and a check that every installed file is gone.
Every self-test runs with QT_QPA_PLATFORM=offscreen, throwaway data folders and a time limit.
Exit status 0 only when nothing failed; skipped steps print why.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP_ID = "io.github.searchapp.SearchApp"
SELF_TEST_TIMEOUT = 300  # seconds; a hung self-test must not eat the CI budget
DEB_DEPENDS_PROBE = "Depends"
CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

failures: list[str] = []
notes: list[str] = []


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def fail(message: str) -> None:
    print(f"FAIL: {message}", flush=True)
    failures.append(message)


def note(message: str) -> None:
    print(f"note: {message}", flush=True)
    notes.append(message)


def run(cmd: list[str], *, env: dict[str, str] | None = None, timeout: float = 600,
        check_name: str | None = None) -> subprocess.CompletedProcess[str] | None:
    """Run a command, echoing it and its output; record a failure under check_name if it fails."""
    print("$ " + " ".join(cmd), flush=True)
    try:
        proc = subprocess.run(cmd, env=env, timeout=timeout, capture_output=True, text=True, check=False)
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode(errors="replace") if isinstance(exc.stdout, bytes) else exc.stdout or ""
        print(out[-4000:])
        fail(f"{check_name or cmd[0]}: timed out after {timeout:.0f}s")
        return None
    output = (proc.stdout + proc.stderr).strip()
    if output:
        print(output[-6000:], flush=True)
    if proc.returncode != 0 and check_name:
        fail(f"{check_name}: exit status {proc.returncode}")
    return proc


def isolated_env(tmp: Path) -> dict[str, str]:
    """Offscreen Qt and throwaway home/data/config/log folders, so no check touches real user data."""
    env = dict(os.environ)
    for name in ("data", "config", "log", "xdg-data", "xdg-config", "xdg-cache", "runtime"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    (tmp / "runtime").chmod(0o700)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        SEARCHAPP_DATA_DIR=str(tmp / "data"),
        SEARCHAPP_CONFIG_DIR=str(tmp / "config"),
        SEARCHAPP_LOG_DIR=str(tmp / "log"),
        XDG_DATA_HOME=str(tmp / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp / "xdg-config"),
        XDG_CACHE_HOME=str(tmp / "xdg-cache"),
        XDG_RUNTIME_DIR=str(tmp / "runtime"),
    )
    env.pop("SEARCHAPP_INDEX", None)
    env.pop("PYTHONPATH", None)  # the frozen app must not see the source tree
    env.pop("PYTHONHOME", None)
    return env


def self_test(executable: Path, label: str, tmp: Path) -> None:
    start = time.monotonic()
    proc = run([str(executable), "--self-test"], env=isolated_env(tmp), timeout=SELF_TEST_TIMEOUT,
               check_name=f"{label} --self-test")
    if proc is not None and proc.returncode == 0:
        print(f"ok: {label} --self-test passed in {time.monotonic() - start:.1f}s", flush=True)


# --- 1-3: sources -----------------------------------------------------------------------------------

def check_version(version: str) -> None:
    step("version")
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        fail("pyproject.toml has no static version")
    elif match.group(1) != version:
        fail(f"pyproject.toml version {match.group(1)} != searchapp.__version__ {version}")
    else:
        print(f"ok: version {version}")


def check_icons() -> None:
    step("icons")
    run([sys.executable, str(REPO / "packaging" / "make_icons.py"), "--check"], check_name="icons")


def apt_env() -> dict[str, str]:
    return {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}


def ensure_tools(tools: dict[str, str]) -> list[str]:
    """Tool -> Debian package. Returns the tools available after (maybe) installing missing ones."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing and IS_ROOT and CI and shutil.which("apt-get"):
        packages = sorted({tools[t] for t in missing})
        run(["apt-get", "update", "-qq"], env=apt_env(), timeout=600)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=apt_env(), timeout=900)
    return [tool for tool in tools if shutil.which(tool)]


def check_metadata() -> None:
    step("desktop entry and AppStream metadata")
    desktop = REPO / "packaging" / "linux" / f"{APP_ID}.desktop"
    metainfo = REPO / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
    have = ensure_tools({"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"})
    if "desktop-file-validate" in have:
        proc = run(["desktop-file-validate", str(desktop)], check_name="desktop-file-validate")
        if proc is not None and proc.returncode == 0 and proc.stdout.strip():
            fail("desktop-file-validate printed warnings or hints")
    else:
        note("desktop-file-validate not installed: desktop entry not validated "
             "(apt-get install desktop-file-utils, or run as root with CI=true)")
    if "appstreamcli" in have:
        run(["appstreamcli", "validate", "--no-net", str(metainfo)], check_name="appstreamcli validate")
    else:
        note("appstreamcli not installed: metainfo not validated "
             "(apt-get install appstream, or run as root with CI=true)")


# --- 4: wheel ---------------------------------------------------------------------------------------

def check_wheel(tmp: Path) -> None:
    step("wheel")
    out = tmp / "wheel"
    proc = run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(REPO)],
               timeout=600, check_name="pip wheel")
    if proc is None or proc.returncode != 0:
        return
    wheels = list(out.glob("searchapp-*.whl"))
    if len(wheels) != 1:
        fail(f"pip wheel made {wheels}")
        return
    with zipfile.ZipFile(wheels[0]) as whl:
        names = set(whl.namelist())
        entry_points = next((whl.read(n).decode() for n in names if n.endswith("entry_points.txt")), "")
    wanted = ["searchapp/resources/icons/searchapp.svg", "searchapp/config/desktop_entry.py",
              *(f"searchapp/resources/icons/searchapp-{n}.png" for n in (16, 24, 32, 48, 64, 128, 256, 512))]
    missing = [n for n in wanted if n not in names]
    samples = [n for n in names if n.startswith("searchapp/resources/sample/")]
    if missing:
        fail(f"wheel lacks {missing}")
    if len(samples) < 10:
        fail(f"wheel holds {len(samples)} sample files under searchapp/resources/sample/")
    gui_section = entry_points.split("[gui_scripts]", 1)[1] if "[gui_scripts]" in entry_points else ""
    if not re.search(r"^searchapp\s*=\s*searchapp\.__main__:main", gui_section, re.MULTILINE):
        fail("wheel does not declare the `searchapp` gui-script")
    if not missing and len(samples) >= 10 and gui_section:
        print(f"ok: {wheels[0].name}: icons, {len(samples)} sample files, gui-script searchapp")


# --- 5: tarball -------------------------------------------------------------------------------------

def check_tarball(tarball: Path, tmp: Path) -> None:
    step(f"tarball {tarball.name}")
    if not tarball.is_file():
        fail(f"{tarball} missing")
        return
    unpack = tmp / "tarball"
    with tarfile.open(tarball) as tar:
        tar.extractall(unpack, filter="tar") if hasattr(tarfile, "data_filter") else tar.extractall(unpack)
    exe = unpack / "SearchApp" / "searchapp"
    if not exe.is_file():
        fail("tarball has no SearchApp/searchapp")
        return
    self_test(exe, "tarball", tmp / "tarball-home")

    env = isolated_env(tmp / "entry-home")
    xdg = Path(env["XDG_DATA_HOME"])
    proc = run([str(exe), "--install-desktop-entry"], env=env, timeout=120, check_name="--install-desktop-entry")
    if proc is not None and proc.returncode == 0:
        entry = xdg / "applications" / f"{APP_ID}.desktop"
        icons = list((xdg / "icons" / "hicolor").rglob(f"{APP_ID}.*"))
        if not entry.is_file() or f"Exec={exe}" not in entry.read_text():
            fail(f"--install-desktop-entry: {entry} missing or Exec is not {exe}")
        elif len(icons) != 9:
            fail(f"--install-desktop-entry wrote {len(icons)} icons, expected 9")
        run([str(exe), "--uninstall-desktop-entry"], env=env, timeout=120, check_name="--uninstall-desktop-entry")
        left = [p for p in xdg.rglob("*") if p.is_file()]
        if left:
            fail(f"--uninstall-desktop-entry left {left}")
        elif not failures:
            print("ok: frozen --install-desktop-entry / --uninstall-desktop-entry")


# --- 6: deb -----------------------------------------------------------------------------------------

def deb_field(deb: Path, field: str) -> str:
    proc = subprocess.run(["dpkg-deb", "--field", str(deb), field], capture_output=True, text=True, check=False)
    return proc.stdout.strip()


def missing_depends(depends: str) -> list[str]:
    missing = []
    for item in depends.split(","):
        name = item.strip().split(" ", 1)[0].split(":", 1)[0]
        if not name:
            continue
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True,
                                check=False).stdout
        if "install ok installed" not in status:
            missing.append(name)
    return missing


def check_deb(deb: Path, tmp: Path) -> None:
    step(f"deb {deb.name}")
    if not deb.is_file():
        fail(f"{deb} missing")
        return
    if not shutil.which("dpkg-deb"):
        fail("dpkg-deb not found")
        return
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True,
                             check=False).stdout
    for path in ["./opt/searchapp/searchapp", "./usr/bin/searchapp -> /opt/searchapp/searchapp",
                 f"./usr/share/applications/{APP_ID}.desktop", f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
                 f"./usr/share/icons/hicolor/16x16/apps/{APP_ID}.png",
                 f"./usr/share/icons/hicolor/512x512/apps/{APP_ID}.png",
                 f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"]:
        if path not in listing:
            fail(f"deb lacks {path}")
    payload = tmp / "deb-payload"
    run(["dpkg-deb", "-x", str(deb), str(payload)], check_name="dpkg-deb -x")
    self_test(payload / "opt" / "searchapp" / "searchapp", "deb payload", tmp / "payload-home")
    install_deb(deb, tmp)


def install_deb(deb: Path, tmp: Path) -> None:
    if not IS_ROOT or not shutil.which("dpkg"):
        note("not root: the .deb was checked unpacked, not installed (run as root for dpkg -i / dpkg -r)")
        return
    if subprocess.run(["dpkg-query", "-W", "-f=${Status}", "searchapp"], capture_output=True, text=True,
                      check=False).stdout.startswith("install ok"):
        note("a searchapp package is already installed here: not replacing it (dpkg -r searchapp to test)")
        return
    missing = missing_depends(deb_field(deb, DEB_DEPENDS_PROBE))
    if not missing:
        proc = run(["dpkg", "-i", str(deb)], timeout=600, check_name="dpkg -i")
    elif CI and shutil.which("apt-get"):
        print(f"installing with its dependencies ({', '.join(missing)}) through apt-get", flush=True)
        run(["apt-get", "update", "-qq"], env=apt_env(), timeout=600)
        proc = run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", str(deb.resolve())],
                   env=apt_env(), timeout=900, check_name="apt-get install ./deb")
    else:
        note(f"dependencies {missing} are not installed: skipped the real install "
             "(run as root with CI=true to let apt-get install them)")
        return
    if proc is None or proc.returncode != 0:
        run(["dpkg", "-r", "searchapp"], timeout=300)
        return
    files = subprocess.run(["dpkg-query", "-L", "searchapp"], capture_output=True, text=True,
                           check=False).stdout.split("\n")
    on_path = shutil.which("searchapp", path="/usr/bin")
    if on_path != "/usr/bin/searchapp":
        fail("installed deb has no /usr/bin/searchapp")
    else:
        self_test(Path("/usr/bin/searchapp"), "installed deb (/usr/bin/searchapp)", tmp / "installed-home")
    run(["dpkg", "-r", "searchapp"], timeout=300, check_name="dpkg -r")
    left = [f for f in files if f and Path(f).exists() and not Path(f).is_dir()]
    for directory in ("/opt/searchapp", "/usr/bin/searchapp"):
        if os.path.lexists(directory):
            left.append(directory)
    if left:
        fail(f"dpkg -r left {left[:10]}")
    else:
        print(f"ok: dpkg -r removed all {len([f for f in files if f])} installed paths", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", required=True)
    parser.add_argument("--tarball", type=Path, required=True)
    parser.add_argument("--deb", type=Path, required=True)
    parser.add_argument("--skip-wheel", action="store_true", help="skip the pip wheel check")
    args = parser.parse_args()
    os.chdir(REPO)
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="searchapp-package-check-") as name:
        tmp = Path(name)
        check_version(args.version)
        check_icons()
        check_metadata()
        if not args.skip_wheel:
            check_wheel(tmp)
        check_tarball(args.tarball, tmp)
        check_deb(args.deb, tmp)
    print(f"\n== package-check: {len(failures)} failure(s), {len(notes)} note(s), {time.monotonic() - start:.0f}s")
    for message in notes:
        print(f"  note: {message}")
    for message in failures:
        print(f"  FAIL: {message}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
