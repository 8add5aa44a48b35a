#!/usr/bin/env bash
# Installs ngx-convert for the action.
#
# NGX_CONVERT_VERSION empty: builds the tool from the repository the action comes from
#   (NGX_CONVERT_SOURCE, default the directory above this script) with `dotnet publish`.
# NGX_CONVERT_VERSION set: `dotnet tool install ConfigConvert.Tool --version VERSION` from nuget.org,
#   or from the feed NGX_CONVERT_FEED (a URL or a directory of .nupkg files) when it is set.
# The tool goes to NGX_CONVERT_TOOL_DIR (default $RUNNER_TEMP/ngx-convert-tool), which is added to
# $GITHUB_PATH. Step output: path (the ngx-convert executable).
# Exit codes: 0 installed, 2 the build or the install failed.
set -euo pipefail
# shellcheck source=action/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ngx_require dotnet

dir=${NGX_CONVERT_TOOL_DIR:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ngx-convert-tool}
version=${NGX_CONVERT_VERSION:-}
if [ -n "$version" ]; then
    arguments=(tool install ConfigConvert.Tool --version "$version" --tool-path "$dir")
    [ -z "${NGX_CONVERT_FEED:-}" ] || arguments+=(--add-source "$NGX_CONVERT_FEED")
    dotnet "${arguments[@]}" >&2 || ngx_die 2 "dotnet tool install ConfigConvert.Tool --version $version failed${NGX_CONVERT_FEED:+ (feed $NGX_CONVERT_FEED)}"
else
    source=${NGX_CONVERT_SOURCE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
    project=$source/src/Cli/ConfigConvert.Cli.csproj
    [ -f "$project" ] || ngx_die 2 "$project not found: set version to install a released package instead"
    dotnet publish "$project" --configuration Release --output "$dir" --nologo >&2 || ngx_die 2 "dotnet publish $project failed"
fi
[ -x "$dir/ngx-convert" ] || ngx_die 2 "no ngx-convert executable in $dir after the install"

echo "ngx-convert: installed $dir/ngx-convert" >&2
[ -z "${GITHUB_PATH:-}" ] || printf '%s\n' "$dir" >>"$GITHUB_PATH"
ngx_set_output path "$dir/ngx-convert"
