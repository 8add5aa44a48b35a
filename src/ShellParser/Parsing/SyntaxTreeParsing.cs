using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser;

/// <summary>
/// The entry point of the library: <c>SyntaxTree.ParseText</c>, and <c>SyntaxTree.ParseSegments</c>
/// for a reader that needs the statements one at a time and not the whole tree. Declared here, beside
/// the parser, so that the tree's types (Syntax/) do not depend on the parser that builds them.
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

        /// <summary>
        /// Parses a script with the same parser as <c>ParseText</c>, handing out its top-level statements
        /// in <see cref="ScriptSegment"/>s as they are parsed (a segment holds one statement, or several
        /// when a here-document's body follows a later statement of the same line). A caller that drops
        /// each segment once it is done with it, as <c>ngx-convert parse</c> does to report diagnostics
        /// the way <c>dash -n</c> does, needs memory for one statement at a time rather than for the whole
        /// tree. The segments' diagnostics, one after the other, are those of <c>ParseText</c>, in the
        /// same order, with the same positions; their text, one after the other, is the script.
        /// The script is parsed lazily, as the sequence is enumerated; enumerate it once.
        /// </summary>
        public static IEnumerable<ScriptSegment> ParseSegments(SourceText text, string? path = null) => Parser.ParseSegments(text, path);

        /// <summary>
        /// Parses a script into segments, as <see cref="ParseSegments(SourceText, string?)"/> does, reading it from
        /// <paramref name="reader"/> as it is parsed, a window of some tens of thousands of characters at a time: a caller
        /// that drops each segment needs memory for a window and a statement rather than for the whole script. The
        /// segments, their positions and their diagnostics (lines and columns included) are those of the whole
        /// script's parse. The reader is read to its end, lazily, as the sequence is enumerated; enumerate it once.
        /// </summary>
        public static IEnumerable<ScriptSegment> ParseSegments(TextReader reader, string? path = null) => WindowedParse.Segments(reader, path);

        /// <summary>
        /// The diagnostics of a script read from <paramref name="reader"/>: those of
        /// <see cref="ParseSegments(TextReader, string?)"/>, in the same order, with the same positions, for a caller
        /// that wants nothing else, as <c>ngx-convert parse</c> and <c>dash -n</c>. The statements a quick scan proves
        /// free of diagnostics are not built into trees; the parser parses the others. Enumerate the sequence once.
        /// </summary>
        public static IEnumerable<Diagnostic> ParseDiagnostics(TextReader reader, string? path = null) => WindowedParse.Diagnostics(reader, path);

        /// <summary>Parses a script into segments, as <see cref="ParseSegments(SourceText, string?)"/> does.</summary>
        public static IEnumerable<ScriptSegment> ParseSegments(string text, string? path = null) => Parser.ParseSegments(SourceText.From(text), path);
    }
}
