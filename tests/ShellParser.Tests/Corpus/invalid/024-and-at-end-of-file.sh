ngx_addon_name=ngx_http_tail_and_module
test -f "$ngx_addon_dir/ngx_http_tail_and_module.c" &&
