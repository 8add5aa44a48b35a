ngx_addon_name=ngx_http_bundle_module

if [ $ngx_module_link = DYNAMIC ] ; then
    ngx_module_name=ngx_http_bundle_module
    ngx_module_srcs="$ngx_addon_dir/ngx_http_bundle_module.c $ngx_addon_dir/ngx_http_bundle_parse.c"

    ngx_module_type=HTTP_FILTER
    # run after postpone, before copy
    ngx_module_order="ngx_http_postpone_filter_module $ngx_module_name ngx_http_copy_filter_module"

    . auto/module
elif [ $ngx_module_link = ADDON ] ; then
    HTTP_AUX_FILTER_MODULES="$HTTP_AUX_FILTER_MODULES ngx_http_bundle_module"
    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_bundle_module.c"
    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_bundle_parse.c"

    . auto/module    
fi

if [ "$ngx_module_link" != DYNAMIC ]; then
    echo " + bundle: static build"
fi
