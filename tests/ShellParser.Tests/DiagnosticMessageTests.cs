namespace ConfigConvert.ShellParser.Tests;

/// <summary>Whole messages are pinned: they are what people read.</summary>
public sealed class DiagnosticMessageTests
{
    [Theory]
    [InlineData("if true; then fi\n", "config(1,15): error CC1001: unexpected `fi`, expected a command after `then`")]
    [InlineData("if true; then echo\n", "config(1,1): error CC1002: `if` statement must end with `fi`")]
    [InlineData("if true\necho\nfi\n", "config(3,1): error CC1001: unexpected `fi`, expected `then`")]
    [InlineData("fi\n", "config(1,1): error CC1001: unexpected `fi`")]
    [InlineData("echo 'abc\n", "config(1,6): error CC1003: reached the end of the file inside a single-quoted string opened here")]
    [InlineData("x=\"abc\n", "config(1,3): error CC1003: reached the end of the file inside a double-quoted string opened here")]
    [InlineData("x=`echo\n", "config(1,3): error CC1004: reached the end of the file inside a backquote substitution opened here")]
    [InlineData("x=$(echo\n", "config(1,3): error CC1002: `$(` must end with `)`")]
    [InlineData("x=${y\n", "config(1,3): error CC1002: `${` must end with `}`")]
    [InlineData("x=$((1 + 2)\n", "config(1,3): error CC1005: `$((` must end with `))`")]
    [InlineData("for 1x in a; do :; done\n", "config(1,5): error CC1006: `1x` is not a valid loop variable name")]
    [InlineData("case x in a) echo\n", "config(1,1): error CC1002: `case` statement must end with `esac`")]
    [InlineData("while true; do\n", "config(2,1): error CC1001: unexpected end of file, expected a command after `do`")]
    [InlineData("while true; do\n", "config(1,1): error CC1002: `while` loop must end with `done`")]
    [InlineData("x=${y:}\n", "config(1,3): error CC1002: `${` must end with `}`")]
    [InlineData("! ! true\n", "config(1,3): error CC1001: unexpected `!`, expected a command")]
    [InlineData("a &&\n", "config(2,1): error CC1001: unexpected end of file, expected a command")]
    [InlineData("echo >\n", "config(1,7): error CC1001: unexpected line break, expected a word after `>`")]
    [InlineData("( )\n", "config(1,3): error CC1001: unexpected `)`, expected a command after `(`")]
    [InlineData("a=(1 2)\n", "config(1,3): error CC1001: unexpected `(`, expected `;` or a line break")]
    [InlineData("function f { echo; }\n", "config(1,20): error CC1001: unexpected `}`")]
    [InlineData("function f() {\n  echo\n}\n", "config(1,11): error CC1001: unexpected `(`, expected `;` or a line break")]
    [InlineData("cat <<< x\n", "config(1,7): error CC1001: unexpected `<`, expected a word after `<<`")]
    [InlineData("echo ${a b}\n", "config(1,6): warning CC1008: `${a ...}` is not a valid parameter expansion; /bin/sh fails with \"Bad substitution\" when it runs this line")]
    [InlineData("x=`echo a ) b`\n", "config(1,11): warning CC1010: /bin/sh stops reading this backquote substitution at `)` and ignores the rest of it")]
    [InlineData("cat <<EOF\nbody\n", "config(1,5): warning CC1009: here-document delimited by `EOF` is not terminated before the end of the file")]
    [InlineData("x=$(cat <<EOF)\nbody\nEOF\n", "config(1,9): warning CC1009: here-document delimited by `EOF` is not terminated before the end of the file")]
    [InlineData("echo \"${x%'a}\"\n", "config(1,11): error CC1003: reached the end of the file inside a single-quoted string opened here")]
    public void Message(string text, string expected)
    {
        var tree = SyntaxTree.ParseText(text, "config");
        Assert.Contains(expected, tree.GetDiagnostics().Select(d => d.ToString()));
        Assert.Equal(text, tree.GetRoot().ToFullString());
    }

    /// <summary>
    /// A construct whose next keyword is missing at the end of the file is reported once, as dash
    /// reports it once: not again for its closing keyword, nor for the empty list after the missing
    /// keyword. A `then` that CR LF line endings make `then\r` is the common case.
    /// </summary>
    [Theory]
    [InlineData("if x; thenX\n echo a\n", "config(1,1): error CC1002: `if` statement must end with `fi`")]
    [InlineData("if x; then\r\n echo a\n", "config(1,1): error CC1002: `if` statement must end with `fi`", "config(1,11): warning CC1103: line ends with a carriage return (CRLF line endings); /bin/sh reads it as part of the last word")]
    [InlineData("if a; then b; elif c\n", "config(1,1): error CC1002: `if` statement must end with `fi`")]
    [InlineData("while a; doX\n", "config(1,1): error CC1002: `while` loop must end with `done`")]
    [InlineData("for i in a b; doX\n", "config(1,1): error CC1002: `for` loop must end with `done`", "config(1,15): error CC1001: unexpected `doX`, expected `do`")]
    [InlineData("while if x; thenX\n", "config(1,1): error CC1002: `while` loop must end with `done`", "config(1,7): error CC1002: `if` statement must end with `fi`")]
    [InlineData("while true; do if x; thenX\n", "config(1,1): error CC1002: `while` loop must end with `done`", "config(1,16): error CC1002: `if` statement must end with `fi`")]
    public void An_unterminated_construct_is_reported_once(string text, params string[] expected)
    {
        var tree = SyntaxTree.ParseText(text, "config");
        Assert.Equal(expected, tree.GetDiagnostics().Select(d => d.ToString()));
        Assert.Equal(text, tree.GetRoot().ToFullString());
    }
}
