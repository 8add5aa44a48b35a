ngx_addon_name=ngx_http_paren_module
PAREN_ROOT=$(cd "$ngx_addon_dir/.." && pwd

ngx_module_type=HTTP
ngx_module_name=ngx_http_paren_module
ngx_module_srcs="$PAREN_ROOT/src/ngx_http_paren_module.c"
. auto/module
