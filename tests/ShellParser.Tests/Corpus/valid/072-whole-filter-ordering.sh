# vim: filetype=sh

# If $GUARD_INC / $GUARD_LIB are set they are used; otherwise the
# usual system locations are probed.

ngx_feature_name=
ngx_feature_run=no
ngx_feature_incs="#include <guard/guard.h>"
ngx_feature_libs="-lguard"
ngx_feature_test='printf("hello");'
ngx_guard_opt_I=
ngx_guard_opt_L=

JSON_EXTRA=
if test -n "$JSON_LIB"; then
    JSON_EXTRA="-L$JSON_LIB -ljson"
fi

if [ -n "$GUARD_INC" -o -n "$GUARD_LIB" ]; then
    ngx_feature="Guard library in \"$GUARD_LIB\" and \"$GUARD_INC\" (from GUARD_LIB / GUARD_INC)"
    ngx_feature_path="$GUARD_INC"
    ngx_guard_opt_I="-I$GUARD_INC"
    ngx_guard_opt_L="-L$GUARD_LIB $JSON_EXTRA"

    if [ $NGX_RPATH = YES ]; then
        ngx_feature_libs="-R$GUARD_LIB -L$GUARD_LIB -lguard $JSON_EXTRA"
    elif [ "$NGX_IGNORE_RPATH" != "YES" -a $NGX_SYSTEM = "Linux" ]; then
        ngx_feature_libs="-Wl,-rpath,$GUARD_LIB -L$GUARD_LIB -lguard $JSON_EXTRA"
    else
        ngx_feature_libs="-L$GUARD_LIB -lguard $JSON_EXTRA"
    fi

    . auto/feature
else
    ngx_feature="Guard library"
    . auto/feature

    if [ $ngx_found = no ]; then
        ngx_feature="Guard library in /usr/local/guard"
        ngx_feature_path="/usr/local/guard/include"
        ngx_feature_libs="-L/usr/local/guard/lib -lguard"

        . auto/feature

    fi
fi

if [ $ngx_found = no ]; then
 cat << END
 $0: error: libguard is needed by ngx_http_guard_module and was not found.
END
 exit 1
fi

ngx_addon_name=ngx_http_guard_module

# Filters listed here must run after this module in a dynamic build.
guard_dependency="ngx_http_postpone_filter_module \
                  ngx_http_ssi_filter_module \
                  ngx_http_charset_filter_module \
                  ngx_http_sub_filter_module \
                  ngx_http_addition_filter_module \
                  ngx_http_headers_filter_module \
                  ngx_http_copy_filter_module"

if test -n "$ngx_module_link"; then
	ngx_module_type=HTTP_FILTER
	ngx_module_name="$ngx_addon_name"
	ngx_module_srcs="$ngx_addon_dir/src/ngx_http_guard_module.c \
            $ngx_addon_dir/src/ngx_http_guard_header_filter.c \
            $ngx_addon_dir/src/ngx_http_guard_body_filter.c \
            "
	ngx_module_deps="$ngx_addon_dir/src/ddebug.h \
            $ngx_addon_dir/src/ngx_http_guard_common.h \
            "
        ngx_module_libs="$ngx_feature_libs"
        ngx_module_incs="$ngx_feature_path"

        ngx_module_order="ngx_http_chunked_filter_module \
                          ngx_http_range_header_filter_module \
                          ngx_http_gzip_filter_module \
                          $ngx_module_name \
                          $guard_dependency";

	. auto/module
else
	CFLAGS="$ngx_guard_opt_I $CFLAGS"
	NGX_LD_OPT="$ngx_guard_opt_L $NGX_LD_OPT"

	CORE_INCS="$CORE_INCS $ngx_feature_path"
	CORE_LIBS="$CORE_LIBS $ngx_feature_libs"

	HTTP_FILTER_MODULES="$HTTP_FILTER_MODULES ngx_http_guard_module"
	NGX_ADDON_SRCS="\
	    $NGX_ADDON_SRCS \
	    $ngx_addon_dir/src/ngx_http_guard_module.c \
	    $ngx_addon_dir/src/ngx_http_guard_header_filter.c \
	    $ngx_addon_dir/src/ngx_http_guard_body_filter.c \
	    "
fi

# A static build has no ngx_module_order: move the module by hand.
if [ "$ngx_module_link" != DYNAMIC ] ; then
    modules=
    found=
    for module in $HTTP_FILTER_MODULES; do
        if [ "$module" = "$ngx_addon_name" ]; then
            continue
        fi
        if [ -z "${found}" ]; then
            for item in $guard_dependency; do
                if [ "$module" = "$item" ]; then
                    modules="${modules} $ngx_addon_name"
                    found=1
                    break
                fi
            done
        fi
        modules="${modules} $module"
    done
    if [ -z "${found}" ]; then
        echo "$0: error: guard: none of its anchor filters is in HTTP_FILTER_MODULES"
        exit 1
    fi
    HTTP_FILTER_MODULES="${modules}"
fi

have=NGX_HTTP_GUARD . auto/have
have=NGX_HTTP_GUARD_MODULE . auto/have  # deprecated
