WIDGET_OPENSSL=${WIDGET_OPENSSL:-YES}
WIDGET_ZLIB=${WIDGET_ZLIB-YES}
LIB_CRYPTO=${LIB_CRYPTO:--lcrypto}
LIB_PTHREAD=${LIB_PTHREAD:--lpthread}
widget_dir="${WIDGET_DIR:-unset}"
widget_type="${WIDGET_BUILDTYPE:-Release}"

: ${WIDGET_PREFIX:=/usr/local}
: ${WIDGET_SUFFIX=}
: ${ngx_addon_dir:?ngx_addon_dir must be set by configure}
: ${NGX_OBJS?}

extra=${WIDGET_EXTRA:+-DWIDGET_EXTRA=$WIDGET_EXTRA}
debug=${NGX_DEBUG+-DWIDGET_DEBUG}

nested=${WIDGET_INC:-${WIDGET_PREFIX:-/usr}/include}
quoted="${WIDGET_NAME:-"widget library"}"
spaced=${WIDGET_FLAGS:-"-O2 -g"}
empty_default=${WIDGET_NONE:-}
dollar_default=${WIDGET_MARK:-$}
