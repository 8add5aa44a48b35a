# set-records.awk -- read the output of dash's `set` builtin.
#
# dash prints every variable as NAME='value'; a value is single-quoted and an
# embedded single quote is written '"'"'; a value may span several lines.
# parse() turns such a file back into NAME -> value.
#
# Modes (awk -v mode=...):
#   names   FILE          print the variable names, one per line
#   quote   FILE NAMES    print NAME='value' (POSIX sh quoting, ' as '\'')
#                         for each name listed in the file NAMES, in that order
#   diff    BEFORE AFTER  print NAME=ESCAPED for each variable that is new in
#                         AFTER or whose value differs, and -NAME for each one
#                         present in BEFORE but not in AFTER
# Optional: -v drop=FILE  names (one per line) never printed;
#           -v dropprefix=P names starting with P never printed.
# ESCAPED is the value with backslash as \\, newline as \n, tab as \t and
# carriage return as \r; nothing else is escaped.

function parse(file, vals,    line, name, val, st, i, n, c, cont, rc) {
    cont = 0
    while ((rc = (getline line < file)) > 0) {
        if (!cont) {
            if (!match(line, /^[A-Za-z_][A-Za-z0-9_]*=/))
                continue
            name = substr(line, 1, RLENGTH - 1)
            line = substr(line, RLENGTH + 1)
            val = ""
            st = 0
        } else {
            val = val "\n"
        }
        n = length(line)
        for (i = 1; i <= n; i++) {
            c = substr(line, i, 1)
            if (st == 1) {
                if (c == "'") st = 0; else val = val c
            } else if (st == 2) {
                if (c == "\"") st = 0
                else if (c == "\\") { i++; val = val substr(line, i, 1) }
                else val = val c
            } else {
                if (c == "'") st = 1
                else if (c == "\"") st = 2
                else if (c == "\\") { i++; val = val substr(line, i, 1) }
                else val = val c
            }
        }
        if (st == 0) { vals[name] = val; cont = 0 } else cont = 1
    }
    if (rc < 0) { print "set-records.awk: cannot read " file > "/dev/stderr"; exit 2 }
    close(file)
}

function escape(v,    out, i, n, c) {
    out = ""
    n = length(v)
    for (i = 1; i <= n; i++) {
        c = substr(v, i, 1)
        if (c == "\\") out = out "\\\\"
        else if (c == "\n") out = out "\\n"
        else if (c == "\t") out = out "\\t"
        else if (c == "\r") out = out "\\r"
        else out = out c
    }
    return out
}

function shquote(v,    out, i, n, c) {
    out = "'"
    n = length(v)
    for (i = 1; i <= n; i++) {
        c = substr(v, i, 1)
        if (c == "'") out = out "'\\''"; else out = out c
    }
    return out "'"
}

function skip(name) {
    return (name in dropped) || (dropprefix != "" && index(name, dropprefix) == 1)
}

BEGIN {
    if (drop != "") {
        while ((getline line < drop) > 0) dropped[line] = 1
        close(drop)
    }
    if (mode == "names") {
        parse(ARGV[1], a)
        for (k in a) if (!skip(k)) print k
    } else if (mode == "quote") {
        parse(ARGV[1], a)
        while ((getline k < ARGV[2]) > 0)
            if ((k in a) && !skip(k)) print k "=" shquote(a[k])
    } else if (mode == "diff") {
        parse(ARGV[1], b)
        parse(ARGV[2], a)
        for (k in a)
            if (!skip(k) && (!(k in b) || b[k] != a[k])) print k "=" escape(a[k])
        for (k in b)
            if (!skip(k) && !(k in a)) print "-" k
    } else {
        print "set-records.awk: unknown mode '" mode "'" > "/dev/stderr"
        exit 2
    }
    exit 0
}
