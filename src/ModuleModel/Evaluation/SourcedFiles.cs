using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// The files of one module directory that its config sources (<c>. $ngx_addon_dir/lib.sh</c>), parsed once for
/// every world and link mode that sources them. Each world read and parsed the file again: ngx_devel_kit sources
/// 19 KB of shell functions, so each of its three link modes parsed it and laid out its positions anew, and a
/// config that sources a file after its feature tests did so in each of its 64 worlds.
/// </summary>
/// <remarks>
/// A world still reads the file: the tree is reused only while the file holds the same text, so that a file
/// changed between two evaluations of the directory is parsed again. The trees are immutable, and what the
/// evaluation keeps of them (<see cref="SyntaxMemo"/>) is kept with each tree.
/// </remarks>
internal sealed class SourcedFiles
{
    private readonly Dictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);

    /// <summary>The tree of <paramref name="text"/>, read from <paramref name="path"/>: the one parsed before when the text is the same.</summary>
    public SyntaxTree Parse(SourceText text, string path)
    {
        lock (_trees)
        {
            if (_trees.TryGetValue(path, out var parsed) && parsed.Text.Encoding == text.Encoding && string.Equals(parsed.Text.Text, text.Text, StringComparison.Ordinal))
            {
                return parsed;
            }

            parsed = SyntaxTree.ParseText(text, path);
            _trees[path] = parsed;
            return parsed;
        }
    }
}
