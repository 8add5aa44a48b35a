ngx_addon_name=ngx_http_crlf_module

# saved with CRLF line endings; CR is an ordinary word character in dash
ngx_module_type=HTTP
ngx_module_name=ngx_http_crlf_module
ngx_module_incs=
ngx_module_srcs="$ngx_addon_dir/ngx_http_crlf_module.c \
                 $ngx_addon_dir/ngx_http_crlf_util.c"
ngx_module_libs="-lm"

. auto/module

CFLAGS="$CFLAGS -DNGX_CRLF"; USE_PCRE=YES
