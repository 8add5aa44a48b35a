ngx_feature="libwidget"
ngx_feature_name="NGX_HAVE_LIBWIDGET"
ngx_feature_run=no
ngx_feature_incs="#include <widget.h>"
ngx_feature_test="widget_init(NULL);"

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libwidget; then
    ngx_feature="libwidget via pkg-config"
    ngx_feature_path="`pkg-config --cflags-only-I libwidget | sed -e 's/-I//g'`"
    ngx_feature_libs="`pkg-config --libs libwidget`"
elif [ -n "$WIDGET_PREFIX" ]; then
    ngx_feature_path="$WIDGET_PREFIX/include"
    ngx_feature_libs="-L$WIDGET_PREFIX/lib -lwidget"
else
    ngx_feature_path=
    ngx_feature_libs="-lwidget"
fi

. auto/feature

if [ $ngx_found = no ] && type widget-config >/dev/null 2>&1; then
    ngx_feature_path="`widget-config --includedir`"
    ngx_feature_libs="-L`widget-config --libdir` -lwidget"
    . auto/feature
fi

if uname -o | grep -q FreeBSD; then
    ngx_feature_libs="$ngx_feature_libs -lexecinfo"
fi

WIDGET_CFLAGS=$(pkg-config --cflags libwidget 2>/dev/null)
WIDGET_LIBS=$(pkg-config --libs libwidget 2>/dev/null || echo -lwidget)
