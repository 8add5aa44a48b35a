select widget_build in Debug Release; do
    break
done
