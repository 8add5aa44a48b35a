for $src in $NGX_ADDON_SRCS; do
    echo "$src"
done
