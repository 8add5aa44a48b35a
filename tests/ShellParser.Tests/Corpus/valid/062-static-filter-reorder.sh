ngx_addon_name=ngx_http_squeeze_filter_module
ngx_module_type=HTTP_FILTER
ngx_module_name=ngx_http_squeeze_filter_module
ngx_module_srcs="$ngx_addon_dir/ngx_http_squeeze_filter_module.c"
ngx_module_order="$ngx_module_name \
                  ngx_http_postpone_filter_module \
                  ngx_http_ssi_filter_module \
                  ngx_http_charset_filter_module \
                  ngx_http_copy_filter_module"

. auto/module

if [ "$ngx_module_link" != DYNAMIC ]; then
    # ngx_module_order does not apply to static builds:
    # move the filter right after the gzip filter by hand.

    if [ "$HTTP_GZIP" = YES ]; then
        next=ngx_http_gzip_filter_module
    else
        next=ngx_http_range_header_filter_module
    fi

    HTTP_FILTER_MODULES=`echo $HTTP_FILTER_MODULES \
                         | sed "s/$ngx_module_name//" \
                         | sed "s/$next/$next $ngx_module_name/"`
fi

HTTP_MODULES=`echo "${HTTP_MODULES}" | sed -e \
	's/ngx_http_index_module/ngx_http_squeeze_index_module ngx_http_index_module/'`

HTTP_FILTER_MODULES=$(echo $HTTP_FILTER_MODULES |\
    sed "s/ngx_http_range_header_filter_module/ngx_http_range_header_filter_module ngx_http_squeeze_etag_filter/")
