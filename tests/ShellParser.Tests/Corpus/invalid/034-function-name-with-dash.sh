ngx-widget-init() {
    WIDGET_SRCS="$ngx_addon_dir/widget.c"
}
