# dash's test rejects "==" at run time ("unexpected operator")
if [ "$ngx_module_link" == DYNAMIC ]; then
    ngx_module_order="$ngx_module_name ngx_http_copy_filter_module"
fi
