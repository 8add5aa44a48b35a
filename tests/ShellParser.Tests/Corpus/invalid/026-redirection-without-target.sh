echo "#define NGX_HTTP_TARGET 1" >>
echo done
