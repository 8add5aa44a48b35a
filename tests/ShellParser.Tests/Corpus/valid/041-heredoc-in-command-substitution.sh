ngx_feature="C99 features"
ngx_feature_run=yes
ngx_feature_test=$(cat << END

/* Declare variables in loops. */
for(int i = 0; i < 10; i++) {}

int i = 0, j = 0;
if (i == 0 || !(j = 1)) {}   /* a ) inside the body does not end the \$( */

END
)

ngx_feature_incs=$(cat << 'END'
#include <widget.h>
#include <widget_extra.h>
END
)

WIDGET_NOTE=`cat <<EOF
built by $USER
EOF`

WIDGET_LINES="$(cat <<EOF
a"b
EOF
)"

. auto/feature
