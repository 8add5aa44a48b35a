# Backslash-newline is removed before words are formed, so it may
# split a name, a keyword, an operator or a substitution.
ngx_addon_\
name=ngx_http_split_module

ngx_module_srcs="$ngx_addon_dir/src/ngx_http_split_\
module.c"

SPLIT_LIBS=-lspl\
it

if test -n "$ngx_module_link"; th\
en
    ngx_module_type=HT\
TP
    . auto/mod\
ule
f\
i

test -n "$SPLIT_LIBS" &\
& echo " + split libs: $SPLIT\
_LIBS"

echo "${ngx_addon\
_name:-none}" >\
> /dev/null

v=$\
(echo x) w=`echo \
y`
