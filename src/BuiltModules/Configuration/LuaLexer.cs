using ConfigConvert.BuiltModules.Prediction;
using Superpower.Model;

namespace ConfigConvert.BuiltModules.Configuration;

/// <summary>
/// Finds the end of a <c>*_by_lua_block { ... }</c> the way lua-nginx-module does
/// (<c>ngx_http_lua_conf_read_lua_token</c>): braces count, except inside Lua strings
/// (<c>'...'</c>, <c>"..."</c>, <c>[[...]]</c>, <c>[==[...]==]</c>) and comments (<c>-- ...</c>,
/// <c>--[[ ... ]]</c>).
/// </summary>
internal static class LuaLexer
{
    public static Result<ConfToken> ReadBlock(TextSpan open)
    {
        var source = open.Source!;
        var i = open.Position.Absolute + 1;
        var depth = 1;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '-' && At(source, i + 1, '-'))
            {
                i = LongBracketLevel(source, i + 2) is { } level ? SkipLongBracket(source, i + 2, level) : SkipLine(source, i + 2);
                continue;
            }

            if (c == '[' && LongBracketLevel(source, i) is { } stringLevel)
            {
                i = SkipLongBracket(source, i, stringLevel);
                continue;
            }

            if (c is '"' or '\'')
            {
                i = SkipString(source, i + 1, c);
                continue;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            i++;
            if (depth == 0)
            {
                return Result.Value(ConfToken.LuaBlock, open, open.Skip(i - open.Position.Absolute));
            }
        }

        return Result.Empty<ConfToken>(open.Skip(source.Length - open.Position.Absolute), NginxMessages.UnexpectedEnd);
    }

    private static bool At(string source, int i, char c) => i < source.Length && source[i] == c;

    /// <summary>The number of <c>=</c> of a long bracket <c>[==[</c> starting at <paramref name="i"/>, or null.</summary>
    private static int? LongBracketLevel(string source, int i)
    {
        if (!At(source, i, '['))
        {
            return null;
        }

        var j = i + 1;
        while (At(source, j, '='))
        {
            j++;
        }

        return At(source, j, '[') ? j - i - 1 : null;
    }

    private static int SkipLongBracket(string source, int i, int level)
    {
        var close = "]" + new string('=', level) + "]";
        var end = source.IndexOf(close, i + level + 2, StringComparison.Ordinal);
        return end < 0 ? source.Length : end + close.Length;
    }

    private static int SkipLine(string source, int i)
    {
        var end = source.IndexOf('\n', i);
        return end < 0 ? source.Length : end + 1;
    }

    private static int SkipString(string source, int i, char quote)
    {
        while (i < source.Length && source[i] != quote && source[i] != '\n')
        {
            i += source[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i + 1, source.Length);
    }
}
