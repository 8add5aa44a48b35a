if [ "$HTTP_GZIP" = YES ]; then
    next=ngx_http_gzip_filter_module
else
    next=ngx_http_range_header_filter_module
elif [ "$HTTP_SSI" = YES ]; then
    next=ngx_http_ssi_filter_module
fi
