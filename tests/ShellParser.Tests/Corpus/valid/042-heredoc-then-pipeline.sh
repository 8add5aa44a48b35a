cat <<EOF | sed -e "s|@ADDON_DIR@|$ngx_addon_dir|g" > "$NGX_OBJS/widget.pc"
prefix=@ADDON_DIR@
libdir=\${prefix}/lib
EOF

cat <<EOF |
ngx_http_widget_module
ngx_http_widget_filter_module
EOF
while read m; do
    echo " + $m"
done

cat <<EOF &&
checking widget ...
EOF
echo " done"

cat <<EOF \
    | tr a-z A-Z
continued after the here-document operator
EOF

if cat <<EOF >/dev/null; then echo written; fi
body of a here-document inside an if condition
EOF

f() { cat <<EOF; }
function with a here-document
EOF
