using System.Collections.Immutable;

namespace ConfigConvert.Verification.Nginx;

/// <summary>
/// Where a dynamic build puts modules, as configure wrote it: nginx's own list (<c>objs/ngx_modules.c</c>) and
/// each shared object's (<c>objs/NAME_modules.c</c> for <c>objs/NAME.so</c>). It is read from configure's
/// files, not from the module model, so that checking a conversion with it does not share the model's blind
/// spots (a module appended to a list the model does not know still shows up here).
/// </summary>
/// <param name="Nginx">nginx's own modules in the dynamic build, in order.</param>
/// <param name="SharedObjects">The modules of each shared object, in load order.</param>
internal sealed record DynamicModuleLists(ImmutableArray<string> Nginx, ImmutableArray<SharedObjectModules> SharedObjects)
{
    private const string SharedObjectSuffix = ".so";
    private const string ModulesFileSuffix = "_modules.c";

    /// <summary>Reads the lists configure wrote into <paramref name="objsDirectory"/> for the shared objects it declared.</summary>
    public static DynamicModuleLists Read(string objsDirectory, IEnumerable<string> sharedObjectNames)
    {
        var nginx = StaticBuildFacts.ModuleArray(File.ReadAllText(Path.Combine(objsDirectory, StaticBuildFiles.ModulesFileName)));
        var sharedObjects = sharedObjectNames.Select(so => new SharedObjectModules(
            so,
            [.. StaticBuildFacts.ModuleArray(File.ReadAllText(Path.Combine(objsDirectory, ModulesFileOf(so))))]));
        return new DynamicModuleLists([.. nginx], [.. sharedObjects]);
    }

    /// <summary>
    /// Where this build puts modules differently from what the original static build implies. The modules the
    /// original adds to nginx (those of <paramref name="originalStatic"/> that <paramref name="nginxAlone"/>, a build
    /// with no addon, lacks) must each be in a shared object, and nginx's own list must be exactly
    /// <paramref name="nginxAlone"/>'s. The differences follow the order of the original static build.
    /// </summary>
    public ImmutableArray<PlacementDifference> Compare(IReadOnlyList<string> originalStatic, IReadOnlyList<string> nginxAlone)
    {
        var alone = nginxAlone.ToHashSet(StringComparer.Ordinal);
        var added = originalStatic.Where(m => !alone.Contains(m)).ToList();
        var addedSet = added.ToHashSet(StringComparer.Ordinal);
        var inNginx = Nginx.ToHashSet(StringComparer.Ordinal);
        var inSharedObjects = SharedObjects.SelectMany(s => s.Modules).ToHashSet(StringComparer.Ordinal);

        var differences = ImmutableArray.CreateBuilder<PlacementDifference>();
        differences.AddRange(added.Where(m => !inNginx.Contains(m) && !inSharedObjects.Contains(m)).Select(m => new PlacementDifference(PlacementProblem.NotBuilt, m)));
        differences.AddRange(Nginx.Where(m => !alone.Contains(m)).Select(m => new PlacementDifference(PlacementProblem.LeftInNginx, m)));
        differences.AddRange(SharedObjects.SelectMany(s => s.Modules).Where(m => !addedSet.Contains(m)).Distinct().Select(m => new PlacementDifference(PlacementProblem.NotInOriginal, m)));
        differences.AddRange(nginxAlone.Where(m => !inNginx.Contains(m)).Select(m => new PlacementDifference(PlacementProblem.RemovedFromNginx, m)));
        return differences.ToImmutable();
    }

    // auto/make writes the list of objs/NAME.so into objs/NAME_modules.c.
    private static string ModulesFileOf(string sharedObject)
        => (sharedObject.EndsWith(SharedObjectSuffix, StringComparison.Ordinal) ? sharedObject[..^SharedObjectSuffix.Length] : sharedObject) + ModulesFileSuffix;
}
