ngx_feature="ModFoo library in \"$FOO_LIB\" and \"$FOO_INC\""
ngx_feature_test="iconv_open(\"UTF-8\", \"ISO8859-1\");"
msg="cost: \$5, path: \\server\\share, tick: \`, other: \a \n \z"
echo "#define NGINX_WIDGET_VERSION \""$WIDGET_VERSION"\"" > /dev/null

inner="outer $(echo "inner with spaces") done"
inner2="outer `echo \"escaped quotes in backquotes\"` done"
inner3="${ngx_addon_dir}/src ${ngx_addon_dir:-"."}/include"

multi="first line
second line with $ngx_addon_dir
	third line, tab indented"

joined="no newline here: \
still the same line"

echo "List of modules (in reverse order): "$HTTP_FILTER_MODULES
echo ""
echo "$"
echo "a'b'c" "single ' quote"
