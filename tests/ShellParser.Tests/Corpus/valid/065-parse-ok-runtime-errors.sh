# Every line below is accepted by `dash -n`; each fails only when run
# (bad substitution, command not found, arithmetic error, ...).
ngx_addon_name=ngx_http_typo_module

if [ "$TYPO_NEVER" = yes ]; then
    broken=${}
    spaced=${ngx_addon name}
    leading=${ ngx_addon_name}
    digits=${1abc}
    colon=${ngx_addon_name:x}
    lenop=${#ngx_addon_name:-x}
    math=$((cd "$ngx_addon_dir" && pwd))
    café=1
    HTTP_DEPS-"$HTTP_DEPS $deps"
    [ "$TYPO_A" = yes
    ngx_module_name=`echo ${ngx_addon_name/_module/}`
fi
