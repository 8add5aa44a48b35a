if [ $ngx_found = no ]; then
    cat << END
    $0: error: ngx_http_widget_module cannot find libwidget under WIDGET_LIB=$WIDGET_LIB and WIDGET_INC=$WIDGET_INC.
END
    exit 1
fi

if [ -z "$ngx_module_link" ]; then
cat << END

$0: error: the widget module needs nginx 1.9.11 or newer.

END
    exit 1
fi

cat << END

$0: error: the $ngx_addon_name module needs generated files; run:

    cd $ngx_addon_dir && make && cd $(pwd)
    export WIDGET_LIB=\$HOME/widget/lib
            cd /usr/local/src \\
        &&  make -j\$(nproc) install

END
