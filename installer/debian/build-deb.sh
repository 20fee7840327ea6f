#!/usr/bin/env bash
# Build partnerdesk_<version>_<arch>.deb for Debian 12, UOS and Kylin from the PyInstaller bundle.
#
#   make deb                                   # = make bundle, then this script
#   bash installer/debian/build-deb.sh [--bundle dist/PartnerDesk] [--out dist] [--arch amd64]
#   bash installer/debian/build-deb.sh --dry-run    # no bundle needed: a stub bundle, built in a temp dir,
#                                                   # checked with dpkg-deb --info/--contents, then removed
# Package layout:
#   /opt/partnerdesk/                      the one-folder bundle: executable `partnerdesk`, and _internal/ with
#                                          Python, Qt, resources/, forms/, partnerdesk/db/migrations/
#   /usr/bin/partnerdesk                   symlink to it (GUI with no arguments, CLI with a sub-command)
#   /usr/share/applications/partnerdesk.desktop, /usr/share/icons/hicolor/.../partnerdesk.{png,svg}
# Build on the target CPU (amd64, arm64, loongarch64): PyInstaller bundles native libraries.
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUNDLE="$ROOT/dist/PartnerDesk"
OUT="$ROOT/dist"
ARCH=""
DRY_RUN=0

# Qt's xcb/EGL runtime (the same list scripts/setup.sh installs for development).
DEPENDS="libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, libxcb-cursor0,
 libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-randr0, libxcb-render-util0, libxcb-image0,
 libxcb-xinerama0"
RECOMMENDS="fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) BUNDLE="$(cd "$2" && pwd)"; shift 2 ;;
        --out) mkdir -p "$2"; OUT="$(cd "$2" && pwd)"; shift 2 ;;
        --arch) ARCH="$2"; shift 2 ;;
        --dry-run) DRY_RUN=1; shift ;;
        -h|--help) usage ;;
        *) echo "unknown option: $1" >&2; usage ;;
    esac
done

command -v dpkg-deb >/dev/null || { echo "dpkg-deb not found (Debian/UOS/Kylin only)" >&2; exit 1; }
ARCH="${ARCH:-$(dpkg --print-architecture)}"
VERSION="$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$ROOT/pyproject.toml" | head -n1)"
[ -n "$VERSION" ] || { echo "no version in pyproject.toml" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

stub_bundle() {  # a stand-in for dist/PartnerDesk (PyInstaller 6 one-folder layout: data under _internal/)
    local dir="$WORK/stub/PartnerDesk"
    mkdir -p "$dir/_internal/partnerdesk/db"
    printf '#!/bin/sh\necho "PartnerDesk %s (stub bundle)"\n' "$VERSION" >"$dir/partnerdesk"
    chmod 755 "$dir/partnerdesk"
    local shipped
    for shipped in resources forms; do
        mkdir -p "$dir/_internal/$shipped"
        if [ -d "$ROOT/$shipped" ]; then cp -r "$ROOT/$shipped/." "$dir/_internal/$shipped/"; fi
    done
    cp -r "$ROOT/partnerdesk/db/migrations" "$dir/_internal/partnerdesk/db/"
    find "$dir" -name __pycache__ -prune -exec rm -rf {} +
    echo "$dir"
}

if [ "$DRY_RUN" = 1 ]; then
    [ -x "$BUNDLE/partnerdesk" ] || BUNDLE="$(stub_bundle)"
    OUT="$WORK/out"
    mkdir -p "$OUT"
fi
[ -x "$BUNDLE/partnerdesk" ] || { echo "no bundle at $BUNDLE (run: make bundle)" >&2; exit 1; }

PKG="$WORK/pkg"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/usr/share/doc/partnerdesk"
cp -a "$BUNDLE" "$PKG/opt/partnerdesk"
ln -s ../../opt/partnerdesk/partnerdesk "$PKG/usr/bin/partnerdesk"

icon_dir="$ROOT/resources/icons"
if [ -f "$icon_dir/partnerdesk.png" ]; then
    install -D -m 644 "$icon_dir/partnerdesk.png" "$PKG/usr/share/icons/hicolor/256x256/apps/partnerdesk.png"
fi
if [ -f "$icon_dir/partnerdesk.svg" ]; then
    install -D -m 644 "$icon_dir/partnerdesk.svg" "$PKG/usr/share/icons/hicolor/scalable/apps/partnerdesk.svg"
fi

cat >"$PKG/usr/share/applications/partnerdesk.desktop" <<'DESKTOP'
[Desktop Entry]
Type=Application
Version=1.0
Name=PartnerDesk
Name[zh_CN]=社区合伙人工作台
GenericName=Community partner workbench
GenericName[zh_CN]=社区合伙人工作台
Comment=Offline workbench for community partner programmes
Comment[zh_CN]=社区合伙人登记、协议、资金与积分管理（离线）
Exec=/opt/partnerdesk/partnerdesk
Icon=partnerdesk
Terminal=false
Categories=Office;
StartupNotify=true
DESKTOP

cat >"$PKG/usr/share/doc/partnerdesk/copyright" <<'COPYRIGHT'
PartnerDesk 社区合伙人工作台. Proprietary; all rights reserved.
The bundle includes Python, Qt for Python (PySide6, LGPLv3) and other libraries under their own licences.
COPYRIGHT

cat >"$PKG/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
POSTINST
cp "$PKG/DEBIAN/postinst" "$PKG/DEBIAN/postrm"
sed -i 's/if \[ "\$1" = configure \]; then/if [ "$1" = remove ] || [ "$1" = purge ]; then/' "$PKG/DEBIAN/postrm"

# Files 0644 and folders 0755, executables keep their x bit; no group/world write anywhere.
chmod -R u+rwX,go+rX,go-w "$PKG"
chmod 755 "$PKG/DEBIAN/postinst" "$PKG/DEBIAN/postrm"

INSTALLED_KB="$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)"
cat >"$PKG/DEBIAN/control" <<CONTROL
Package: partnerdesk
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Maintainer: PartnerDesk <partnerdesk@localhost>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: $RECOMMENDS
Description: PartnerDesk 社区合伙人工作台
 Offline desktop workbench for community partner programmes: partner registry,
 agreements, evaluations, funds and points, official documents and quarterly
 reports. Data stays in the user's data folder (SQLite) or an office
 PostgreSQL server.
CONTROL

DEB="$OUT/partnerdesk_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null
echo "built $DEB ($(du -h "$DEB" | cut -f1))"

if [ "$DRY_RUN" = 1 ]; then
    dpkg-deb --info "$DEB"
    contents="$(dpkg-deb --contents "$DEB")"
    for want in ./opt/partnerdesk/partnerdesk ./usr/bin/partnerdesk ./usr/share/applications/partnerdesk.desktop \
                ./opt/partnerdesk/_internal/partnerdesk/db/migrations/env.py \
                ./opt/partnerdesk/_internal/resources/; do
        grep -q " $want\( \|$\)" <<<"$contents" || { echo "dry run: $want missing from the package" >&2; exit 1; }
    done
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$PKG/usr/share/applications/partnerdesk.desktop"
    fi
    echo "dry run OK: $(wc -l <<<"$contents") entries; package removed with $WORK"
fi
