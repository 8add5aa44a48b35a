using System.CommandLine;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.Verification;

namespace ConfigConvert.Cli.Input;

/// <summary>
/// The target nginx of <c>describe</c> and <c>convert</c>: <c>--reference NAME</c> among the embedded
/// builds, or <c>--nginx-src DIR [--configure-arg FLAG]...</c> captured from a local tree at run time.
/// </summary>
internal sealed class ReferenceOptions
{
    private static readonly TimeSpan CaptureTimeout = TimeSpan.FromMinutes(10);

    private ReferenceOptions(Option<string> reference, Option<string?>? source, Option<string[]>? flags)
    {
        Reference = reference;
        Source = source;
        Flags = flags;
    }

    public Option<string> Reference { get; }

    public Option<string?>? Source { get; }

    public Option<string[]>? Flags { get; }

    public IEnumerable<Option> All => new Option?[] { Reference, Source, Flags }.OfType<Option>();

    /// <summary><c>--reference</c>, and unless <paramref name="referenceOnly"/>, <c>--nginx-src</c> and <c>--configure-arg</c>.</summary>
    public static ReferenceOptions Create(bool referenceOnly = false)
    {
        var names = ReferenceBuild.EmbeddedNames.ToArray();
        var reference = new Option<string>("--reference")
        {
            Description = $"The nginx build to evaluate the config against (its module lists and src/core/nginx.h): one of {string.Join(", ", names)}.",
            DefaultValueFactory = _ => ReferenceBuild.Default.Name,
            HelpName = "NAME",
        };
        reference.AcceptOnlyFromAmong(names);
        if (referenceOnly)
        {
            return new ReferenceOptions(reference, null, null);
        }

        var source = new Option<string?>("--nginx-src") { Description = "Capture the build from this nginx source tree instead (its configure runs once, with the tree's conf_flags and --configure-arg flags).", HelpName = "DIR" };
        var flags = new Option<string[]>("--configure-arg") { Description = "A configure flag for --nginx-src, after the tree's conf_flags (write --configure-arg=--with-stream); repeatable.", HelpName = "FLAG" };
        return new ReferenceOptions(reference, source, flags);
    }

    /// <summary>The chosen build; null (the reason written to standard error) for a bad combination or a tree that cannot be captured.</summary>
    public ReferenceBuild? Resolve(CliConsole console, ParseResult result)
    {
        var source = Source is null ? null : result.GetValue(Source);
        var flags = Flags is null ? [] : result.GetValue(Flags) ?? [];
        if (source is null)
        {
            if (flags.Length > 0)
            {
                console.Error.WriteLine("ngx-convert: --configure-arg needs --nginx-src");
                return null;
            }

            return ReferenceBuild.Named(result.GetValue(Reference)!);
        }

        if (result.GetResult(Reference) is { Implicit: false })
        {
            console.Error.WriteLine("ngx-convert: --reference and --nginx-src choose the same thing: give one");
            return null;
        }

        var build = ReferenceCapture.Capture(source, flags, CaptureTimeout, out var problem);
        if (build is null)
        {
            console.Error.WriteLine("ngx-convert: " + problem);
        }

        return build;
    }
}
