if ! type javac >/dev/null 2>&1; then
    echo "javac not found, please put it in your PATH"
    exit 1
fi

if ! [ -d "$ngx_addon_dir/lib/$buildtype" ]; then
    buildtype=Release
fi

if [ ! -e "$mod_dir" ] ; then
    echo "not found: $mod_dir"
fi

if [ ! -z "$HTTP_POSTPONE" ]; then :; fi
if test "x$WIDGET_LIBS" = "x" && ! $WIDGET_CONFIG --compiled; then :; fi

! grep -q widget "$NGX_OBJS/ngx_modules.c" && echo "widget not linked"
! { test -f a && test -f b; }
! (cd "$ngx_addon_dir" && git status >/dev/null 2>&1)
while ! test -f "$NGX_OBJS/widget.done"; do sleep 1; break; done
until ! false; do :; done
echo ! !! "!"
