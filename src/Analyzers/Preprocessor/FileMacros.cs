using ConfigConvert.CSources;

namespace ConfigConvert.Analyzers.Preprocessor;

/// <summary>
/// The macros a C file defines for itself, for every target version: real modules name the version
/// test once (<c>#if nginx_version &gt;= 1009011</c> <c>#define NATS_DYNAMIC_MODULE_SUPPORT 1</c>) and test
/// <c>defined(NATS_DYNAMIC_MODULE_SUPPORT)</c> after. A macro the file also <c>#undef</c>s is left unknown.
/// </summary>
internal static class FileMacros
{
    /// <summary>The names <paramref name="file"/> <c>#define</c>s in code that <paramref name="decider"/> says is compiled for every target.</summary>
    public static IReadOnlySet<string> DefinedFor(CSourceFile file, ScopeDecider decider)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var undefined = new HashSet<string>(StringComparer.Ordinal);
        var text = file.Text.Text;
        for (var i = 0; i < file.Tokens.Length; i++)
        {
            if (file.Tokens[i].Kind != CTokenKind.Directive || CDirective.GetName(text, file.Tokens[i]) is not ("define" or "undef"))
            {
                continue;
            }

            var directive = file.GetDirective(file.Tokens[i]);
            if (directive.Body.Length == 0 || directive.Body[0].Kind != CTokenKind.Identifier)
            {
                continue;
            }

            var name = file.GetText(directive.Body[0]);
            if (directive.Name == "undef")
            {
                undefined.Add(name);
            }
            else if (decider.Decide(file.GetConditionScope(i)) == ConditionTruth.True)
            {
                defined.Add(name);
            }
        }

        defined.ExceptWith(undefined);
        return defined;
    }
}
