ngx_addon_name=ngx_http_tick_module
nginx_version=`awk '/^#define nginx_version / {print $3}' src/core/nginx.h
if [ $nginx_version -ge 1009011 ]; then
    echo " + tick: dynamic build possible"
fi
