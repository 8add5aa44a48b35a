ngx_addon_name="ngx_http_media_live_module"

MEDIA_CORE_MODULES="                                        \
                ngx_media_module                            \
                ngx_media_core_module                       \
                ngx_media_cmd_module                        \
                ngx_media_codec_module                      \
                ngx_media_record_module                     \
                ngx_media_live_module                       \
                ngx_media_relay_module                      \
                ngx_media_segment_module                    \
                "

MEDIA_HTTP_MODULES="                                        \
                ngx_media_stat_module                       \
                ngx_media_control_module                    \
                ngx_http_media_live_module                  \
                "

MEDIA_DEPS="                                                \
                $ngx_addon_dir/ngx_media.h                  \
                $ngx_addon_dir/ngx_media_amf.h              \
                $ngx_addon_dir/ngx_media_codec_module.h     \
                $ngx_addon_dir/segment/ngx_media_mpegts.h   \
                "

MEDIA_CORE_SRCS="                                           \
                $ngx_addon_dir/ngx_media.c                  \
                $ngx_addon_dir/ngx_media_init.c             \
                $ngx_addon_dir/ngx_media_handshake.c        \
                $ngx_addon_dir/ngx_media_amf.c              \
                $ngx_addon_dir/ngx_media_core_module.c      \
                $ngx_addon_dir/ngx_media_cmd_module.c       \
                $ngx_addon_dir/ngx_media_codec_module.c     \
                $ngx_addon_dir/ngx_media_record_module.c    \
                $ngx_addon_dir/ngx_media_live_module.c      \
                $ngx_addon_dir/ngx_media_relay_module.c     \
                $ngx_addon_dir/segment/ngx_media_segment_module.c \
                $ngx_addon_dir/segment/ngx_media_mpegts.c   \
                "

MEDIA_HTTP_DEPS="$ngx_addon_dir/ngx_http_media_live_module.h"

MEDIA_HTTP_SRCS="                                           \
                $ngx_addon_dir/ngx_media_stat_module.c      \
                $ngx_addon_dir/ngx_media_control_module.c   \
                $ngx_addon_dir/ngx_http_media_live_module.c \
                "

# optional: the segmenter needs OpenSSL for encrypted segments
if [ "$OPENSSL" != NONE -o "$USE_OPENSSL" = YES ]; then
    have=NGX_MEDIA_SEGMENT_CRYPTO . auto/have
else
    ngx_feature="OpenSSL EVP for media segments"
    ngx_feature_name="NGX_MEDIA_SEGMENT_CRYPTO"
    ngx_feature_run=no
    ngx_feature_incs="#include <openssl/evp.h>"
    ngx_feature_path=
    ngx_feature_libs="${LIB_CRYPTO:--lcrypto}"
    ngx_feature_test="EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
                      EVP_CIPHER_CTX_free(ctx);"
    . auto/feature
fi

if [ -f auto/module ] ; then
    ngx_module_incs=$ngx_addon_dir
    ngx_module_deps="$MEDIA_DEPS $MEDIA_HTTP_DEPS"

    if [ $ngx_module_link = DYNAMIC ] ; then
        ngx_module_name="$ngx_addon_name $MEDIA_CORE_MODULES $MEDIA_HTTP_MODULES"
        ngx_module_srcs="$MEDIA_CORE_SRCS $MEDIA_HTTP_SRCS"

        . auto/module

        # the first name only names the shared object; drop it from the list
        dynamic_modules=`eval echo '$'"${ngx_module}_MODULES" | sed -e "s/ \{0,\}$ngx_addon_name//"`
        eval ${ngx_module}_MODULES=\"$dynamic_modules\"
        unset dynamic_modules

        order_modules=`eval echo '$'"${ngx_module}_ORDER"`
        if [ -n "$order_modules" ]
        then
            eval ${ngx_module}_ORDER=\"`echo "$order_modules" | sed -e "s/ \{0,\}$ngx_addon_name//"`\"
            unset order_modules
        fi
    else
        ngx_module_type=CORE
        ngx_module_name=$MEDIA_CORE_MODULES
        ngx_module_deps=$MEDIA_DEPS
        ngx_module_srcs=$MEDIA_CORE_SRCS

        . auto/module


        ngx_module_type=HTTP
        ngx_module_name=$MEDIA_HTTP_MODULES
        ngx_module_deps=$MEDIA_HTTP_DEPS
        ngx_module_srcs=$MEDIA_HTTP_SRCS

        . auto/module
    fi

else
    CORE_MODULES="$CORE_MODULES $MEDIA_CORE_MODULES"
    HTTP_MODULES="$HTTP_MODULES $MEDIA_HTTP_MODULES"

    NGX_ADDON_DEPS="$NGX_ADDON_DEPS $MEDIA_DEPS $MEDIA_HTTP_DEPS"
    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $MEDIA_CORE_SRCS $MEDIA_HTTP_SRCS"

    CFLAGS="$CFLAGS -I$ngx_addon_dir"
fi

if [ -z "$ngx_module_link" ]; then
    cat << END
$0: warning: nginx older than 1.9.11 detected; ngx_media modules are
linked statically and cannot be loaded with load_module.
END
fi

USE_OPENSSL=YES
