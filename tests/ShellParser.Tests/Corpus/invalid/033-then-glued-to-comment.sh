if test -n "$ngx_module_link"; then# new module API
    . auto/module
fi
