a=$(echo `echo inner`)
b=`echo $(echo inner)`
c=`echo \`echo inner\``
d=`echo "\`echo inner with spaces\`"`
e=$(echo $(echo $(echo three levels)))
f="$(echo "$(echo "quoted in quoted")")"
g=`echo $(echo \`echo mixed\`)`
h=`echo \\\\`
i="`echo \"escaped double quotes\"`"
j=$(echo `echo \`echo deep\``)

ngx_auto_lib_root=`cd $(dirname $0); pwd`
WIDGET_INC=`echo $(pkg-config --cflags widget) | sed 's/-I//g'`

eval WIDGET_ORDER=\"`echo "$order_modules" | sed -e "s/ \{0,\}$ngx_addon_name//"`\"
