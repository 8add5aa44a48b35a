ngx_addon_name=ngx_http_bom_module

# The file starts with a UTF-8 byte order mark. dash reads it as part of
# the first word, so the first line must not start with a keyword.
if test -n "$ngx_module_link"; then
    ngx_module_type=HTTP
    ngx_module_name=ngx_http_bom_module
    ngx_module_srcs="$ngx_addon_dir/ngx_http_bom_module.c"
    . auto/module
else
    HTTP_MODULES="$HTTP_MODULES ngx_http_bom_module"
    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_bom_module.c"
fi
