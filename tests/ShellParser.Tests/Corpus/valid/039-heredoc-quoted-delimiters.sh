cat << 'EOF' > "$NGX_OBJS/widget_make.sh"
#!/bin/sh
# nothing expands here: $HOME `date` $(pwd) ${x
echo "$@"
EOF

cat <<"END" >> "$NGX_MAKEFILE"
widget: $(WIDGET_OBJS)
	$(CC) -o $@ $^ ${LDFLAGS}
END

cat <<\STOP
literal \$ and $literal and `literal`
STOP

cat <<W"ID"GET
partly quoted delimiter: still no expansion of $x
WIDGET

cat << 'TWO WORDS'
a delimiter may contain a space when quoted
TWO WORDS

cat <<''
an empty delimiter ends at the first empty line

echo after
