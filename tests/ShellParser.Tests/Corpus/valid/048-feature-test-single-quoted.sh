ngx_feature="export symbols by default (-E)"
ngx_feature_libs="-Wl,-E"
ngx_feature_name=
ngx_feature_run=no
ngx_feature_incs="#include <stdio.h>"
ngx_feature_path=
ngx_feature_test='printf("hello");'

. auto/feature

if [ $ngx_found = yes ]; then
    CORE_LIBS="-Wl,-E $CORE_LIBS"
fi

ngx_feature="execvpe"
ngx_feature_test='char* argv[] = {"/bin/sh"};execvpe("/bin/sh", argv, NULL);'
ngx_feature_test='struct sigaction act;
                  act.sa_flags |= SA_RESTART;'
ngx_feature_incs='#include <sodium.h>'
ngx_feature_test='const char *s = "it'\''s"; (void) s;'
