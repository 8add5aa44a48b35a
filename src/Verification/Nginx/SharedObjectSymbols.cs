using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace ConfigConvert.Verification.Nginx;

/// <summary>The symbols a shared object leaves undefined, which the process that loads it must provide (<c>nm -D --undefined-only</c>).</summary>
internal static class SharedObjectSymbols
{
    /// <summary>The undefined dynamic symbols; empty when the file is not an ELF object this reader understands.</summary>
    public static IReadOnlySet<string> Undefined(string path)
    {
        try
        {
            if (!ELFReader.TryLoad(path, out var elf))
            {
                return new HashSet<string>();
            }

            using (elf)
            {
                if (!elf.TryGetSection(".dynsym", out var section) || section is not ISymbolTable table)
                {
                    return new HashSet<string>();
                }

                return table.Entries
                    .Where(e => e.PointedSectionIndex == (uint)SpecialSectionIndex.Undefined && e.Name.Length > 0)
                    .Select(e => e.Name)
                    .ToHashSet(StringComparer.Ordinal);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return new HashSet<string>();
        }
    }
}
