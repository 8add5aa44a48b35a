# dash has no "source": the line parses but fails at run time
source $ngx_addon_dir/widget.conf
source auto/feature
