if test -n "$ngx_module_link"
then
    ngx_module_type=HTTP
    . auto/module
else
    HTTP_MODULES="$HTTP_MODULES ngx_http_lines_module"
fi

if [ $# -eq 2 ];
then
    output_dir=$2
fi

order_modules=`echo "$ngx_module_name"`
if [ -n "$order_modules" ]
then
    echo "$order_modules"
fi

for m in $HTTP_MODULES
do
    echo "$m"
done

while false
do
    :
done

case "$NGX_PLATFORM"
in
    Linux:*)
        ;;
esac

if
    test -f auto/module
then
    :
fi
