#!/usr/bin/env bash
# Posts the Markdown report as ONE comment on the pull request, or updates the comment posted
# before: the comment whose body has the marker line `<!-- ngx-convert:report -->`.
#
#   post-comment.sh REPORT.md     PATCH the marked comment with the report, else POST a new one
#   post-comment.sh --all-clear   no module is changed: PATCH a marked comment, if there is one, to
#                                 say so; never POST (a pull request that touches no module gets
#                                 no comment)
#
# Environment: GITHUB_TOKEN, GITHUB_API_URL (default https://api.github.com), GITHUB_EVENT_PATH,
# GITHUB_EVENT_NAME, GITHUB_REPOSITORY (when the payload has no base repository).
# The comments are listed 100 a page, following the `Link: <...>; rel="next"` header; the first
# marked comment is the one updated.
# A pull request from a fork on a `pull_request` event has a read-only token: nothing is posted,
# and the report stays in the job's log and summary.
# Exit codes: 0 posted, updated or nothing to do; 1 the API refused or failed (the method, path,
# HTTP status and GitHub's message are printed); 2 bad input.
set -euo pipefail
# shellcheck source=action/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ngx_require jq curl
ngx_require_event

marker='<!-- ngx-convert:report -->'
[ $# -eq 1 ] || ngx_die 2 "usage: post-comment.sh REPORT.md | --all-clear"
report=$1
if [ "$report" != --all-clear ]; then
    if [ ! -r "$report" ] || [ ! -s "$report" ]; then
        ngx_die 2 "the report $report is missing or empty"
    fi
fi

number=$(ngx_event '.pull_request.number')
if [ -z "$number" ]; then
    ngx_notice "the ${GITHUB_EVENT_NAME:-} event has no pull request: no comment"
    exit 0
fi
if ngx_read_only_fork; then
    ngx_notice "pull request #$number comes from the fork $(ngx_event '.pull_request.head.repo.full_name // "(deleted)"'), whose token cannot write to $(ngx_event '.pull_request.base.repo.full_name'): the comment is skipped; the report is in this job's log and summary"
    exit 0
fi
[ -n "${GITHUB_TOKEN:-}" ] || ngx_die 2 "GITHUB_TOKEN is empty: give the action a token that may write pull-request comments"
repository=$(ngx_event '.pull_request.base.repo.full_name')
repository=${repository:-${GITHUB_REPOSITORY:-}}
[ -n "$repository" ] || ngx_die 2 "the payload has no pull_request.base.repo.full_name and GITHUB_REPOSITORY is not set"
api=${GITHUB_API_URL:-https://api.github.com}
api=${api%/}
work=$(ngx_work_dir)

# api METHOD URL [JSON_FILE]: the response body is left in $work/response.json; any status but
# 2xx ends the script.
api() {
    local method=$1 url=$2 status
    local arguments=(--silent --show-error --location --request "$method" --dump-header "$work/response.headers"
        --output "$work/response.json" --write-out '%{http_code}'
        --header 'Accept: application/vnd.github+json' --header 'X-GitHub-Api-Version: 2022-11-28')
    [ $# -lt 3 ] || arguments+=(--header 'Content-Type: application/json' --data-binary "@$3")
    # The token goes through a config on a pipe, not the command line that `ps` shows.
    status=$(curl --config <(printf 'header = "Authorization: Bearer %s"\n' "$GITHUB_TOKEN") "${arguments[@]}" "$url") \
        || ngx_die 1 "$method ${url#"$api"}: the request failed (curl exit $?)"
    if [[ $status != 2?? ]]; then
        ngx_die 1 "$method ${url#"$api"}: HTTP $status: $(jq -r '.message // empty' "$work/response.json" 2>/dev/null || head -c 300 "$work/response.json")"
    fi
}

next_page() {
    tr -d '\r' <"$work/response.headers" | grep -i '^link:' | tr ',' '\n' | grep 'rel="next"' | sed -E 's/.*<([^>]*)>.*/\1/' | head -n 1 || true
}

# The id of the first comment (in the order GitHub lists them) that has the marker line.
find_comment() {
    local url="$api/repos/$repository/issues/$number/comments?per_page=100" pages=0 id
    while [ -n "$url" ] && [ $pages -lt 1000 ]; do
        pages=$((pages + 1))
        api GET "$url"
        jq -e 'type == "array"' "$work/response.json" >/dev/null 2>&1 || ngx_die 1 "GET ${url#"$api"}: the response is not a list of comments"
        id=$(jq -r --arg marker "$marker" \
            'map(select((.body // "") | split("\n") | map(rtrimstr("\r")) | any(. == $marker))) | first | .id // empty' "$work/response.json")
        if [ -n "$id" ]; then
            printf '%s\n' "$id"
            return
        fi
        url=$(next_page)
    done
}

if [ "$report" = --all-clear ]; then
    printf '%s\n### ngx-convert\n\nThis pull request no longer changes any nginx module (as of %s): nothing to check.\n' \
        "$marker" "$(ngx_event '.pull_request.head.sha')" >"$work/all-clear.md"
    report=$work/all-clear.md
    all_clear=yes
fi
jq -n --rawfile body "$report" '{body: $body}' >"$work/comment.json"

id=$(find_comment) || exit $?
if [ -n "$id" ]; then
    api PATCH "$api/repos/$repository/issues/comments/$id" "$work/comment.json"
    echo "ngx-convert: updated $(jq -r '.html_url // "the comment"' "$work/response.json")" >&2
elif [ -n "${all_clear:-}" ]; then
    echo "ngx-convert: no module changed and no earlier comment: nothing posted" >&2
    exit 0
else
    api POST "$api/repos/$repository/issues/$number/comments" "$work/comment.json"
    echo "ngx-convert: posted $(jq -r '.html_url // "a comment"' "$work/response.json")" >&2
fi
ngx_set_output comment-url "$(jq -r '.html_url // empty' "$work/response.json")"
