widget_generate() {
    echo "generating widget tables ..."
    autobuild="$ngx_addon_dir/auto/build"
    chmod +x $autobuild
    $autobuild `pwd` $NGX_OBJS/addon/widget || exit 1
}

widget_upper () {
    echo "$@" | tr 'abcdefghijklmnopqrstuvwxyz' 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
}

widget_lower()
{
    echo "$@" | tr 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' 'abcdefghijklmnopqrstuvwxyz'
}

widget_quiet() {
    "$@"
} >/dev/null 2>&1

widget_log() { echo "$*" >> "$NGX_AUTOCONF_ERR"; } 2>/dev/null

widget_vars() {
    local pfx=$1
    local PFX=`widget_upper $1`
    local inc lib
    eval WIDGET_INC=\"\$${PFX}_INC\"
    return 0
}

_w(){ :;}
widget_lua() {
    have=NGX_WIDGET_LUA . auto/have
    WIDGET_SRCS="$WIDGET_SRCS $ngx_addon_dir/ngx_widget_lua.c"
}

if test -n "$HTTP_LUA_SRCS"; then
    widget_lua
fi
