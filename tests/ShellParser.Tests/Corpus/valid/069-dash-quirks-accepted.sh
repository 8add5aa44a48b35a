# Forms that `dash -n` accepts although they look wrong or mean
# something other than in bash.

# "&>" is "&" (run in background) followed by a redirection-only command
make -C "$ngx_addon_dir/deps" &> /dev/null

# "((" at the start of a command is two nested subshells, not arithmetic
((widget_count=1))

# an assignment prefix makes the next word an ordinary command name
WIDGET_MODE=1 if

# a lone ")" inside $(( )) that is not followed by ")" is kept as text
widget_odd=$((widget_a) + 1 ))

# a case with no items, and items without commands
case "$widget_kind" in esac
case "$widget_kind" in a) ;; b) esac

# "for NAME in" with an empty word list
for widget_src in; do :; done

# a closing "}" is recognised right after another compound command
{ { echo nested; } }

# a comment may start right after ")" or an operator
(echo sub)#comment
echo a&&#comment
echo b

# NAME() may be followed by another function definition as its body
widget_outer() widget_inner() { :; }

# "!" may prefix a function definition
! widget_neg() { :; }

# a here-document delimiter may come from a parameter; it is not expanded
cat <<$WIDGET_END
body
$WIDGET_END
