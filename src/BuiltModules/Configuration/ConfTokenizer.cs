using ConfigConvert.BuiltModules.Prediction;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace ConfigConvert.BuiltModules.Configuration;

/// <summary>The tokens of an nginx configuration file.</summary>
internal enum ConfToken
{
    /// <summary>An unquoted parameter (escapes and <c>${var}</c> included).</summary>
    Word,

    /// <summary>A parameter in double or single quotes.</summary>
    Quoted,

    Semicolon,
    OpenBrace,
    CloseBrace,

    /// <summary>The body of a <c>*_by_lua_block { ... }</c>, braces included: Lua, read by lua-nginx-module's own lexer.</summary>
    LuaBlock,
}

/// <summary>
/// nginx's tokenizer (<c>ngx_conf_read_token</c> in src/core/ngx_conf_file.c): parameters end at
/// whitespace, <c>;</c> or <c>{</c> (a <c>}</c> or <c>#</c> inside a parameter is part of it, a
/// <c>{</c> right after <c>$</c> starts <c>${var}</c>); <c>#</c> starts a comment only where a
/// parameter could start; a backslash escapes the next character; a quoted parameter must be
/// followed by whitespace, <c>;</c>, <c>{</c> or <c>)</c>. Comments are skipped. Like
/// lua-nginx-module, the block of a directive named <c>*_by_lua_block</c> is read as Lua (strings,
/// long brackets, comments), so braces in Lua strings do not end it.
/// </summary>
internal sealed class ConfTokenizer : Tokenizer<ConfToken>
{
    private static readonly TextParser<TextSpan> Comment = Superpower.Parsers.Comment.ToEndOfLine(Span.EqualTo("#"));

    public static ConfTokenizer Instance { get; } = new();

    /// <summary>The tokens of <paramref name="text"/> up to the first error, and that error (message and where), if any.</summary>
    public static (List<Token<ConfToken>> Tokens, (string Message, Position Where)? Error) Scan(string text)
    {
        var tokens = new List<Token<ConfToken>>();
        foreach (var result in Instance.Tokenize(new TextSpan(text)))
        {
            if (!result.HasValue)
            {
                return (tokens, (result.ErrorMessage ?? NginxMessages.UnexpectedEnd, result.Remainder.Position));
            }

            tokens.Add(new Token<ConfToken>(result.Value, result.Location.Until(result.Remainder)));
        }

        return (tokens, null);
    }

    protected override IEnumerable<Result<ConfToken>> Tokenize(TextSpan span)
    {
        var next = SkipWhiteSpace(span);
        string? firstWord = null;
        while (next.HasValue)
        {
            var start = next.Location;
            Result<ConfToken> token;
            switch (next.Value)
            {
                case '#':
                    next = SkipWhiteSpace(Comment(start).Remainder);
                    continue;
                case ';':
                    token = Result.Value(ConfToken.Semicolon, start, next.Remainder);
                    break;
                case '{' when firstWord is not null && firstWord.EndsWith("_by_lua_block", StringComparison.Ordinal):
                    token = LuaLexer.ReadBlock(start);
                    break;
                case '{':
                    token = Result.Value(ConfToken.OpenBrace, start, next.Remainder);
                    break;
                case '}':
                    token = Result.Value(ConfToken.CloseBrace, start, next.Remainder);
                    break;
                case '"' or '\'':
                    token = ReadQuoted(start, next.Value);
                    break;
                default:
                    token = ReadWord(start);
                    break;
            }

            yield return token;
            if (!token.HasValue)
            {
                yield break;
            }

            firstWord = token.Value switch
            {
                ConfToken.Word or ConfToken.Quoted => firstWord ?? token.Location.Until(token.Remainder).ToStringValue(),
                _ => null,
            };
            next = SkipWhiteSpace(token.Remainder);
        }
    }

    private static Result<ConfToken> ReadWord(TextSpan start)
    {
        var rest = start;
        var variable = false;
        while (!rest.IsAtEnd)
        {
            var c = rest.ConsumeChar();
            if (c.Value == '{' && variable)
            {
                rest = c.Remainder;
                variable = false;
                continue;
            }

            if (char.IsWhiteSpace(c.Value) || c.Value is ';' or '{')
            {
                break;
            }

            variable = c.Value == '$';
            rest = c.Value == '\\' && !c.Remainder.IsAtEnd ? c.Remainder.ConsumeChar().Remainder : c.Remainder;
        }

        return Result.Value(ConfToken.Word, start, rest);
    }

    private static Result<ConfToken> ReadQuoted(TextSpan start, char quote)
    {
        var rest = start.ConsumeChar().Remainder;
        while (!rest.IsAtEnd)
        {
            var c = rest.ConsumeChar();
            if (c.Value == '\\' && !c.Remainder.IsAtEnd)
            {
                rest = c.Remainder.ConsumeChar().Remainder;
                continue;
            }

            rest = c.Remainder;
            if (c.Value == quote)
            {
                if (!rest.IsAtEnd && !char.IsWhiteSpace(rest.ConsumeChar().Value) && rest.ConsumeChar().Value is not (';' or '{' or ')'))
                {
                    return Result.Empty<ConfToken>(rest, NginxMessages.Unexpected(rest.ConsumeChar().Value));
                }

                return Result.Value(ConfToken.Quoted, start, rest);
            }
        }

        return Result.Empty<ConfToken>(rest, NginxMessages.UnexpectedEnd);
    }

    /// <summary>The value nginx gives a parameter: quotes removed, <c>\"</c> <c>\'</c> <c>\\</c> <c>\t</c> <c>\r</c> <c>\n</c> unescaped.</summary>
    public static string Value(Token<ConfToken> token)
    {
        var raw = token.ToStringValue();
        if (token.Kind == ConfToken.Quoted)
        {
            raw = raw[1..^1];
        }

        var value = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length)
            {
                switch (raw[i + 1])
                {
                    case '"' or '\'' or '\\':
                        i++;
                        break;
                    case 't':
                        value.Append('\t');
                        i++;
                        continue;
                    case 'r':
                        value.Append('\r');
                        i++;
                        continue;
                    case 'n':
                        value.Append('\n');
                        i++;
                        continue;
                }
            }

            value.Append(raw[i]);
        }

        return value.ToString();
    }
}
