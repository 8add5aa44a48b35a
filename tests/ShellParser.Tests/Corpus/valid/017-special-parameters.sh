echo "$0: error: the widget module requires libwidget." >&2

echo "all: $@ / $* / count $# / status $? / flags $- / pid $$ / bg $!"
echo "positional: $1 $2 $9 ${10} ${1} ${#} ${?} ${-} ${$} ${!} ${0}"
echo "quoted all: "$@" and ${@} and ${*}"

which flex
if [ $? -ne 0 ] ; then
    echo "$0: error: flex is required"
    exit 1
fi

widget_init() {
    if [ ! $1 ]; then
        echo "widget_init() requires a name"
        return 1
    fi
    widget_name=$1
    widget_pfx=${2:-$1}
    shift
    for m in "$@"; do
        echo " + $m"
    done
    echo "$# more"
}

sleep 1 &
widget_bg=$!
