ngx_addon_name=ngx_http_colon_module
LIB_COLON=${LIB_COLON:}
ngx_module_libs="$LIB_COLON -lm"
