modules=
found=
for module in $HTTP_FILTER_MODULES; do
    if [ "$module" = "$ngx_addon_name" ]; then
        continue
    fi
    if [ -z "${found}" ]; then
        for item in $guard_dependency; do
            if [ "$module" = "$item" ]; then
                modules="${modules} $ngx_addon_name"
                found=1
                break
            fi
        done
    fi
    modules="${modules} $module"
done
HTTP_FILTER_MODULES="${modules}"

for ngx_module in $ngx_module_name; do
    # extract the first name
    break
done

for arg
do
    echo "$arg"
done

for arg; do :; done
for arg do :; done
for empty in; do :; done
for f in *.c "$ngx_addon_dir"/src/*.c `ls $ngx_addon_dir` $(echo a b); do :; done
for in in in; do :; done
for do in do done; do :; done
for src in $NGX_ADDON_SRCS
do :
done >/dev/null 2>&1
