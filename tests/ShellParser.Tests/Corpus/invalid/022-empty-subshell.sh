ngx_addon_name=ngx_http_sub_module
(
)
