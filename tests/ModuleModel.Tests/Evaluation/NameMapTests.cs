using ConfigConvert.ModuleModel.Evaluation;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// The persistent map of shell names against a plain dictionary that is changed the same way: what
/// each map holds, what it enumerates, and the differences between two maps, over random changes
/// and over names whose hashes collide (found at run time: the hash is randomized per process); and
/// changes made in place by an owner, which no map that left the owner may see.
/// </summary>
public sealed class NameMapTests
{
    private sealed class Value(int number)
    {
        public override string ToString() => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 400)]
    [InlineData(3, 3000)]
    public void Random_changes_hold_what_a_dictionary_holds(int seed, int names)
    {
        var random = new Random(seed);
        var map = NameMap<Value>.Empty;
        var expected = new Dictionary<string, Value>(StringComparer.Ordinal);
        for (var step = 0; step < names * 4; step++)
        {
            var name = "v" + random.Next(names);
            (map, expected) = Change(random, map, expected, name);
            if (step % 97 == 0)
            {
                AssertHolds(expected, map);
            }
        }

        AssertHolds(expected, map);
    }

    [Theory]
    [InlineData(8, 40)]
    [InlineData(9, 400)]
    [InlineData(10, 3000)]
    public void Changes_in_place_by_an_owner_leave_every_map_that_left_it_as_it_was(int seed, int names)
    {
        var random = new Random(seed);
        var map = NameMap<Value>.Empty;
        var expected = new Dictionary<string, Value>(StringComparer.Ordinal);
        var left = new List<(NameMap<Value> Map, Dictionary<string, Value> Held)>();
        var owner = new object();
        for (var step = 0; step < names * 4; step++)
        {
            if (random.Next(8) == 0)
            {
                // The map leaves its owner, as a world's state does at a snapshot: kept as it is, and what
                // follows is another owner's.
                left.Add((map, new Dictionary<string, Value>(expected, StringComparer.Ordinal)));
                owner = new object();
            }

            (map, expected) = Change(random, map, expected, "v" + random.Next(names), owner);
        }

        AssertHolds(expected, map);
        Assert.NotEmpty(left);
        foreach (var (leftMap, held) in left)
        {
            AssertHolds(held, leftMap);
        }

        AssertDifferences(left[^1].Held, expected, left[^1].Map, map);
        AssertDifferences(left[0].Held, left[^1].Held, left[0].Map, left[^1].Map);
    }

    [Fact]
    public void An_owner_changes_in_place_only_what_it_made()
    {
        var (one, two, three) = (new Value(1), new Value(2), new Value(3));
        var shared = NameMap<Value>.Empty.SetItem("a", one).SetItem("b", two);
        var owner = new object();

        var first = shared.SetItem("a", three, owner);
        var second = first.SetItem("b", three, owner).SetItem("c", one, owner).Remove("a", owner);

        AssertHolds(new Dictionary<string, Value>(StringComparer.Ordinal) { ["a"] = one, ["b"] = two }, shared);
        AssertHolds(new Dictionary<string, Value>(StringComparer.Ordinal) { ["b"] = three, ["c"] = one }, second);
        Assert.Same(second, second.SetItem("b", three, owner));
    }

    [Fact]
    public void Setting_the_value_held_or_removing_a_name_not_held_keeps_the_same_map()
    {
        var value = new Value(1);
        var map = NameMap<Value>.Empty.SetItem("a", value).SetItem("b", new Value(2));

        Assert.Same(map, map.SetItem("a", value));
        Assert.Same(map, map.Remove("c"));
        Assert.NotSame(map, map.SetItem("a", new Value(1)));
        Assert.Same(NameMap<Value>.Empty, NameMap<Value>.Empty.Remove("a"));
    }

    [Theory]
    [InlineData(4, 10)]
    [InlineData(5, 300)]
    [InlineData(6, 2000)]
    public void Differences_of_a_map_and_one_changed_from_it_are_the_names_whose_value_is_another_instance(int seed, int names)
    {
        var random = new Random(seed);
        var (before, beforeExpected) = Build(random, names);
        for (var round = 0; round < 20; round++)
        {
            var (after, afterExpected) = (before, new Dictionary<string, Value>(beforeExpected, StringComparer.Ordinal));
            var changes = random.Next(1 + (round * round));
            for (var i = 0; i < changes; i++)
            {
                (after, afterExpected) = Change(random, after, afterExpected, "v" + random.Next(names * 2));
            }

            AssertDifferences(beforeExpected, afterExpected, before, after);
            AssertDifferences(afterExpected, beforeExpected, after, before);
        }
    }

    [Fact]
    public void Maps_built_in_different_orders_have_no_differences_when_they_hold_the_same_instances()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 500).ToDictionary(i => "name" + i, i => new Value(i));
        var inOrder = NameMap<Value>.Empty.SetItems(values);
        var shuffled = values.OrderBy(_ => random.Next()).Aggregate(NameMap<Value>.Empty, (map, entry) => map.SetItem(entry.Key, entry.Value));
        var throughRemovals = values.Keys.Select(n => "other" + n).Aggregate(inOrder, (map, name) => map.SetItem(name, new Value(0)));
        throughRemovals = values.Keys.Select(n => "other" + n).Aggregate(throughRemovals, (map, name) => map.Remove(name));

        Assert.Empty(NameMap<Value>.Differences(inOrder, shuffled));
        Assert.Empty(NameMap<Value>.Differences(throughRemovals, shuffled));
        AssertHolds(values, throughRemovals);
    }

    [Fact]
    public void Names_whose_hashes_collide_are_kept_apart()
    {
        var (first, second, third) = CollidingNames();
        Assert.Equal(first.GetHashCode(), third.GetHashCode());
        var (one, two, three) = (new Value(1), new Value(2), new Value(3));
        var map = NameMap<Value>.Empty.SetItem(first, one).SetItem(second, two).SetItem("other", three);
        var expected = new Dictionary<string, Value>(StringComparer.Ordinal) { [first] = one, [second] = two, ["other"] = three };
        AssertHolds(expected, map);

        var changed = map.SetItem(second, three).SetItem(third, one).Remove(first);
        var changedExpected = new Dictionary<string, Value>(expected, StringComparer.Ordinal) { [second] = three, [third] = one };
        changedExpected.Remove(first);
        AssertHolds(changedExpected, changed);
        AssertDifferences(expected, changedExpected, map, changed);
        AssertDifferences(changedExpected, expected, changed, map);

        var emptied = changed.Remove(second).Remove(third);
        AssertHolds(new Dictionary<string, Value>(StringComparer.Ordinal) { ["other"] = three }, emptied);
        AssertDifferences(changedExpected, new Dictionary<string, Value>(StringComparer.Ordinal) { ["other"] = three }, changed, emptied);

        // The same changes by an owner, in place after the first: the map they started from is untouched.
        var owner = new object();
        var owned = map.SetItem(second, three, owner).SetItem(third, one, owner).SetItem(second, two, owner).SetItem(second, three, owner).Remove(first, owner);
        AssertHolds(changedExpected, owned);
        AssertHolds(expected, map);
        AssertHolds(new Dictionary<string, Value>(StringComparer.Ordinal) { ["other"] = three }, owned.Remove(second, owner).Remove(third, owner));
    }

    private static (NameMap<Value>, Dictionary<string, Value>) Change(Random random, NameMap<Value> map, Dictionary<string, Value> expected, string name, object? owner = null)
    {
        switch (random.Next(4))
        {
            case 0:
                expected.Remove(name);
                return (map.Remove(name, owner), expected);
            case 1 when expected.TryGetValue(name, out var held):
                return (map.SetItem(name, held, owner), expected);
            default:
                var value = new Value(random.Next());
                expected[name] = value;
                return (map.SetItem(name, value, owner), expected);
        }
    }

    private static (NameMap<Value>, Dictionary<string, Value>) Build(Random random, int names)
    {
        var expected = new Dictionary<string, Value>(StringComparer.Ordinal);
        for (var i = 0; i < names; i++)
        {
            expected["v" + random.Next(names * 2)] = new Value(i);
        }

        return (NameMap<Value>.Empty.SetItems(expected), expected);
    }

    private static void AssertHolds(Dictionary<string, Value> expected, NameMap<Value> map)
    {
        Assert.Equal(expected.Count, map.Count);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), map.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in expected)
        {
            Assert.True(map.TryGetValue(name, out var held), name);
            Assert.Same(value, held);
        }

        Assert.False(map.ContainsKey("absent"));
    }

    private static void AssertDifferences(Dictionary<string, Value> before, Dictionary<string, Value> after, NameMap<Value> beforeMap, NameMap<Value> afterMap)
    {
        var expected = before.Keys.Union(after.Keys)
            .Select(name => (Name: name, Before: before.GetValueOrDefault(name), After: after.GetValueOrDefault(name)))
            .Where(d => !ReferenceEquals(d.Before, d.After))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
        var actual = NameMap<Value>.Differences(beforeMap, afterMap).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(expected.Select(d => d.Name), actual.Select(d => d.Name));
        Assert.All(expected.Zip(actual), pair =>
        {
            Assert.Same(pair.First.Before, pair.Second.Before);
            Assert.Same(pair.First.After, pair.Second.After);
        });
    }

    /// <summary>
    /// Three names with one 32-bit hash (a collision node that grows past two). Among ten million
    /// names about nine such triples are expected; the hashes are sorted to find one, then the names
    /// that give it are found again.
    /// </summary>
    private static (string, string, string) CollidingNames()
    {
        const int batch = 10_000_000;
        var hashes = new int[batch];
        for (var start = 0; ; start += batch)
        {
            for (var i = 0; i < batch; i++)
            {
                hashes[i] = HashOf(start + i);
            }

            Array.Sort(hashes);
            var at = Enumerable.Range(2, batch - 2).FirstOrDefault(i => hashes[i] == hashes[i - 2], -1);
            if (at >= 0)
            {
                var names = Enumerable.Range(start, batch).Where(i => HashOf(i) == hashes[at]).Take(3).Select(Name).ToList();
                return (names[0], names[1], names[2]);
            }
        }

        static string Name(int i) => "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

        static int HashOf(int i)
        {
            Span<char> name = stackalloc char[12];
            name[0] = 'n';
            i.TryFormat(name[1..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            return string.GetHashCode(name[..(written + 1)]);
        }
    }
}
