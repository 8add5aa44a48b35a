#include "ngx_http_hello_text.h"

ngx_str_t  ngx_http_hello_text = ngx_string("hello\n");
