# Build description for ngx_http_placeholder_module.
#
# Nothing is built yet: this file only documents the environment
# variables the real configuration will read.
#
#   PLACEHOLDER_INC   directory holding placeholder.h
#   PLACEHOLDER_LIB   directory holding libplaceholder.so
#
#if 0
#   (the line above looks like C, but it is a shell comment)
#endif
#
# "quotes", 'quotes', `backquotes`, $(dollar-paren) and ${braces} are
# all plain text inside a comment \
# and a trailing backslash does not continue a comment line.

# vim: set ft=sh ts=4 sw=4 et:
