modules=
for module in $HTTP_FILTER_MODULES; do
    modules="$modules $module"

HTTP_FILTER_MODULES="$modules"
