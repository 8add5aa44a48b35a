#!/bin/bash

# nginx build configuration for ngx_http_scrub_module
# (configure sources this file with /bin/sh; the first line is only a comment)

if [ "$HTTP_PROXY" = "YES" ]; then
    have=NGX_HTTP_PROXY . auto/have
fi

ngx_addon_name=ngx_http_scrub_module
SCRUB_SRCS="$ngx_addon_dir/ngx_http_scrub_module.c"

if [ -n "$ngx_module_link" ]; then
    ngx_module_type=HTTP
    ngx_module_name="$ngx_addon_name"
    ngx_module_srcs="$SCRUB_SRCS"
    ngx_module_deps=""
    ngx_module_libs=""
    . auto/module
else
    HTTP_MODULES="$HTTP_MODULES $ngx_addon_name"
    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $SCRUB_SRCS"
fi
