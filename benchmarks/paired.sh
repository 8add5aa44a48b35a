#!/usr/bin/env bash
# Two builds of ngx-convert on the same work, run by run: each round runs BEFORE and AFTER once, in
# turns (the first of a round alternates), so that a change of load on a shared machine falls on
# both alike. Prints the medians of each (wall time, CPU time: user + system, peak resident memory)
# and the paired ratio AFTER/BEFORE of the CPU times, its median and quartiles: a quartile range that
# holds 1 means the difference is inside the noise. docs/performance.md gives its figures so.
#
# Usage: benchmarks/paired.sh BEFORE AFTER [RUNS] -- ARGUMENTS...
#   BEFORE, AFTER  two ngx-convert binaries (a .dll runs with `dotnet`)
#   RUNS           rounds (default 15)
#   ARGUMENTS      what each runs: `check /some/tree --max-parallelism 1`, `parse big.sh`, ...
# Example:
#   benchmarks/paired.sh /tmp/main/ngx-convert /tmp/branch/ngx-convert 21 -- check "$MODULES_DIR"
# Each build's exit statuses are shown; a warning says when the two differ (then they did different work).
# Exit codes: 0 measured, 2 a usage error or a missing tool.
set -euo pipefail
export LC_ALL=C # printf and awk write and read decimal points, whatever the user's locale

usage() {
  echo "usage: benchmarks/paired.sh BEFORE AFTER [RUNS] -- ARGUMENTS..." >&2
  exit 2
}

(($# >= 3)) || usage
before=$1 after=$2
shift 2
runs=15
if [[ $1 != -- ]]; then
  runs=$1
  shift
fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || usage
(($# >= 1)) && [[ $1 == -- ]] || usage
shift
[[ -x /usr/bin/time ]] || { echo "paired.sh: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }

# The command that runs a build: a .dll with dotnet, a binary by its path (one named without a directory is the file
# in the current directory, not a program of the same name on PATH).
command_of() {
  local build=$1
  [[ $build == */* ]] || build=./$build
  if [[ $build == *.dll ]]; then
    [[ -f $build ]] || { echo "paired.sh: $1 is not an ngx-convert .dll" >&2; exit 2; }
    command -v dotnet >/dev/null || { echo "paired.sh: dotnet is missing, which runs $1" >&2; exit 2; }
    command_run=(dotnet "$build")
  else
    [[ -f $build && -x $build ]] || { echo "paired.sh: $1 is not an ngx-convert binary" >&2; exit 2; }
    command_run=("$build")
  fi
}
command_of "$before"
before_cmd=("${command_run[@]}")
command_of "$after"
after_cmd=("${command_run[@]}")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure_once and quantile.
# shellcheck source=benchmarks/measure.sh
. "$(dirname "$0")/measure.sh"

: >"$work/before"
: >"$work/after"
for ((i = 0; i < runs; i++)); do
  if ((i % 2 == 0)); then
    measure_once "${before_cmd[@]}" "$@" >>"$work/before"
    measure_once "${after_cmd[@]}" "$@" >>"$work/after"
  else
    measure_once "${after_cmd[@]}" "$@" >>"$work/after"
    measure_once "${before_cmd[@]}" "$@" >>"$work/before"
  fi
done

summary() {
  printf '%-7s wall %8.1f ms   cpu %8.1f ms   peak %6.1f MiB   exit %s\n' "$1" \
    "$(cut -d' ' -f1 "$2" | quantile 0.5 | awk '{ print $1 / 1000 }')" "$(cut -d' ' -f2 "$2" | quantile 0.5)" \
    "$(cut -d' ' -f3 "$2" | quantile 0.5 | awk '{ print $1 / 1024 }')" "$(cut -d' ' -f4 "$2" | sort -u | paste -sd,)"
}

echo "load:$(uptime | sed 's/.*load average://'); $runs rounds of: $*"
summary before "$work/before"
summary after "$work/after"
paste -d' ' <(cut -d' ' -f2 "$work/before") <(cut -d' ' -f2 "$work/after") | awk '$1 > 0 { print $2 / $1 }' >"$work/ratios"
# Builds that end differently did different work: their times say little about each other.
if [[ $(cut -d' ' -f4 "$work/before" | sort -u) != $(cut -d' ' -f4 "$work/after" | sort -u) ]]; then
  echo "paired.sh: the two builds exited differently: compare their output before their times" >&2
fi
if [[ -s $work/ratios ]]; then
  echo "paired cpu ratio after/before: $(quantile 0.5 <"$work/ratios") (quartiles $(quantile 0.25 <"$work/ratios")-$(quantile 0.75 <"$work/ratios"))"
else
  echo "paired cpu ratio after/before: - (the runs took no measurable CPU time)"
fi
