using System.Text;
using ConfigConvert.TestSupport;

namespace ConfigConvert.CSources.Tests;

/// <summary>
/// Raw strings are read as gcc reads them: in the GNU C that nginx is compiled as (configure passes no <c>-std</c>)
/// and in C++; digit separators in C++ only. Each file goes to the compiler with <c>-fsyntax-only</c>; the index must report an unterminated
/// literal exactly when the compiler rejects the file, and a raw string's quotes and lines must hide nothing.
/// </summary>
public sealed class RawStringCompilerAgreementTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-raw-strings-" + Guid.NewGuid().ToString("N"));

    public RawStringCompilerAgreementTests() => Directory.CreateDirectory(_root);

    public static TheoryData<string, string> Files => new()
    {
        { "quotes and a line break", "const char *q = R\"sql(SELECT \"a\" -- it's\n#FROM b)\" )sql\";\nint after;\n" },
        { "every prefix", "#include <stddef.h>\nconst wchar_t *a = LR\"(\"a\")\";\nconst char *b = u8R\"(\"b\")\";\nconst void *c = uR\"(\"c\")\";\nconst void *d = UR\"--(\"d\")--\";\n" },
        { "a delimiter of sixteen characters", "const char *q = R\"abcdefghijklmnop(\")abcdefghijklmno\")abcdefghijklmnop\";\n" },
        { "a raw string never closed", "const char *q = R\"x(never \"closed\"\n)\";\nint after;\n" },
        { "digit separators, C++ only", "long a = 1'000'000;\nlong b = 0x1'0;\n" },
        { "a name ending in R before a string", "#define BAR \"R\"\nconst char *q = BAR\"x(\";\nint after;\n" },
    };

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [MemberData(nameof(Files))]
    [Trait("Requires", "cc")]
    public void The_index_reports_an_unterminated_literal_exactly_when_gcc_rejects_the_file(string name, string source)
    {
        foreach (var (language, extension) in new[] { ("c", ".c"), ("c++", ".cc") })
        {
            var path = Path.Combine(_root, "raw" + extension);
            File.WriteAllText(path, source);
            var compiler = ExternalTool.Run(ExternalTool.Require("gcc", "apt-get install build-essential"), ["-fsyntax-only", "-x", language, path]);

            var file = Assert.Single(CSourceIndex.Build([("raw" + extension, Encoding.UTF8.GetBytes(source))]).SourceFiles);
            var unterminated = file.Tokens.Any(t => t.IsUnterminated);
            Assert.True(unterminated == (compiler.ExitCode != 0), $"{name} ({language}): index unterminated={unterminated}, gcc exit {compiler.ExitCode}: {compiler.StandardError}");
        }
    }
}
