if test -n "$ngx_module_link"; then
    if test -n "$NDK_SRCS"; then
        echo " + gadget: ngx_devel_kit is present"
    else
        echo "gadget: add ngx_devel_kit (before this module) to the configure line" 1>&2
        exit 1
    fi
fi

if [ ! -f "$ngx_addon_dir/deps/gadget/include/gadget.h" ]; then
cat << END

$0: error: \
the gadget library is missing from $ngx_addon_dir/deps.

END
    exit 1
fi

if [ $found_any = no ]; then
    echo
    echo "$0: error: gadget requires at least one of:"
    echo "  --with-http_ssl_module"
    echo "  --with-stream --with-stream_ssl_module"
    exit 1
fi

test -d "$NGX_OBJS" || exit
echo $0: error: gadget library found, but gadget_init\(\) is missing.
exit 1;
