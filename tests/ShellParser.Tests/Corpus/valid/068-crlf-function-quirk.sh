# CRLF file: "{\r" and "}\r" are ordinary words here, and dash
# accepts any simple command as a function body, so this parses.
ngx_addon_name=ngx_http_crlf_func_module
widget_setup() {
    WIDGET_SRCS="$ngx_addon_dir/widget.c"
}
widget_more() { :; }; echo "same line"
echo "widget: configured" &&
echo "after an operator at end of line"
