using System.Collections.Immutable;
using ConfigConvert.BuiltModules.Elf;
using ConfigConvert.BuiltModules.Signature;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.BuiltModules.Modules;

/// <summary>
/// Follows <c>ngx_modules[]</c>, <c>ngx_module_names[]</c> and <c>ngx_module_order[]</c> through the
/// relocations that fill them at load time, to each <c>ngx_module_t</c> and to the strings.
/// </summary>
internal static class ModuleListReader
{
    /// <summary>The modules of <paramref name="image"/>; problems go to <paramref name="diagnostics"/>.</summary>
    public static ModuleList Read(ElfImage image, List<Diagnostic> diagnostics)
    {
        foreach (var required in new[] { ModuleLayout.Modules, ModuleLayout.Names })
        {
            if (!image.TryFindDefined(required, out _))
            {
                diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.NotAModule, Location.None(image.Path), image.Path, required));
                return ModuleList.None;
            }
        }

        var pointers = ReadArray(image, ModuleLayout.Modules, diagnostics);
        var names = ReadStrings(image, ModuleLayout.Names, diagnostics);
        if (pointers is null || names is null)
        {
            return ModuleList.None;
        }

        if (pointers.Count == 0)
        {
            diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.EmptyModuleList, Location.None(image.Path), image.Path));
        }

        var modules = ImmutableArray.CreateBuilder<BuiltModule>();
        for (var i = 0; i < pointers.Count; i++)
        {
            var name = i < names.Count ? names[i] : null;
            if (name is null)
            {
                Broken(diagnostics, image, $"ngx_modules[{i}] has no name in ngx_module_names[]");
                return ModuleList.None;
            }

            if (ReadModule(image, pointers[i], i, name, diagnostics) is not { } module)
            {
                return ModuleList.None;
            }

            modules.Add(module);
        }

        var order = image.TryFindDefined(ModuleLayout.Order, out _) ? ReadStrings(image, ModuleLayout.Order, diagnostics) : null;
        return new ModuleList(modules.ToImmutable(), order is null ? [] : [.. order], order is not null, true);
    }

    /// <summary>Reads one <c>ngx_module_t</c>; used for nginx's own <c>ngx_core_module</c> too.</summary>
    public static BuiltModule? ReadModule(ElfImage image, Pointer pointer, int index, string name, List<Diagnostic> diagnostics)
    {
        if (pointer.ExternalSymbol is { } external)
        {
            Broken(diagnostics, image, $"module `{name}` is `{external}`, which this file does not define");
            return null;
        }

        var address = pointer.Address;
        if (!image.TryReadUInt64(address + ModuleLayout.Version, out var version)
            || !image.TryReadUInt64(address + ModuleLayout.Type, out var type)
            || image.ReadPointer(address + ModuleLayout.Signature) is not { ExternalSymbol: null } signaturePointer
            || image.ReadCString(signaturePointer.Address) is not { } signature)
        {
            Broken(diagnostics, image, $"the ngx_module_t of `{name}` (at 0x{address:x}) lies outside the file's sections");
            return null;
        }

        var nginxVersion = new NginxVersion(version);
        return new BuiltModule(index, name, new ModuleType(type), nginxVersion, SignatureDecoder.Decode(signature, nginxVersion));
    }

    /// <summary>The non-null pointers of a NULL-terminated array, or null when it cannot be read.</summary>
    public static List<Pointer>? ReadArray(ElfImage image, string symbolName, List<Diagnostic> diagnostics)
    {
        image.TryFindDefined(symbolName, out var symbol);
        var slots = symbol.Size >= ModuleLayout.PointerSize ? (int)Math.Min(symbol.Size / ModuleLayout.PointerSize, ModuleLayout.MaxEntries) : ModuleLayout.MaxEntries;
        var pointers = new List<Pointer>();
        for (var i = 0; i < slots; i++)
        {
            if (image.ReadPointer(symbol.Value + ((ulong)i * ModuleLayout.PointerSize)) is not { } pointer)
            {
                Broken(diagnostics, image, $"{symbolName}[{i}] lies outside the file's sections");
                return null;
            }

            if (pointer.IsNull)
            {
                return pointers;
            }

            pointers.Add(pointer);
        }

        Broken(diagnostics, image, $"{symbolName}[] has no terminating NULL within {slots} entries");
        return null;
    }

    private static List<string>? ReadStrings(ElfImage image, string symbolName, List<Diagnostic> diagnostics)
    {
        var pointers = ReadArray(image, symbolName, diagnostics);
        if (pointers is null)
        {
            return null;
        }

        var strings = new List<string>();
        foreach (var pointer in pointers)
        {
            if (pointer.ExternalSymbol is not null || image.ReadCString(pointer.Address) is not { } text)
            {
                Broken(diagnostics, image, $"{symbolName}[{strings.Count}] does not point to a string of this file");
                return null;
            }

            strings.Add(text);
        }

        return strings;
    }

    private static void Broken(List<Diagnostic> diagnostics, ElfImage image, string detail)
        => diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.BrokenModuleList, Location.None(image.Path), image.Path, detail));
}

/// <summary>
/// The modules of a shared object and its load-order list; <paramref name="WasRead"/> is true when
/// <c>ngx_modules[]</c> and <c>ngx_module_names[]</c> were read to their ends (an empty list included).
/// </summary>
internal sealed record ModuleList(ImmutableArray<BuiltModule> Modules, ImmutableArray<string> Order, bool HasOrder, bool WasRead)
{
    public static ModuleList None { get; } = new([], [], false, false);
}
