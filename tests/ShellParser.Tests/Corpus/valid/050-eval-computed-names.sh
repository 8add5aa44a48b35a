STUB_TYPE=HTTP_AUX_FILTER
ngx_addon_name=ngx_http_stub_filter_module

# append to the list named by $STUB_TYPE: HTTP_AUX_FILTER_MODULES
eval "$STUB_TYPE"'_MODULES="$'"$STUB_TYPE"'_MODULES $ngx_addon_name"'

for ngx_module in $ngx_module_name; do break; done
eval ${ngx_module}_MODULES=\"$ngx_module_name\"
eval ${ngx_module}_ORDER=\"$ngx_module_name \
                           ngx_http_copy_filter_module\"

dynamic_modules=`eval echo '$'"${ngx_module}_MODULES" | sed -e "s/ \{0,\}$ngx_addon_name//"`
eval ${ngx_module}_MODULES=\"$dynamic_modules\"
unset dynamic_modules

for lib in PCRE OPENSSL ZLIB; do
    eval USE_${lib}=YES
    if eval [ "\$USE_${lib}" = NO ] ; then
        eval USE_${lib}=DYNAMIC
    fi
done

for var in inc_path incs libs name path run test; do
    eval ngx_feature_$var=
    eval saved_feature_$var=\"\$ngx_feature_$var\"
done

eval "echo ngx_feature_name = \$ngx_feature_name" >/dev/null
eval "/bin/sh -c \"$ngx_test\" >> $NGX_AUTOCONF_ERR 2>&1"
