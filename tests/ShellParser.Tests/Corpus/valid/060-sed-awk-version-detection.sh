ngx_version=`grep nginx_version src/core/nginx.h | sed -e 's/^.* \(.*\)$/\1/'`

if [ -z "$ngx_version" ]; then
   cat << END
 $0: error: unable to detect the version of nginx.
END
   exit 1
fi

nginx_version=`awk '/^#define nginx_version / {print $3}' src/core/nginx.h`
nginx_release=`grep 'NGINX_VERSION ' src/core/nginx.h | awk '{ print $3 }' | sed 's/"//g' | head -n1`

nginx_major=`echo "$nginx_release" | cut -d . -f 1`
nginx_minor=`echo "$nginx_release" | cut -d . -f 2`
nginx_micro=`echo "$nginx_release" | cut -d . -f 3`

have=WIDGET_NGINX_MAJOR value="$nginx_major" . auto/define
have=WIDGET_NGINX_MINOR value="$nginx_minor" . auto/define

if [ $ngx_version -ge 1009011 ]; then
    echo " + nginx $nginx_release supports dynamic modules"
fi

libs="`echo $ngx_feature_libs | tr ' ' '\n' | grep -- -l | sed 's|-l||g'`"
incs="`echo $CFLAGS | tr ' ' '\n' | grep -- -D | tr '\n' ' '`"
ngx_feature_path=`echo "$ngx_feature_path" | sed -e "s|^$WIDGET_DEFAULT_INCS||"`
count=`awk -F: 'NF > 1 { n++ } END { print n + 0 }' "$ngx_addon_dir/modules.list"`
