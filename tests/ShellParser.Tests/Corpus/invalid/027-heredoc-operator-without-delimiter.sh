if [ $ngx_found = no ]; then
    cat <<
$0: error: the delimiter word is missing.
END
    exit 1
fi
