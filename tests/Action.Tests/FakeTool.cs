namespace ConfigConvert.Action.Tests;

/// <summary>
/// Stand-ins for the programs the scripts run, written as small bash scripts: they record their
/// arguments (one a line, each run ended by a line <c>--end--</c>) and do what the test needs.
/// </summary>
internal static class FakeTool
{
    /// <summary>The Markdown report the fake ngx-convert prints.</summary>
    public const string MarkdownReport = """
        <!-- ngx-convert:report -->
        ### ngx-convert

        | module | errors | warnings |
        |---|---|---|
        | modules/hello | 0 | 1 |

        **modules/hello/config** line 3: warning CC2201: the config appends to HTTP_MODULES
        """;

    public const string SarifReport = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"ngx-convert"}},"results":[]}]}""";

    /// <summary>
    /// A fake ngx-convert: prints <see cref="SarifReport"/> or <see cref="MarkdownReport"/> for
    /// <c>--format</c>, and exits with FAKE_SARIF_EXIT / FAKE_MARKDOWN_EXIT (default 1, findings).
    /// </summary>
    public static string NgxConvert(ActionRun run, string log)
    {
        var script = $$"""
            #!/usr/bin/env bash
            { printf '%s\n' "$@"; echo --end--; } >>'{{log}}'
            format=text
            previous=
            for argument in "$@"; do
                [ "$previous" = --format ] && format=$argument
                previous=$argument
            done
            case $format in
                sarif) printf '%s\n' '{{SarifReport}}'; exit "${FAKE_SARIF_EXIT:-1}" ;;
                markdown) cat <<'REPORT'
            {{MarkdownReport}}
            REPORT
                    exit "${FAKE_MARKDOWN_EXIT:-1}" ;;
            esac
            exit 2
            """;
        return Write(run.Scratch("fake-bin"), "ngx-convert", script);
    }

    /// <summary>A fake dotnet: records its arguments, then puts an ngx-convert into the --tool-path or --output directory, or exits with FAKE_DOTNET_EXIT.</summary>
    public static string Dotnet(ActionRun run, string log)
    {
        var script = $$"""
            #!/usr/bin/env bash
            { printf '%s\n' "$@"; echo --end--; } >>'{{log}}'
            [ "${FAKE_DOTNET_EXIT:-0}" = 0 ] || exit "$FAKE_DOTNET_EXIT"
            previous=
            for argument in "$@"; do
                case $previous in
                    --tool-path|--output) mkdir -p "$argument" && printf '#!/bin/sh\n' >"$argument/ngx-convert" && chmod +x "$argument/ngx-convert" ;;
                esac
                previous=$argument
            done
            """;
        return Write(run.Scratch("fake-bin"), "dotnet", script);
    }

    /// <summary>The runs recorded in <paramref name="log"/>, each as its argument list.</summary>
    public static IReadOnlyList<string[]> Runs(string log)
    {
        var runs = new List<string[]>();
        var current = new List<string>();
        foreach (var line in File.Exists(log) ? File.ReadAllLines(log) : [])
        {
            if (line == "--end--")
            {
                runs.Add([.. current]);
                current.Clear();
            }
            else
            {
                current.Add(line);
            }
        }

        return runs;
    }

    private static string Write(string directory, string name, string script)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
