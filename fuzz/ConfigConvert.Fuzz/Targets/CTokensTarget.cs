using ConfigConvert.CSources;

namespace ConfigConvert.Fuzz.Targets;

/// <summary>The C tokenizer and the module-definition finder behind <see cref="CSourceIndex"/>.</summary>
internal sealed class CTokensTarget : FuzzTarget
{
    public override string Name => "ctokens";

    public override IReadOnlyList<string> Dictionaries => ["c.dict"];

    public override string Description => "CSourceFile.Create and CSourceIndex.Build on one file, read as C and as C++: no exception; tokens, and comments, lie in order inside the text without overlapping; the quick scan that proves no literal or comment open, and the tokenizer's run that keeps no token, agree with the tokens; the scan that proves no module definition or type constant agrees with the finder, and the finder reading the part of the file that scan marks finds what it finds in the whole; the search that proves ctx_index assigned nowhere agrees with the tokens";

    public override void Run(byte[] input)
    {
        foreach (var name in (string[])["fuzz.c", "fuzz.cc"])
        {
            // Made from the bytes, as the index makes its files: the scans read the bytes, the tokenizer the decoded text.
            var file = CSourceFile.Create(name, input);
            var text = file.Text;
            // A directive token spans its whole line, comments included: tokens and comments are two sequences.
            CheckSequence("token", file.Tokens, text.Text.Length);
            CheckSequence("comment", file.Comments, text.Text.Length);
            CheckUnterminated(text.Text, input, name == "fuzz.cc", file);
            CheckDefinitionScan(file);
            CheckPrefixFinder(name, input);
            CheckAssignmentSearch(file);
            _ = CSourceIndex.Build([(name, input)]);
        }
    }

    private static void CheckUnterminated(string text, byte[] bytes, bool cpp, CSourceFile file)
    {
        var open = file.Tokens.Any(t => t.IsUnterminated) || file.Comments.Any(t => t.IsUnterminated);
        if (CTokenizer.HasUnterminated(text, cpp) != open)
        {
            throw new PropertyViolation($"the run that keeps no token says {!open} of an open literal or comment, the tokens {open}");
        }

        if (open && UnterminatedScan.ProvesNone(bytes, cpp))
        {
            throw new PropertyViolation("the quick scan proved no literal or comment open, but the tokens have one");
        }
    }

    private static void CheckDefinitionScan(CSourceFile file)
    {
        List<CModuleDefinition> definitions = [];
        List<CModuleTypeConstant> constants = [];
        CModuleDefinitionFinder.Search(file, definitions, constants, []);
        if (definitions.Count + constants.Count > 0 && DefinitionScan.ProvesNone(file.Bytes, file.MaySplitIdentifier))
        {
            throw new PropertyViolation($"the text scan proved no module definition, but the finder finds {definitions.Count} definitions and {constants.Count} type constants");
        }
    }

    /// <summary>What the index finds (through a prefix of the file where the scan marks one) against the finder over every token.</summary>
    private static void CheckPrefixFinder(string name, byte[] input)
    {
        List<CModuleDefinition> definitions = [];
        List<CModuleTypeConstant> constants = [];
        List<Diagnostics.Diagnostic> diagnostics = [];
        CModuleDefinitionFinder.Find(CSourceFile.Create(name, input), definitions, constants, diagnostics);
        List<CModuleDefinition> wholeDefinitions = [];
        List<CModuleTypeConstant> wholeConstants = [];
        List<Diagnostics.Diagnostic> wholeDiagnostics = [];
        CModuleDefinitionFinder.Search(CSourceFile.Create(name, input), wholeDefinitions, wholeConstants, wholeDiagnostics);
        static string Show(IEnumerable<Diagnostics.Diagnostic> found) => string.Join("\n", found.Select(d => $"{d.Id} {d.Location} {d.Message}"));
        if (!definitions.SequenceEqual(wholeDefinitions) || !constants.SequenceEqual(wholeConstants)
            || Show(diagnostics.Where(d => d.Descriptor != SourceDiagnostics.UnterminatedComment)) != Show(wholeDiagnostics))
        {
            throw new PropertyViolation($"the finder found {definitions.Count} definitions and {constants.Count} type constants through a prefix, {wholeDefinitions.Count} and {wholeConstants.Count} in the whole file, or other diagnostics");
        }
    }

    private static void CheckAssignmentSearch(CSourceFile file)
    {
        if (file.MayAssignIdentifier("ctx_index"))
        {
            return;
        }

        for (var i = 0; i + 1 < file.Tokens.Length; i++)
        {
            if (file.IsIdentifier(i, "ctx_index") && file.IsPunctuator(i + 1, '='))
            {
                throw new PropertyViolation("the search proved ctx_index assigned nowhere, but the tokens assign it");
            }
        }
    }

    private static void CheckSequence(string what, IEnumerable<CToken> tokens, int textLength)
    {
        var end = 0;
        foreach (var token in tokens)
        {
            if (token.Start < end || token.Length < 0 || token.End > textLength)
            {
                throw new PropertyViolation($"a {what} ({token.Kind}) at {token.Start}..{token.End} overlaps the one before (ending at {end}) or leaves the text of {textLength} characters");
            }

            end = token.End;
        }
    }

    public override IEnumerable<Seed> Seeds(string repository)
        => FixtureFiles.Files(repository, "tests/fixtures", ModuleInput.IsSourceName);
}
