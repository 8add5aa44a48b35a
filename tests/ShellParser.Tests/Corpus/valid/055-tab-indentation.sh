ngx_addon_name=ngx_http_tabs_module
TABS_SRCS="$ngx_addon_dir/ngx_http_tabs_module.c"

if test -n "$ngx_module_link"; then
	ngx_module_type=HTTP
	ngx_module_name=$ngx_addon_name
	ngx_module_incs=
	ngx_module_srcs="$TABS_SRCS"

	. auto/module
else
	HTTP_MODULES="$HTTP_MODULES $ngx_addon_name"
	NGX_ADDON_SRCS="\
	    $NGX_ADDON_SRCS \
	    $TABS_SRCS \
	    "
fi

if [ "$NGX_PLATFORM" != win32 ]; then
	if [ -z "$TABS_LIBS" ]; then
		TABS_LIBS=-lm
	fi
	
fi
	 	
	CORE_LIBS="$CORE_LIBS $TABS_LIBS";	# tab before comment
