# Reserved words are only special where a command may start.
echo if then else elif fi do done case esac for while until in { } !
echo "checking for widget ... done"
echo then; echo fi
status=done
mode=if
then_flag=1
WIDGET_CASE=esac
x=1 in=2 for=3
for_each=yes while_ok=no
echo for x in a; echo done
test "$mode" = if && echo "mode is if"
printf '%s\n' case in esac
set -- do done
echo {a,b} }{ {}
