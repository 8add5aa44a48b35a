# Commands made only of redirections (and assignments) are valid.
> "$NGX_OBJS/ngx_http_probe_list.h"
>>"$NGX_AUTOCONF_ERR"
2>/dev/null
< /dev/null
PROBE_TMP=$NGX_OBJS/probe.tmp >"$NGX_OBJS/probe.tmp"
>"$NGX_OBJS/probe.tmp" PROBE_OK=yes
>/dev/null echo "redirection before the command name"
2>&1 >/dev/null ls "$ngx_addon_dir"
: > "$NGX_OBJS/probe.stamp"
