ngx_jit_opt_I=
ngx_jit_opt_L=
jit_ld_opt=

ngx_feature_name=
ngx_feature_run=no
ngx_feature_incs=
ngx_feature_test=

if [ -n "$QJIT_INC" -o -n "$QJIT_LIB" ]; then
    # the user told us where QJit lives
    ngx_feature="QJit library in $QJIT_LIB and $QJIT_INC (from QJIT_LIB / QJIT_INC)"
    ngx_feature_path="$QJIT_INC"
    ngx_jit_opt_I="-I$QJIT_INC"
    ngx_jit_opt_L="-L$QJIT_LIB"
    jit_ld_opt="-lm -ldl"

    # put the user's -I/-L in front so the probe sees them first
    SAVED_CC_TEST_FLAGS="$CC_TEST_FLAGS"
    CC_TEST_FLAGS="$ngx_jit_opt_I $CC_TEST_FLAGS"
    SAVED_NGX_TEST_LD_OPT="$NGX_TEST_LD_OPT"
    NGX_TEST_LD_OPT="$ngx_jit_opt_L $NGX_TEST_LD_OPT"

    if [ $NGX_RPATH = YES ]; then
        ngx_feature_libs="-R$QJIT_LIB $ngx_jit_opt_L -lqjit $jit_ld_opt"
    else
        ngx_feature_libs="$ngx_jit_opt_L -lqjit $jit_ld_opt"
    fi

    . auto/feature

    # restore the probe flags
    CC_TEST_FLAGS="$SAVED_CC_TEST_FLAGS"
    NGX_TEST_LD_OPT="$SAVED_NGX_TEST_LD_OPT"

    if [ $ngx_found = no ]; then
        cat << END
        $0: error: cannot build ngx_http_qjit_module: no usable QJit in QJIT_LIB=$QJIT_LIB / QJIT_INC=$QJIT_INC.
END
        exit 1
    fi

    case "$NGX_PLATFORM" in
        Darwin:*)
            case "$NGX_MACHINE" in
                amd64 | x86_64 | i386)
                    echo "QJit on $NGX_MACHINE needs extra link flags"
                    jit_ld_opt="$jit_ld_opt -pagezero_size 10000 -image_base 100000000"
                    ngx_feature_libs="$ngx_feature_libs -pagezero_size 10000 -image_base 100000000"
                ;;

                *)
                ;;
            esac
        ;;

        *)
        ;;
    esac
else
    # nothing given: try the usual prefixes in turn
    for jit_prefix in /usr/local /usr /opt/local; do
        if [ $ngx_found = no ]; then
            ngx_feature="QJit library in $jit_prefix/"
            ngx_feature_path="$jit_prefix/include/qjit-1.0"
            if [ $NGX_RPATH = YES ]; then
                ngx_feature_libs="-R$jit_prefix/lib -L$jit_prefix/lib -lqjit -lm"
            else
                ngx_feature_libs="-L$jit_prefix/lib -lqjit -lm"
            fi
            . auto/feature
        fi
    done
fi

ngx_module_incs=
ngx_module_libs=

if [ $ngx_found = yes ]; then
    # prepend, so that this copy wins over any system headers
    CFLAGS="$ngx_jit_opt_I $CFLAGS"
    NGX_LD_OPT="$ngx_jit_opt_L $NGX_LD_OPT"

    ngx_module_incs="$ngx_module_incs $ngx_feature_path"
    ngx_module_libs="$ngx_module_libs $ngx_feature_libs"
else
    cat << END
    $0: error: QJit was not found; install it or set QJIT_INC and QJIT_LIB.
END
    exit 1
fi

# ----------------------------------------

ngx_feature="QJit 1.x"
ngx_feature_run=no
ngx_feature_incs="#include <qjit.h>"
ngx_feature_test="#if !defined(QJIT_VERSION_NUM) || QJIT_VERSION_NUM < 10000
                  #    error QJit older than 1.0
                  #endif
                  "

. auto/feature

if [ $ngx_found = no ]; then
    cat << END
    $0: error: QJit is too old; version 1.0 or newer is needed.
END
    exit 1
fi

# ----------------------------------------

ngx_feature="malloc_trim"
ngx_feature_libs=
ngx_feature_name="NGX_HTTP_QJIT_HAVE_MALLOC_TRIM"
ngx_feature_run=yes
ngx_feature_incs="#include <malloc.h>
#include <stdio.h>"
ngx_feature_test="int rc = malloc_trim((size_t) 0); printf(\"%d\", rc);"
SAVED_CC_TEST_FLAGS="$CC_TEST_FLAGS"
CC_TEST_FLAGS="-Werror -Wall $CC_TEST_FLAGS"

. auto/feature

CC_TEST_FLAGS="$SAVED_CC_TEST_FLAGS"

# ----------------------------------------

ngx_addon_name=ngx_http_qjit_module
HTTP_QJIT_SRCS=" \
            $ngx_addon_dir/src/ngx_http_qjit_module.c \
            $ngx_addon_dir/src/ngx_http_qjit_directive.c \
            $ngx_addon_dir/src/ngx_http_qjit_util.c\
            $ngx_addon_dir/src/ngx_http_qjit_shdict.c \
            "

HTTP_QJIT_DEPS=" \
            $ngx_addon_dir/src/ddebug.h \
            $ngx_addon_dir/src/ngx_http_qjit_common.h \
            $ngx_addon_dir/src/ngx_http_qjit_util.h \
            "

if [ -n "$ngx_module_link" ]; then
    ngx_module_type=HTTP_AUX_FILTER
    ngx_module_name=$ngx_addon_name
    ngx_module_deps="$HTTP_QJIT_DEPS"
    ngx_module_srcs="$HTTP_QJIT_SRCS"

    . auto/module
else
    HTTP_AUX_FILTER_MODULES="$HTTP_AUX_FILTER_MODULES $ngx_addon_name"
    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $HTTP_QJIT_SRCS"
    NGX_ADDON_DEPS="$NGX_ADDON_DEPS $HTTP_QJIT_DEPS"

    CORE_INCS="$CORE_INCS $ngx_module_incs"
    CORE_LIBS="$CORE_LIBS $ngx_module_libs"
fi

USE_MD5=YES
USE_SHA1=YES

NGX_DTRACE_PROVIDERS="$NGX_DTRACE_PROVIDERS $ngx_addon_dir/dtrace/ngx_qjit_provider.d"
CORE_INCS="$CORE_INCS $ngx_addon_dir/src/api"
CFLAGS="$CFLAGS -DNDK_SET_VAR"

echo "/* generated while configuring; local edits are lost */" > "$ngx_addon_dir/src/ngx_http_qjit_autoconf.h"
