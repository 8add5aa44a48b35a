# dash accepts any command as a function body, not only { ...; }
widget_in_dir() (
    cd "$ngx_addon_dir" && "$@"
)

widget_say() echo " + widget:"

widget_check() if test -f "$1"; then echo yes; else echo no; fi

widget_each() for x in "$@"; do echo "$x"; done

widget_pick() case "$1" in a) echo first;; *) echo other;; esac

widget_loop() while false; do :; done

widget_comment() # the body may follow comments and blank lines

{
    :
}

widget_in_dir ls >/dev/null
