ngx_addon_name=ngx_http_brace_module
BRACE_SRCS="${ngx_addon_dir/src/ngx_http_brace_module.c"
NGX_ADDON_SRCS="$NGX_ADDON_SRCS $BRACE_SRCS"
HTTP_MODULES="$HTTP_MODULES ngx_http_brace_module"
