src=$ngx_addon_dir/src/ngx_http_trim_module.c

base=${src##*/}
dir=${src%/*}
stem=${base%.c}
noext=${src%%.*}
rel=${src#$ngx_addon_dir/}
first=${NGX_PLATFORM%%:*}
rest=${NGX_PLATFORM#*:}
len=${#ngx_addon_dir}
hashstrip=${line#\#}
quoted_pat=${src%".c"}
glob_pat=${base#ngx_[a-z]*_}
bracket=${src%[ch]}

for f in $NGX_ADDON_SRCS; do
    case "${f##*.}" in
        c) echo "C source: ${f##*/}" ;;
        cc|cpp) echo "C++ source: ${f##*/}" ;;
    esac
done

if [ ${#WIDGET_LIB} -gt 0 ]; then
    echo "${WIDGET_LIB%/}/libwidget.a"
fi
