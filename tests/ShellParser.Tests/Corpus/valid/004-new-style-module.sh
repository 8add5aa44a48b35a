ngx_addon_name=ngx_http_stamp_module

ngx_module_type=HTTP
ngx_module_name=ngx_http_stamp_module
ngx_module_incs=
ngx_module_deps="$ngx_addon_dir/src/ngx_http_stamp.h"
ngx_module_srcs="$ngx_addon_dir/src/ngx_http_stamp_module.c \
                 $ngx_addon_dir/src/ngx_http_stamp_format.c"

# libxslt is linked anyway when the xslt module is built;
# otherwise libxml2 alone would do:
# ngx_module_libs=-lxml2
ngx_module_libs=LIBXSLT
ngx_module_order=

. auto/module
