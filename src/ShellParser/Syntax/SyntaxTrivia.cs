namespace ConfigConvert.ShellParser;

/// <summary>Text attached to a token that does not change what the script does: spaces, comments, line breaks where any number are allowed, here-document bodies.</summary>
public readonly record struct SyntaxTrivia(SyntaxKind Kind, string Text)
{
    /// <summary>Length in characters.</summary>
    public int FullWidth => Text.Length;

    /// <inheritdoc />
    public override string ToString() => Text;
}
