#!/usr/bin/env bash
# Whole-process comparisons of ngx-convert with dash -n, shfmt -p and rg on the same inputs: each
# run of ngx-convert is followed at once by a run of its comparison, RUNS times, and the medians of
# wall time, CPU time (user + system) and peak resident memory are printed with the ratios. The inputs are built at run time
# (nothing third-party is kept in the repository):
#   - about 9.9 MB of real config scripts: nginx's own auto/ scripts (nginx-dev) concatenated;
#   - a typical module config: tests/fixtures/modules/http_multi;
#   - a large multi-type module: tests/fixtures/checks/beacon_multitype;
#   - a tree of real modules: every fetched module under /work/.mirror (git archives), or MODULES_DIR.
# A Native AOT hello world (benchmarks/AotHello) is published too: the start-up floor that a short run
# of ngx-convert is compared with.
#
# Usage: benchmarks/compare.sh [RUNS]          (RUNS: 7 by default)
# Environment:
#   NGX_CONVERT   the ngx-convert to measure (default: publish the Native AOT CLI into a temporary
#                 directory first); a .dll path runs with `dotnet`, as the framework-dependent build
#   MODULES_DIR   a directory of module trees for `check` (default: the fetched modules)
#   NGINX_AUTO    nginx's auto/ scripts (default: /usr/share/nginx/src/auto)
#   MIRROR        where fetched modules live as git directories (default: /work/.mirror)
# Exit codes: 0 measured, 2 a tool or an input is missing.
set -euo pipefail

runs=${1:-7}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
auto=${NGINX_AUTO:-/usr/share/nginx/src/auto}
mirror=${MIRROR:-/work/.mirror}

missing() {
  echo "compare.sh: $1 is missing: $2" >&2
  exit 2
}
command -v dash >/dev/null || missing dash "apt-get install dash"
command -v shfmt >/dev/null || missing shfmt "apt-get install shfmt"
command -v rg >/dev/null || missing rg "apt-get install ripgrep"
[[ -x /usr/bin/time ]] || missing /usr/bin/time "apt-get install time"
[[ -d $auto ]] || missing "$auto" "apt-get install nginx-dev (nginx's auto/ scripts)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tool=${NGX_CONVERT:-}
if [[ -z $tool ]]; then
  echo "publishing the Native AOT CLI into $work/aot ..." >&2
  dotnet publish "$root/src/Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" >/dev/null
  tool=$work/aot/ngx-convert
fi
echo "publishing the Native AOT hello world into $work/hello ..." >&2
dotnet publish "$here/AotHello" -c Release -r linux-x64 -o "$work/hello" >/dev/null
hello=$work/hello/AotHello

ngx=("$tool")
[[ $tool == *.dll ]] && ngx=(dotnet "$tool")
[[ $tool == *.dll || -x $tool ]] || missing "$tool" "set NGX_CONVERT to an ngx-convert binary or its .dll"

# About 9.9 MB of real scripts: each auto/ shell script whole (the makefiles for other compilers
# that auto/ also holds are left out: dash does not read them), on its own lines (so that a
# here-document cannot run into the next script), in a stable order, until the file reaches the size.
big=$work/auto-9.9MB.sh
target=$((99 * 1024 * 1024 / 10))
scripts=()
while IFS= read -r script; do
  dash -n "$script" 2>/dev/null && scripts+=("$script")
done < <(find "$auto" -type f | LC_ALL=C sort)
: >"$big"
while (($(stat -c %s "$big") < target)); do
  for script in "${scripts[@]}"; do
    cat "$script" >>"$big"
    printf '\n:\n' >>"$big"
    (($(stat -c %s "$big") < target)) || break
  done
done

typical=$root/tests/fixtures/modules/http_multi/config
large=$root/tests/fixtures/checks/beacon_multitype

tree=${MODULES_DIR:-}
if [[ -z $tree ]]; then
  tree=$work/modules
  mkdir -p "$tree"
  for git in "$mirror"/*/repo; do
    name=$(basename "$(dirname "$git")")
    [[ $name == nginx+nginx ]] && continue # nginx itself is not a module
    git --git-dir="$git" rev-parse -q --verify HEAD >/dev/null 2>&1 || { echo "compare.sh: skipped $git (not a git directory)" >&2; continue; }
    mkdir -p "$tree/$name"
    git --git-dir="$git" archive HEAD | tar -x -C "$tree/$name"
  done
fi
[[ -n $(ls -A "$tree" 2>/dev/null) ]] || missing "modules in $tree" "fetch some modules, or set MODULES_DIR"
c_bytes=$(find "$tree" -type f \( -name '*.c' -o -name '*.h' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
modules=$(find "$tree" -mindepth 1 -maxdepth 1 -type d | wc -l)

# measure_once and quantile.
# shellcheck source=benchmarks/measure.sh
. "$here/measure.sh"

# "wall-ms cpu-ms MiB" medians of a file of runs.
medians() {
  echo "$(cut -d' ' -f1 "$1" | quantile 0.5 | awk '{ printf "%.1f", $1 / 1000 }') $(cut -d' ' -f2 "$1" | quantile 0.5 | awk '{ printf "%.1f", $1 }') $(cut -d' ' -f3 "$1" | quantile 0.5 | awk '{ printf "%.1f", $1 / 1024 }')"
}

# compare LABEL -- OURS... -- THEIRS...   (THEIRS may be empty: then ours alone is measured)
compare() {
  local label=$1 ours=() theirs=() i
  shift 2
  while [[ $1 != -- ]]; do ours+=("$1"); shift; done
  shift
  theirs=("$@")
  : >"$work/ours"
  : >"$work/theirs"
  for ((i = 0; i < runs; i++)); do
    measure_once "${ours[@]}" >>"$work/ours"
    ((${#theirs[@]} == 0)) || measure_once "${theirs[@]}" >>"$work/theirs"
  done
  local o t
  read -r -a o <<<"$(medians "$work/ours")"
  if ((${#theirs[@]} == 0)); then
    printf '%-42s %10s %8s %8s | %10s %8s %8s | %7s %7s\n' "$label" "${o[0]}" "${o[1]}" "${o[2]}" - - - - -
    return
  fi
  read -r -a t <<<"$(medians "$work/theirs")"
  printf '%-42s %10s %8s %8s | %10s %8s %8s | %6.1fx %6.1fx\n' "$label" "${o[0]}" "${o[1]}" "${o[2]}" "${t[0]}" "${t[1]}" "${t[2]}" \
    "$(echo "${o[0]} / ${t[0]}" | bc -l)" "$(echo "${o[1]} / ${t[1]}" | bc -l)"
}

echo "machine: $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load:$(uptime | sed 's/.*load average://')"
echo "inputs: $(stat -c %s "$big") bytes of auto/ scripts; $modules module trees with $c_bytes bytes of C; $runs runs each, medians"
printf '%-42s %10s %8s %8s | %10s %8s %8s | %7s %7s\n' work "wall ms" "cpu ms" "MiB" "their wall" "cpu ms" "MiB" wall cpu
compare "parse 9.9 MB (vs dash -n)" -- "${ngx[@]}" parse "$big" -- dash -n "$big"
compare "parse 9.9 MB (vs shfmt -p)" -- "${ngx[@]}" parse "$big" -- shfmt -p "$big"
compare "parse one typical config (vs dash -n)" -- "${ngx[@]}" parse "$typical" -- dash -n "$typical"
compare "parse one typical config (vs AOT hello)" -- "${ngx[@]}" parse "$typical" -- "$hello"
compare "describe a large multi-type module" -- "${ngx[@]}" describe "$large" --
compare "convert --check of that module" -- "${ngx[@]}" convert --check "$large" --
compare "check of $modules real modules (vs rg)" -- "${ngx[@]}" check "$tree" -- rg -n 'ngx_modules|ngx_max_module' "$tree"
echo "load after:$(uptime | sed 's/.*load average://')"
