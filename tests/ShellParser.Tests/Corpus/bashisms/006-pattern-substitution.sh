widget_name=${ngx_addon_name/ngx_http_/}
widget_flags=${CFLAGS//-Werror/}
echo "$widget_name $widget_flags"
