# dash parses the text of a `...` substitution as a command list and
# stops at the first word that closes a list (fi, done, esac, }, ), then,
# else, elif, do, ;;); whatever follows inside the backquotes is ignored.
# `$(...)` is strict: the same text there is a syntax error.
widget_a=`echo kept; fi; echo ignored`
widget_b="`done`"
widget_c=`echo kept ) ignored`
widget_d=`echo kept; esac`
widget_e=`}`
widget_f=`then ignored`
if true; then widget_g=`fi`; fi
