namespace ConfigConvert.ModuleModel;

/// <summary>Where a config put a module in a module list, relative to the modules the list had.</summary>
public enum ModulePositionKind
{
    /// <summary>At the end of the list (also: into a list that was empty).</summary>
    Append,

    /// <summary>At the start of the list.</summary>
    Prepend,

    /// <summary>Right before <see cref="ModulePosition.Anchor"/>.</summary>
    Before,

    /// <summary>Right after <see cref="ModulePosition.Anchor"/>.</summary>
    After,
}

/// <summary>
/// A module's place in its module list. Order in a list matters for filters: they run in the reverse
/// of the list's order, and a dynamic build needs <c>ngx_module_order</c> to put them where a static
/// build did.
/// </summary>
public readonly record struct ModulePosition
{
    private ModulePosition(ModulePositionKind kind, string? anchor)
    {
        Kind = kind;
        Anchor = anchor;
    }

    /// <summary>At the end of the list.</summary>
    public static ModulePosition Append { get; } = new(ModulePositionKind.Append, null);

    /// <summary>At the start of the list.</summary>
    public static ModulePosition Prepend { get; } = new(ModulePositionKind.Prepend, null);

    /// <summary>Which place.</summary>
    public ModulePositionKind Kind { get; }

    /// <summary>The module it is placed before or after; null for <see cref="ModulePositionKind.Append"/> and <see cref="ModulePositionKind.Prepend"/>.</summary>
    public string? Anchor { get; }

    /// <summary>Right before <paramref name="module"/>.</summary>
    public static ModulePosition Before(string module) => new(ModulePositionKind.Before, module);

    /// <summary>Right after <paramref name="module"/>.</summary>
    public static ModulePosition After(string module) => new(ModulePositionKind.After, module);

    /// <summary>For messages: <c>append</c>, <c>prepend</c>, <c>before NAME</c>, <c>after NAME</c>.</summary>
    public override string ToString() => Kind switch
    {
        ModulePositionKind.Before => "before " + Anchor,
        ModulePositionKind.After => "after " + Anchor,
        ModulePositionKind.Prepend => "prepend",
        _ => "append",
    };
}
