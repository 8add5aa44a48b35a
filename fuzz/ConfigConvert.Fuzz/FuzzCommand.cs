using System.Diagnostics;

namespace ConfigConvert.Fuzz;

/// <summary>
/// The harness's command line: <c>list</c>; <c>fuzz TARGET</c> (under afl-fuzz, input on standard
/// input, persistent mode); <c>replay TARGET FILE...</c> (runs saved inputs, prints each failure with
/// its stack trace); <c>seed TARGET REPOSITORY DIR [MAX]</c> (writes the starting corpus, read from the
/// repository's fixtures, into DIR); <c>dictionaries TARGET REPOSITORY</c> (the afl-fuzz dictionaries of the target's
/// input language, a path a line).
/// </summary>
internal static class FuzzCommand
{
    // A replayed input may take this long, JIT included; the evaluator's own step bound and afl-fuzz's
    // -t catch what loops for ever long before.
    private static readonly TimeSpan ReplayBound = TimeSpan.FromSeconds(20);

    public static int Run(string[] args)
    {
        if (args.Length == 1 && args[0] == "list")
        {
            foreach (var target in FuzzTargets.All)
            {
                Console.WriteLine($"{target.Name}\t{target.Description}");
            }

            return 0;
        }

        var chosen = args.Length >= 2 ? FuzzTargets.Find(args[1]) : null;
        return (args.FirstOrDefault(), chosen) switch
        {
            ("fuzz", { } target) when args.Length == 2 => Fuzz(target),
            ("replay", { } target) when args.Length >= 3 => Replay(target, args[2..]),
            ("dictionaries", { } target) when args.Length == 3 => Dictionaries(target, args[2]),
            ("seed", { } target) when args.Length is 4 or 5 => Seed(target, args[2], args[3], args.Length == 5 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue),
            _ => Usage(),
        };
    }

    private static int Fuzz(FuzzTarget target)
    {
        SharpFuzz.Fuzzer.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        return 0;
    }

    private static int Replay(FuzzTarget target, IEnumerable<string> files)
    {
        try
        {
            return ReplayEach(target, files);
        }
        finally
        {
            Workspace.Remove();
        }
    }

    private static int ReplayEach(FuzzTarget target, IEnumerable<string> files)
    {
        var failures = 0;
        foreach (var file in files)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                target.Run(File.ReadAllBytes(file));
            }
            catch (Exception e)
            {
                failures++;
                Console.Error.WriteLine($"{file}: {target.Name}: {e}");
                continue;
            }

            if (watch.Elapsed > ReplayBound)
            {
                failures++;
                Console.Error.WriteLine($"{file}: {target.Name}: took {watch.Elapsed.TotalSeconds:0.0} s, more than the bound of {ReplayBound.TotalSeconds} s");
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static int Seed(FuzzTarget target, string repository, string directory, int max)
    {
        Directory.CreateDirectory(directory);
        var seeds = SeedSelection.Choose(target.Seeds(Path.GetFullPath(repository)), max);
        foreach (var (name, content) in seeds)
        {
            File.WriteAllBytes(Path.Combine(directory, name), content);
        }

        Console.WriteLine($"{target.Name}: {seeds.Count} seed(s) in {directory}");
        return seeds.Count == 0 ? 1 : 0;
    }

    // One path a line, for afl-fuzz's -x; none for a target whose input has no tokens (elf).
    private static int Dictionaries(FuzzTarget target, string repository)
    {
        foreach (var name in target.Dictionaries)
        {
            var path = Path.Combine(Path.GetFullPath(repository), "fuzz", "dictionaries", name);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{target.Name}: no dictionary {path}");
                return 1;
            }

            Console.WriteLine(path);
        }

        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ConfigConvert.Fuzz list | fuzz TARGET | replay TARGET FILE... | seed TARGET REPOSITORY DIR [MAX] | dictionaries TARGET REPOSITORY");
        Console.Error.WriteLine("targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)));
        return 2;
    }
}
