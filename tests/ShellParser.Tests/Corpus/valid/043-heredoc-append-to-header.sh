if [ $ZLIB = NONE ]; then
    ngx_feature="zlib library"
    ngx_feature_name="NGX_HAVE_ZLIB"
    ngx_feature_run=no
    ngx_feature_incs="#include <zlib.h>"
    ngx_feature_libs="-lz"
    ngx_feature_test="z_stream z; deflate(&z, Z_NO_FLUSH)"
    . auto/feature
else
    cat << END >> $NGX_AUTO_CONFIG_H

#ifndef NGX_HAVE_ZLIB
#define NGX_HAVE_ZLIB  1
#endif

END
fi

cat << END                                            >> $NGX_MAKEFILE

$ngx_addon_dir/../build/libwidget.a: $NGX_MAKEFILE
	cd $ngx_addon_dir/.. \\
	&& if [ -f build/Makefile ]; then \$(MAKE) clean; fi \\
	&& CFLAGS="\$(CFLAGS)" CC="\$(CC)" ./configure --no-extras \\
	&& \$(MAKE) libwidget

END

cat << END >> $NGX_AUTO_CONFIG_H

#ifndef $have
#define $have  `$NGX_AUTOTEST`
#endif

END
