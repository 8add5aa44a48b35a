make -C "$ngx_addon_dir/deps" |& tee -a "$NGX_AUTOCONF_ERR"
