#ifndef NGX_HTTP_HELLO_TEXT_H_INCLUDED
#define NGX_HTTP_HELLO_TEXT_H_INCLUDED

#include <ngx_config.h>
#include <ngx_core.h>

extern ngx_str_t  ngx_http_hello_text;

#endif
