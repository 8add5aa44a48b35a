namespace ConfigConvert.Analyzers.Framework;

/// <summary>The categories of the rules, one per part of a module they look at.</summary>
internal static class RuleCategories
{
    public const string Config = "Config";

    public const string CSources = "CSources";

    public const string Repository = "Repository";
}
