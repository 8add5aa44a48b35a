# bash: redirect stdout and stderr; dash: run in background, then ">/dev/null"
make -C "$ngx_addon_dir/deps" &> /dev/null
