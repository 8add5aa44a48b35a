#! /bin/sh
# -*- mode: sh; -*-
ngx_addon_name=ngx_http_tidy_module
mruby_root=@TIDY_ROOT@
tidy_incdir="@TIDY_INCDIR@"

if [ -z "$mruby_root" ]; then
    mruby_root=$ngx_addon_dir/tidy
fi

ngx_module_type=HTTP
ngx_module_name=$ngx_addon_name
ngx_module_srcs="$ngx_addon_dir/src/ngx_http_tidy_module.c"
ngx_module_libs="-L$mruby_root/lib -ltidy -lm"

. auto/module
