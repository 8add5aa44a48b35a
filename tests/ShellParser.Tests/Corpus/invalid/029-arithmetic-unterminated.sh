widget_major=$((nginx_version / 1000000)
echo "$widget_major"
