if ! ! test -f "$ngx_addon_dir/config.local"; then
    :
fi
