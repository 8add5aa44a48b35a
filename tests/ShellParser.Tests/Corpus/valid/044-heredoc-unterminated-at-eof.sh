ngx_addon_name=ngx_http_tail_module

# The here-document below is never terminated: dash reads it up to the
# end of the file and accepts the script.
cat << END >> "$NGX_AUTOCONF_ERR"

ngx_http_tail_module configured.

Features:
  + tail follows files
  + tail counts lines
