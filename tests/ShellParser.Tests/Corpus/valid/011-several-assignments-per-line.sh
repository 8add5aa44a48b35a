ngx_addon_name=ngx_http_pair_module; ngx_module_type=HTTP

ngx_module_type=CORE;  ngx_module_name=ngx_pair_core_module;  ngx_module_srcs=$ngx_addon_dir/core.c
ngx_module_incs= ngx_module_deps= ngx_module_libs=

PAIR_A=1 PAIR_B="two words" PAIR_C='single' PAIR_D=$PAIR_A PAIR_E=${PAIR_B}x

SAVED_CC_TEST_FLAGS=$CC_TEST_FLAGS CC_TEST_FLAGS="-Werror $CC_TEST_FLAGS"
CC_TEST_FLAGS="$SAVED_CC_TEST_FLAGS" ;

ngx_found=no; ngx_feature_libs=; ngx_feature_path= ;ngx_feature_run=no

CORE_LIBS="$CORE_LIBS -ldl";
CFLAGS="$CFLAGS -O2";USE_PCRE=YES

a=b=c
x=1 y=2 z=3; export x y z
