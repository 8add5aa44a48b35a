ngx_addon_name=ngx_http_nothen_module
if [ -n "$ngx_module_link" ]
    ngx_module_type=HTTP
    ngx_module_name=ngx_http_nothen_module
    . auto/module
fi
