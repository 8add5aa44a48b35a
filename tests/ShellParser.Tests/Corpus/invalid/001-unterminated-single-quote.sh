ngx_addon_name=ngx_http_quote_module
ngx_feature_test='printf("hello");
ngx_feature_libs=-lquote
. auto/feature
