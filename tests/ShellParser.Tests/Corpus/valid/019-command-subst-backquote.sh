uname_os=`uname`
uname_arch=`uname -m`
ps_gpp_base=`basename $CC| sed s/gcc/g++/`
ps_gpp="`dirname $CC`/$ps_gpp_base"

nginx_version=`awk '/^#define nginx_version / {print $3}' src/core/nginx.h`
ngx_feature_path="`$PG_CONFIG --includedir`"
ngx_feature_libs="-L`$PG_CONFIG --libdir` -lpq"

HTTP_FILTER_MODULES=`echo $HTTP_FILTER_MODULES \
                     | sed "s/$ngx_module_name//" \
                     | sed "s/$next/$next $ngx_module_name/"`

empty=``
quoted_empty="``"
obj_file="$NGX_OBJS/addon/src/`basename $src_file .cpp`.o"
JNI_INCS=`java -classpath /tmp/discover Discover getJniIncludes`;

if [ ! "`echo $CORE_LIBS $ADDON_LIBS | grep -w -- -lwidget`" ]; then
    CORE_LIBS="$CORE_LIBS -lwidget"
fi

# a comment mentioning ``quoted'' text is not a substitution
