while [ $1 ]; do
    have=`echo $1 | tr a-z A-Z` . auto/have
    shift
done

while read name value; do
    echo "#define $name $value"
done < "$ngx_addon_dir/defines.txt" > "$NGX_OBJS/ngx_widget_defines.h"

echo "$HTTP_MODULES" | while read m; do echo "$m"; done

n=0
until [ $n -ge 3 ]
do
    n=`expr $n + 1`
done

while :; do break; done
while true; false; do :; done
until test -f "$NGX_OBJS/ok"; do continue 2>/dev/null; break; done

while read line; do
    echo " + $line"
done <<END
first
second
END
