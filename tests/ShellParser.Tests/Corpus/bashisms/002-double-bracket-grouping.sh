if [[ ( "$NGX_SYSTEM" == Linux ) && -n "$WIDGET_LIB" ]]; then
    ngx_module_libs="-Wl,-rpath,$WIDGET_LIB"
fi
