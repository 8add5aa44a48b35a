#!/usr/bin/env bash
# build-static.sh -- what a static build with a module would contain.
#
# Usage: tests/oracle/build-static.sh [OPTIONS] MODULE_DIR OUTDIR [EXTRA_CONFIGURE_FLAG...]
#
# Copies NGINX_SRC (default /usr/share/nginx/src) to a temporary directory and
# runs there, with /bin/sh,
#     ./configure <Debian's flags from NGINX_SRC/conf_flags> EXTRA_CONFIGURE_FLAGs \
#                 --add-module=MODULE_DIR
# then copies to OUTDIR (created if needed):
#     ngx_modules.c  Makefile  ngx_auto_config.h   from objs/
#     configure.log                                 configure's output
# Debian's flags have neither --with-stream nor --with-mail: STREAM_MODULES
# and MAIL_MODULES are then ignored by configure.  Pass --with-stream and/or
# --with-mail as EXTRA_CONFIGURE_FLAGs for STREAM and MAIL modules.
#
# Options:
#   -s NGINX_SRC   the nginx source tree to copy
#   --patch FILE   apply FILE with `patch -p1` to the copy before configure
#                  (may be repeated)
#   --compile      also compile the module's objects (the objs/addon/*.o
#                  targets of objs/Makefile, static flags, no link: nginx-dev
#                  ships headers only); the log goes to OUTDIR/make.log
#
# Exit status: 0 on success; 1 when configure (or the compilation) fails,
# with the end of the log on stderr.  Paths inside Makefile and
# ngx_modules.c are the ones configure wrote: MODULE_DIR is absolute, nginx's
# own files are relative to the (removed) copy.
set -euo pipefail

src=/usr/share/nginx/src
patches=()
compile=no
while [ $# -gt 0 ]; do
    case $1 in
        -s) src=$2; shift 2 ;;
        --patch) patches+=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
        --compile) compile=yes; shift ;;
        --) shift; break ;;
        -*) echo "build-static.sh: unknown option $1" >&2; exit 1 ;;
        *) break ;;
    esac
done
if [ $# -lt 2 ]; then
    sed -n '4,28p' "$0" >&2
    exit 1
fi
moddir=$(cd "$1" && pwd)
out=$2
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ngx-static.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R "$src" "$tmp/src"
for p in ${patches[@]+"${patches[@]}"}; do
    (cd "$tmp/src" && patch -s -p1 < "$p") || { echo "build-static.sh: $p does not apply" >&2; exit 1; }
done

# shellcheck disable=SC1091
. "$src/conf_flags"
if ! (cd "$tmp/src" && /bin/sh ./configure "${NGX_CONF_FLAGS[@]}" "$@" \
        --add-module="$moddir" < /dev/null > "$out/configure.log" 2>&1); then
    tail -n 20 "$out/configure.log" >&2
    echo "build-static.sh: configure failed, see $out/configure.log" >&2
    exit 1
fi
cp "$tmp/src/objs/ngx_modules.c" "$tmp/src/objs/Makefile" \
   "$tmp/src/objs/ngx_auto_config.h" "$out/"

if [ $compile = yes ]; then
    targets=$(sed -n 's/^\(objs\/addon\/[^:]*\.o\):.*/\1/p' "$tmp/src/objs/Makefile")
    if [ -z "$targets" ]; then
        echo "build-static.sh: objs/Makefile has no addon objects" >&2
        exit 1
    fi
    # shellcheck disable=SC2086
    if ! (cd "$tmp/src" && make -f objs/Makefile $targets > "$out/make.log" 2>&1); then
        tail -n 20 "$out/make.log" >&2
        echo "build-static.sh: compilation failed, see $out/make.log" >&2
        exit 1
    fi
fi
