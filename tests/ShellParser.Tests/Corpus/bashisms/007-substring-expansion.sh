widget_major=${nginx_version:0:1}
widget_tail=${nginx_version:1}
echo "$widget_major $widget_tail"
