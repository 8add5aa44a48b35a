#!/usr/bin/env bash
# A longer local fuzz run of one target (see docs/fuzzing.md):
#   fuzz/run.sh TARGET [MINUTES]     TARGET: parse describe ctokens convert nginx-conf elf check-fix
# Builds the harness in Release, instruments a copy of it with SharpFuzz in a work folder (default
# $TMPDIR/ngx-fuzz-TARGET, or FUZZ_WORK), seeds it from the repository's fixtures and runs afl-fuzz
# for MINUTES (default 30). Crashes and hangs land in WORK/out/default/{crashes,hangs}; replay one
# with:  dotnet WORK/plain/ConfigConvert.Fuzz.dll replay TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET [MINUTES]}
minutes=${2:-30}
work=${FUZZ_WORK:-${TMPDIR:-/tmp}/ngx-fuzz-$target}
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }

mkdir -p "$work"
dotnet build -c Release -v q --nologo fuzz/ConfigConvert.Fuzz >"$work/build.log" \
    || { cat "$work/build.log" >&2; echo "fuzz/run.sh: building the harness failed" >&2; exit 2; }
built=fuzz/ConfigConvert.Fuzz/bin/Release/net10.0
rm -rf "$work/plain" "$work/instrumented"
cp -r "$built" "$work/plain"
cp -r "$built" "$work/instrumented"
dotnet tool restore >/dev/null
for library in Core ShellParser CSources ModuleModel Converter Analyzers BuiltModules; do
    dotnet tool run sharpfuzz "$work/instrumented/ConfigConvert.$library.dll"
done

if [ ! -d "$work/out/default" ]; then
    rm -rf "$work/seeds"
    dotnet "$work/plain/ConfigConvert.Fuzz.dll" seed "$target" . "$work/seeds"
    input=("$work/seeds")
else
    input=(-)   # resume the earlier run in the same folder
fi
mkdir -p "$work/tmp"
dictionaries=()
while IFS= read -r dictionary; do
    dictionaries+=(-x "$dictionary")
done < <(dotnet "$work/plain/ConfigConvert.Fuzz.dll" dictionaries "$target" .)
export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
# -t 5000: a fixed 5 s an input (with `5000+` afl-fuzz chooses its own, about 60 ms here, far too short).
status=0
TMPDIR="$work/tmp" afl-fuzz -i "${input[@]}" -o "$work/out" -V $((minutes * 60)) -t 5000 -m none "${dictionaries[@]}" \
    -- dotnet "$work/instrumented/ConfigConvert.Fuzz.dll" fuzz "$target" || status=$?
echo "crashes: $(find "$work/out/default/crashes" -name 'id:*' | wc -l), hangs: $(find "$work/out/default/hangs" -name 'id:*' | wc -l) in $work/out/default"
for file in "$work"/out/default/crashes/id:* "$work"/out/default/hangs/id:*; do
    [ -e "$file" ] || continue
    dotnet "$work/plain/ConfigConvert.Fuzz.dll" replay "$target" "$file" || true
done
# The harness runs every input in one process: an input that ends it (past -t, which afl-fuzz kills, or a stack
# overflow) ends the run too ("Unable to communicate with fork server"), and is left only in .cur_input.
if [ "$status" -ne 0 ] && [ -e "$work/out/default/.cur_input" ]; then
    cp "$work/out/default/.cur_input" "$work/ended-run-input"
    echo "afl-fuzz ended early (exit $status); the input it was running: $work/ended-run-input"
    timeout 60 dotnet "$work/plain/ConfigConvert.Fuzz.dll" replay "$target" "$work/ended-run-input" \
        || echo "its replay failed or did not end in 60 s (exit $?)"
fi
