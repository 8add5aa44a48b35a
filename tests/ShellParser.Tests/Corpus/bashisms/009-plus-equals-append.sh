# dash sees the command name "CFLAGS+=..." and fails when run
CFLAGS+=" -DNGX_WIDGET"
NGX_ADDON_SRCS+=" $ngx_addon_dir/ngx_http_widget_module.c"
