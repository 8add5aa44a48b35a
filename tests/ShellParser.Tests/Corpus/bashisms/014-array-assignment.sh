widget_libs=(-lwidget -lm)
ngx_module_libs="${widget_libs[*]}"
