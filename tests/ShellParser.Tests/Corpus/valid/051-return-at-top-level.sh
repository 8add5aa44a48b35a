# A sourced file may stop early with return at the top level.
ngx_addon_name=ngx_http_optional_module

if [ "$HTTP" = NO ]; then
    echo " - optional module skipped: HTTP is disabled"
    return
fi

if [ -n "$OPTIONAL_DISABLED" ]; then return 0; fi

ngx_module_type=HTTP
ngx_module_name=ngx_http_optional_module
ngx_module_srcs="$ngx_addon_dir/ngx_http_optional_module.c"

. auto/module

return
