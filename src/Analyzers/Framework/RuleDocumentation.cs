namespace ConfigConvert.Analyzers.Framework;

/// <summary>
/// Where each rule is documented: <c>docs/rules/CCxxxx.md</c> in the repository, which descriptors
/// link to, and the same file embedded in this assembly, which <c>ngx-convert explain</c> prints.
/// </summary>
internal static class RuleDocumentation
{
    private const string RepositoryBase = "https://example.invalid/configconvert/blob/main/docs/rules/";

    /// <summary>The help link of rule <paramref name="id"/>.</summary>
    public static string HelpLink(string id) => RepositoryBase + id + ".md";

    /// <summary>The Markdown of rule <paramref name="id"/>, or null when there is none.</summary>
    public static string? Read(string id)
    {
        using var stream = typeof(RuleDocumentation).Assembly.GetManifestResourceStream("rules/" + id + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
