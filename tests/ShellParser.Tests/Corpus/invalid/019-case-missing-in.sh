case "$NGX_MACHINE"
    amd64 | x86_64) arch=x64 ;;
esac
