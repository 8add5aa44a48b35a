using ConfigConvert.Converter;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// <c>check --fix</c> on the fixtures: idempotent, atomic, and it never touches a file it cannot prove
/// it changed correctly. (Whether the fixed module is right is proven by the real nginx in
/// <see cref="FixProofTests"/>; here, what happens to the files.)
/// </summary>
public sealed class FixSafetyTests
{
    private const UnixFileMode OwnerReadWriteGroupRead = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    private static readonly DateTime LongAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    public static TheoryData<string> Fixtures => [.. CheckFixtures.WithCFixes];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Check_fix_converts_the_config_exactly_as_the_converter_does(string fixture)
    {
        using var module = CheckFixtures.Copy(fixture);
        var conversion = ConfigConverter.Convert(ModuleDirectory.Load(module.Path));
        Assert.Equal(ConversionStatus.Converted, conversion.Status);
        FixRunner.Fix(module.Path);
        Assert.Equal(conversion.ConvertedBytes, File.ReadAllBytes(Path.Combine(module.Path, "config")));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_second_fix_run_finds_nothing_left_to_fix_and_writes_nothing(string fixture)
    {
        using var module = CheckFixtures.Copy(fixture);
        var first = FixRunner.Fix(module.Path);
        Assert.NotEmpty(first.ChangedFiles);

        var files = Snapshot(module.Path);
        foreach (var file in files.Keys)
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        var second = FixRunner.Fix(module.Path);
        Assert.Empty(second.ChangedFiles);
        Assert.Empty(second.Modules.SelectMany(m => m.Fixed));
        Assert.DoesNotContain(second.Diagnostics, d => !d.Fixes.IsEmpty);
        Assert.Equal(files, Snapshot(module.Path));
        Assert.All(files.Keys, file => Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(file)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fix_replaces_each_file_whole_and_keeps_its_mode_and_leaves_no_temporary_file(string fixture)
    {
        using var module = CheckFixtures.Copy(fixture);
        var before = Snapshot(module.Path);
        foreach (var file in before.Keys)
        {
            File.SetUnixFileMode(file, OwnerReadWriteGroupRead);
        }

        var held = before.Keys.ToDictionary(f => f, f => new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        CheckReport report;
        try
        {
            report = FixRunner.Fix(module.Path);

            // A reader that opened a file before the fix still reads all of the old text: the new text went
            // to a new file renamed over the old one, so no reader ever sees a file half written.
            foreach (var (file, stream) in held)
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                Assert.Equal(before[file], copy.ToArray());
            }
        }
        finally
        {
            foreach (var stream in held.Values)
            {
                stream.Dispose();
            }
        }

        Assert.NotEmpty(report.ChangedFiles);
        var after = Snapshot(module.Path);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(report.ChangedFiles, file => Assert.NotEqual(before[file], after[file]));
        Assert.All(after.Keys.Except(report.ChangedFiles), file => Assert.Equal(before[file], after[file]));
        Assert.All(after.Keys, file => Assert.Equal(OwnerReadWriteGroupRead, File.GetUnixFileMode(file)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_read_only_file_is_left_as_it_is(string fixture)
    {
        using var module = CheckFixtures.Copy(fixture);
        using var writable = CheckFixtures.Copy(fixture);
        var probe = FixRunner.Fix(writable.Path);
        var before = Snapshot(module.Path);
        var readOnly = before.Keys.ToList();
        foreach (var file in readOnly)
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var report = FixRunner.Fix(module.Path);
        Assert.All(readOnly, file => Assert.Equal(before[file], File.ReadAllBytes(file)));
        Assert.DoesNotContain(report.ChangedFiles, readOnly.Contains);

        // The same files, writable, are fixed.
        Assert.NotEmpty(probe.ChangedFiles);
    }

    private static SortedDictionary<string, byte[]> Snapshot(string directory)
        => new(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes), StringComparer.Ordinal);
}
