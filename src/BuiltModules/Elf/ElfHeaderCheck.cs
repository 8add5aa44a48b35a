using System.Buffers.Binary;

namespace ConfigConvert.BuiltModules.Elf;

/// <summary>
/// Checks what the ELF reader takes for granted before it is given the bytes: the magic number, the
/// class, byte order and machine, and that every table and section the header declares lies inside
/// the file. A truncated file then gets one clear sentence instead of an exception from deep inside
/// the reader.
/// </summary>
internal static class ElfHeaderCheck
{
    private const int IdentSize = 16;
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int ProgramHeaderSize = 56;
    private const uint NoBits = 8;
    private const ushort X86_64 = 62;

    /// <summary>What is wrong with the file, or null when the reader can be given it.</summary>
    public static (ElfProblem Kind, string Detail)? Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            return (ElfProblem.NotElf, string.Empty);
        }

        if (bytes.Length < IdentSize)
        {
            return (ElfProblem.Truncated, $"the ELF identification needs {IdentSize} bytes, the file has {bytes.Length}");
        }

        if (bytes[4] != 2)
        {
            return (ElfProblem.Unsupported, bytes[4] == 1 ? "a 32-bit ELF (ELFCLASS32)" : $"an ELF of unknown class {bytes[4]}");
        }

        if (bytes[5] != 1)
        {
            return (ElfProblem.Unsupported, bytes[5] == 2 ? "a big-endian ELF (ELFDATA2MSB)" : $"an ELF of unknown byte order {bytes[5]}");
        }

        if (bytes.Length < HeaderSize)
        {
            return (ElfProblem.Truncated, $"the ELF header needs {HeaderSize} bytes, the file has {bytes.Length}");
        }

        var machine = BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]);
        if (machine != X86_64)
        {
            return (ElfProblem.Unsupported, $"an ELF for {MachineName(machine)}");
        }

        return CheckTables(bytes);
    }

    private static (ElfProblem Kind, string Detail)? CheckTables(ReadOnlySpan<byte> bytes)
    {
        var length = (ulong)bytes.Length;
        var programOffset = BinaryPrimitives.ReadUInt64LittleEndian(bytes[32..]);
        var sectionOffset = BinaryPrimitives.ReadUInt64LittleEndian(bytes[40..]);
        var programCount = BinaryPrimitives.ReadUInt16LittleEndian(bytes[56..]);
        if (SizeProblem(bytes, programCount > 0, sectionOffset != 0) is { } sizes)
        {
            return (ElfProblem.Truncated, sizes);
        }

        if (programCount > 0 && programOffset + ((ulong)programCount * ProgramHeaderSize) > length)
        {
            return (ElfProblem.Truncated, $"its program headers end at byte {programOffset + ((ulong)programCount * ProgramHeaderSize)}, past the end of the file ({length} bytes)");
        }

        // No section header table, or one the reader would seek to only to find it is not there.
        if (sectionOffset == 0)
        {
            return null;
        }

        if (sectionOffset > length - SectionHeaderSize)
        {
            return (ElfProblem.Truncated, $"its section header table starts at byte {sectionOffset}, past the end of the file ({length} bytes)");
        }

        // A count of 0 with a table means the count is the size of section 0 (the ELF's extended numbering).
        var declared = BinaryPrimitives.ReadUInt16LittleEndian(bytes[60..]);
        var sectionCount = declared != 0 ? declared : BinaryPrimitives.ReadUInt64LittleEndian(bytes[(int)sectionOffset..][32..]);
        if (sectionCount > (length - sectionOffset) / SectionHeaderSize)
        {
            return (ElfProblem.Truncated, $"its section header table of {sectionCount} entries starting at byte {sectionOffset} runs past the end of the file ({length} bytes)");
        }

        return CheckSections(bytes, sectionOffset, (int)sectionCount);
    }

    // The sizes the reader takes the header's tables to have: anything else would have it read garbage, or seek far.
    private static string? SizeProblem(ReadOnlySpan<byte> bytes, bool hasProgramHeaders, bool hasSectionHeaders)
    {
        var headerSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[52..]);
        var programHeaderSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[54..]);
        var sectionHeaderSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[58..]);
        return headerSize != HeaderSize ? $"its header says it is {headerSize} bytes long, not {HeaderSize}"
            : hasProgramHeaders && programHeaderSize != ProgramHeaderSize ? $"its program headers are {programHeaderSize} bytes each, not {ProgramHeaderSize}"
            : hasSectionHeaders && sectionHeaderSize != SectionHeaderSize ? $"its section headers are {sectionHeaderSize} bytes each, not {SectionHeaderSize}"
            : null;
    }

    private static (ElfProblem Kind, string Detail)? CheckSections(ReadOnlySpan<byte> bytes, ulong sectionOffset, int sectionCount)
    {
        var length = (ulong)bytes.Length;
        for (var i = 1; i < sectionCount; i++)
        {
            var header = bytes[(int)(sectionOffset + ((ulong)i * SectionHeaderSize))..];
            var type = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
            var size = BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
            if (type != NoBits && (offset + size > length || offset + size < offset))
            {
                return (ElfProblem.Truncated, $"section {i} ends at byte {offset + size}, past the end of the file ({length} bytes)");
            }
        }

        return null;
    }

    private static string MachineName(ushort machine) => machine switch
    {
        3 => "i386 (EM_386)",
        20 => "PowerPC (EM_PPC)",
        21 => "PowerPC 64 (EM_PPC64)",
        22 => "s390 (EM_S390)",
        40 => "ARM (EM_ARM)",
        183 => "AArch64 (EM_AARCH64)",
        243 => "RISC-V (EM_RISCV)",
        _ => $"machine {machine}",
    };
}

/// <summary>Why a file cannot be read as a module or an nginx binary.</summary>
internal enum ElfProblem
{
    NotElf,
    Truncated,
    Unsupported,
}
