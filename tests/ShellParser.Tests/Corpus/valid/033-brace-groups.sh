{ echo "#ifndef NGX_WIDGET_H"; echo "#define NGX_WIDGET_H"; } > "$NGX_OBJS/ngx_widget.h"

{
    echo "#define NGX_WIDGET_VERSION 3"
    echo "#endif"
} >> "$NGX_OBJS/ngx_widget.h"

test -f "$ngx_addon_dir/widget.h" || { echo "widget.h missing" >&2; exit 1; }

{ { echo nested; }; }
{ { echo nested without separator; } }
{ echo compact;}
{ echo piped; } | cat
{ :; } 2>/dev/null
if true; then { :; } fi
echo } { {} }}
