namespace ConfigConvert.Cli.Hosting;

/// <summary>A range of the process's virtual addresses: <see cref="Length"/> bytes from <see cref="Start"/>.</summary>
internal readonly record struct AddressRange(ulong Start, ulong Length);
