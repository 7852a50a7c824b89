"""Checks the Makefile target `sam build` runs: it must publish the Native AOT executable into
ARTIFACTS_DIR as `bootstrap`, runnable on provided.al2023 (x86-64, glibc 2.34), and nothing else.

Run: python3 test/deployment/check_build.py   (takes about a minute: a real AOT publish)
"""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from cfn_support import REPO_ROOT, Checks

AL2023_GLIBC = (2, 34)
WORK = Path(tempfile.mkdtemp(prefix="ctn-build-"))
ARTIFACTS = WORK / "artifacts"
result = {}


def run_make(artifacts_dir):
    """Runs make the way SAM does: from another directory, ARTIFACTS_DIR in the environment."""
    env = dict(os.environ, BUILD_DIR=str(WORK / "build"))
    env.pop("ARTIFACTS_DIR", None)
    if artifacts_dir is not None:
        env["ARTIFACTS_DIR"] = str(artifacts_dir)
    scratch = WORK / "cwd"
    scratch.mkdir(exist_ok=True)
    return subprocess.run(["make", "-f", str(REPO_ROOT / "Makefile"), "build-NotifierFunction"], cwd=scratch,
                          env=env, capture_output=True, text=True, timeout=900)


def make_target_builds_bootstrap_into_artifacts_dir():
    ARTIFACTS.mkdir()
    completed = run_make(ARTIFACTS)
    result["built"] = completed.returncode == 0
    assert completed.returncode == 0, f"make exited {completed.returncode}:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    assert (ARTIFACTS / "bootstrap").is_file(), "no bootstrap in ARTIFACTS_DIR"


def artifacts_hold_only_the_executable_bootstrap():
    assert result.get("built"), "the build failed"
    names = sorted(p.name for p in ARTIFACTS.iterdir())
    assert names == ["bootstrap"], f"ARTIFACTS_DIR should hold only bootstrap, holds {names}"
    mode = (ARTIFACTS / "bootstrap").stat().st_mode
    assert mode & 0o111 == 0o111, f"bootstrap is not executable by all: {oct(mode)}"


def bootstrap_is_an_x86_64_linux_executable_for_glibc_2_34():
    assert result.get("built"), "the build failed"
    header = (ARTIFACTS / "bootstrap").read_bytes()[:20]
    assert header[:4] == b"\x7fELF", "not an ELF file"
    assert header[4] == 2 and int.from_bytes(header[18:20], "little") == 0x3E, "not a 64-bit x86-64 ELF"
    symbols = subprocess.run(["objdump", "-T", str(ARTIFACTS / "bootstrap")], capture_output=True, text=True,
                             check=True).stdout
    versions = {tuple(int(n) for n in v.split(".")) for v in re.findall(r"GLIBC_([0-9]+(?:\.[0-9]+)+)", symbols)}
    assert versions, "found no GLIBC symbol versions"
    newest = max(versions)
    print(f"     newest glibc symbol version needed: {'.'.join(map(str, newest))}; "
          f"size {(ARTIFACTS / 'bootstrap').stat().st_size / 1e6:.1f} MB")
    assert newest <= AL2023_GLIBC, f"needs glibc {newest}, provided.al2023 has {AL2023_GLIBC}"


def bootstrap_runs_on_its_own():
    """The packaged executable starts with nothing beside it; outside Lambda it says so in one line and exits 2."""
    assert result.get("built"), "the build failed"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(WORK)}
    completed = subprocess.run([str(ARTIFACTS / "bootstrap")], capture_output=True, text=True, env=env, timeout=60)
    assert completed.returncode == 2, f"bootstrap exited {completed.returncode}: {completed.stderr}"
    lines = completed.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: AWS_LAMBDA_RUNTIME_API is not set"), completed.stderr
    assert completed.stdout == "", completed.stdout


def make_without_artifacts_dir_fails_with_one_clear_line():
    completed = run_make(None)
    assert completed.returncode != 0, "make should refuse to build without ARTIFACTS_DIR"
    assert "ARTIFACTS_DIR is not set" in completed.stderr, completed.stderr


def main():
    checks = Checks()
    try:
        for check in (make_target_builds_bootstrap_into_artifacts_dir, artifacts_hold_only_the_executable_bootstrap,
                      bootstrap_is_an_x86_64_linux_executable_for_glibc_2_34, bootstrap_runs_on_its_own,
                      make_without_artifacts_dir_fails_with_one_clear_line):
            checks.run(check.__name__, check)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    checks.finish()


if __name__ == "__main__":
    main()
