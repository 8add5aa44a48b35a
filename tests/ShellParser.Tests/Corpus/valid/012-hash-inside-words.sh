# A '#' starts a comment only at the beginning of a word.
ngx_addon_name=ngx_http_hash_module # trailing comment

CHANNEL=news#sports
echo a#b c# d#
x=#
y=a#b #but this is a comment
echo "#include <stdio.h>" '#define X 1' \#escaped

echo $# ${#ngx_addon_name} ${#}
count=$#

echo done;# comment right after a semicolon
test -n "$x" &&# comment right after an operator
echo yes
test -z "$x" ||	# tab then comment
echo no
echo piped |# comment after a pipe
cat

(echo sub)# comment after a closing parenthesis
echo out>/dev/null# not a comment: part of the file name
echo "$x"#tail ${y}#tail $(echo z)#tail `echo w`#tail

ngx_feature_incs="#include <sys/types.h>
#include <sys/socket.h>"
