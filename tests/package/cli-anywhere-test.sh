#!/usr/bin/env bash
# tests/package/cli-anywhere-test.sh JOBHOST BUILD_DIR SOURCE_DIR
# The build-tree binary run from an unrelated directory (no flags, no
# JOBHOST_* variables) finds its plugins and manifests from its own location;
# flags and variables still override; --version, the bash completion and the
# man page come from the command table --help prints.
# SPDX-License-Identifier: Apache-2.0
set -euo pipefail
jobhost=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") build=$(cd "$2" && pwd) source=$(cd "$3" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/jobhost-anywhere.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
contains() { grep -qF -- "$2" <<<"$1" || fail "$3: expected '$2' in:"$'\n'"$1"; }
unset JOBHOST_PLUGIN_DIR JOBHOST_MANIFEST_DIR JOBHOST_WEB_ROOT
export JOBHOST_HOME="$work/home"
cd "$work"   # nothing here: no ./build, no ./manifests

echo "== jobhost --version (cwd $work)"
out=$("$jobhost" --version); echo "$out"
contains "$out" "plugin ABI 1" "--version"
contains "$out" "build id gcc-" "--version"
contains "$out" "layout build tree $build/" "--version"

echo "== jobhost plugins"
out=$("$jobhost" plugins) || { echo "$out"; fail "plugins exited non-zero from $work"; }
echo "$out" | head -5
contains "$out" "manifests: $source/manifests/" "plugins"
contains "$out" "plugins:   $build/plugins/" "plugins"
contains "$out" "[ok]    postup" "plugins"
"$jobhost" validate "$source/manifests/postup.json" >/dev/null || fail "validate from $work"

echo "== flags and variables override the layout"
mkdir -p "$work/empty-manifests"
out=$("$jobhost" --manifest-dir "$work/empty-manifests" plugins) || true
contains "$out" "manifests: $work/empty-manifests" "--manifest-dir"
contains "$out" "(no provider manifests found)" "--manifest-dir"
out=$(JOBHOST_PLUGIN_DIR="$work/no-plugins" "$jobhost" plugins 2>&1) && fail "plugins with an empty plugin folder must fail"
contains "$out" "plugins:   $work/no-plugins" "JOBHOST_PLUGIN_DIR"
contains "$out" "load error" "JOBHOST_PLUGIN_DIR"

echo "== the command table: --help, completion, man page"
help=$("$jobhost" --help)
commands=$(sed -n '/^commands:/,/^$/p' <<<"$help" | awk 'NF && !/^commands:/ {print $1}')
[ "$(wc -l <<<"$commands")" -ge 13 ] || fail "--help lists too few commands: $commands"
completion=$("$jobhost" completion bash)
man=$("$jobhost" man)
contains "$man" ".TH JOBHOST 1" "man"
for c in $commands; do
  contains "$completion" "        $c) options=" "completion of $c"
  contains "$man" ".SS \"$(sed 's/-/\\-/g' <<<"$c")" "man page section of $c"
done
"$jobhost" completion zsh >/dev/null 2>&1 && fail "completion zsh must be refused"
# Ask bash what it completes.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _jobhost; echo "${COMPREPLY[*]}"' _ \
    <(printf '%s\n' "$completion") "$@"
}
[ "$(complete_words jobhost ex)" = "exports" ] || fail "'jobhost ex<TAB>' → '$(complete_words jobhost ex)'"
[ "$(complete_words jobhost exports r)" = "run replay" ] || fail "'jobhost exports r<TAB>' → '$(complete_words jobhost exports r)'"
[ "$(complete_words jobhost serve --console-p)" = "--console-port" ] || fail "'serve --console-p<TAB>'"
[ "$(complete_words jobhost --data-dir /tmp pro)" = "profiles" ] || fail "'--data-dir /tmp pro<TAB>' → '$(complete_words jobhost --data-dir /tmp pro)'"
[ "$(complete_words jobhost --ver)" = "--version" ] || fail "'--ver<TAB>'"
echo "completion ok"
# man(1) renders it without warnings.
warnings=$(printf '%s\n' "$man" | LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l - 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "man --warnings: $warnings"
printf '%s\n' "$man" | MANWIDTH=80 man -l - 2>/dev/null | head -12
echo "cli_anywhere: all checks passed"
