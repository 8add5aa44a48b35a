# Make sure the sub-configs know they are part of a bundle.
ngx_addon_name=ngx_zipper
. $ngx_addon_dir/filter/config

ngx_addon_name=ngx_zipper
. "$ngx_addon_dir/static/config"

. ${ngx_addon_dir}/auto/options
. "$ngx_addon_dir/cpp_feature"
. ./auto/feature

if [ -f $ngx_addon_dir/extra_config ]; then
    . $ngx_addon_dir/extra_config
fi

. auto/feature
. auto/module
. auto/have

# The final name for reporting.
ngx_addon_name=ngx_zipper
