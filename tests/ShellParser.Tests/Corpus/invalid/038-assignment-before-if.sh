ngx_module_libs= if [ $ngx_found = yes ]; then
    ngx_module_libs="$ngx_feature_libs"
fi
