using ConfigConvert.TestSupport;

namespace ConfigConvert.CSources.Tests;

public sealed class CSourceDirectoryTests : IDisposable
{
    private const string HttpModule = "ngx_module_t {0} = {{ NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE }};\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-csources-" + Guid.NewGuid().ToString("N"));

    public CSourceDirectoryTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Nested_folders_are_scanned_in_sorted_order_and_only_sources_and_headers_are_read()
    {
        Write("src/b/ngx_http_b_module.c", string.Format(HttpModule, "ngx_http_b_module"));
        Write("src/a.c", string.Format(HttpModule, "ngx_http_a_module"));
        Write("src/a.h", "#define NGX_A_MODULE 0x41414141\n");
        Write("include/x.h", "extern ngx_module_t ngx_http_a_module;\n");
        Write("z.c", "int z;\n");
        Write("config", "ngx_addon_name=ngx_http_a_module\n");
        Write("README.md", "ngx_module_t ngx_doc_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };\n");
        Write(".git/objects/x.c", string.Format(HttpModule, "ngx_git_module"));

        // What nginx's auto/make does not compile, or holds no C: assembly, other C++ spellings, objects.
        Write("src/asm.S", string.Format(HttpModule, "ngx_asm_module"));
        Write("src/other.cxx", string.Format(HttpModule, "ngx_cxx_module"));
        Write("src/other.hxx", "int hxx;\n");
        Write("src/a.o", "int o;\n");

        var index = CSourceIndex.Build(_root);

        Assert.Equal<string>(["include/x.h", "src/a.c", "src/a.h", "src/b/ngx_http_b_module.c", "z.c"], index.Files);
        Assert.Equal(
            [("ngx_http_a_module", "src/a.c"), ("ngx_http_b_module", "src/b/ngx_http_b_module.c")],
            index.Modules.Select(m => (m.Name, m.File)));
        Assert.Equal("NGX_A_MODULE", Assert.Single(index.TypeConstants).Name);
        Assert.Empty(index.Diagnostics);
    }

    [Fact]
    public void An_index_read_into_an_arena_is_the_same_and_readable_until_the_arena_is_released()
    {
        Write("src/ngx_http_a_module.c", string.Format(HttpModule, "ngx_http_a_module") + "static int ngx_modules_seen;\n");
        Write("src/a.h", "#define NGX_A_MODULE 0x41414141\n");
        Write("src/bin.c", "int a;\0\n");
        var arena = new IO.FileArena();

        var plain = CSourceIndex.Build(_root);
        var read = CSourceIndex.Build(_root, arena);

        Assert.Equal<string>(plain.Files, read.Files);
        Assert.Equal(plain.Modules.Select(m => (m.Name, m.File, m.TypeConstant)), read.Modules.Select(m => (m.Name, m.File, m.TypeConstant)));
        Assert.Equal(plain.TypeConstants.Select(c => (c.Name, c.Value)), read.TypeConstants.Select(c => (c.Name, c.Value)));
        Assert.Equal(plain.Diagnostics.Select(d => d.ToString()), read.Diagnostics.Select(d => d.ToString()));
        var file = read.SourceFiles.Single(f => f.Path == "src/ngx_http_a_module.c");
        Assert.True(file.Contains("ngx_modules_seen"));

        arena.Release();

        Assert.Throws<ObjectDisposedException>(() => file.Contains("ngx_modules_seen"));
    }

    [Fact]
    public void The_sources_and_headers_of_a_module_written_in_cpp_are_read()
    {
        Write("src/ngx_http_cc_module.cc", "extern \"C\" {\n" + string.Format(HttpModule, "ngx_http_cc_module") + "}\n");
        Write("src/ngx_http_cpp_module.cpp", string.Format(HttpModule, "ngx_http_cpp_module"));
        Write("src/counter.hh", "#define NGX_COUNTER_MODULE 0x544E4355\n");
        Write("src/counter.hpp", "namespace counter { int count(); }\n");

        var index = CSourceIndex.Build(_root);

        Assert.Equal<string>(["src/counter.hh", "src/counter.hpp", "src/ngx_http_cc_module.cc", "src/ngx_http_cpp_module.cpp"], index.Files);
        Assert.Equal(
            [("ngx_http_cc_module", "src/ngx_http_cc_module.cc", "NGX_HTTP_MODULE"), ("ngx_http_cpp_module", "src/ngx_http_cpp_module.cpp", "NGX_HTTP_MODULE")],
            index.Modules.Select(m => (m.Name, m.File, m.TypeConstant)));
        Assert.Equal("NGX_COUNTER_MODULE", Assert.Single(index.TypeConstants).Name);
        Assert.Empty(index.Diagnostics);
    }

    [Fact]
    public void A_symbolic_link_loop_is_scanned_once()
    {
        Write("src/ngx_http_loop_module.c", string.Format(HttpModule, "ngx_http_loop_module"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "src", "again"), _root);
        Directory.CreateSymbolicLink(Path.Combine(_root, "self"), ".");
        Write("lib/real.h", "int r;\n");
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), Path.Combine(_root, "lib"));

        var index = CSourceIndex.Build(_root);

        Assert.Equal<string>(["lib/real.h", "src/ngx_http_loop_module.c"], index.Files);
        Assert.Equal("ngx_http_loop_module", Assert.Single(index.Modules).Name);
        Assert.Equal(
            [("linked", "CC2106"), ("self", "CC2106"), ("src/again", "CC2106")],
            index.Diagnostics.Select(d => (d.Location.Path, d.Id)));
        Assert.Contains("`src/again` leads to `.`", index.Diagnostics[2].Message);
        Assert.Contains("`linked` leads to `lib`", index.Diagnostics[0].Message);
    }

    [Fact]
    public void A_linked_directory_outside_the_tree_is_scanned_under_the_links_name()
    {
        var outside = Path.Combine(_root, "outside");
        var module = Path.Combine(_root, "module");
        Directory.CreateDirectory(module);
        Write("outside/shared.c", string.Format(HttpModule, "ngx_http_shared_module"));
        Directory.CreateSymbolicLink(Path.Combine(module, "shared"), outside);
        Directory.CreateSymbolicLink(Path.Combine(outside, "back"), module);

        var index = CSourceIndex.Build(module);

        Assert.Equal<string>(["shared/shared.c"], index.Files);
        Assert.Equal("shared/shared.c", Assert.Single(index.Modules).File);
        Assert.Equal("CC2106", Assert.Single(index.Diagnostics).Id);
    }

    [Fact]
    public void A_binary_file_is_skipped_with_a_diagnostic()
    {
        Write("ok.c", string.Format(HttpModule, "ngx_http_ok_module"));
        File.WriteAllBytes(Path.Combine(_root, "objs.h"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1]);

        var index = CSourceIndex.Build(_root);

        Assert.Equal<string>(["ok.c"], index.Files);
        Assert.Equal("objs.h(1,1): warning CC2104: `objs.h` looks binary (a NUL byte in its first 8192 bytes); it is not indexed", Assert.Single(index.Diagnostics).ToString());
    }

    [Fact]
    public void A_dangling_link_is_an_unreadable_file()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "gone.c"), Path.Combine(_root, "nowhere.c"));

        var index = CSourceIndex.Build(_root);

        Assert.Empty(index.Files);
        var diagnostic = Assert.Single(index.Diagnostics);
        Assert.Equal(("gone.c", "CC2103"), (diagnostic.Location.Path, diagnostic.Id));
    }

    [Fact]
    public void Unreadable_files_and_directories_are_skipped_with_diagnostics()
    {
        Write("ok.c", string.Format(HttpModule, "ngx_http_ok_module"));
        Write("secret.c", string.Format(HttpModule, "ngx_http_secret_module"));
        Write("locked/inner.c", string.Format(HttpModule, "ngx_http_inner_module"));

        // Root reads everything, so the failures are simulated; the real ones are tried below when possible.
        var fileSystem = new FailingFileSystem(
            failRead: p => p.EndsWith("secret.c", StringComparison.Ordinal),
            failList: p => p.EndsWith("locked", StringComparison.Ordinal));
        var index = CSourceIndex.Build(_root, fileSystem);

        Assert.Equal<string>(["ok.c"], index.Files);
        Assert.Equal(
            [("locked", "CC2102"), ("secret.c", "CC2103")],
            index.Diagnostics.Select(d => (d.Location.Path, d.Id)));
        Assert.Equal("secret.c(1,1): warning CC2103: cannot read `secret.c`: simulated failure; it is not indexed", index.Diagnostics[1].ToString());
    }

    [Fact]
    public void Permissions_that_deny_reading_give_diagnostics_when_not_root()
    {
        Write("ok.c", string.Format(HttpModule, "ngx_http_ok_module"));
        Write("secret.c", string.Format(HttpModule, "ngx_http_secret_module"));
        Write("locked/inner.c", string.Format(HttpModule, "ngx_http_inner_module"));
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var secret = Path.Combine(_root, "secret.c");
        var locked = Path.Combine(_root, "locked");
        File.SetUnixFileMode(secret, UnixFileMode.None);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var index = CSourceIndex.Build(_root);
            if (Environment.UserName == "root" || IsReadable(secret))
            {
                // Permissions do not bind this process (tests run as root here): nothing fails.
                Assert.Equal<string>(["locked/inner.c", "ok.c", "secret.c"], index.Files);
                Assert.Empty(index.Diagnostics);
                return;
            }

            Assert.Equal<string>(["ok.c"], index.Files);
            Assert.Equal(
                [("locked", "CC2102"), ("secret.c", "CC2103")],
                index.Diagnostics.Select(d => (d.Location.Path, d.Id)));
        }
        finally
        {
            File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_skipped_before_it_is_read()
    {
        Write("big.c", "int x;\n");
        var fileSystem = new FailingFileSystem(failRead: _ => false, failList: _ => false, length: _ => CSourceIndex.MaxFileSize + 1);

        var index = CSourceIndex.Build(_root, fileSystem);

        Assert.Empty(index.Files);
        Assert.Equal(0, fileSystem.Reads);
        Assert.Equal("big.c(1,1): warning CC2105: `big.c` is 16777217 bytes, more than the 16777216-byte limit; it is not indexed", Assert.Single(index.Diagnostics).ToString());
    }

    [Fact]
    public void A_missing_directory_is_a_diagnostic()
    {
        var missing = Path.Combine(_root, "does-not-exist");

        var index = CSourceIndex.Build(missing);

        Assert.Empty(index.Files);
        Assert.Empty(index.Modules);
        var diagnostic = Assert.Single(index.Diagnostics);
        Assert.Equal(SourceDiagnostics.ModuleDirectoryNotFound, diagnostic.Descriptor);
        Assert.Equal($"module directory `{missing}` does not exist", diagnostic.Message);
        Assert.Equal("CC2101", Assert.Single(CSourceIndex.Build(string.Empty).Diagnostics).Id);
    }

    [Fact]
    public void A_file_given_as_the_module_directory_is_a_missing_directory()
    {
        Write("config", "ngx_addon_name=x\n");

        var index = CSourceIndex.Build(Path.Combine(_root, "config"));

        Assert.Equal("CC2101", Assert.Single(index.Diagnostics).Id);
    }

    [Fact]
    public void The_fixture_module_with_its_own_type_is_indexed()
    {
        var index = CSourceIndex.Build(RepoPaths.Combine("tests", "fixtures", "modules", "core_http_own_type"));

        Assert.Empty(index.Diagnostics);
        Assert.Contains(index.TypeConstants, c => c.Name == "NGX_WIDGET_MODULE");
        Assert.Contains(index.Modules, m => m.TypeConstant == "NGX_CORE_MODULE");
        Assert.Contains(index.Modules, m => m.TypeConstant == "NGX_WIDGET_MODULE");
        Assert.Contains(index.Modules, m => m.TypeConstant == "NGX_HTTP_MODULE");
        Assert.All(index.Modules, m => Assert.Contains(m.File, index.Files));
    }

    private static bool IsReadable(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>The real file system, with failures injected where a test wants them.</summary>
    private sealed class FailingFileSystem(Func<string, bool> failRead, Func<string, bool> failList, Func<string, long>? length = null) : SourceFileSystem
    {
        public int Reads { get; private set; }

        public override bool DirectoryExists(string path) => Physical.DirectoryExists(path);

        public override IReadOnlyList<SourceDirectoryEntry> ListDirectory(string path)
            => failList(path) ? throw new UnauthorizedAccessException("simulated failure") : Physical.ListDirectory(path);

        public override string? ReadLink(string path) => Physical.ReadLink(path);

        public override long GetFileLength(string path) => length?.Invoke(path) ?? Physical.GetFileLength(path);

        public override byte[] ReadAllBytes(string path, long length)
        {
            Reads++;
            return failRead(path) ? throw new IOException("simulated failure") : Physical.ReadAllBytes(path, length);
        }
    }
}
