widget_var=WIDGET_INC
echo "include dir: ${!widget_var}"
