ngx_addon_name=ngx_http_crlf_if_module

if test -n "$ngx_module_link"; then
    ngx_module_type=HTTP
    ngx_module_name=ngx_http_crlf_if_module
    ngx_module_srcs="$ngx_addon_dir/ngx_http_crlf_if_module.c"
    . auto/module
else
    HTTP_MODULES="$HTTP_MODULES ngx_http_crlf_if_module"
fi
