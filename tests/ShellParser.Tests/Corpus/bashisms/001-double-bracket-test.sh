# [[ is not a keyword in dash: it is looked up as a command at run time
if [[ -n "$ngx_module_link" ]]; then
    . auto/module
fi
if [[ "$yn" == N* || "$yn" == n* ]]; then
    echo "Cancelled."
    exit 1
fi
