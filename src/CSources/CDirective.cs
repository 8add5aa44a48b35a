using System.Collections.Immutable;
using System.Text;
using ConfigConvert.Text;

namespace ConfigConvert.CSources;

/// <summary>
/// A preprocessor line taken apart: its name (<c>define</c>, <c>if</c>, <c>endif</c>...) and the tokens
/// after the name. Comments and backslash-newlines are gone from both.
/// </summary>
internal readonly struct CDirective
{
    private readonly string _text;

    private CDirective(string text, string name, TextSpan nameSpan, ImmutableArray<CToken> body)
    {
        _text = text;
        Name = name;
        NameSpan = nameSpan;
        Body = body;
    }

    /// <summary>The directive's name, or empty for a null directive (<c>#</c> alone) or a line marker (<c># 12 "file.c"</c>).</summary>
    public string Name { get; }

    /// <summary>Where the name is (empty when there is none).</summary>
    public TextSpan NameSpan { get; }

    /// <summary>The tokens after the name.</summary>
    public ImmutableArray<CToken> Body { get; }

    /// <summary>Takes apart the directive token <paramref name="directive"/> of <paramref name="text"/>.</summary>
    public static CDirective Parse(string text, CToken directive)
    {
        // Skip the `#` itself: inside the range it would be read as a stringizing operator.
        var tokens = CTokenizer.TokenizeRange(text, TextSpan.FromBounds(directive.Start + 1, directive.End));
        if (tokens.Length > 0 && tokens[0].Kind == CTokenKind.Identifier)
        {
            return new CDirective(text, CTokenizer.GetText(text, tokens[0]), tokens[0].Span, tokens.RemoveAt(0));
        }

        return new CDirective(text, string.Empty, new TextSpan(directive.Start + 1, 0), tokens);
    }

    /// <summary>
    /// Just the name of a directive, without tokenizing its body: the common <c>#if</c>, <c>#  endif</c>
    /// spellings are read in place, anything odder (a comment or continuation before the name) is parsed.
    /// </summary>
    public static string GetName(string text, CToken directive)
    {
        var end = directive.End;
        var i = directive.Start + 1;
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        var nameStart = i;
        while (i < end && text[i] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
        {
            i++;
        }

        if (i == end || text[i] is ' ' or '\t' or '(' or '"' or '<' or '!')
        {
            return nameStart == i || !char.IsAsciiLetter(text[nameStart]) ? Parse(text, directive).Name : NameOf(text, nameStart, i);
        }

        return Parse(text, directive).Name;
    }

    /// <summary>
    /// The text after the name with comments and continuations removed and each run of blanks between
    /// tokens made one space: <c>#if  (NGX_HTTP_SSL) /* ssl */</c> gives <c>(NGX_HTTP_SSL)</c>.
    /// </summary>
    public string GetBodyText() => JoinTokens(_text, Body.AsSpan());

    /// <summary>The tokens' texts, with one space wherever the source had anything between two tokens.</summary>
    public static string JoinTokens(string text, ReadOnlySpan<CToken> tokens)
    {
        if (tokens.Length == 1)
        {
            return CTokenizer.GetText(text, tokens[0]);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0 && tokens[i].Start > tokens[i - 1].End)
            {
                builder.Append(' ');
            }

            builder.Append(CTokenizer.GetText(text, tokens[i]));
        }

        return builder.ToString();
    }

    private static string NameOf(string text, int start, int end)
    {
        // Directive names are few; returning the interned literal saves a string per directive.
        var span = text.AsSpan(start, end - start);
        return span switch
        {
            "if" => "if",
            "ifdef" => "ifdef",
            "ifndef" => "ifndef",
            "elif" => "elif",
            "else" => "else",
            "endif" => "endif",
            "define" => "define",
            "include" => "include",
            "undef" => "undef",
            _ => span.ToString(),
        };
    }
}
