ngx_version=`grep nginx_version src/core/nginx.h \
             | sed -e 's/^.* \(.*\)$/\1/'`

ndk_version() {
    cat src/core/nginx.h                                |
    grep  '#define NGINX_VERSION'                       |
    sed                                                 \
        -e 's/[^0-9.]*\([0-9.]*\).*/\1/'                \
        -e 's/\.//g'
}

if [ "$NGX_IGNORE_RPATH" != "YES" -a \
     "$NGX_SYSTEM" = "Linux" ]; then
    ngx_feature_libs="-Wl,-rpath,$FOO_LIB \
                      -L$FOO_LIB -lfoo"
fi

CFLAGS="$CFLAGS -DFOO" \
    NGX_LD_OPT="$NGX_LD_OPT -lfoo" \
    sh -c 'echo "$CFLAGS"'

test -d "$ngx_addon_dir/deps" \
    && echo " + bundled deps found" \
    || echo " + using system deps"

echo one two \
\
three
