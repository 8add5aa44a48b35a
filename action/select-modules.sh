#!/usr/bin/env bash
# Finds the nginx modules that a pull request changes.
#
# Reads the pull_request event payload ($GITHUB_EVENT_PATH: pull_request.number, base.sha,
# head.sha) and lists the files of `git diff BASE...HEAD` (both sides of a rename). A changed file
# belongs to the module whose `config` is in its directory or an ancestor, as `ngx-convert check`
# sees the tree: the outermost such directory whose config reads like a module's (it names
# ngx_addon_name, an ngx_module_ variable or a *_MODULES list), so that a filter or a static part
# in a subdirectory, sourced from its parent's config, counts as its parent module.
#
# Writes, in the work directory: modules.txt (one directory a line, relative to the repository
# root, `.` for the root) and changes.diff (the unified diff, for --changed-lines). Step outputs:
# count, modules, modules-file, diff-file, pull-request, base-sha, head-sha.
# Exit codes: 0 done (also for an event that is not a pull request: count=0), 2 bad input.
set -euo pipefail
# shellcheck source=action/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ngx_require jq git
ngx_require_event

number=$(ngx_event '.pull_request.number')
if [ -z "$number" ]; then
    ngx_notice "the ${GITHUB_EVENT_NAME:-} event has no pull request: nothing to check"
    ngx_set_output count 0
    exit 0
fi
base=$(ngx_event '.pull_request.base.sha')
head=$(ngx_event '.pull_request.head.sha')
if [ -z "$base" ] || [ -z "$head" ]; then
    ngx_die 2 "the event payload has no pull_request.base.sha or pull_request.head.sha"
fi

root=$(git rev-parse --show-toplevel 2>/dev/null) || ngx_die 2 "$(pwd) is not in a git clone: check the repository out first (actions/checkout)"
cd "$root"
for sha in "$base" "$head"; do
    if ! git cat-file -e "$sha^{commit}" 2>/dev/null && ! git fetch --quiet --no-tags origin "$sha" 2>/dev/null; then
        ngx_die 2 "commit $sha is not in the clone and cannot be fetched: check out with fetch-depth: 0"
    fi
done

work=$(ngx_work_dir)
git diff --no-color --no-ext-diff "$base...$head" >"$work/changes.diff" || ngx_die 2 "git diff $base...$head failed (no merge base in a shallow clone? check out with fetch-depth: 0)"

declare -A is_module=()
module_like() {
    local dir=$1
    if [ -z "${is_module[$dir]+set}" ]; then
        is_module[$dir]=no
        if [ -f "$dir/config" ] && grep -qE 'ngx_addon_name|ngx_module_|_MODULES' "$dir/config" 2>/dev/null; then
            is_module[$dir]=yes
        fi
    fi
    [ "${is_module[$dir]}" = yes ]
}

# The outermost module directory on the way from the root to the file's directory, in $module
# (not printed: a command substitution would run in a subshell and lose the cache).
module_of() {
    local parent=${1%/*} dir="" part
    module=""
    if module_like .; then
        module=.
        return
    fi
    [ "$parent" != "$1" ] || return 0
    IFS=/ read -r -a parts <<<"$parent"
    for part in "${parts[@]}"; do
        dir=${dir:+$dir/}$part
        if module_like "$dir"; then
            module=$dir
            return
        fi
    done
}

declare -A modules=()
files=0
while IFS= read -r -d '' file; do
    files=$((files + 1))
    module_of "$file"
    if [ -n "$module" ]; then
        modules[$module]=1
    fi
done < <(git diff --name-only --no-renames -z "$base...$head")

list=""
if [ ${#modules[@]} -gt 0 ]; then
    list=$(printf '%s\n' "${!modules[@]}" | LC_ALL=C sort)
fi
if [ -n "$list" ]; then
    printf '%s\n' "$list" >"$work/modules.txt"
else
    : >"$work/modules.txt"
fi

echo "ngx-convert: pull request #$number changes $files file(s) in ${#modules[@]} module(s)${list:+: ${list//$'\n'/, }}" >&2
if ngx_read_only_fork; then
    ngx_notice "pull request #$number comes from a fork and its token is read-only: the report stays in the log and the job summary, with no comment and no SARIF upload"
fi
ngx_set_output count "${#modules[@]}"
ngx_set_output modules "$list"
ngx_set_output modules-file "$work/modules.txt"
ngx_set_output diff-file "$work/changes.diff"
ngx_set_output pull-request "$number"
ngx_set_output base-sha "$base"
ngx_set_output head-sha "$head"
