ngx_feature_test='printf("hello");'
ngx_feature_incs='#include <sodium.h>'
os_name='unknown_os'
empty=''
adjacent='a'"b"'c'$x'd'

# backslashes, dollars, double quotes and backquotes are literal here
literal='no $expansion, no `command`, no \escape, "double" inside'
apostrophe='it'\''s'

HTTP_MODULES=`echo "$HTTP_MODULES" | sed -e \
	's/ngx_http_index_module/ngx_http_listing_module ngx_http_index_module/'`

sed_script='s/^[ 	]*//
s/[ 	]*$//
/^$/d'

if [ $uname_os = 'Linux' ]; then
  os_name='linux'
elif [ $uname_os = 'Darwin' ]; then
  os_name='mac'
fi

echo 'multi
line
text with a trailing backslash \
'
