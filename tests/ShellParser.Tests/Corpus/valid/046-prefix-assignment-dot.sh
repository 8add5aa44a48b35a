if [ "$HTTP_PROXY" = "YES" ]; then
    have=NGX_HTTP_PROXY . auto/have
fi

have=NDK . auto/have
have=NGX_HTTP_PURGE_MODULE . auto/have  # deprecated name, kept for old builds
have=NGX_WIDGET_LEVEL value=3 . auto/define
have=NGX_WIDGET_TEMP_PATH value="\"widget_temp\""
. auto/define

have=WIDGET_NGINX_MAJOR value="$nginx_major" . auto/define
have=`echo $name | tr a-z A-Z` . auto/have
ngx_feature_name=NGX_HAVE_WIDGET ngx_feature_run=no . auto/feature
CFLAGS="$CFLAGS -DX" . auto/module
