test -f "$ngx_addon_dir/widget.h" || {echo "widget.h missing" >&2; exit 1; }
