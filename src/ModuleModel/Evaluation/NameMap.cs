using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// A persistent map from shell names (variables, functions) to values: a hash array mapped trie in
/// the CHAMP layout (each node keeps its entries apart from its subtrees, and a slot holds a subtree
/// only when two or more names fall in it). A change copies only the nodes on the path to its name,
/// so a world, a subshell or a snapshot shares everything else with the map it came from, and two
/// maps that descend from one another are compared by skipping the subtrees they share
/// (<see cref="Differences"/>): an outcome finds what a config changed among configure's hundreds of
/// globals by visiting only the paths it changed. <c>ImmutableDictionary</c>, used before, kept a
/// binary tree of hash buckets: deeper, a node allocated per level at every change, and nothing to
/// skip when comparing.
/// </summary>
/// <remarks>
/// Names are hashed with the runtime's randomized string hash, so that no config can choose names
/// that all collide. Names whose 32-bit hashes are equal share a collision node, searched in order.
/// <para>
/// A change may name an owner (<see cref="SetItem(string, TValue, object?)"/>): the nodes it makes then
/// belong to that owner, and a later change by the same owner changes them in place rather than copying
/// them again. A world sets a variable many times between two copies of its state (a loop of nginx's
/// scripts sets its variable at every turn, and each copy of the path cost several hundred bytes); its
/// state owns what it changed since its last copy, and gives up ownership whenever the map leaves it
/// (<see cref="ShellState"/>), so that a map anyone else holds is never changed.
/// </para>
/// </remarks>
internal sealed class NameMap<TValue> : IReadOnlyDictionary<string, TValue>
    where TValue : class
{
    private readonly Node _root;

    private NameMap(Node root, int count)
    {
        _root = root;
        Count = count;
    }

    public static NameMap<TValue> Empty { get; } = new(Node.EmptyNode, 0);

    public int Count { get; }

    public IEnumerable<string> Keys => this.Select(entry => entry.Key);

    public IEnumerable<TValue> Values => this.Select(entry => entry.Value);

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        value = _root.Find(key, key.GetHashCode(), 0);
        return value is not null;
    }

    /// <summary>This map with <paramref name="key"/> set to <paramref name="value"/>; this very map when it held that instance already.</summary>
    public NameMap<TValue> SetItem(string key, TValue value) => SetItem(key, value, owner: null);

    /// <summary>
    /// This map with <paramref name="key"/> set to <paramref name="value"/>, changing in place the nodes that
    /// <paramref name="owner"/> made (when not null): the caller must be the only holder of this map and
    /// of every map made by that owner, which then no longer hold what they held.
    /// </summary>
    public NameMap<TValue> SetItem(string key, TValue value, object? owner)
    {
        var root = _root.Set(key, key.GetHashCode(), 0, value, owner, out var added);
        return ReferenceEquals(root, _root) && !added ? this : new NameMap<TValue>(root, added ? Count + 1 : Count);
    }

    public NameMap<TValue> SetItems(IEnumerable<KeyValuePair<string, TValue>> items)
        => items.Aggregate(this, (map, item) => map.SetItem(item.Key, item.Value));

    /// <summary>This map without <paramref name="key"/>; this very map when it did not hold it.</summary>
    public NameMap<TValue> Remove(string key) => Remove(key, owner: null);

    /// <summary>This map without <paramref name="key"/>, changing in place what <paramref name="owner"/> made (see <see cref="SetItem(string, TValue, object?)"/>).</summary>
    public NameMap<TValue> Remove(string key, object? owner)
    {
        var root = _root.Remove(key, key.GetHashCode(), 0, owner, out var removed);
        return removed ? new NameMap<TValue>(root, Count - 1) : this;
    }

    /// <summary>
    /// Every name whose value is not the same instance in both maps, with its value in each (null
    /// where unset), in no particular order. Subtrees the maps share are skipped whole.
    /// </summary>
    public static List<(string Name, TValue? Before, TValue? After)> Differences(NameMap<TValue> before, NameMap<TValue> after)
    {
        var differences = new List<(string, TValue?, TValue?)>();
        Node.Compare(before._root, after._root, 0, differences);
        return differences;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        var entries = new List<KeyValuePair<string, TValue>>(Count);
        _root.AddEntries(entries);
        return entries.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// One level of the trie: five bits of the hash choose a slot, which holds an entry, a subtree,
    /// or nothing. Past the hash's 32 bits (<see cref="IsCollision"/>) a node is a plain list of the
    /// names that share one hash. A node with an owner has values and subtrees arrays of its own, which
    /// a change by that owner writes in place; its names array it may share, as no change writes one.
    /// </summary>
    private sealed class Node
    {
        private const int BitsPerLevel = 5;

        private readonly uint _dataMap;
        private readonly uint _nodeMap;
        private readonly string[] _keys;
        private readonly TValue[] _values;
        private readonly Node[] _children;
        private readonly object? _owner;

        private Node(uint dataMap, uint nodeMap, string[] keys, TValue[] values, Node[] children, object? owner = null)
        {
            _dataMap = dataMap;
            _nodeMap = nodeMap;
            _keys = keys;
            _values = values;
            _children = children;
            _owner = owner;
        }

        public static readonly Node EmptyNode = new(0, 0, [], [], []);

        public TValue? Find(string key, int hash, int shift)
        {
            var node = this;
            for (; !IsCollision(shift); shift += BitsPerLevel)
            {
                var bit = Bit(hash, shift);
                if ((node._dataMap & bit) != 0)
                {
                    var i = Index(node._dataMap, bit);
                    return string.Equals(node._keys[i], key, StringComparison.Ordinal) ? node._values[i] : null;
                }

                if ((node._nodeMap & bit) == 0)
                {
                    return null;
                }

                node = node._children[Index(node._nodeMap, bit)];
            }

            var at = Array.IndexOf(node._keys, key);
            return at < 0 ? null : node._values[at];
        }

        public Node Set(string key, int hash, int shift, TValue value, object? owner, out bool added)
        {
            if (IsCollision(shift))
            {
                return SetInCollision(key, value, owner, out added);
            }

            var bit = Bit(hash, shift);
            if ((_dataMap & bit) != 0)
            {
                var i = Index(_dataMap, bit);
                if (string.Equals(_keys[i], key, StringComparison.Ordinal))
                {
                    added = false;
                    return ReferenceEquals(_values[i], value) ? this : WithValue(i, value, owner);
                }

                added = true;
                var pair = Pair(_keys[i], _keys[i].GetHashCode(), _values[i], key, hash, value, shift + BitsPerLevel, owner);
                return new Node(_dataMap & ~bit, _nodeMap | bit, RemoveAt(_keys, i), RemoveAt(_values, i), Insert(_children, Index(_nodeMap, bit), pair), owner);
            }

            if ((_nodeMap & bit) != 0)
            {
                var j = Index(_nodeMap, bit);
                var child = _children[j].Set(key, hash, shift + BitsPerLevel, value, owner, out added);
                return ReferenceEquals(child, _children[j]) ? this : WithChild(j, child, owner);
            }

            added = true;
            var at = Index(_dataMap, bit);
            return new Node(_dataMap | bit, _nodeMap, Insert(_keys, at, key), Insert(_values, at, value), Own(_children, owner), owner);
        }

        public Node Remove(string key, int hash, int shift, object? owner, out bool removed)
        {
            if (IsCollision(shift))
            {
                var at = Array.IndexOf(_keys, key);
                removed = at >= 0;
                return removed ? new Node(0, 0, RemoveAt(_keys, at), RemoveAt(_values, at), [], owner) : this;
            }

            var bit = Bit(hash, shift);
            if ((_dataMap & bit) != 0)
            {
                var i = Index(_dataMap, bit);
                removed = string.Equals(_keys[i], key, StringComparison.Ordinal);
                return removed ? new Node(_dataMap & ~bit, _nodeMap, RemoveAt(_keys, i), RemoveAt(_values, i), Own(_children, owner), owner) : this;
            }

            if ((_nodeMap & bit) == 0)
            {
                removed = false;
                return this;
            }

            var j = Index(_nodeMap, bit);
            var child = _children[j].Remove(key, hash, shift + BitsPerLevel, owner, out removed);
            if (!removed)
            {
                return this;
            }

            // A subtree left with one entry becomes an entry of this node again, so that a slot holds
            // a subtree only when two or more names fall in it, whatever the order of the changes.
            if (child._keys.Length == 1 && child._children.Length == 0)
            {
                var at = Index(_dataMap, bit);
                return new Node(_dataMap | bit, _nodeMap & ~bit, Insert(_keys, at, child._keys[0]), Insert(_values, at, child._values[0]), RemoveAt(_children, j), owner);
            }

            return WithChild(j, child, owner);
        }

        /// <summary>This node with value <paramref name="i"/> replaced: in place when <paramref name="owner"/> made it.</summary>
        private Node WithValue(int i, TValue value, object? owner)
        {
            if (IsOwnedBy(owner))
            {
                _values[i] = value;
                return this;
            }

            return new Node(_dataMap, _nodeMap, _keys, Replace(_values, i, value), Own(_children, owner), owner);
        }

        /// <summary>This node with subtree <paramref name="j"/> replaced: in place when <paramref name="owner"/> made it.</summary>
        private Node WithChild(int j, Node child, object? owner)
        {
            if (IsOwnedBy(owner))
            {
                _children[j] = child;
                return this;
            }

            return new Node(_dataMap, _nodeMap, _keys, Own(_values, owner), Replace(_children, j, child), owner);
        }

        private bool IsOwnedBy(object? owner) => owner is not null && ReferenceEquals(_owner, owner);

        /// <summary>An array a new node of <paramref name="owner"/> may write in place: a copy, unless nothing can be written in it.</summary>
        private static T[] Own<T>(T[] array, object? owner) => owner is null || array.Length == 0 ? array : (T[])array.Clone();

        public void AddEntries(List<KeyValuePair<string, TValue>> entries)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                entries.Add(KeyValuePair.Create(_keys[i], _values[i]));
            }

            foreach (var child in _children)
            {
                child.AddEntries(entries);
            }
        }

        /// <summary>The differences between two nodes at the same place of two tries (see <see cref="Differences"/>).</summary>
        public static void Compare(Node before, Node after, int shift, List<(string, TValue?, TValue?)> differences)
        {
            if (ReferenceEquals(before, after))
            {
                return;
            }

            if (IsCollision(shift))
            {
                CompareCollisions(before, after, differences);
                return;
            }

            var slots = before._dataMap | before._nodeMap | after._dataMap | after._nodeMap;
            for (; slots != 0; slots &= slots - 1)
            {
                var bit = slots & (~slots + 1);
                if ((before._nodeMap & bit) != 0 && (after._nodeMap & bit) != 0)
                {
                    Compare(before._children[Index(before._nodeMap, bit)], after._children[Index(after._nodeMap, bit)], shift + BitsPerLevel, differences);
                }
                else if ((before._dataMap & after._dataMap & bit) != 0
                    && before._keys[Index(before._dataMap, bit)] is var name
                    && string.Equals(name, after._keys[Index(after._dataMap, bit)], StringComparison.Ordinal))
                {
                    var (old, value) = (before._values[Index(before._dataMap, bit)], after._values[Index(after._dataMap, bit)]);
                    if (!ReferenceEquals(old, value))
                    {
                        differences.Add((name, old, value));
                    }
                }
                else
                {
                    CompareSlot(before, after, bit, shift, differences);
                }
            }
        }

        /// <summary>Compares one slot of two nodes entry by entry, where it does not hold a subtree in both.</summary>
        private static void CompareSlot(Node before, Node after, uint bit, int shift, List<(string, TValue?, TValue?)> differences)
        {
            var entries = new List<KeyValuePair<string, TValue>>();
            after.AddSlotEntries(bit, entries);
            foreach (var (name, value) in entries)
            {
                var old = before.FindInSlot(bit, name, shift);
                if (!ReferenceEquals(old, value))
                {
                    differences.Add((name, old, value));
                }
            }

            entries.Clear();
            before.AddSlotEntries(bit, entries);
            foreach (var (name, old) in entries)
            {
                if (after.FindInSlot(bit, name, shift) is null)
                {
                    differences.Add((name, old, null));
                }
            }
        }

        /// <summary>Compares two collision nodes, whose names are in the order they were added.</summary>
        private static void CompareCollisions(Node before, Node after, List<(string, TValue?, TValue?)> differences)
        {
            for (var i = 0; i < after._keys.Length; i++)
            {
                var at = Array.IndexOf(before._keys, after._keys[i]);
                var old = at < 0 ? null : before._values[at];
                if (!ReferenceEquals(old, after._values[i]))
                {
                    differences.Add((after._keys[i], old, after._values[i]));
                }
            }

            for (var i = 0; i < before._keys.Length; i++)
            {
                if (Array.IndexOf(after._keys, before._keys[i]) < 0)
                {
                    differences.Add((before._keys[i], before._values[i], null));
                }
            }
        }

        private void AddSlotEntries(uint bit, List<KeyValuePair<string, TValue>> entries)
        {
            if ((_dataMap & bit) != 0)
            {
                var i = Index(_dataMap, bit);
                entries.Add(KeyValuePair.Create(_keys[i], _values[i]));
            }
            else if ((_nodeMap & bit) != 0)
            {
                _children[Index(_nodeMap, bit)].AddEntries(entries);
            }
        }

        private TValue? FindInSlot(uint bit, string key, int shift)
        {
            if ((_dataMap & bit) != 0)
            {
                var i = Index(_dataMap, bit);
                return string.Equals(_keys[i], key, StringComparison.Ordinal) ? _values[i] : null;
            }

            return (_nodeMap & bit) != 0 ? _children[Index(_nodeMap, bit)].Find(key, key.GetHashCode(), shift + BitsPerLevel) : null;
        }

        private Node SetInCollision(string key, TValue value, object? owner, out bool added)
        {
            var at = Array.IndexOf(_keys, key);
            added = at < 0;
            return added ? new Node(0, 0, [.. _keys, key], [.. _values, value], [], owner)
                : ReferenceEquals(_values[at], value) ? this
                : WithValue(at, value, owner);
        }

        /// <summary>A node of two entries with different names, at <paramref name="shift"/>.</summary>
        private static Node Pair(string key1, int hash1, TValue value1, string key2, int hash2, TValue value2, int shift, object? owner)
        {
            if (IsCollision(shift))
            {
                return new Node(0, 0, [key1, key2], [value1, value2], [], owner);
            }

            var bit1 = Bit(hash1, shift);
            var bit2 = Bit(hash2, shift);
            if (bit1 == bit2)
            {
                return new Node(0, bit1, [], [], [Pair(key1, hash1, value1, key2, hash2, value2, shift + BitsPerLevel, owner)], owner);
            }

            return bit1 < bit2
                ? new Node(bit1 | bit2, 0, [key1, key2], [value1, value2], [], owner)
                : new Node(bit1 | bit2, 0, [key2, key1], [value2, value1], [], owner);
        }

        /// <summary>True past the hash's last bits: levels at shifts 0 to 30 use them all (the last, two).</summary>
        private static bool IsCollision(int shift) => shift >= 32;

        private static uint Bit(int hash, int shift) => 1u << (int)(((uint)hash >> shift) & 31);

        private static int Index(uint map, uint bit) => BitOperations.PopCount(map & (bit - 1));

        private static T[] Replace<T>(T[] array, int index, T item)
        {
            var copy = (T[])array.Clone();
            copy[index] = item;
            return copy;
        }

        private static T[] Insert<T>(T[] array, int index, T item)
        {
            var copy = new T[array.Length + 1];
            Array.Copy(array, copy, index);
            copy[index] = item;
            Array.Copy(array, index, copy, index + 1, array.Length - index);
            return copy;
        }

        private static T[] RemoveAt<T>(T[] array, int index)
        {
            var copy = new T[array.Length - 1];
            Array.Copy(array, copy, index);
            Array.Copy(array, index + 1, copy, index, array.Length - index - 1);
            return copy;
        }
    }
}
