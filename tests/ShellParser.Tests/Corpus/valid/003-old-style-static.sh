ngx_addon_name=ngx_http_tally_module

HTTP_MODULES="$HTTP_MODULES ngx_http_tally_module"
HTTP_AUX_FILTER_MODULES="ngx_http_tally_guard_module $HTTP_AUX_FILTER_MODULES"
NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_tally_module.c $ngx_addon_dir/ngx_http_tally_guard.c"
NGX_ADDON_DEPS="$NGX_ADDON_DEPS $ngx_addon_dir/ngx_http_tally_module.h"

CORE_INCS="$CORE_INCS $ngx_addon_dir/include"
HTTP_INCS="$HTTP_INCS $ngx_addon_dir"
CORE_LIBS="$CORE_LIBS -lm"

USE_MD5=YES
USE_SHA1=YES
USE_OPENSSL=YES
