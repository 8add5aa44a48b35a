ngx_feature="iconv_open()"
case "$NGX_PLATFORM" in
    Linux:*) ngx_feature_libs= ;;
    *) ngx_feature_libs="-liconv" esac
. auto/feature
