using System.Text;
using ConfigConvert.TestSupport;
using Xunit.Sdk;

namespace ConfigConvert.Architecture.Tests;

/// <summary>
/// The golden-file helper writes into the source tree only when asked to (UPDATE_GOLDEN=1): a
/// mismatch, or a golden file that does not exist yet, leaves the file as it would be under the test's
/// output directory and says where.
/// </summary>
public sealed class GoldenTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cc-golden-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_mismatch_writes_the_actual_file_under_the_test_output_and_leaves_the_golden_file_alone()
    {
        var path = Path.Combine(_directory.FullName, "case.golden");
        const string original = "A case.\n-- output --\nexpected\n";
        File.WriteAllText(path, original);
        var golden = Golden.Load(path);

        if (Golden.Updating)
        {
            golden.AssertSection("output", "actual\n");
            Assert.Equal("A case.\n-- output --\nactual\n", File.ReadAllText(path));
            return;
        }

        var failure = Assert.Throws<FailException>(() => golden.AssertSection("output", "actual\n"));
        Assert.Contains(golden.ActualPath, failure.Message, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(AppContext.BaseDirectory, "golden-actual") + Path.DirectorySeparatorChar, golden.ActualPath, StringComparison.Ordinal);
        Assert.Equal("A case.\n-- output --\nactual\n", File.ReadAllText(golden.ActualPath, Encoding.UTF8));
        Assert.Equal(original, File.ReadAllText(path));
        Assert.Equal(["case.golden"], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void A_golden_file_under_the_repository_keeps_its_path_below_the_output_directory()
    {
        var golden = Golden.LoadOrStart(RepoPaths.Combine("tests", "Converter.Tests", "Golden", "cases", "no-such-case.golden"), "Nothing.\n");
        Assert.Equal(
            Path.Combine(AppContext.BaseDirectory, "golden-actual", "tests", "Converter.Tests", "Golden", "cases", "no-such-case.golden.actual"),
            golden.ActualPath);
    }

    [Fact]
    public void A_missing_golden_file_fails_and_is_not_created_unless_updating()
    {
        var path = Path.Combine(_directory.FullName, "new.golden");
        var golden = Golden.LoadOrStart(path, "A new case.\n");
        Assert.False(golden.Exists);

        if (Golden.Updating)
        {
            golden.AssertSection("output", "same\n", whenMissing: "same\n");
            Assert.Equal("A new case.\n", File.ReadAllText(path));
            return;
        }

        // Even when every section would match, a golden test without its file pins nothing.
        var failure = Assert.Throws<FailException>(() => golden.AssertSection("output", "same\n", whenMissing: "same\n"));
        Assert.Contains("does not exist", failure.Message, StringComparison.Ordinal);
        Assert.Contains(golden.ActualPath, failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Equal("A new case.\n", File.ReadAllText(golden.ActualPath));
    }
}
