using ConfigConvert.Text;

namespace ConfigConvert.ShellParser;

/// <summary>
/// The entry point of the library: <c>SyntaxTree.ParseText</c>. Declared here, beside the parser, so
/// that the tree's types (Syntax/) do not depend on the parser that builds them.
/// </summary>
public static class SyntaxTreeParsing
{
    extension(SyntaxTree)
    {
        /// <summary>How deep compound commands, quotes and substitutions may nest; deeper input gets diagnostic CC1007.</summary>
        public static int MaxNestingDepth => Parser.MaxNestingDepth;

        /// <summary>Parses a script.</summary>
        public static SyntaxTree ParseText(string text, string? path = null) => Parser.Parse(SourceText.From(text), path);

        /// <summary>Parses a script read from bytes, keeping how they were encoded so they can be written back unchanged.</summary>
        public static SyntaxTree ParseText(SourceText text, string? path = null) => Parser.Parse(text, path);
    }
}
