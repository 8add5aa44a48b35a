ngx_addon_name=ngx_http_shaper_module

SHAPER_SRCS="$ngx_addon_dir/src/ngx_http_shaper_module.c"
SHAPER_DEPS="$ngx_addon_dir/src/ngx_http_shaper.h"

if test -n "$ngx_module_link"; then
    ngx_module_type=HTTP
    ngx_module_name=$ngx_addon_name
    ngx_module_incs=
    ngx_module_deps="$SHAPER_DEPS"
    ngx_module_srcs="$SHAPER_SRCS"
    ngx_module_libs=

    . auto/module
else
    HTTP_MODULES="$HTTP_MODULES $ngx_addon_name"
    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $SHAPER_SRCS"
    NGX_ADDON_DEPS="$NGX_ADDON_DEPS $SHAPER_DEPS"
fi

if [ -n "${ngx_module_link}" ]; then
    echo " + shaper built with the module API"
fi
