using System.Collections.Concurrent;
using ConfigConvert.Analyzers.Preprocessor;
using ConfigConvert.CSources;

namespace ConfigConvert.Analyzers.Framework;

/// <summary>
/// One C source or header of a module, tokenized once for every rule that reads it, and able to say which
/// of its code is compiled for the target nginx versions.
/// </summary>
internal sealed class CSourceDocument(string relativePath, CSourceFile file)
{
    private readonly ConcurrentDictionary<NginxVersionRange, ScopeDecider> _deciders = new();
    private readonly ConcurrentDictionary<(Type Kind, NginxVersionRange Target), object> _analyses = new();

    /// <summary>The path relative to the module directory, with forward slashes.</summary>
    public string RelativePath { get; } = relativePath;

    /// <summary>The tokenized file; its <see cref="CSourceFile.Path"/> is the full path, which locations use.</summary>
    public CSourceFile File { get; } = file;

    /// <summary>
    /// Whether token <paramref name="tokenIndex"/> is compiled for every version of <paramref name="target"/>
    /// (<see cref="ConditionTruth.True"/>), for none (<see cref="ConditionTruth.False"/>: legacy code under
    /// <c>#if (nginx_version &lt; 1009011)</c> or its <c>#else</c>), or depends on what the check cannot know.
    /// </summary>
    public ConditionTruth GetCompilation(int tokenIndex, NginxVersionRange target)
        => GetCompilation(File.GetConditionScope(tokenIndex), target);

    /// <summary>Whether code in <paramref name="scope"/> (null: outside any conditional group) is compiled for <paramref name="target"/>, as <see cref="GetCompilation(int, NginxVersionRange)"/>.</summary>
    public ConditionTruth GetCompilation(CConditionScope? scope, NginxVersionRange target)
        => DeciderFor(target).Decide(scope);

    /// <summary>True unless token <paramref name="tokenIndex"/> is compiled for none of the target versions: unknown code is analyzed.</summary>
    public bool IsCompiled(int tokenIndex, NginxVersionRange target) => GetCompilation(tokenIndex, target) != ConditionTruth.False;

    /// <summary>
    /// What <paramref name="analyze"/> finds in this file for <paramref name="target"/>, computed once however
    /// many rules ask: rules that share an analysis (where the cycle is in scope, which loops count modules)
    /// then agree on it.
    /// </summary>
    public T GetAnalysis<T>(NginxVersionRange target, Func<CSourceDocument, NginxVersionRange, T> analyze)
        where T : class
        => (T)_analyses.GetOrAdd((typeof(T), target), key => analyze(this, key.Target));

    /// <summary>
    /// Decides in two passes: the file's own macros defined for every target first, then every scope with
    /// them, so that <c>defined(X)</c> of a macro the file defines under a version test is decided too.
    /// </summary>
    private ScopeDecider DeciderFor(NginxVersionRange target)
        => _deciders.GetOrAdd(target, t =>
        {
            var plain = new ScopeDecider(new ConditionEvaluator(t.Minimum, t.Maximum));
            return new ScopeDecider(new ConditionEvaluator(t.Minimum, t.Maximum, FileMacros.DefinedFor(File, plain)));
        });
}
