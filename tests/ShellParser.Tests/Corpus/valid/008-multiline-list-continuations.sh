ngx_addon_name=ngx_http_gauge_module

GAUGE_SRCS="                                                        \
        $ngx_addon_dir/src/ngx_http_gauge_module.c                  \
        $ngx_addon_dir/src/ngx_http_gauge_shm.c                     \
        $ngx_addon_dir/src/ngx_http_gauge_display.c                 \
        "

GAUGE_DEPS=" \
        $ngx_addon_dir/src/ngx_http_gauge_module.h \
        $ngx_addon_dir/src/ngx_http_gauge_shm.h\
        $ngx_addon_dir/src/ngx_http_gauge_display.h \
"

# a list whose last element has no continuation: the newline stays in the value
GAUGE_EXTRA="$ngx_addon_dir/src/ngx_http_gauge_extra.c
            $ngx_addon_dir/src/ngx_http_gauge_more.c
            "

GAUGE_EMPTY="                                                       \
            "

GAUGE_SRCS="$GAUGE_SRCS                                             \
          $ngx_addon_dir/src/ngx_http_gauge_late.c                  \
          "

NGX_ADDON_SRCS="\
    $NGX_ADDON_SRCS \
    $GAUGE_SRCS \
    $GAUGE_EXTRA \
    "
