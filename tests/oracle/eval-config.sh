#!/bin/sh
# eval-config.sh -- source a module's `config` exactly as nginx's configure
# does, and print what it changed.
#
# Usage: tests/oracle/eval-config.sh [OPTIONS] NGINX_SRC MODULE_DIR LINK
#
#   NGINX_SRC   an nginx source tree with configure and auto/ (e.g.
#               /usr/share/nginx/src); it is copied, never modified
#   MODULE_DIR  the module directory holding `config` (made absolute)
#   LINK        ADDON    as `./configure --add-module=MODULE_DIR`
#               DYNAMIC  as `./configure --add-dynamic-module=MODULE_DIR`
#               LEGACY   as `--add-module` on nginx before 1.9.11: no
#                        ngx_module_* variables exist (ngx_module_link is
#                        unset) and auto/module is removed from the copy
# Options:
#   --globals PREFIX  initial state: PREFIX.sh and PREFIX.config.h as written
#                     by capture-initial-globals.sh (default: initial-globals
#                     beside this script, i.e. Debian's conf_flags; use
#                     initial-globals-stream-mail for STREAM/MAIL modules)
#   --autoconf FILE   also write the lines the config appended to
#                     objs/ngx_auto_config.h (auto/feature, auto/have) to FILE
#   --written FILE    also write to FILE the files of nginx's tree (objs/
#                     included) that the run made or whose contents it
#                     changed, one path per line relative to the tree's top
#                     (objs/ngx_auto_config.h), sorted
#   --patch FILE      apply FILE with `patch -p1` to the copy first (repeatable)
#   --state           print the whole final state (every variable, same
#                     format and filters) instead of only what changed
#   --all             do not filter the noise variables listed below
#
# How: NGINX_SRC is copied to a temporary directory; objs/ is created there
# with the captured ngx_auto_config.h and an empty autoconf.err (auto/feature
# writes to them and compiles its test with the real $CC).  A driver script
# takes the place of ./configure in the copy and is run with /bin/sh (dash)
# from the copy's top directory, with stdin from /dev/null.  It loads the
# captured globals, sets LC_ALL=C (exported), option/value/opt/NGX_CONFIGURE
# and the positional parameters as configure's option parser leaves them for
# `<conf_flags> --add-module=MODULE_DIR` (or --add-dynamic-module), sets
# NGX_ADDONS or DYNAMIC_ADDONS, and then runs the same loop as auto/modules:
# `for ngx_addon_dir in $NGX_ADDONS`, clear ngx_module_type/name/incs/deps/
# srcs/libs/order, set ngx_module_link, `. $ngx_addon_dir/config`.
# The shell state (`set`) is recorded just before the config is sourced and
# again when the driver exits (also when the config calls `exit`).
# The temporary directory is removed afterwards.
#
# Output (stdout), sorted by NAME (LC_ALL=C), one per line:
#   NAME=VALUE   a variable the config created or whose value it changed
#   -NAME        a variable the config unset
# VALUE is escaped: backslash as \\, newline as \n, tab as \t, CR as \r.
# The config's own output (echo, "checking for ...") goes to stderr.
#
# Never printed: the driver's own __oracle_* variables, and the shell's
# PWD OLDPWD PPID LINENO OPTIND _ (they change with cd/getopts, not with the
# build).  Noise filtered unless --all: ngx_test (auto/feature's compiler
# command line).  Everything else is kept: *_MODULES, NGX_ADDON_SRCS/DEPS,
# *_INCS/_DEPS/_SRCS, CORE_LIBS, USE_*, DYNAMIC_MODULES(_SRCS),
# <name>_MODULES/_ORDER/_SRCS/_SHRD/_LIBS, ngx_addon_name, ngx_module_*,
# auto/module's loop variables (ngx_var ngx_module src old found srcs shrd
# libs lib), auto/feature's ngx_found ngx_feature_* ngx_have_feature
# ngx_temp, have, and any variable of the config's own.
#
# Exit status: the status the config left configure with (0 normally, the
# `exit N` of a config that exits, 2 for a shell syntax error); 1 with a
# message on stderr when the oracle itself fails.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
globals=$here/initial-globals
autoconf=
written=
patches=
state=no
all=no
while [ $# -gt 0 ]; do
    case $1 in
        --globals) globals=$2; shift 2 ;;
        --autoconf) autoconf=$2; shift 2 ;;
        --written) written=$2; shift 2 ;;
        --patch) patches="$patches
$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
        --state) state=yes; shift ;;
        --all) all=yes; shift ;;
        --) shift; break ;;
        -*) echo "eval-config.sh: unknown option $1" >&2; exit 1 ;;
        *) break ;;
    esac
done
if [ $# -ne 3 ]; then
    sed -n '4,30p' "$0" >&2
    exit 1
fi
src=$1 link=$3
case $link in ADDON|DYNAMIC|LEGACY) ;; *)
    echo "eval-config.sh: LINK must be ADDON, DYNAMIC or LEGACY" >&2; exit 1 ;;
esac
[ -f "$src/auto/modules" ] || { echo "eval-config.sh: $src is not an nginx source tree" >&2; exit 1; }
[ -f "$globals.sh" ] || { echo "eval-config.sh: no $globals.sh" >&2; exit 1; }
moddir=$(cd "$2" && pwd)

# sq WORD: WORD quoted for sh
sq() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ngx-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R "$src" "$tmp/src"
printf '%s\n' "$patches" | while IFS= read -r p; do
    [ -n "$p" ] || continue
    (cd "$tmp/src" && patch -s -p1 < "$p") ||
        { echo "eval-config.sh: $p does not apply" >&2; exit 1; }
done
cp "$globals.sh" "$tmp/globals.sh"
mkdir -p "$tmp/src/objs"
if [ -f "$globals.config.h" ]; then
    cp "$globals.config.h" "$tmp/src/objs/ngx_auto_config.h"
else
    : > "$tmp/src/objs/ngx_auto_config.h"
fi
: > "$tmp/src/objs/ngx_auto_headers.h"
: > "$tmp/src/objs/autoconf.err"
confsize=$(wc -c < "$tmp/src/objs/ngx_auto_config.h")

case $link in
    DYNAMIC) addopt=--add-dynamic-module list=DYNAMIC_ADDONS ;;
    *)       addopt=--add-module         list=NGX_ADDONS ;;
esac

{
    cat <<EOF
# driver generated by eval-config.sh; stands in for ./configure
LC_ALL=C
export LC_ALL
. $(sq "$tmp/globals.sh")

# what auto/options leaves behind for the last option
option=$(sq "$addopt=$moddir")
value=$(sq "$moddir")
opt="\$opt \`echo \$option | sed -e "s/\\(--[^=]*=\\)\\(.* .*\\)/\\1'\\2'/"\`"
NGX_CONFIGURE="\$opt"
eval "set -- \$opt"
$list=" \$value"

__oracle_exit() {
    __oracle_rc=\$?
    set > $(sq "$tmp/after")
    echo \$__oracle_rc > $(sq "$tmp/rc")
}
trap __oracle_exit EXIT

EOF
    if [ "$link" = LEGACY ]; then
        cat <<'EOF'
unset ngx_module_type ngx_module_name ngx_module_incs ngx_module_deps
unset ngx_module_srcs ngx_module_libs ngx_module_order ngx_module_link

# the loop of auto/modules in nginx before 1.9.11
if test -n "$NGX_ADDONS"; then

    echo configuring additional modules

    for ngx_addon_dir in $NGX_ADDONS
    do
        echo "adding module in $ngx_addon_dir"

        if test -f $ngx_addon_dir/config; then
EOF
    else
        cat <<EOF
# the loop of auto/modules
if test -n "\$$list"; then

    echo configuring additional$([ "$link" = DYNAMIC ] && echo ' dynamic') modules

    for ngx_addon_dir in \$$list
    do
        echo "adding module in \$ngx_addon_dir"

        ngx_module_type=
        ngx_module_name=
        ngx_module_incs=
        ngx_module_deps=
        ngx_module_srcs=
        ngx_module_libs=
        ngx_module_order=
        ngx_module_link=$link

        if test -f \$ngx_addon_dir/config; then
EOF
    fi
    cat <<EOF
            set > $(sq "$tmp/before")
            . \$ngx_addon_dir/config

            echo " + \$ngx_addon_name was configured"

        else
            echo "\$0: error: no \$ngx_addon_dir/config was found"
            exit 1
        fi
    done
fi
exit 0
EOF
} > "$tmp/src/configure"
if [ "$link" = LEGACY ]; then
    rm -f "$tmp/src/auto/module"
fi

# checksums: a file written again with other contents in the same clock tick keeps its time
sums() {
    (cd "$tmp/src" && find . -type f -exec cksum {} + | LC_ALL=C sort)
}
if [ -n "$written" ]; then
    sums > "$tmp/sums.before"
fi
set +e
(cd "$tmp/src" && /bin/sh ./configure < /dev/null 1>&2)
set -e
if [ -n "$written" ]; then
    sums > "$tmp/sums.after"
    LC_ALL=C comm -13 "$tmp/sums.before" "$tmp/sums.after" | sed 's|^[0-9]* [0-9]* \./||' | LC_ALL=C sort -u > "$written"
fi
if [ ! -f "$tmp/rc" ] || [ ! -f "$tmp/after" ]; then
    echo "eval-config.sh: the driver did not finish" >&2
    exit 1
fi
rc=$(cat "$tmp/rc")
if [ ! -f "$tmp/before" ]; then
    echo "eval-config.sh: $moddir/config was not sourced" >&2
    exit 1
fi

printf '%s\n' PWD OLDPWD PPID LINENO OPTIND _ > "$tmp/drop"
if [ $all = no ]; then
    echo ngx_test >> "$tmp/drop"
fi
if [ $state = yes ]; then
    : > "$tmp/before"
fi
awk -v mode=diff -v drop="$tmp/drop" -v dropprefix=__oracle_ \
    -f "$here/set-records.awk" "$tmp/before" "$tmp/after" > "$tmp/diff"
LC_ALL=C sort -t= -k1,1 "$tmp/diff"

if [ -n "$autoconf" ]; then
    tail -c +$((confsize + 1)) "$tmp/src/objs/ngx_auto_config.h" > "$autoconf"
fi
if [ "$rc" != 0 ]; then
    echo "eval-config.sh: the config left configure with exit status $rc" >&2
fi
exit "$rc"
