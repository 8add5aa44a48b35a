namespace ConfigConvert.IO;

/// <summary>The fields of a <c>statx(2)</c> record that the tool reads (<see cref="StatxCall"/>); each is set only if its mask asked for it.</summary>
internal readonly record struct StatxRecord(ushort Mode, uint User, uint Group, long Size)
{
    private const int TypeMask = 0xF000;

    /// <summary>True for a regular file.</summary>
    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;

    /// <summary>True for a directory.</summary>
    public bool IsDirectory => (Mode & TypeMask) == 0x4000;
}
