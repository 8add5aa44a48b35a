case "$NGX_PLATFORM" in
    Linux:*)
        ngx_feature_libs=
    ;;
    *)
        ngx_feature_libs="-liconv"
    ;;

ngx_feature_test="iconv_open(0, 0);"
. auto/feature
