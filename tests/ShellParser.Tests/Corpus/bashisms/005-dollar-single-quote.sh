# dash reads $'...' as a lone "$" followed by a single-quoted string
WIDGET_SEP=$'\t'
WIDGET_NL=$'\n'
echo "columns${WIDGET_SEP}rows"
