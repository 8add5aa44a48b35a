for module in $HTTP_FILTER_MODULES; do
    echo "$module"
done
done
