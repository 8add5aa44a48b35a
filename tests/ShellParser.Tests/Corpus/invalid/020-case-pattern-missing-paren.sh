case "$NGX_PLATFORM" in
    Darwin:*
        LDAP_LIBS="$LDAP_LIBS -llber"
    ;;
esac
