using System.Collections.Immutable;
using ConfigConvert.Converter.Patches;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Converter.Verification;

/// <summary>What makes a conversion impossible to prove, found before anything is written.</summary>
internal static class Blockers
{
    /// <summary>
    /// Patches to nginx's sources (<see cref="NginxPatches"/>): shipped <c>*.patch</c>/<c>*.diff</c> files that
    /// change nginx's files or are not diffs at all, and programs the config runs on nginx's tree or on
    /// files it cannot know (<c>patch</c>, <c>sed -i</c>, <c>cp</c>), or redirections into <c>objs/</c>.
    /// </summary>
    /// <remarks>
    /// A patch that is not part of the build (<see cref="NginxPatches.IsOutsideBuild"/>: in a development
    /// folder, named by neither the config nor the instructions) goes to <paramref name="notes"/> instead,
    /// as <see cref="ConversionDiagnostics.PatchOutsideBuild"/>.
    /// </remarks>
    public static void FindPatches(ModuleDirectory module, ModuleDescription addon, List<Diagnostic> problems, List<Diagnostic> notes)
    {
        var configText = module.Config?.Text.Text ?? string.Empty;
        var instructions = new Lazy<ImmutableArray<string?>>(() => NginxPatches.ReadInstructions(module.Path));
        foreach (var file in SafeFiles(module.Path).Where(NginxPatches.IsPatchFileName))
        {
            var relative = Path.GetRelativePath(module.Path, file);
            var (patch, text) = ReadPatch(module.Path, relative, file);
            if (patch is { IsDiff: true, NginxFiles.IsEmpty: true })
            {
                continue;
            }

            // Either way at the first nginx file the diff names: the line a person opens to see what it changes.
            var outsideBuild = NginxPatches.IsOutsideBuild(relative, configText, () => instructions.Value);
            var found = Diagnostic.Create(outsideBuild ? ConversionDiagnostics.PatchOutsideBuild : ConversionDiagnostics.PatchesNginx, PatchLocation(file, patch, text), ShippedPatch(relative, patch));
            (outsideBuild ? notes : problems).Add(found);
        }

        foreach (var change in NginxPatches.FindCommands([addon], module.Path))
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.PatchesNginx, change.Location, $"the config runs `{change.Program.Split(' ')[0]}`"));
        }

        var writes = module.Config is { } config ? NginxPatches.FindObjsWrites(config, [addon]) : [];
        foreach (var write in writes.Concat(NginxPatches.FindSourceWrites([addon])))
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.PatchesNginx, write.Location, $"the config writes `{write.NginxFiles[0]}`"));
        }
    }

    /// <summary>
    /// A patch file that cannot be read is not known to be harmless: it counts as one that is not a diff. One with no
    /// size of its own (a FIFO, a device) is read as empty without being opened, as the check reads it: opening a FIFO
    /// waits for a writer.
    /// </summary>
    private static (PatchFile? Patch, SourceText? Text) ReadPatch(string moduleDirectory, string relative, string path)
    {
        try
        {
            if (BoundedFile.ReadFoundFile(path) is not { } bytes)
            {
                return (null, null);
            }

            var text = SourceText.From(bytes);
            return (NginxPatches.ReadPatchFile(moduleDirectory, relative, text.Text), text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    /// <summary>The first nginx file the diff names, in the patch itself: the line a person opens to see what it changes.</summary>
    private static Location PatchLocation(string path, PatchFile? patch, SourceText? text)
        => patch is { NginxFiles: [var first, ..] } && text is not null ? Location.Create(path, text, first.Span) : Location.None(path);

    private static string ShippedPatch(string relative, PatchFile? patch) => patch switch
    {
        { IsDiff: true, NginxFiles: [var only] } => $"the module ships `{relative}`, which changes nginx's `{only.NginxPath}`",
        { IsDiff: true, NginxFiles: [var first, .. var rest] } => $"the module ships `{relative}`, which changes nginx's `{first.NginxPath}` and {rest.Length} more of its files",
        _ => $"the module ships `{relative}`, which is not a diff that can be read, so what it changes in nginx is not known",
    };

    /// <summary>
    /// Registration globals whose new value holds something the model cannot know, except what the
    /// <paramref name="kept"/> lines (nginx's own build, kept where they are) put there.
    /// </summary>
    /// <remarks>An unknown the model could not place is reported at the first assignment to the list it reached.</remarks>
    public static void FindUnknownRegistrations(SyntaxTree tree, ModuleDescription addon, IReadOnlyList<Location> kept, List<Diagnostic> problems)
    {
        foreach (var outcome in addon.Outcomes)
        {
            foreach (var (name, value) in outcome.ChangedVariables)
            {
                // A path or a flag from the environment (CORE_INCS="$CORE_INCS $LUAJIT_INC") is carried by name:
                // the new description names the same variable, and the self-check compares the two. A module
                // name from it is not: which shared object holds which module cannot be known then.
                var fromEnvironment = ModuleType.FromModulesList(name) is null && value is not null && value.Unknowns.All(u => u.EnvironmentVariable is not null);
                var unknowns = value?.Unknowns.Where(u => !kept.Any(k => k.Contains(u.Location))).ToList() ?? [];
                if (unknowns.Count > 0 && Registrations.RegistrationFinder.IsRegistrationGlobal(name) && !fromEnvironment)
                {
                    // The unknown part itself says what the registration depends on, and where.
                    var unknown = unknowns[0];
                    problems.Add(Diagnostic.Create(
                        ConversionDiagnostics.UnknownRegistration,
                        unknown.Location ?? Assignments.First(tree, name) ?? Location.None(tree.FilePath),
                        unknown.Reason));
                    return;
                }
            }
        }
    }

    private static IEnumerable<string> SafeFiles(string directory)
    {
        try
        {
            // Sorted, so that the findings come out in the same order on every file system.
            return Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = 16 })
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
