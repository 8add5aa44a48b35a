if [ -n "$WIDGET_INC" -o -n "$WIDGET_LIB" ]; then :; fi
if [ $NGX_RPATH = YES ]; then :; fi
if [ "$ngx_module_link" = DYNAMIC ] ; then :; fi
if [ "$JNI_INCS_INCLUDED" != "YES" ]; then :; fi
if [ -z $JNI_INCS ]; then :; fi
if [ -n "$NGX_GCC_VER" -a \( -x "$gpp" \) ]; then :; fi
if [ $STREAM != NO -a $nginx_version -gt 1011001 ]; then :; fi
if [ $ngx_version -ge 9000 ]; then :; fi
if [ ! $ngx_auto_lib_file_version ] || [ $ngx_auto_lib_file_version -lt 1001 ]; then :; fi
if [ "$NGX_PLATFORM" != win32 -a "$NGX_SYSTEM" != FreeBSD ]; then :; fi
if [ $ngx_found = no  ] ; then :; fi
if [ -f auto/module ] && [ -d "$ngx_addon_dir/src" ] && [ -x "$CC" ]; then :; fi
if [ "x$WIDGET_LIBS" = "x" ]; then :; fi
[ $# -eq 1 ] || return 1 2>/dev/null
test -n "$ngx_module_link"
test "$HTTP_SSL" = YES
test ! -d "$ngx_addon_dir/.git"
test -z "$HTTP_POSTPONE_FILTER_MODULE" && HTTP_POSTPONE_FILTER_MODULE=ngx_http_postpone_filter_module
[ "$a" \< "$b" ] || [ "$a" \> "$b" ]
[ -e "$mod_dir" ]; [ -r x ]; [ -s x ]; [ -L x ]; [ x -nt y ]
[ ] ; [ "" ] ; [ ! ]
