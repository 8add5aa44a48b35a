using ConfigConvert.Diagnostics;
using ConfigConvert.TestSupport;

namespace ConfigConvert.BuiltModules.Tests;

/// <summary>
/// Files that are no nginx module each get one clear diagnostic, the other files are still read, and
/// against nginx the prediction is glibc's own reason as nginx prints it.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private const string Module = "/usr/lib/nginx/modules/ngx_stream_module.so";
    private readonly string _root = Directory.CreateTempSubdirectory("cc-bad-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Trait("Requires", "nginx")]
    [Fact]
    public void Each_bad_file_gets_its_diagnostic_and_the_good_one_is_still_read()
    {
        var files = BadFiles();
        var report = BuiltModuleInspector.Inspect([.. files.Values, Module]);
        var byPath = report.SharedObjects.ToDictionary(s => s.Path);
        foreach (var (expectedId, path) in files)
        {
            var diagnostic = Assert.Single(byPath[path].Diagnostics);
            Assert.Equal(expectedId[..6], diagnostic.Id);
            Assert.False(byPath[path].IsModule);
            Assert.False(byPath[path].ModuleListRead);
        }

        Assert.Contains("only 64-bit little-endian x86-64", byPath[files["CC6004 32-bit"]].Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("a 32-bit ELF (ELFCLASS32)", byPath[files["CC6004 32-bit"]].Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("a big-endian ELF (ELFDATA2MSB)", byPath[files["CC6004 big-endian"]].Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("AArch64", byPath[files["CC6004 aarch64"]].Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(20, byPath[Module].Modules.Length);
        Assert.True(byPath[Module].ModuleListRead);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Against_nginx_each_bad_file_fails_with_the_words_nginx_prints()
    {
        var files = BadFiles();
        files.Remove("CC6003 truncated");
        var report = BuiltModuleInspector.Inspect([.. files.Values], RealNginx.Binary);
        foreach (var outcome in report.Outcomes)
        {
            Assert.True(outcome.Failure is { IsNginxMessage: true }, outcome.Argument);
            if (Directory.Exists(outcome.FullPath) || !File.Exists(outcome.FullPath))
            {
                continue;
            }

            var nginx = RealNginx.Load(outcome.FullPath);
            Assert.Equal(nginx?.Message, outcome.Failure!.Message);
        }
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_list_that_lists_nothing_is_a_warning_and_nginx_loads_it()
    {
        // Found by the elf fuzz target: such a file was predicted refused, and the real nginx loads it.
        var source = Path.Combine(_root, "empty.c");
        File.WriteAllText(source, "void *ngx_modules[] = { 0 };\nchar *ngx_module_names[] = { 0 };\nchar *ngx_module_order[] = { 0 };\n");
        var empty = Path.Combine(_root, "ngx_empty_module.so");
        var compiled = ExternalTool.Run(ExternalTool.Require("cc", "apt-get install -y build-essential"), ["-shared", "-fPIC", "-o", empty, source]);
        Assert.True(compiled.ExitCode == 0, compiled.StandardError);

        var report = BuiltModuleInspector.Inspect([empty], RealNginx.Binary);
        var sharedObject = Assert.Single(report.SharedObjects);
        Assert.True(sharedObject.ModuleListRead);
        Assert.False(sharedObject.IsModule);
        var warning = Assert.Single(sharedObject.Diagnostics);
        Assert.Equal(("CC6011", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Null(Assert.Single(report.Outcomes).Failure);
        Assert.Null(RealNginx.Load(empty));
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_program_is_no_module_even_when_it_exports_the_module_list_and_nginx_refuses_it_as_predicted()
    {
        // nginx exports ngx_modules[] (-Wl,-E), so its binary read as a module listed its 71 static modules.
        var program = Path.Combine(_root, "ngx_program_module.so");
        var source = Path.Combine(_root, "program.c");
        File.WriteAllText(source, "void *ngx_modules[] = { 0 };\nchar *ngx_module_names[] = { 0 };\nint main(void) { return 0; }\n");
        var compiled = ExternalTool.Run(ExternalTool.Require("cc", "apt-get install -y build-essential"), ["-no-pie", "-rdynamic", "-o", program, source]);
        Assert.True(compiled.ExitCode == 0, compiled.StandardError);

        var report = BuiltModuleInspector.Inspect([RealNginx.Binary, program], RealNginx.Binary);
        foreach (var (file, kind) in new[] { (RealNginx.Binary, "a position-independent executable"), (program, "an executable program (ET_EXEC)") })
        {
            var sharedObject = Assert.Single(report.SharedObjects, s => s.Path == file);
            Assert.False(sharedObject.IsModule);
            var error = Assert.Single(sharedObject.Diagnostics);
            Assert.Equal("CC6012", error.Id);
            Assert.Contains($"is {kind}", error.Message, StringComparison.Ordinal);
            var outcome = Assert.Single(report.Outcomes, o => o.FullPath == file);
            var nginx = RealNginx.Load(file);
            Assert.NotNull(nginx);
            Assert.Equal(nginx.Message, outcome.Failure?.Message);
        }
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_truncated_module_is_not_given_words_nginx_may_never_say()
    {
        var truncated = BadFiles()["CC6003 truncated"];
        var outcome = Assert.Single(BuiltModuleInspector.Inspect([truncated], RealNginx.Binary).Outcomes);
        Assert.False(outcome.Failure!.IsNginxMessage);
        Assert.Null(outcome.NginxSays);
        Assert.Contains("truncated", outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Theory]
    [InlineData("e_shoff past the file, e_shnum 0", 40, 1_022_361_624L, 8, "its section header table starts at byte 1022361624, past the end of the file")]
    [InlineData("e_ehsize 0", 52, 0L, 2, "its header says it is 0 bytes long, not 64")]
    [InlineData("e_shentsize 19696", 58, 19_696L, 2, "its section headers are 19696 bytes each, not 64")]
    [InlineData("e_phentsize 57", 54, 57L, 2, "its program headers are 57 bytes each, not 56")]
    [InlineData("e_shnum 0: section 0's size counts them", 60, 0L, 2, "entries starting at byte")]
    public void A_header_that_sends_the_reader_astray_is_refused_before_it_reads(string what, int offset, long value, int width, string detail)
    {
        // Found by the elf fuzz target: a 523-byte file whose e_shoff said 1 GB made the reader take 1 GB and 5 s.
        RealNginx.Require();
        var bytes = File.ReadAllBytes(Module);
        var field = bytes.AsSpan(offset, width);
        if (width == 8)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(field, value);
        }
        else
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)value);
        }

        if (what.StartsWith("e_shnum 0", StringComparison.Ordinal))
        {
            // Section 0's sh_size, where the extended numbering keeps the count: far more than the file holds.
            var table = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(40));
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan((int)table + 32), long.MaxValue);
        }

        var sharedObject = Assert.Single(BuiltModuleInspector.Inspect([Write(what.Replace(' ', '-').Replace(':', '-') + ".so", bytes)]).SharedObjects);
        var diagnostic = Assert.Single(sharedObject.Diagnostics);
        Assert.Equal("CC6003", diagnostic.Id);
        Assert.Contains(detail, diagnostic.Message, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_size_inside_a_section_is_not_taken_at_its_word()
    {
        // Found by the elf fuzz target: a note whose descriptor size said 1.1 GB in a 19 KB file made the reader
        // allocate that much before it found the file shorter.
        RealNginx.Require();
        var bytes = File.ReadAllBytes(Module);
        var table = (int)System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(40));
        var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(60));
        var note = Enumerable.Range(0, count).Select(i => bytes.AsSpan(table + (i * 64)).ToArray())
            .First(header => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)) == 7);
        var offset = (int)System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(note.AsSpan(24));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 4), 0x4200_0000);
        var path = Write("huge-note.so", bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sharedObject = Assert.Single(BuiltModuleInspector.Inspect([path]).SharedObjects);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("CC6003", Assert.Single(sharedObject.Diagnostics).Id);
        Assert.True(allocated < 64L << 20, $"reading a {bytes.Length}-byte file allocated {allocated} bytes");
    }

    [Fact]
    public void A_binary_that_is_not_nginx_cannot_be_checked_against()
    {
        var report = BuiltModuleInspector.Inspect([Module], Module);
        Assert.False(report.Nginx!.IsUsable);
        Assert.Equal("CC6008", Assert.Single(report.Nginx.Diagnostics).Id);
        Assert.Empty(report.Outcomes);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Cut_and_corrupted_modules_never_throw()
    {
        RealNginx.Require();
        var bytes = File.ReadAllBytes(Module);
        var random = new Random(11);
        var paths = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var copy = bytes[..random.Next(1, bytes.Length)];
            for (var flips = random.Next(0, 40); flips > 0; flips--)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            paths.Add(Write($"mutant-{i}.so", copy));
        }

        var report = BuiltModuleInspector.Inspect(paths, RealNginx.Binary);
        Assert.Equal(paths.Count, report.Outcomes.Length);
        Assert.All(report.SharedObjects, s => Assert.True(s.IsModule || !s.Diagnostics.IsEmpty, s.Path));
    }

    /// <summary>Bad files made here, keyed by the expected id and a word.</summary>
    private Dictionary<string, string> BadFiles()
    {
        RealNginx.Require();
        ExternalTool.Require("as", "apt-get install -y binutils");
        var bytes = File.ReadAllBytes(Module);
        var files = new Dictionary<string, string>
        {
            ["CC6001 missing"] = Path.Combine(_root, "missing.so"),
            ["CC6001 directory"] = Directory.CreateDirectory(Path.Combine(_root, "directory.so")).FullName,
            ["CC6002 text"] = Write("text.so", "load_module is not a module\n"u8.ToArray()),
            ["CC6002 short"] = Write("short.so", "x"u8.ToArray()),
            ["CC6003 truncated"] = Write("truncated.so", bytes[..3000]),
            ["CC6004 big-endian"] = Write("big-endian.so", With(bytes, 5, 2)),
            ["CC6004 aarch64"] = Write("aarch64.so", With(bytes, 18, 183)),
            ["CC6004 32-bit"] = Assemble("thirty-two.so", ["--32"], ["-m", "elf_i386", "-shared"]),
            ["CC6005 object"] = Assemble("object.o", [], null),
            ["CC6006 library"] = "/usr/lib/x86_64-linux-gnu/libz.so.1",
        };
        return files;
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] With(byte[] bytes, int offset, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[offset] = value;
        return copy;
    }

    private string Assemble(string name, string[] asFlags, string[]? linkFlags)
    {
        var source = Write(name + ".s", ".globl f\n.type f,@function\nf: ret\n"u8.ToArray());
        var output = Path.Combine(_root, name);
        var objectFile = linkFlags is null ? output : output + ".o";
        var assembled = ExternalTool.Run("as", [.. asFlags, "-o", objectFile, source]);
        Assert.True(assembled.ExitCode == 0, assembled.StandardError);
        if (linkFlags is not null)
        {
            var linked = ExternalTool.Run("ld", [.. linkFlags, "-o", output, objectFile]);
            Assert.True(linked.ExitCode == 0, linked.StandardError);
        }

        return output;
    }
}
