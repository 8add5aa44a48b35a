using ConfigConvert.Diagnostics;

namespace ConfigConvert.BuiltModules.Configuration;

/// <summary>
/// A <c>load_module</c> directive as nginx meets it: its parameter as written, where it is, the line
/// nginx names in its messages (the line of the terminating <c>;</c>), and whether nginx refuses the
/// directive itself before loading anything.
/// </summary>
internal sealed record LoadModuleDirective(string Argument, Location Location, int NginxLine, DirectiveProblem Problem);

/// <summary>Why nginx refuses a <c>load_module</c> line whatever the file (ngx_conf_handler, ngx_load_module).</summary>
internal enum DirectiveProblem
{
    None,

    /// <summary>Inside a block: only the main context takes <c>load_module</c>.</summary>
    NotAllowedHere,

    /// <summary>Not exactly one parameter.</summary>
    InvalidArguments,

    /// <summary>After a block (events, http, stream, mail) that counted the modules.</summary>
    TooLate,
}
