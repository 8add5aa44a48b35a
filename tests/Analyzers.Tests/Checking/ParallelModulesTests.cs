namespace ConfigConvert.Analyzers.Tests.Checking;

/// <summary>
/// Modules are handed to the threads one at a time (<see cref="ParallelModules.OneAtATime"/>): a thread that asks
/// for more work near the end of a tree takes one module, never a range of them that another thread could share.
/// </summary>
public sealed class ParallelModulesTests
{
    [Fact]
    public void Threads_that_ask_in_turn_take_one_module_each_time()
    {
        var modules = Enumerable.Range(0, 40).Select(i => $"m{i}").ToList();
        var partitions = ParallelModules.OneAtATime(modules).GetOrderablePartitions(2);
        var taken = new List<(int Thread, long Index)>();
        bool[] going = [true, true];
        while (going[0] || going[1])
        {
            for (var thread = 0; thread < 2; thread++)
            {
                if (going[thread] && (going[thread] = partitions[thread].MoveNext()))
                {
                    taken.Add((thread, partitions[thread].Current.Key));
                    Assert.Equal(modules[(int)partitions[thread].Current.Key], partitions[thread].Current.Value);
                }
            }
        }

        // In turn, in the order of the list: the load-balancing partitioner of a list gave one thread 6 and 7, then
        // 10 and 11, and ranges of four from the 24th module on.
        Assert.Equal(Enumerable.Range(0, 40).Select(i => ((i % 2), (long)i)), taken.Select(t => (t.Thread, t.Index)));
    }

    [Fact]
    public void The_results_come_in_the_order_of_the_modules_whatever_finished_first()
    {
        var modules = Enumerable.Range(0, 30).Select(i => $"m{i}").ToList();

        // The first modules take longest, so that later ones finish first.
        var results = ParallelModules.Run(modules, 4, module => { Thread.Sleep(30 - int.Parse(module[1..], System.Globalization.CultureInfo.InvariantCulture)); return new CheckedModule(module, []); }, progress: null);
        Assert.Equal(modules, results.Select(r => r.Directory));
    }
}
