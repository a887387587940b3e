#!/usr/bin/env bash
# tests/package/package-test.sh — the Debian package end to end (see CMakeLists.txt).
# Exit 0 = every check passed; any failed check prints "FAIL: ..." and exits 1.
# SPDX-License-Identifier: Apache-2.0
set -euo pipefail

while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2 ;; --source) source=$2 ;; --cpack) cpack=$2 ;; --cmake) cmake=$2 ;;
    --cxx) cxx=$2 ;; --simulator) simulator=$2 ;; --lintian) lintian=$2 ;;
    *) echo "package-test: unknown argument $1" >&2; exit 2 ;;
  esac
  shift 2
done

work=$(mktemp -d "${TMPDIR:-/tmp}/jobhost-package-test.XXXXXX")
sim_pid=""
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }
contains() { grep -qF -- "$2" <<<"$1" || fail "$3: expected '$2' in:"$'\n'"$1"; }

step "cpack: building the .deb"
"$cpack" --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
deb="$work/out/jobhost_${version}_amd64.deb"
[ -f "$deb" ] || { ls -l "$work/out"; fail "no $deb"; }
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

step "dpkg-deb -I"
info=$(dpkg-deb -I "$deb")
echo "$info"
contains "$info" "Package: jobhost" "control"
contains "$info" "Version: $version" "control"
contains "$info" "Architecture: amd64" "control"
depends=$(dpkg-deb -f "$deb" Depends)
# Named from the libraries actually linked (dpkg-shlibdeps), plus the maintainer scripts' tools.
for lib in libpoconet libpocofoundation libpocodatasqlite libssl libstdc++6 libc6 adduser init-system-helpers; do
  contains "$depends" "$lib" "Depends"
done
for script in postinst prerm postrm; do contains "$info" "$script" "control scripts"; done

step "dpkg-deb -c: the install layout"
listing=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for path in ./usr/bin/jobhost ./usr/lib/jobhost/plugins/postup.so ./usr/share/jobhost/manifests/postup.json \
            ./usr/share/jobhost/manifests/postup/postup_users.lql ./usr/share/jobhost/web/index.html \
            ./usr/share/jobhost/examples/postup-demo.json ./usr/share/jobhost/jobhost.env.example \
            ./usr/lib/systemd/system/jobhost.service ./usr/share/man/man1/jobhost.1.gz \
            ./usr/share/bash-completion/completions/jobhost ./usr/include/jobhost/sdk/Exports.h \
            ./usr/lib/cmake/jobhostSdk/jobhostSdkConfig.cmake ./usr/lib/cmake/jobhostSdk/JobhostPlugin.cmake \
            ./usr/share/doc/jobhost/copyright ./usr/share/doc/jobhost/changelog.gz; do
  grep -qxF "$path" <<<"$listing" || fail "package lacks $path"
done
if grep -qE '^\./(etc|var)/' <<<"$listing"; then fail "the package ships files in /etc or /var (the maintainer scripts make them)"; fi
echo "layout ok ($(wc -l <<<"$listing") entries)"

root="$work/root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$work/control"

step "maintainer scripts and jobhost.service"
for script in postinst prerm postrm; do sh -n "$work/control/$script" || fail "$script: syntax"; done
postinst=$(cat "$work/control/postinst")
contains "$postinst" "adduser --system --group" "postinst"
contains "$postinst" "install -d -m 0700 -o jobhost -g jobhost /var/lib/jobhost" "postinst"
contains "$postinst" "/etc/jobhost/secret.key" "postinst"
unit=$(cat "$root/usr/lib/systemd/system/jobhost.service")
for line in "ExecStart=/usr/bin/jobhost serve" "User=jobhost" "Restart=on-failure" "NoNewPrivileges=yes" \
            "ProtectSystem=strict" "ReadWritePaths=/var/lib/jobhost" "Environment=JOBHOST_HOME=/var/lib/jobhost" \
            "LoadCredential=secret.key:/etc/jobhost/secret.key" "WantedBy=multi-user.target"; do
  contains "$unit" "$line" "jobhost.service"
done
if command -v systemd-analyze >/dev/null 2>&1; then
  # The throwaway root has no sysinit.target; anything else systemd says about the unit fails the test.
  problems=$(systemd-analyze verify --man=no --root="$root" /usr/lib/systemd/system/jobhost.service 2>&1 | grep -v "sysinit.target" || true)
  [ -z "$problems" ] || fail "systemd-analyze verify jobhost.service: $problems"
  systemd-analyze security --offline=yes --root="$root" /usr/lib/systemd/system/jobhost.service 2>&1 | tail -1
fi
echo "scripts and unit ok"

# From here on the installed binary runs in an empty directory, without flags
# or JOBHOST_* variables: it must find its files from its own location.
unset JOBHOST_PLUGIN_DIR JOBHOST_MANIFEST_DIR JOBHOST_WEB_ROOT JOBHOST_SECRET_KEY JOBHOST_SECRET_KEY_FILE
export JOBHOST_HOME="$work/home"
cwd="$work/cwd"; mkdir -p "$cwd"; cd "$cwd"
jobhost="$root/usr/bin/jobhost"

step "jobhost --version (installed)"
out=$("$jobhost" --version); echo "$out"
contains "$out" "jobhost $version" "--version"
contains "$out" "plugin ABI 1" "--version"
contains "$out" "build id gcc-" "--version"
contains "$out" "layout installed under $root/usr/" "--version"

step "jobhost plugins (installed)"
out=$("$jobhost" plugins) || { echo "$out"; fail "jobhost plugins exited non-zero"; }
echo "$out"
contains "$out" "manifests: $root/usr/share/jobhost/manifests/" "plugins"
contains "$out" "plugins:   $root/usr/lib/jobhost/plugins/" "plugins"
contains "$out" "[ok]    postup $version" "plugins"
contains "$out" "$root/usr/lib/jobhost/plugins/postup.so" "plugins"

step "jobhost validate (installed)"
"$jobhost" validate "$root/usr/share/jobhost/manifests/postup.json" || fail "validate manifest"
sim_log="$work/sim.log"
"$simulator" --port 0 --site-id 00000000-0000-4000-8000-000000000042 --site-name demo \
  --recipients 40 --lists 2 --memberships 2 --campaigns 2 --mailings 3 --events 40 >"$sim_log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$sim_log" && break; sleep 0.1; done
base=$(sed -n 's/.*listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$sim_log")
[ -n "$base" ] || { cat "$sim_log"; fail "postup-sim did not start"; }
sed "s#http://127.0.0.1:18080#$base#g" "$root/usr/share/jobhost/examples/postup-demo.json" >"$work/postup.json"
export POSTUP_PASSWORD=secret
"$jobhost" validate "$work/postup.json" || fail "validate config"

step "import against postup-sim ($base)"
"$jobhost" apply "$work/postup.json" >/dev/null || fail "apply"
"$jobhost" job run postup-import >"$work/import.log" 2>&1 || { cat "$work/import.log"; fail "import run failed"; }
tail -3 "$work/import.log"
out=$("$jobhost" runs --limit 1); echo "$out"
grep -qE "^[0-9]+ +postup-import +[a-z]+ +[0-9]+ +ok " <<<"$out" || fail "the import run did not end ok"
read_count=$(awk '$2 == "postup-import" {print $9; exit}' <<<"$out")
[ "${read_count:-0}" -gt 0 ] || fail "the import read no records"

step "connector template: built against the installed SDK, loaded by the installed host"
"$cmake" -S "$source/examples/connector-template" -B "$work/template" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$root/usr" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
  >"$work/template-configure.log" 2>&1 || { cat "$work/template-configure.log"; fail "configure of the template"; }
grep -F "jobhostSdk" "$work/template/CMakeCache.txt" | grep -F "$root/usr/lib/cmake/jobhostSdk" >/dev/null \
  || fail "the template did not use the installed SDK in $root"
"$cmake" --build "$work/template" >"$work/template-build.log" 2>&1 || { cat "$work/template-build.log"; fail "build of the template"; }
"$cmake" --install "$work/template" --prefix "$root/usr" | sed "s#$root#<root>#"
so="$root/usr/lib/jobhost/plugins/template.so"
[ -f "$so" ] || fail "template.so not installed into the host's plugin folder"
extra=$(nm -D --defined-only "$so" | awk '$2 ~ /^[TDBR]$/ {print $3}' | grep -v '^jobhost_' || true)
[ -z "$extra" ] || fail "template.so exports more than the jobhost_ aliases: $extra"
out=$("$jobhost" plugins) || { echo "$out"; fail "plugins with the template"; }
echo "$out" | sed -n '/template/,$p'
contains "$out" "[ok]    template 0.1.0 (Connector template)" "plugins"
contains "$out" "library template -> $so" "plugins"
export TEMPLATE_TOKEN=t0ken
"$jobhost" apply "$source/examples/connector-template/template-demo.json" >/dev/null || fail "apply template config"
"$jobhost" job run template-echo >"$work/echo.log" 2>&1 || { cat "$work/echo.log"; fail "template job failed"; }
tail -2 "$work/echo.log"
out=$("$jobhost" runs template-echo --limit 1); echo "$out"
grep -qE "^[0-9]+ +template-echo +[a-z]+ +[0-9]+ +ok .* 5 +5 " <<<"$out" || fail "the template job did not write its 5 records"

step "lintian"
if [ -z "$lintian" ]; then fail "lintian is not installed (scripts/setup installs it)"; fi
set +e
"$lintian" --fail-on error --display-info "$deb" >"$work/lintian.log" 2>&1
status=$?
set -e
cat "$work/lintian.log"
[ $status -eq 0 ] || fail "lintian reported errors (exit $status)"
echo "lintian: no errors"

echo; echo "package_deb: all checks passed"
