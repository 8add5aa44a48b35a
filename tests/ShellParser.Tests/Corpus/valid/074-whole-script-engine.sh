ngx_addon_name="ngx_scr_module"

SCR_OPENSSL=${SCR_OPENSSL:-YES}
SCR_LIBXSLT=${SCR_LIBXSLT:-YES}
SCR_ZLIB=${SCR_ZLIB:-YES}
SCR_ENGINE=${SCR_ENGINE:-YES}

SCR_DEPS="$ngx_addon_dir/ngx_scr.h \
    $ngx_addon_dir/ngx_scr_fetch.h \
    $ngx_addon_dir/ngx_scr_shared_dict.h"
SCR_SRCS="$ngx_addon_dir/ngx_scr.c \
    $ngx_addon_dir/ngx_scr_fetch.c \
    $ngx_addon_dir/ngx_scr_regex.c \
    $ngx_addon_dir/ngx_scr_shared_dict.c"

SCR_OPENSSL_LIB=
SCR_XSLT_LIB=
SCR_ZLIB_LIB=
SCR_ENGINE_LIB=
SCR_ENGINE_INC=
SCR_DEFAULT_INCS="$ngx_addon_dir/../src $ngx_addon_dir/../build"
SCR_HAVE_ENGINE=

scr_enable() {
    # $1: have-name, $2: source base name
    have=$1 . auto/have
    SCR_SRCS="$SCR_SRCS $ngx_addon_dir/../external/$2.c"
    echo " enabled $2"
}

if [ $SCR_ENGINE != NO ]; then

    ngx_feature="Engine library -lengine"
    ngx_feature_name=SCR_HAVE_ENGINE
    ngx_feature_run=yes
    ngx_feature_incs="#include <engine.h>"
    ngx_feature_path="$SCR_DEFAULT_INCS"
    ngx_feature_libs="-lengine -lm -ldl -lpthread"
    ngx_feature_test="EngineRuntime *rt;

                      rt = Engine_NewRuntime();
                      Engine_FreeRuntime(rt);
                      return 0;"
    . auto/feature

    if [ $ngx_found = no ]; then
        if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists engine; then

            # pkg-config

            ngx_feature="Engine library via pkg-config"

            ngx_feature_path="$SCR_DEFAULT_INCS"
            ngx_feature_path="$ngx_feature_path $(pkg-config engine --cflags-only-I | sed -e 's/-I//g')"
            ngx_feature_libs=$(pkg-config engine --libs)

            . auto/feature
        fi
    fi

    if [ $ngx_found = yes ]; then
        SCR_HAVE_ENGINE=YES
        SCR_ENGINE_LIB="$ngx_feature_libs"
        SCR_ENGINE_INC=`echo "$ngx_feature_path" | sed -e "s|^$SCR_DEFAULT_INCS||"`

        echo " enabled engine"
    else
        echo
        echo $0: error: no engine library: Engine_NewRuntime\(\) did not link.
        echo
        exit 1;
    fi
fi

if [ $SCR_OPENSSL != NO ]; then
    SCR_OPENSSL_LIB=OPENSSL
    scr_enable SCR_HAVE_OPENSSL scr_crypto_module
fi

if [ $SCR_LIBXSLT != NO ]; then
    SCR_XSLT_LIB=LIBXSLT
    scr_enable SCR_HAVE_XML scr_xml_module
fi

if [ $SCR_ZLIB != NO ]; then
    SCR_ZLIB_LIB=ZLIB
    scr_enable SCR_HAVE_ZLIB scr_zlib_module
fi

if [ $HTTP != NO ]; then
    ngx_module_type=HTTP_AUX_FILTER
    ngx_module_name="ngx_http_scr_module ngx_http_scr_core_module"
    ngx_module_incs="$ngx_addon_dir/../src $ngx_addon_dir/../build \
                     $SCR_ENGINE_INC"
    ngx_module_deps="$SCR_DEPS"
    ngx_module_srcs="$ngx_addon_dir/ngx_http_scr_module.c $SCR_SRCS"
    ngx_module_libs="PCRE $SCR_OPENSSL_LIB $SCR_XSLT_LIB $SCR_ZLIB_LIB \
                     $SCR_ENGINE_LIB -lm"

    . auto/module

    if [ "$ngx_module_link" != DYNAMIC ]; then
        SCR_SRCS=
    fi
fi

if [ $STREAM != NO ]; then
    ngx_module_type=STREAM
    ngx_module_name="ngx_stream_scr_module ngx_stream_scr_core_module"
    ngx_module_incs="$ngx_addon_dir/../src $ngx_addon_dir/../build \
                     $SCR_ENGINE_INC"
    ngx_module_deps="$SCR_DEPS"
    ngx_module_srcs="$ngx_addon_dir/ngx_stream_scr_module.c $SCR_SRCS"
    ngx_module_libs="PCRE $SCR_OPENSSL_LIB $SCR_XSLT_LIB $SCR_ZLIB_LIB \
                     $SCR_ENGINE_LIB -lm"

    . auto/module
fi

# what a config.make next to this file would add to the Makefile
for src_file in $SCR_SRCS; do
  obj_file="$NGX_OBJS/addon/src/`basename $src_file .c`.o"
  echo "$obj_file : CFLAGS += -DSCR_BUILD" >> $NGX_MAKEFILE
done

cat << END                                            >> $NGX_MAKEFILE

$ngx_addon_dir/../build/libscr.a: $NGX_MAKEFILE
	cd $ngx_addon_dir/.. \\
	&& if [ -f build/Makefile ]; then \$(MAKE) clean; fi \\
	&& CFLAGS="\$(CFLAGS)" CC="\$(CC)" ./configure --minimal \\
	&& \$(MAKE) libscr

END
