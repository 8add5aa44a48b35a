ngx_addon_name=ngx_http_group_module
{ }
