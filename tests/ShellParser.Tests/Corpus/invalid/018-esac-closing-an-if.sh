if [ "$HTTP_GZIP" = YES ]; then
    next=ngx_http_gzip_filter_module
esac
