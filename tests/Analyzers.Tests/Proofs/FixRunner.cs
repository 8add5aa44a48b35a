namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary><c>ngx-convert check --fix</c>, through its library entry.</summary>
internal static class FixRunner
{
    /// <summary>Checks <paramref name="module"/> and applies the fixes proven; the report says what was fixed and written.</summary>
    public static CheckReport Fix(string module) => ModuleChecker.Check([module], new CheckOptions { Fix = true });
}
