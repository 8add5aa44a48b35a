# Shared by the scripts of the ngx-convert action (action.yml). Sourced, not run.
# Needs bash, jq and curl, which GitHub's ubuntu runners have.

# Messages go to standard error as workflow commands, so that GitHub shows them on the run's page
# and a local run still reads them.
ngx_notice() { printf '::notice title=ngx-convert::%s\n' "$*" >&2; }
ngx_warning() { printf '::warning title=ngx-convert::%s\n' "$*" >&2; }
ngx_error() { printf '::error title=ngx-convert::%s\n' "$*" >&2; }

# ngx_die STATUS MESSAGE: reports the error and ends the script.
ngx_die() {
    local status=$1
    shift
    ngx_error "$*"
    exit "$status"
}

ngx_require() {
    local program
    for program in "$@"; do
        command -v "$program" >/dev/null 2>&1 || ngx_die 2 "\`$program\` is needed and is not installed"
    done
}

# ngx_set_output NAME VALUE: a step output; multi-line values use GitHub's delimiter form.
ngx_set_output() {
    local name=$1 value=$2 delimiter
    [ -n "${GITHUB_OUTPUT:-}" ] || return 0
    if [[ $value == *$'\n'* ]]; then
        delimiter="ngx_convert_$RANDOM$RANDOM"
        printf '%s<<%s\n%s\n%s\n' "$name" "$delimiter" "$value" "$delimiter" >>"$GITHUB_OUTPUT"
    else
        printf '%s=%s\n' "$name" "$value" >>"$GITHUB_OUTPUT"
    fi
}

# The directory where the scripts of one run leave files for each other (modules, diff, reports).
ngx_work_dir() {
    local dir=${NGX_CONVERT_WORK:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ngx-convert}
    mkdir -p "$dir" || ngx_die 2 "cannot create the work directory $dir"
    printf '%s\n' "$dir"
}

# ngx_event JQ_FILTER: a value of the event payload ($GITHUB_EVENT_PATH), raw, empty when null.
ngx_event() {
    jq -r "($1) // empty" "$GITHUB_EVENT_PATH"
}

ngx_require_event() {
    [ -n "${GITHUB_EVENT_PATH:-}" ] || ngx_die 2 "GITHUB_EVENT_PATH is not set: run this in a GitHub Actions workflow"
    [ -r "$GITHUB_EVENT_PATH" ] || ngx_die 2 "cannot read the event payload $GITHUB_EVENT_PATH"
    jq -e 'type == "object"' "$GITHUB_EVENT_PATH" >/dev/null 2>&1 || ngx_die 2 "the event payload $GITHUB_EVENT_PATH is not a JSON object"
}

# A pull request from a fork gets a read-only token on `pull_request` events (not on
# `pull_request_target`): nothing can be written to the base repository then.
ngx_read_only_fork() {
    local head base
    head=$(ngx_event '.pull_request.head.repo.full_name')
    base=$(ngx_event '.pull_request.base.repo.full_name')
    [ "${GITHUB_EVENT_NAME:-pull_request}" != pull_request_target ] && [ "$head" != "$base" ]
}
