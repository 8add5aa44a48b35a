if [ $ngx_found = no ]; then
    echo error: the widget module requires libwidget (version 2 or newer)
    exit 1
fi
