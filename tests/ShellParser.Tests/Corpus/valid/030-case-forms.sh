case $ngx_module_type in
    HTTP_*) ngx_var=HTTP ;;
    *)      ngx_var=$ngx_module_type ;;
esac

case $lib in (LIBXSLT | LIBGD | GEOIP | PERL) libs="$libs \$NGX_LIB_$lib" ;; (PCRE|OPENSSL|ZLIB) eval USE_${lib}=YES ;; (MD5 | SHA1) ;; (*) libs="$libs $lib" ;; esac

case "$ngx_feature_run" in
    yes)
        ngx_found=yes
        ;;
    value) ;;
    bug)
        ;;
    *)
esac

case "$src" in
    *.c|*.h) kind=c ;;
    *"with space"*) kind=spaced ;;
    'literal*star') kind=literal ;;
    \;|\)) kind=punct ;;
    [0-9]*|?) kind=odd ;;
    $ngx_addon_dir/*|${NGX_OBJS}/*|`pwd`/*) kind=local ;;
    *)
        kind=other
esac

case x in esac
case "$x" in
esac
case "$x" in *) ;; esac
case "$x" in a) echo a;;b) echo b;;esac
case "$x" in a) echo a;esac
case $x in #comment after in
    a) ;; # comment after item
esac
