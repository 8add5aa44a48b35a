PWD_SAVED=$(pwd)
widget_root=$(cd "$ngx_addon_dir/.." && pwd)
ngx_feature_path="$ngx_feature_path $(pkg-config widget --cflags-only-I | sed -e 's/-I//g')"
ngx_feature_libs=$(pkg-config widget --libs)

HTTP_FILTER_MODULES=$(echo $HTTP_FILTER_MODULES \
                     | sed "s/ngx_http_widget_filter//" \
                     | sed "s/$next/$next ngx_http_widget_filter/")

echo "  cd $ngx_addon_dir && make && cd $(pwd)"

count=$(echo "$NGX_ADDON_SRCS" | wc -w)
nothing=$()
space=$( )
newline=$(
    echo first
    echo second
)
with_case=$(case "$NGX_PLATFORM" in Linux:*) echo linux;; *) echo other;; esac)
with_paren_case=$(case "$NGX_PLATFORM" in (Linux:*) echo linux;; esac)
quoted_paren=$(echo ")" ')' \))
comment_inside=$( # a comment with a ) in it
    echo ok
)
