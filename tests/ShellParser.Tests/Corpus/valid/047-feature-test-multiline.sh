ngx_feature="LuaJIT 2.x"
ngx_feature_run=no
ngx_feature_incs="#include <luajit.h>"
ngx_feature_test="#if !defined(LUAJIT_VERSION_NUM) || LUAJIT_VERSION_NUM < 20000
                  #    error unsupported LuaJIT version
                  #endif
                  "
. auto/feature

ngx_feature="memrchr()"
ngx_feature_name="NGX_WIDGET_HAVE_MEMRCHR"
ngx_feature_run=yes
ngx_feature_incs=" \
  #include <string.h>
  #include <stddef.h>
"
ngx_feature_test=" \
  const char *str = \"aboobar\"; \
  const void *found = memrchr(str, 'b', strlen(str)); \
  if(found == NULL) { return 1; } \
"
. auto/feature

ngx_feature="psol"
ngx_feature_incs="
#include \"widget/kernel/base/string.h\"
#include \"widget/kernel/html/html_parse.h\"
"
ngx_feature_test="
  widget_parse(\"http:example.com\");
  printf(\"parsed as: %s\", \"<html ><body ></body></html>\n\");

#if defined(__clang__)
   #if __clang_major__ < 3
      #error \"Please use clang >= 3.3\"
   #endif
#endif
"
. auto/feature

ngx_feature_test="int fd[2]; pipe2(fd, O_CLOEXEC|O_NONBLOCK);"
ngx_feature_test="sigset_t set = { 0 };
                  signalfd(-1, &set, SFD_NONBLOCK|SFD_CLOEXEC);"
