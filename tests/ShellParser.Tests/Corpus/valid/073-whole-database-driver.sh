ngx_feature_name=
ngx_feature_run=no
ngx_feature_incs="#include <libdb-fe.h>"
ngx_feature_test="(void) DBconndefaults();"

if [ -n "$LIBDB_INC" -o -n "$LIBDB_LIB" ]; then
    # paths given in the environment
    ngx_feature="libdb library in directories specified by LIBDB_INC ($LIBDB_INC) and LIBDB_LIB ($LIBDB_LIB)"
    ngx_feature_path="$LIBDB_INC"
    if [ $NGX_RPATH = YES ]; then
        ngx_feature_libs="-R$LIBDB_LIB -L$LIBDB_LIB -ldb"
    else
        ngx_feature_libs="-L$LIBDB_LIB -ldb"
    fi
    . auto/feature
else
    if [ -z "$DB_CONFIG" ]; then
        DB_CONFIG=db_config
    fi

    if type $DB_CONFIG >/dev/null 2>&1; then
        # ask db_config where the headers and libraries are
        ngx_feature="libdb library (via $DB_CONFIG)"
        ngx_feature_path="`$DB_CONFIG --includedir`"
        if [ $NGX_RPATH = YES ]; then
            ngx_feature_libs="-R`$DB_CONFIG --libdir` -L`$DB_CONFIG --libdir` -ldb"
        else
            ngx_feature_libs="-L`$DB_CONFIG --libdir` -ldb"
        fi
        . auto/feature
    fi

    # probe the common prefixes; the empty one means "compiler default"
    for db_dir in "" /usr/include/db /usr/local/include /usr/pkg/include /opt/local/include; do
        if [ $ngx_found = no ]; then
            ngx_feature="libdb library${db_dir:+ in $db_dir}"
            ngx_feature_path="$db_dir"
            ngx_feature_libs="${db_dir:+-L${db_dir%/include}/lib }-ldb"
            . auto/feature
        fi
    done
fi

if [ $ngx_found = no ]; then
   cat << END
 $0: error: ngx_db: libdb not found (set LIBDB_INC and LIBDB_LIB).
END
   exit 1
fi

ngx_version=`grep nginx_version src/core/nginx.h | sed -e 's/^.* \(.*\)$/\1/'`

if [ -z "$ngx_version" ]; then
   cat << END
 $0: error: ngx_db: cannot read nginx_version from src/core/nginx.h.
END
   exit 1
fi

if [ $ngx_version -ge 9000 ]; then
    ngx_feature_name="NGX_DB_LIBRARY_VERSION"
    ngx_feature_run=value
else
    ngx_feature_name="NGX_DB_LIBRARY_VERSION_DETECTED"
    ngx_feature_run=no
fi

lib_version=90100
ngx_feature="libdb library version 9.1"
ngx_feature_test="printf(\"%d\", DBlibVersion())"
. auto/feature

for probe in "90000:DBescapeLiteral(NULL, NULL, 0)" \
             "80400:DBinitOpenSSL(0, 0)" \
             "80300:DBconnectionNeedsPassword(NULL)"; do
    if [ $ngx_found = no ]; then
        lib_version=${probe%%:*}
        ngx_feature="libdb library version $lib_version"
        ngx_feature_test="(void) ${probe#*:};
                          printf(\"$lib_version\")"
        . auto/feature
    fi
done

if [ $ngx_found = no ]; then
   cat << END
 $0: error: ngx_db: libdb is present but its version is unknown.
END
   exit 1
fi

if [ $ngx_version -lt 9000 ]; then
    have=NGX_DB_LIBRARY_VERSION value=$lib_version . auto/define
fi

ngx_addon_name=ngx_db

HTTP_MODULES="$HTTP_MODULES ngx_db_module"

CORE_INCS="$CORE_INCS $ngx_feature_path"
CORE_LIBS="$CORE_LIBS $ngx_feature_libs"

NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/src/ngx_db_escape.c $ngx_addon_dir/src/ngx_db_handler.c $ngx_addon_dir/src/ngx_db_keepalive.c $ngx_addon_dir/src/ngx_db_module.c $ngx_addon_dir/src/ngx_db_output.c $ngx_addon_dir/src/ngx_db_upstream.c"
NGX_ADDON_DEPS="$NGX_ADDON_DEPS $ngx_addon_dir/src/ngx_db_escape.h $ngx_addon_dir/src/ngx_db_handler.h $ngx_addon_dir/src/ngx_db_keepalive.h $ngx_addon_dir/src/ngx_db_module.h $ngx_addon_dir/src/ngx_db_output.h $ngx_addon_dir/src/ngx_db_upstream.h"

have=NGX_DB_MODULE . auto/have
