# Модуль ngx_http_greet_module — приветствие на разных языках.
# 模块配置文件 · ünïcödé · emoji 🚀 · “curly quotes” ‘single’ — em dash
ngx_addon_name=ngx_http_greet_module

GREET_BANNER="Grüße aus Zürich — ¡hola! — こんにちは"
GREET_SIGN='© 2024 ½ µs ±5 °C'
greet_note=naïve_café

# On GCC 4.8 the warning reads: declaration of ‘class scoped_ptr<C>’ [enabled by default]
echo " + greet: $GREET_BANNER"

case "$GREET_LANG" in
    français|español) echo "latin: $GREET_LANG" ;;
    日本語) echo "japanese" ;;
esac

cat << END
  Привет, $USER! The greet module is configured.
END

ngx_module_type=HTTP
ngx_module_name=$ngx_addon_name
ngx_module_srcs="$ngx_addon_dir/ngx_http_greet_module.c"
. auto/module
