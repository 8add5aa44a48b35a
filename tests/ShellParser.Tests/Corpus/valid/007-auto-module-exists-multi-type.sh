ngx_addon_name="ngx_relay_module"

RELAY_CORE_MODULES="ngx_relay_module ngx_relay_core_module ngx_relay_log_module"
RELAY_HTTP_MODULES="ngx_relay_stat_module"
RELAY_DEPS="$ngx_addon_dir/ngx_relay.h $ngx_addon_dir/ngx_relay_log.h"
RELAY_CORE_SRCS="$ngx_addon_dir/ngx_relay.c $ngx_addon_dir/ngx_relay_core.c $ngx_addon_dir/ngx_relay_log.c"
RELAY_HTTP_SRCS="$ngx_addon_dir/ngx_relay_stat_module.c"

if [ -f auto/module ] ; then
    ngx_module_incs=$ngx_addon_dir
    ngx_module_deps=$RELAY_DEPS

    if [ $ngx_module_link = DYNAMIC ] ; then
        ngx_module_name="$RELAY_CORE_MODULES $RELAY_HTTP_MODULES"
        ngx_module_srcs="$RELAY_CORE_SRCS $RELAY_HTTP_SRCS"

        . auto/module

    else
        ngx_module_type=CORE;  ngx_module_name=$RELAY_CORE_MODULES;  ngx_module_srcs=$RELAY_CORE_SRCS

        . auto/module


        ngx_module_type=HTTP
        ngx_module_name=$RELAY_HTTP_MODULES
        ngx_module_incs=
        ngx_module_deps=
        ngx_module_srcs=$RELAY_HTTP_SRCS

        . auto/module
    fi

else
    CORE_MODULES="$CORE_MODULES $RELAY_CORE_MODULES"
    HTTP_MODULES="$HTTP_MODULES $RELAY_HTTP_MODULES"

    NGX_ADDON_DEPS="$NGX_ADDON_DEPS $RELAY_DEPS"
    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $RELAY_CORE_SRCS $RELAY_HTTP_SRCS"

    CFLAGS="$CFLAGS -I$ngx_addon_dir"
fi

USE_OPENSSL=YES
