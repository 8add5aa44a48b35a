ngx_addon_name=ngx_http_semi_module
ngx_module_type=HTTP;;
. auto/module
