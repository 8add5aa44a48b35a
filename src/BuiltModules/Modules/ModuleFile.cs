using System.Collections.Immutable;
using ConfigConvert.BuiltModules.Elf;
using ConfigConvert.BuiltModules.Linking;
using ConfigConvert.BuiltModules.Packaging;
using ConfigConvert.BuiltModules.Prediction;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;

namespace ConfigConvert.BuiltModules.Modules;

/// <summary>A shared object as read: the public report, and what predicting its load needs (the image, why it cannot be opened, its libraries).</summary>
internal sealed record ModuleFile(SharedObjectReport Report, ElfImage? Image, OpenFailure OpenFailure, ImmutableArray<ResolvedLibrary> Libraries);

/// <summary>Reads a <c>.so</c>; every problem is a diagnostic, never an exception.</summary>
internal static class ModuleFileReader
{
    private const long MaxBytes = 1L << 30;

    public static ModuleFile Read(string path, SharedLibraries libraries, string abiFile = PackageAdvisor.DebianAbiFile)
    {
        var diagnostics = new List<Diagnostic>();
        var (bytes, ioFailure) = ReadBytes(path, diagnostics);
        if (bytes is null)
        {
            return new ModuleFile(new SharedObjectReport { Path = path, Diagnostics = [.. diagnostics] }, null, ioFailure, []);
        }

        var read = ElfImage.Read(path, bytes);
        if (read.Image is not { } image)
        {
            diagnostics.Add(HeaderDiagnostic(path, read.Problem!.Value, read.Detail));
            return new ModuleFile(new SharedObjectReport { Path = path, Diagnostics = [.. diagnostics] }, null, HeaderFailure(bytes, read), []);
        }

        var openFailure = TypeFailure(image);
        if (!image.HasDynamicSymbols)
        {
            diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.NoDynamicSymbols, Location.None(path), path));
            return new ModuleFile(new SharedObjectReport { Path = path, Diagnostics = [.. diagnostics] }, image, openFailure == OpenFailure.None ? OpenFailure.Unpredictable : openFailure, []);
        }

        if (NotSharedObject(openFailure) is { } kind)
        {
            diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.NotSharedObject, Location.None(path), path, kind));
            return new ModuleFile(new SharedObjectReport { Path = path, Diagnostics = [.. diagnostics] }, image, openFailure, []);
        }

        var list = ModuleListReader.Read(image, diagnostics);
        var closure = libraries.Closure(image, new HashSet<string>());
        foreach (var missing in closure.Where(l => l.Path is null))
        {
            diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.LibraryNotFound, Location.None(path), path, missing.Name));
        }

        // Each symbol is looked up in the libraries' own sets: a union of them (libc, libssl, libcrypto: thousands of
        // names) made for every file cost more than all the lookups of a module's few hundred symbols.
        var exports = closure.Select(l => l.Path).Append(libraries.FindLibc(image)).OfType<string>().Distinct(StringComparer.Ordinal).Select(libraries.Exports).ToList();
        bool Provided(string symbol) => exports.Exists(e => e.Contains(symbol));

        WarnUnknownLayouts(list, path, diagnostics);
        var report = new SharedObjectReport
        {
            Path = path,
            Modules = list.Modules,
            Order = list.Order,
            HasOrder = list.HasOrder,
            ModuleListRead = list.WasRead,
            NeededLibraries = [.. image.Needed.Select(n => new NeededLibrary(n, closure.FirstOrDefault(l => l.Name == n)?.Path))],
            SymbolsFromNginx = [.. image.Symbols.Where(s => !s.IsDefined && !s.IsWeak && s.Name.Length > 0 && !Provided(s.Name)).Select(s => s.Name).Distinct().Order(StringComparer.Ordinal)],
            Packages = list.Modules.IsEmpty ? null : PackageAdvisor.For(list.Modules[0].Version, abiFile),
            Diagnostics = [.. diagnostics],
        };
        return new ModuleFile(report, image, openFailure, closure);
    }

    private static void WarnUnknownLayouts(ModuleList list, string path, List<Diagnostic> diagnostics)
    {
        foreach (var version in list.Modules.Select(m => m.Version).Distinct())
        {
            var layout = Signature.SignatureLayouts.For(version, out var exact);
            if (!exact)
            {
                diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.UnknownLayout, Location.None(path), version, layout.Since));
            }
        }
    }

    /// <summary>Reads a whole file, turning each way it can fail into a diagnostic and the loader's view of it.</summary>
    public static (byte[]? Bytes, OpenFailure Failure) ReadBytes(string path, List<Diagnostic> diagnostics)
    {
        try
        {
            if (path.Length == 0)
            {
                diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.FileUnreadable, Location.None(path), path, IoReason.EmptyPath));
                return (null, OpenFailure.Missing);
            }

            if (Directory.Exists(path))
            {
                diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.FileUnreadable, Location.None(path), path, "is a directory"));
                return (null, OpenFailure.IsDirectory);
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.FileUnreadable, Location.None(path), path, "no such file"));
                return (null, OpenFailure.Missing);
            }

            if (info.Length > MaxBytes)
            {
                diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.FileUnreadable, Location.None(path), path, $"file is too large ({info.Length} bytes; the limit is {MaxBytes})"));
                return (null, OpenFailure.Unpredictable);
            }

            // A device or a pipe has no size to check first (/dev/zero never ends): it is read up to a limit.
            if (BoundedFile.ReadAllBytes(path, MaxBytes) is not { } bytes)
            {
                diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.FileUnreadable, Location.None(path), path, $"file is too large (the limit is {MaxBytes} bytes, and {Text.InputLimits.MaxFileBytes} for a device or a pipe)"));
                return (null, OpenFailure.Unpredictable);
            }

            return (bytes, OpenFailure.None);
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.FileUnreadable, Location.None(path), path, "permission denied"));
            return (null, OpenFailure.PermissionDenied);
        }
        catch (IOException e)
        {
            diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.FileUnreadable, Location.None(path), path, e.Message));
            return (null, OpenFailure.Unpredictable);
        }
    }

    private static Diagnostic HeaderDiagnostic(string path, ElfProblem problem, string detail) => problem switch
    {
        ElfProblem.NotElf => Diagnostic.Create(BuiltModuleDiagnostics.NotElf, Location.None(path), path),
        ElfProblem.Unsupported => Diagnostic.Create(BuiltModuleDiagnostics.Unsupported, Location.None(path), path, detail),
        _ => Diagnostic.Create(BuiltModuleDiagnostics.Truncated, Location.None(path), path, detail),
    };

    /// <summary>What glibc's open_verify says of a file the ELF reader refused: it checks the length, then the magic, class and byte order.</summary>
    private static OpenFailure HeaderFailure(byte[] bytes, ElfReadResult read)
    {
        const int headerSize = 64;
        if (bytes.Length < headerSize)
        {
            return OpenFailure.TooShort;
        }

        return read.Problem switch
        {
            ElfProblem.NotElf => OpenFailure.InvalidHeader,
            ElfProblem.Unsupported when bytes[4] == 1 => OpenFailure.WrongClass,
            ElfProblem.Unsupported when bytes[4] == 2 && bytes[5] != 1 => OpenFailure.NotLittleEndian,
            ElfProblem.Unsupported when bytes[4] == 2 => OpenFailure.WrongMachine,
            _ => OpenFailure.Unpredictable,
        };
    }

    /// <summary>What the file is when glibc refuses it for its type (ELF <c>e_type</c>, the PIE flag), or null.</summary>
    private static string? NotSharedObject(OpenFailure failure) => failure switch
    {
        OpenFailure.Executable => "an executable program (ET_EXEC)",
        OpenFailure.PositionIndependentExecutable => "a position-independent executable (a program, as nginx itself is)",
        OpenFailure.Relocatable => "an object file (ET_REL, as the compiler writes before linking)",
        _ => null,
    };

    private static OpenFailure TypeFailure(ElfImage image) => image.Kind switch
    {
        ElfKind.Relocatable => OpenFailure.Relocatable,
        ElfKind.Executable => OpenFailure.Executable,
        ElfKind.SharedObject when image.IsPositionIndependentExecutable => OpenFailure.PositionIndependentExecutable,
        ElfKind.SharedObject => OpenFailure.None,
        _ => OpenFailure.Unpredictable,
    };
}
