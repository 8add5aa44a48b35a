#!/usr/bin/env bash
# build-dynamic.sh -- build a module as dynamic module(s) the way nginx does.
#
# Usage: tests/oracle/build-dynamic.sh [OPTIONS] MODULE_DIR OUTDIR [EXTRA_CONFIGURE_FLAG...]
#
# Copies NGINX_SRC (default /usr/share/nginx/src) to a temporary directory and
# runs there, with /bin/sh,
#     ./configure <Debian's flags from NGINX_SRC/conf_flags> EXTRA_CONFIGURE_FLAGs \
#                 --add-dynamic-module=MODULE_DIR
#     make -f objs/Makefile modules
# then copies to OUTDIR (created if needed):
#     *.so                        the shared objects (one per auto/module call)
#     *_modules.c                 their module lists and load order (and
#                                 ngx_modules.c, the binary's static list)
#     Makefile  ngx_auto_config.h from objs/
#     configure.log  make.log
# and prints the absolute path of each .so on stdout, one per line.
# The flags include --with-compat, so the .so files load into Debian's nginx
# (see load-module.sh).  For STREAM and MAIL modules pass --with-stream or
# --with-mail (static, so that `make modules` needs no stream/mail sources;
# the headers are what matters).
#
# A config that never calls auto/module (old style) produces no .so: that is
# not an error here; the output is then empty and `make modules` has nothing
# to do.
#
# Options:
#   -s NGINX_SRC   the nginx source tree to copy
#   --patch FILE   apply FILE with `patch -p1` to the copy before configure
#                  (may be repeated)
#
# Exit status: 0 on success; 1 when configure or make fails, with the end of
# the log on stderr.
set -euo pipefail

src=/usr/share/nginx/src
patches=()
while [ $# -gt 0 ]; do
    case $1 in
        -s) src=$2; shift 2 ;;
        --patch) patches+=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
        --) shift; break ;;
        -*) echo "build-dynamic.sh: unknown option $1" >&2; exit 1 ;;
        *) break ;;
    esac
done
if [ $# -lt 2 ]; then
    sed -n '4,33p' "$0" >&2
    exit 1
fi
moddir=$(cd "$1" && pwd)
out=$2
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ngx-dynamic.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R "$src" "$tmp/src"
for p in ${patches[@]+"${patches[@]}"}; do
    (cd "$tmp/src" && patch -s -p1 < "$p") || { echo "build-dynamic.sh: $p does not apply" >&2; exit 1; }
done

# shellcheck disable=SC1091
. "$src/conf_flags"
if ! (cd "$tmp/src" && /bin/sh ./configure "${NGX_CONF_FLAGS[@]}" "$@" \
        --add-dynamic-module="$moddir" < /dev/null > "$out/configure.log" 2>&1); then
    tail -n 20 "$out/configure.log" >&2
    echo "build-dynamic.sh: configure failed, see $out/configure.log" >&2
    exit 1
fi
cp "$tmp/src/objs/Makefile" "$tmp/src/objs/ngx_auto_config.h" "$out/"

if ! (cd "$tmp/src" && make -f objs/Makefile modules < /dev/null > "$out/make.log" 2>&1); then
    tail -n 20 "$out/make.log" >&2
    echo "build-dynamic.sh: make modules failed, see $out/make.log" >&2
    exit 1
fi

for f in "$tmp/src/objs/"*_modules.c "$tmp/src/objs/"*.so; do
    [ -e "$f" ] || continue
    cp "$f" "$out/"
    case $f in *.so) echo "$out/$(basename "$f")" ;; esac
done
