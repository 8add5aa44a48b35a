for lib in $ngx_module_libs
    echo "$lib"
done
