widget_major=$((nginx_version / 1000000))
widget_minor=$(( (nginx_version / 1000) % 1000 ))
widget_next=$(($widget_minor + 1))
widget_flag=$(( widget_major >= 1 && widget_minor >= 9 ? 1 : 0 ))
widget_shift=$((1 << 4)) widget_mask=$(( 0x0f & 7 ))
widget_sub=$(( $(echo 3) * `echo 2` ))
widget_multi=$((
    widget_major * 1000000 +
    widget_minor * 1000
))
widget_empty=$(( ))
widget_nested=$(( ((1 + 2)) * (3) ))

i=0
while [ $i -lt 3 ]; do
    i=$((i + 1))
done

if [ $((widget_major * 1000 + widget_minor)) -ge 1009 ]; then
    echo " + widget: dynamic modules supported"
fi
