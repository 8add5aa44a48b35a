ngx_addon_name=ngx_http_emptythen_module
if [ "$EMPTYTHEN_DEBUG" = yes ]; then
    # TODO: debug flags
fi
