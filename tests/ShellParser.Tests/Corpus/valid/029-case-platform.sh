LDAP_LIBS="-lldap"

case "$NGX_PLATFORM" in
    Darwin:*|FreeBSD:*|Linux:*|SunOS:*)
        LDAP_LIBS="$LDAP_LIBS -llber"
    ;;
esac

case "$NGX_PLATFORM" in
    Linux:*)
        ngx_feature_libs=
    ;;

    *)
        ngx_feature_libs="-liconv"
    ;;
esac

case "$NGX_PLATFORM" in
    Darwin:*)
        case "$NGX_MACHINE" in
            amd64 | x86_64 | i386)
                echo "adding extra linking options on $NGX_MACHINE"
                ngx_feature_libs="$ngx_feature_libs -pagezero_size 10000"
            ;;

            *)
            ;;
        esac
    ;;

    win32)
        link_options="-LD"
    ;;
    
    *)
    ;;

esac

case "$NGX_GCC_VER" in
  4.8*)
    CFLAGS="$CFLAGS -Wno-unused-local-typedefs"
  ;;
esac
