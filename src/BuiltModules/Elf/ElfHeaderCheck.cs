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
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(bytes[60..]);
        if (programCount > 0 && programOffset + ((ulong)programCount * ProgramHeaderSize) > length)
        {
            return (ElfProblem.Truncated, $"its program headers end at byte {programOffset + ((ulong)programCount * ProgramHeaderSize)}, past the end of the file ({length} bytes)");
        }

        if (sectionCount == 0)
        {
            return null;
        }

        var tableEnd = sectionOffset + ((ulong)sectionCount * SectionHeaderSize);
        if (tableEnd > length || tableEnd < sectionOffset)
        {
            return (ElfProblem.Truncated, $"its section header table ends at byte {tableEnd}, past the end of the file ({length} bytes)");
        }

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
