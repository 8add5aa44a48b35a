#!/bin/sh
# Checks the shell corpus against dash's own parser (`dash -n`).
#
#   valid/*.sh      dash -n must exit 0 and print nothing
#   invalid/*.sh    dash -n must fail; its stderr and exit status must equal
#                   the sidecar NAME.dash-error
#   bashisms/*.sh   dash -n must give exactly what the sidecar NAME.dash says
#                   (success or failure)
#   dash-experiments.tsv
#                   one small input per line; dash -n must give the recorded
#                   exit status and message
#
# Sidecar format: the stderr of `dash -n NAME.sh` with the file name replaced
# by FILE (zero or more lines), then one last line holding the exit status.
# An accepted file's sidecar is therefore the single line "0".
#
# Also checks that files whose name promises unusual bytes still have them
# (CRLF, BOM, NUL, no final newline, empty), so that an editor or a git
# setting that rewrites them is noticed.
#
# Usage: check-corpus.sh            check everything
#        check-corpus.sh --record   rewrite the sidecars from the current dash
#
# DASH=/path/to/dash overrides the dash binary.

set -u

DASH=${DASH:-dash}
here=$(cd "$(dirname "$0")" && pwd)
tmp=${TMPDIR:-/tmp}/check-corpus.$$
mkdir "$tmp" || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

record=no
case "${1-}" in
    --record) record=yes ;;
    "") ;;
    *) echo "usage: $0 [--record]" >&2; exit 2 ;;
esac

if ! command -v "$DASH" >/dev/null 2>&1; then
    echo "check-corpus: $DASH not found" >&2
    exit 2
fi

failures=0
checked=0

fail() {
    failures=$((failures + 1))
    echo "FAIL: $*"
}

# run_dash DIR NAME: writes "stderr-with-FILE + exit status" to $tmp/actual
run_dash() {
    (
        cd "$1" || exit 2
        "$DASH" -n "$2" >"$tmp/stdout" 2>"$tmp/stderr"
        echo $? >"$tmp/status"
    )
    if [ -s "$tmp/stdout" ]; then
        fail "$1/$2: dash -n wrote to stdout"
    fi
    pattern=$(printf '%s\n' "$2" | sed 's/[.[\*^$/]/\\&/g')
    sed "s/^$pattern:/FILE:/" "$tmp/stderr" >"$tmp/actual"
    cat "$tmp/status" >>"$tmp/actual"
}

# check_sidecar DIR NAME EXT MUST
#   MUST is "fail" when the file has to be rejected, "any" otherwise
check_sidecar() {
    dir=$here/$1
    base=${2%.sh}
    sidecar=$dir/$base.$3
    run_dash "$dir" "$2"
    status=$(cat "$tmp/status")
    if [ "$4" = fail ] && [ "$status" = 0 ]; then
        fail "$1/$2: dash -n accepts a file in $1/"
    fi
    if [ "$record" = yes ]; then
        cp "$tmp/actual" "$sidecar"
        return
    fi
    if [ ! -f "$sidecar" ]; then
        fail "$1/$2: missing sidecar $base.$3"
        return
    fi
    if ! cmp -s "$tmp/actual" "$sidecar"; then
        fail "$1/$2: dash -n result differs from $base.$3"
        echo "  expected:"; sed 's/^/    /' "$sidecar"
        echo "  actual:";   sed 's/^/    /' "$tmp/actual"
    fi
}

# valid/: accepted, silent
for f in "$here"/valid/*.sh; do
    name=${f##*/}
    checked=$((checked + 1))
    run_dash "$here/valid" "$name"
    if [ "$(cat "$tmp/actual")" != 0 ]; then
        fail "valid/$name: dash -n does not accept it:"
        sed 's/^/    /' "$tmp/actual"
    fi
done

# invalid/: rejected with the recorded message
for f in "$here"/invalid/*.sh; do
    checked=$((checked + 1))
    check_sidecar invalid "${f##*/}" dash-error fail
done

# bashisms/: whatever dash does, it must match the record
for f in "$here"/bashisms/*.sh; do
    checked=$((checked + 1))
    check_sidecar bashisms "${f##*/}" dash any
done

# sidecars without a script
for s in "$here"/invalid/*.dash-error "$here"/bashisms/*.dash; do
    [ -e "$s" ] || continue
    case $s in
        *.dash-error) script=${s%.dash-error}.sh ;;
        *) script=${s%.dash}.sh ;;
    esac
    [ -f "$script" ] || fail "${s#$here/}: sidecar without a script"
done

# dash-experiments.tsv: section TAB input TAB status TAB message
# (input in printf %b notation; lines starting with # are comments)
tab=$(printf '\t')
experiments=0
if [ "$record" = no ] && [ -f "$here/dash-experiments.tsv" ]; then
    while IFS= read -r line; do
        case $line in '#'*|'') continue ;; esac
        rest=${line#*"$tab"}
        input=${rest%%"$tab"*}
        rest=${rest#*"$tab"}
        want_status=${rest%%"$tab"*}
        want_message=${rest#*"$tab"}
        printf '%b' "$input" >"$tmp/exp.sh"
        run_dash "$tmp" exp.sh
        got_status=$(cat "$tmp/status")
        got_message=$(sed '$d' "$tmp/actual")
        experiments=$((experiments + 1))
        if [ "$got_status" != "$want_status" ] || [ "$got_message" != "$want_message" ]; then
            fail "dash-experiments.tsv: $input"
            echo "  expected: $want_status $want_message"
            echo "  actual:   $got_status $got_message"
        fi
    done <"$here/dash-experiments.tsv"
fi

# files that must keep unusual bytes
has_cr() { od -An -c "$1" | grep -q '\\r'; }
has_nul() { od -An -c "$1" | grep -q '\\0'; }
ends_with_newline() { [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ]; }
starts_with_bom() { [ "$(head -c 3 "$1" | od -An -tx1 | tr -d ' ')" = efbbbf ]; }

for f in "$here"/valid/*.sh "$here"/invalid/*.sh "$here"/bashisms/*.sh; do
    rel=${f#$here/}
    case $rel in
        *crlf*) has_cr "$f" || fail "$rel: lost its CR characters" ;;
    esac
    case $rel in
        *bom*) starts_with_bom "$f" || fail "$rel: lost its byte order mark" ;;
    esac
    case $rel in
        *nul-bytes*) has_nul "$f" || fail "$rel: lost its NUL bytes" ;;
    esac
    case $rel in
        *no-final-newline*) ! ends_with_newline "$f" || fail "$rel: gained a final newline" ;;
    esac
    case $rel in
        *-empty.sh) [ ! -s "$f" ] || fail "$rel: is not empty" ;;
    esac
    case $rel in
        *-tab-*) grep -q "$(printf '\t')" "$f" || fail "$rel: lost its tabs" ;;
    esac
done

if [ "$record" = yes ]; then
    echo "check-corpus: sidecars recorded ($checked scripts, $failures problems)"
else
    echo "check-corpus: $checked scripts and $experiments experiments checked, $failures failures"
fi
[ "$failures" = 0 ]
