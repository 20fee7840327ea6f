#!/usr/bin/env bash
# Set up everything PartnerDesk needs to run and be tested, on a fresh Debian 12 (or UOS/Kylin) machine.
#
#   bash scripts/setup.sh            # system libraries (root only), .venv, pip install -e ".[test]", translations
#   SKIP_SYSTEM=1 bash scripts/setup.sh   # leave system packages alone
#   FORCE=1 bash scripts/setup.sh         # reinstall the Python packages even if pyproject.toml is unchanged
#
# Idempotent: a stamp file in .venv records the hash of pyproject.toml (and of this script and the Python
# version), so a second run with nothing changed only checks and rebuilds translations.
# Called by `make run`, `make test` and .ci/run; safe to run by hand.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${VENV:-$ROOT/.venv}"
STAMP="$VENV/.partnerdesk-setup"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 DEBIAN_FRONTEND=noninteractive

# Qt's xcb/EGL runtime, a virtual screen for screenshots, PDF tools for the document tests, CJK fonts.
SYSTEM_PACKAGES=(
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
    libxcb-image0 libxcb-xinerama0 xvfb xauth poppler-utils fonts-noto-cjk
)

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

missing_packages() {  # prints the packages of "$@" that dpkg does not have fully installed
    local pkg status
    for pkg in "$@"; do
        status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
        [ "${status:0:2}" = "ii" ] || printf '%s\n' "$pkg"
    done
}

apt_install() {  # apt-get update only when something is actually missing (the caller checked)
    say "apt-get install $*"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

system_packages() {
    if [ "${SKIP_SYSTEM:-0}" = 1 ]; then say "SKIP_SYSTEM=1: not checking system packages"; return; fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "not a Debian-family system: install Qt's xcb/EGL libraries, Xvfb, poppler and a CJK font yourself"
        return
    fi
    local missing
    mapfile -t missing < <(missing_packages "${SYSTEM_PACKAGES[@]}")
    if [ "${#missing[@]}" -eq 0 ]; then say "system packages: all present"; return; fi
    if is_root; then
        apt_install "${missing[@]}"
    else
        say "missing system packages: ${missing[*]}"
        say "run this once, then run make again:"
        printf '\n    sudo apt-get install -y %s\n\n' "${missing[*]}"
        say "continuing without them (the GUI and some tests may fail until they are installed)"
    fi
}

python_ok() {  # $1: an interpreter; true if it is CPython >= 3.11
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
            command -v "$candidate"; return 0
        fi
    done
    return 1
}

make_venv() {
    local python
    python="$(find_python)" || die "Python 3.11 or newer is needed (tried \$PYTHON, python3.11, python3).
        On Debian 12: sudo apt-get install python3 python3-venv"
    say "creating $VENV with $python ($("$python" -V 2>&1))"
    rm -rf "$VENV"
    if ! "$python" -m venv "$VENV" 2>/dev/null; then
        # Debian splits ensurepip into python3-venv / python3.11-venv.
        if is_root && command -v apt-get >/dev/null 2>&1; then
            rm -rf "$VENV"
            apt_install python3-venv
            "$python" -m venv "$VENV"
        else
            rm -rf "$VENV"
            die "'$python -m venv' failed; run: sudo apt-get install -y python3-venv"
        fi
    fi
    "$VENV/bin/python" -m pip install -q --upgrade pip
}

venv_ok() {
    [ -x "$VENV/bin/python" ] && python_ok "$VENV/bin/python" && "$VENV/bin/python" -m pip --version >/dev/null 2>&1
}

stamp_value() {
    {
        sha256sum pyproject.toml "${BASH_SOURCE[0]}" | cut -d' ' -f1
        "$VENV/bin/python" -c 'import sys; print(sys.version)'
    } | sha256sum | cut -d' ' -f1
}

python_packages() {
    venv_ok || make_venv
    local want
    want="$(stamp_value)"
    if [ "${FORCE:-0}" != 1 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] \
        && "$VENV/bin/python" -c 'import partnerdesk, pytest' >/dev/null 2>&1; then
        say "python packages: up to date (pyproject.toml unchanged)"
        return
    fi
    say "pip install -e \".[test]\" into $VENV"
    rm -f "$STAMP"
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    printf '%s\n' "$want" >"$STAMP"
}

translations() {
    if [ -f scripts/build_translations.py ]; then
        say "building translations"
        "$VENV/bin/python" scripts/build_translations.py
    else
        say "scripts/build_translations.py not present yet: skipping translations"
    fi
}

main() {
    local t0=$SECONDS
    system_packages
    python_packages
    translations
    say "done in $((SECONDS - t0)) s"
}

main "$@"
