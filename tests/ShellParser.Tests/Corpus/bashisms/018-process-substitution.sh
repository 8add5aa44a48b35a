diff <(echo "$HTTP_MODULES") <(echo "$HTTP_FILTER_MODULES")
