cat <<HEAD <<BODY > "$NGX_OBJS/ngx_widget_conf.h"
this first body is read, then discarded by the shell
HEAD
#define NGX_WIDGET_SLOTS  $WIDGET_SLOTS
BODY

cat <<ONE; cat <<'TWO'
first: $ngx_addon_name
ONE
second: $ngx_addon_name stays literal
TWO

paste - - <<LEFT 3<<RIGHT
a
LEFT
b
RIGHT

cat <<A && cat <<B || cat <<C
alpha
A
beta
B
gamma
C
