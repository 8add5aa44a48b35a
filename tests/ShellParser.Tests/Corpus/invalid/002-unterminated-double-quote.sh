ngx_addon_name=ngx_http_dq_module

DQ_SRCS="                                        \
        $ngx_addon_dir/src/ngx_http_dq_module.c  \
        $ngx_addon_dir/src/ngx_http_dq_util.c    \

if test -n "$ngx_module_link"; then
    ngx_module_type=HTTP
    ngx_module_name=$ngx_addon_name
    ngx_module_srcs="$DQ_SRCS"
    . auto/module
fi
