case "$NGX_PLATFORM" in
    Darwin:*) WIDGET_LIBS=-liconv ;&
    Linux:*)  WIDGET_LIBS="$WIDGET_LIBS -lm" ;;
esac
