#!/usr/bin/env bash
# Runs `ngx-convert check` on the modules select-modules.sh found, twice: SARIF for code scanning
# and Markdown for the pull-request comment.
#
# Environment: NGX_CONVERT (the tool; default `ngx-convert` on PATH), NGX_CONVERT_FAIL_ON
# (--fail-on, default warning), NGX_CONVERT_ARGS (more options for check, split at spaces),
# NGX_CONVERT_REPORT_URL (--report-url; default the workflow run's page), NGX_CONVERT_LINK_BASE
# (--link-base; default the pull request's head commit on $GITHUB_SERVER_URL).
# Reads modules.txt and changes.diff of the work directory; writes ngx-convert.sarif and report.md
# there, and appends report.md to $GITHUB_STEP_SUMMARY. Step outputs: sarif, markdown, exit-code (check's: 0 clean, 1 findings at or above
# --fail-on, 2 usage or I/O error; 2 if either run said 2).
# Exit codes: 0 check ran (whatever it found), 2 bad input.
set -euo pipefail
# shellcheck source=action/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ngx_require jq git
ngx_require_event

tool=${NGX_CONVERT:-ngx-convert}
command -v "$tool" >/dev/null 2>&1 || ngx_die 2 "the tool \`$tool\` is not installed (NGX_CONVERT)"
work=$(ngx_work_dir)
if [ ! -r "$work/modules.txt" ] || [ ! -r "$work/changes.diff" ]; then
    ngx_die 2 "run select-modules.sh first: $work has no modules.txt or changes.diff"
fi
root=$(git rev-parse --show-toplevel 2>/dev/null) || ngx_die 2 "$(pwd) is not in a git clone"
cd "$root"

modules=()
while IFS= read -r module; do
    # A directory named like an option is still a path.
    if [[ $module == -* ]]; then
        module=./$module
    fi
    if [ -n "$module" ]; then
        modules+=("$module")
    fi
done <"$work/modules.txt"
[ ${#modules[@]} -gt 0 ] || ngx_die 2 "no module to check in $work/modules.txt"

server=${GITHUB_SERVER_URL:-https://github.com}
repository=$(ngx_event '.pull_request.base.repo.full_name')
repository=${repository:-${GITHUB_REPOSITORY:-}}
head=$(ngx_event '.pull_request.head.sha')
report_url=${NGX_CONVERT_REPORT_URL:-}
if [ -z "$report_url" ] && [ -n "${GITHUB_RUN_ID:-}" ]; then
    report_url=$server/$repository/actions/runs/$GITHUB_RUN_ID
fi
link_base=${NGX_CONVERT_LINK_BASE:-$server/$repository/blob/$head}

read -r -a extra <<<"${NGX_CONVERT_ARGS:-}"
options=(--fail-on "${NGX_CONVERT_FAIL_ON:-warning}" --repository-root "$root" --link-base "$link_base" --changed-lines "$work/changes.diff")
if [ -n "$report_url" ]; then
    options+=(--report-url "$report_url")
fi

# check exits 1 for findings and 2 for what it could not read; neither stops the comment and the
# upload, so the status is kept as an output and the action's last step fails the job with it.
run_check() {
    local format=$1 output=$2 status=0
    "$tool" check "${modules[@]}" --format "$format" "${options[@]}" "${extra[@]}" >"$output" || status=$?
    echo "ngx-convert: check --format $format on ${#modules[@]} module(s): exit $status" >&2
    return "$status"
}
sarif_status=0
markdown_status=0
run_check sarif "$work/ngx-convert.sarif" || sarif_status=$?
run_check markdown "$work/report.md" || markdown_status=$?
status=$markdown_status
if [ "$sarif_status" -eq 2 ]; then
    status=2
fi

# The job's summary shows the report too, also where no comment can be posted (a fork).
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$work/report.md" ]; then
    cat "$work/report.md" >>"$GITHUB_STEP_SUMMARY"
fi
ngx_set_output sarif "$work/ngx-convert.sarif"
ngx_set_output markdown "$work/report.md"
ngx_set_output exit-code "$status"
