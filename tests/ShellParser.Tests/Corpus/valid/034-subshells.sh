(cd "$ngx_addon_dir/deps/widget" && ./configure --disable-shared && make) >> "$NGX_AUTOCONF_ERR" 2>&1

(
    cd "$ngx_addon_dir"
    git submodule update --init
)

widget_abs=`(cd "$ngx_addon_dir" && pwd)`
widget_abs2=$( (cd "$ngx_addon_dir" && pwd) )
( : )
(echo a;)
((echo doubled); echo paren)
(echo left) | (cat)
(if true; then :; fi)
( (echo spaced) )
