namespace ConfigConvert.Fuzz;

/// <summary>
/// One thing to fuzz: <see cref="Run"/> feeds it an input and throws when a property fails (an
/// exception escaping the library is itself such a failure); afl-fuzz records the input as a crash.
/// </summary>
internal abstract class FuzzTarget
{
    /// <summary>The name on the command line (<c>parse</c>, <c>elf</c>...).</summary>
    public abstract string Name { get; }

    /// <summary>What is fuzzed and which properties are checked, for <c>list</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Runs one input; throws <see cref="PropertyViolation"/> (or lets the library's exception out) on failure.</summary>
    public abstract void Run(byte[] input);

    /// <summary>
    /// The afl-fuzz dictionaries of the target's input language (<c>-x</c>): file names under
    /// <c>fuzz/dictionaries</c>, the tokens that mutations splice in.
    /// </summary>
    public virtual IReadOnlyList<string> Dictionaries => [];

    /// <summary>The starting corpus, read from the repository's fixtures (never copied into the repository).</summary>
    public abstract IEnumerable<Seed> Seeds(string repository);
}

/// <summary>A seed input and a name saying where it came from.</summary>
internal sealed record Seed(string Origin, byte[] Content);

/// <summary>A property of a target that an input broke.</summary>
internal sealed class PropertyViolation(string message) : Exception(message);
