ngx_addon_name=ngx_http_namequote_module
echo "building ${ngx_addon_name"_dyn"}"
