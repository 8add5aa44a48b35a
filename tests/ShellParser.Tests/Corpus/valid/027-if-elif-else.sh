if [ "$HTTP_GZIP" = YES ]; then
    next=ngx_http_gzip_filter_module
elif echo $HTTP_FILTER_MODULES | grep pagespeed_etag_filter >/dev/null; then
    next=ngx_pagespeed_etag_filter
elif [ "$HTTP_SSI" = YES ]
then
    next=ngx_http_ssi_filter_module
else
    next=ngx_http_range_header_filter_module
fi

if [ $uname_arch = 'x86_64' -o $uname_arch = 'amd64' ]; then
  arch_name='x64'
elif [ $uname_arch = 'x86_32' -o $uname_arch = 'i686' \
                              -o $uname_arch = 'i386' ]; then
  arch_name='ia32'
else
  echo "Architecture not supported: $uname_arch"
  exit 1
fi

if [ $ngx_found = yes ]; then ngx_module_libs="$ngx_module_libs $ngx_feature_libs"; fi
if true; then :; elif false; then :; elif :; then :; else :; fi

if [ "$NGX_MSVC_VER" = "" ]; then
    CFLAGS="$CFLAGS -Wno-deprecated-declarations"
else  # MSVC
    CFLAGS="$CFLAGS -wd4127"
fi

if if test -f a; then true; fi; then
    :
fi
