using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigConvert.Architecture.Tests;

/// <summary>The length of every piece of code that runs as one body: methods, constructors, operators, accessors, local functions, lambdas and expression-bodied properties.</summary>
internal static class MethodLengths
{
    /// <summary>A body and how many lines it spans, from its first line (attributes included, doc comment not) to its last.</summary>
    public sealed record Body(string Path, int Line, string Name, int Lines)
    {
        /// <inheritdoc />
        public override string ToString() => $"{Path}:{Line} {Name}: {Lines} lines";
    }

    /// <summary>Every body in <paramref name="tree"/>; <paramref name="path"/> is how the file is shown.</summary>
    public static IEnumerable<Body> In(SyntaxTree tree, string path)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (NameOf(node) is not { } name)
            {
                continue;
            }

            var span = node.GetLocation().GetLineSpan();
            yield return new Body(path, span.StartLinePosition.Line + 1, name, span.EndLinePosition.Line - span.StartLinePosition.Line + 1);
        }
    }

    private static string? NameOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => $"{TypeOf(node)}.{method.Identifier.Text}",
        ConstructorDeclarationSyntax constructor => $"{TypeOf(node)}.{constructor.Identifier.Text} (constructor)",
        DestructorDeclarationSyntax => $"{TypeOf(node)} (finalizer)",
        OperatorDeclarationSyntax op => $"{TypeOf(node)}.operator {op.OperatorToken.Text}",
        ConversionOperatorDeclarationSyntax conversion => $"{TypeOf(node)}.operator {conversion.Type}",
        AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null }
            => $"{TypeOf(node)}.{MemberOf(node)}.{((AccessorDeclarationSyntax)node).Keyword.Text}",
        PropertyDeclarationSyntax { ExpressionBody: not null } property => $"{TypeOf(node)}.{property.Identifier.Text}",
        IndexerDeclarationSyntax { ExpressionBody: not null } => $"{TypeOf(node)}.this[]",
        LocalFunctionStatementSyntax local => $"{TypeOf(node)}.{EnclosingName(node)}.{local.Identifier.Text} (local function)",
        AnonymousFunctionExpressionSyntax => $"{TypeOf(node)}.{EnclosingName(node)} (lambda)",
        _ => null,
    };

    private static string TypeOf(SyntaxNode node)
        => string.Join('.', node.Ancestors().OfType<BaseTypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.Text));

    private static string MemberOf(SyntaxNode accessor) => accessor.Parent?.Parent switch
    {
        PropertyDeclarationSyntax property => property.Identifier.Text,
        EventDeclarationSyntax e => e.Identifier.Text,
        IndexerDeclarationSyntax => "this[]",
        _ => "?",
    };

    private static string EnclosingName(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method:
                    return method.Identifier.Text;
                case ConstructorDeclarationSyntax constructor:
                    return constructor.Identifier.Text;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.Text;
                case FieldDeclarationSyntax field:
                    return field.Declaration.Variables.First().Identifier.Text;
                case BaseTypeDeclarationSyntax:
                    return "?";
            }
        }

        return "?";
    }
}
