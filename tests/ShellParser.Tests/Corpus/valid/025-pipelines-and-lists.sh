if echo $HTTP_MODULES | grep " ndk_http_module" > /dev/null; then
    echo " + devel kit already linked"
fi

echo $HTTP_FILTER_MODULES | tr ' ' '\n' | grep -v '^$' | sort -u | wc -l

test -f "$ngx_addon_dir/VERSION" && widget_version=`cat "$ngx_addon_dir/VERSION"` || widget_version=dev
cd "$ngx_addon_dir" && make && cd "$OLDPWD"
true; false; :
make -C "$ngx_addon_dir/deps" >/dev/null 2>&1 &
wait
echo a & echo b & wait

test -n "$WIDGET_INC" &&
    test -n "$WIDGET_LIB" &&
    echo " + widget paths given" ||
    echo " + widget paths guessed"

ls "$ngx_addon_dir" |
    grep '\.c$' |
    sed "s|^|$ngx_addon_dir/|"

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists widget; then
    :
fi
