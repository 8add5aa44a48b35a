using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using LibObjectFile.Elf;

namespace ConfigConvert.BuiltModules.Elf;

/// <summary>
/// A 64-bit little-endian x86-64 ELF file as the dynamic loader sees it: its dynamic symbols, the
/// relocations that fill its pointers at load time, its <c>DT_NEEDED</c> libraries and search paths,
/// and its bytes by virtual address. LibObjectFile reads the tables; this class answers "what does
/// the pointer at this address point to once loaded".
/// </summary>
internal sealed class ElfImage
{
    private readonly byte[] _bytes;
    private readonly ImmutableArray<MappedSection> _sections;
    private readonly FrozenDictionary<ulong, Relocation> _relocationAt;
    private readonly FrozenDictionary<string, DynamicSymbol> _definedByName;

    private ElfImage(string path, byte[] bytes, ElfFile elf)
    {
        Path = path;
        _bytes = bytes;
        Kind = elf.FileType == ElfFileType.Executable ? ElfKind.Executable
            : elf.FileType == ElfFileType.Dynamic ? ElfKind.SharedObject
            : elf.FileType == ElfFileType.Relocatable ? ElfKind.Relocatable
            : ElfKind.Other;
        var dynamicSymbols = elf.Sections.OfType<ElfSymbolTable>().FirstOrDefault(s => s.Type == ElfSectionType.DynamicLinkerSymbolTable);
        HasDynamicSymbols = dynamicSymbols is not null;
        Symbols = dynamicSymbols is null ? [] : [.. dynamicSymbols.Entries.Select(ToSymbol)];
        Relocations = [.. elf.Sections.OfType<ElfRelocationTable>()
            .Where(t => t.Link.Section == dynamicSymbols && dynamicSymbols is not null)
            .SelectMany(t => t.Entries)
            .Select(r => new Relocation(r.Offset, KindOf(r.Type), (int)r.SymbolIndex, r.Addend))];
        _relocationAt = Relocations.GroupBy(r => r.Offset).ToFrozenDictionary(g => g.Key, g => g.Last());
        _definedByName = Symbols.Where(s => s.IsDefined && s.IsExported).GroupBy(s => s.Name).ToFrozenDictionary(g => g.Key, g => g.First());
        _sections = [.. elf.Sections.Where(s => s.VirtualAddress != 0 && s.Size > 0)
            .Select(s => new MappedSection(s.VirtualAddress, s.Size, s.Position, s.Type == ElfSectionType.NoBits))];
        var dynamic = elf.Sections.OfType<ElfDynamicLinkingTable>().FirstOrDefault();
        Needed = dynamic is null ? [] : [.. dynamic.GetNeededLibraries()];
        RunPath = DynamicStrings(dynamic, ElfDynamicTag.RunPath);
        RPath = DynamicStrings(dynamic, ElfDynamicTag.RPath);
        IsPositionIndependentExecutable = dynamic is not null
            && dynamic.Entries.Any(e => e.Tag == DynamicFlags1 && (e.Value & PositionIndependentExecutableFlag) != 0);
    }

    /// <summary><c>DT_FLAGS_1</c> and its <c>DF_1_PIE</c> bit (elf.h): a program, though its type is <c>ET_DYN</c>.</summary>
    private const long DynamicFlags1 = 0x6ffffffb;
    private const ulong PositionIndependentExecutableFlag = 0x08000000;

    public string Path { get; }

    /// <summary>The ELF type: a shared object (or PIE program), a program at fixed addresses, an object file.</summary>
    public ElfKind Kind { get; }

    /// <summary>A program built as PIE: type <c>ET_DYN</c> like a library, but <c>DF_1_PIE</c> says it is a program.</summary>
    public bool IsPositionIndependentExecutable { get; }

    public bool HasDynamicSymbols { get; }

    /// <summary>The dynamic symbols, indexed as relocations refer to them.</summary>
    public ImmutableArray<DynamicSymbol> Symbols { get; }

    /// <summary>The dynamic relocations in the order the loader applies them (.rela.dyn, then .rela.plt).</summary>
    public ImmutableArray<Relocation> Relocations { get; }

    public ImmutableArray<string> Needed { get; }

    public ImmutableArray<string> RunPath { get; }

    public ImmutableArray<string> RPath { get; }

    /// <summary>The names this file exports to the global scope (defined, global or weak, visible).</summary>
    public IEnumerable<string> Exports => _definedByName.Keys;

    /// <summary>Reads and checks a file; a file that is not a readable x86-64 ELF gives a problem, never an exception.</summary>
    public static ElfReadResult Read(string path, byte[] bytes)
    {
        if (ElfHeaderCheck.Check(bytes) is { } problem)
        {
            return new ElfReadResult(null, problem.Kind, problem.Detail);
        }

        try
        {
            // Sections the reader keeps as data (notes, and what it does not parse) are views of the file: read as their
            // own copies, a size in hostile bytes was allocated before the read found the file shorter (1 GB for a note
            // of a 19 KB file).
            using var stream = new MemoryStream(bytes, writable: false);
            if (!ElfFile.TryRead(stream, out var elf, out var diagnostics, new ElfReaderOptions { UseSubStream = true }) || elf is null)
            {
                var first = diagnostics?.Messages.Where(m => m.Kind == LibObjectFile.Diagnostics.DiagnosticKind.Error).Select(m => m.Message).FirstOrDefault();
                return new ElfReadResult(null, ElfProblem.Truncated, first ?? "the ELF reader refused it");
            }

            return new ElfReadResult(new ElfImage(path, bytes, elf), null, string.Empty);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The header checks catch what a cut file does; anything else the reader trips on in
            // hostile bytes is still bad input, not a bug to show as a stack trace.
            return new ElfReadResult(null, ElfProblem.Truncated, e.Message);
        }
    }

    public bool TryFindDefined(string name, out DynamicSymbol symbol) => _definedByName.TryGetValue(name, out symbol);

    /// <summary>
    /// The pointer stored at <paramref name="address"/> once the loader has applied the relocations:
    /// <c>R_X86_64_RELATIVE</c> stores base + addend, <c>R_X86_64_64</c> and <c>GLOB_DAT</c> the
    /// symbol's address (here when this file defines it, otherwise a symbol of another file); an
    /// executable at fixed addresses stores the pointer itself.
    /// </summary>
    public Pointer? ReadPointer(ulong address)
    {
        if (_relocationAt.TryGetValue(address, out var relocation))
        {
            return Resolve(relocation);
        }

        return TryReadUInt64(address, out var raw) ? new Pointer(raw, null) : null;
    }

    public bool TryReadUInt64(ulong address, out ulong value)
    {
        value = 0;
        if (!TryMap(address, 8, out var offset, out var zero))
        {
            return false;
        }

        value = zero ? 0 : BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan((int)offset, 8));
        return true;
    }

    /// <summary>The NUL-terminated string at <paramref name="address"/>, at most <paramref name="limit"/> bytes.</summary>
    public string? ReadCString(ulong address, int limit = 4096)
    {
        if (!TryMap(address, 1, out var offset, out var zero))
        {
            return null;
        }

        if (zero)
        {
            return string.Empty;
        }

        var span = _bytes.AsSpan((int)offset, (int)Math.Min((ulong)limit, (ulong)_bytes.Length - offset));
        var end = span.IndexOf((byte)0);
        return end < 0 ? null : Encoding.UTF8.GetString(span[..end]);
    }

    /// <summary>The first <c>--KEY=VALUE</c> of a configure argument string stored in the file (nginx keeps its configure line for <c>nginx -V</c>).</summary>
    public string? FindConfigureArgument(string key)
    {
        var needle = Encoding.ASCII.GetBytes(" " + key + "=");
        var at = _bytes.AsSpan().IndexOf(needle);
        if (at < 0)
        {
            return null;
        }

        var value = _bytes.AsSpan(at + needle.Length);
        var end = value.IndexOfAny((byte)' ', (byte)0);
        return Encoding.UTF8.GetString(end < 0 ? value : value[..end]);
    }

    private Pointer? Resolve(Relocation relocation)
    {
        switch (relocation.Kind)
        {
            case RelocationKind.Relative:
                return new Pointer((ulong)relocation.Addend, null);
            case RelocationKind.Absolute64 or RelocationKind.GlobalData or RelocationKind.JumpSlot:
                if (relocation.SymbolIndex <= 0 || relocation.SymbolIndex >= Symbols.Length)
                {
                    return null;
                }

                var symbol = Symbols[relocation.SymbolIndex];
                return symbol.IsDefined
                    ? new Pointer(symbol.Value + (ulong)relocation.Addend, null)
                    : new Pointer(0, symbol.Name);
            default:
                return null;
        }
    }

    private bool TryMap(ulong address, ulong length, out ulong offset, out bool zero)
    {
        foreach (var section in _sections)
        {
            if (address >= section.Address && address + length <= section.Address + section.Size)
            {
                zero = section.NoBits;
                offset = section.FileOffset + (address - section.Address);
                return zero || offset + length <= (ulong)_bytes.Length;
            }
        }

        offset = 0;
        zero = false;
        return false;
    }

    private static DynamicSymbol ToSymbol(ElfSymbol symbol)
    {
        var defined = !(symbol.SectionLink.IsSpecial && symbol.SectionLink.SpecialIndex == 0) && !symbol.SectionLink.IsEmpty;
        var visible = symbol.Visibility is ElfSymbolVisibility.Default or ElfSymbolVisibility.Protected;
        var global = symbol.Bind == ElfSymbolBind.Global || symbol.Bind == ElfSymbolBind.Weak || symbol.Bind == ElfSymbolBind.GnuUnique;
        return new DynamicSymbol(symbol.Name.Value ?? string.Empty, symbol.Value, symbol.Size, defined, symbol.Bind == ElfSymbolBind.Weak, global && visible);
    }

    private static RelocationKind KindOf(ElfRelocationType type)
    {
        if (type == ElfRelocationType.R_X86_64_RELATIVE)
        {
            return RelocationKind.Relative;
        }

        if (type == ElfRelocationType.R_X86_64_64)
        {
            return RelocationKind.Absolute64;
        }

        if (type == ElfRelocationType.R_X86_64_GLOB_DAT)
        {
            return RelocationKind.GlobalData;
        }

        return type == ElfRelocationType.R_X86_64_JUMP_SLOT ? RelocationKind.JumpSlot : RelocationKind.Other;
    }

    private static ImmutableArray<string> DynamicStrings(ElfDynamicLinkingTable? table, ElfDynamicTag tag)
    {
        if (table is null)
        {
            return [];
        }

        var values = new List<string>();
        foreach (var entry in table.Entries.Where(e => e.TagType == tag))
        {
            if (table.TryGetString(entry, out var value))
            {
                values.AddRange(value.Split(':', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return [.. values];
    }

    private readonly record struct MappedSection(ulong Address, ulong Size, ulong FileOffset, bool NoBits);
}

/// <summary>The ELF header's <c>e_type</c>.</summary>
internal enum ElfKind
{
    SharedObject,
    Executable,
    Relocatable,
    Other,
}

/// <summary>A symbol of <c>.dynsym</c>.</summary>
internal readonly record struct DynamicSymbol(string Name, ulong Value, ulong Size, bool IsDefined, bool IsWeak, bool IsExported);

/// <summary>What the loader does at an address.</summary>
internal readonly record struct Relocation(ulong Offset, RelocationKind Kind, int SymbolIndex, long Addend);

/// <summary>The relocation types that fill data pointers and function slots on x86-64.</summary>
internal enum RelocationKind
{
    Relative,
    Absolute64,
    GlobalData,
    JumpSlot,
    Other,
}

/// <summary>A loaded pointer: an address in the same file, or a symbol another file defines; null is address 0.</summary>
internal readonly record struct Pointer(ulong Address, string? ExternalSymbol)
{
    public bool IsNull => Address == 0 && ExternalSymbol is null;
}

/// <summary>An image, or why there is none.</summary>
internal sealed record ElfReadResult(ElfImage? Image, ElfProblem? Problem, string Detail);
