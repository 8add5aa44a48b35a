cat << END >> $NGX_AUTO_CONFIG_H
#define NGX_WIDGET_BUILD_DIR "$(pwd"
END
