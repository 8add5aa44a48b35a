widget_root=$((cd "$ngx_addon_dir/.."; pwd) 2>/dev/null)
echo "$widget_root"
