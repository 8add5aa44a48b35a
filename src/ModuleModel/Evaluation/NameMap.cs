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
    public NameMap<TValue> SetItem(string key, TValue value)
    {
        var root = _root.Set(key, key.GetHashCode(), 0, value, out var added);
        return ReferenceEquals(root, _root) ? this : new NameMap<TValue>(root, added ? Count + 1 : Count);
    }

    public NameMap<TValue> SetItems(IEnumerable<KeyValuePair<string, TValue>> items)
        => items.Aggregate(this, (map, item) => map.SetItem(item.Key, item.Value));

    /// <summary>This map without <paramref name="key"/>; this very map when it did not hold it.</summary>
    public NameMap<TValue> Remove(string key)
    {
        var root = _root.Remove(key, key.GetHashCode(), 0, out var removed);
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
    /// names that share one hash.
    /// </summary>
    private sealed class Node
    {
        private const int BitsPerLevel = 5;

        private readonly uint _dataMap;
        private readonly uint _nodeMap;
        private readonly string[] _keys;
        private readonly TValue[] _values;
        private readonly Node[] _children;

        private Node(uint dataMap, uint nodeMap, string[] keys, TValue[] values, Node[] children)
        {
            _dataMap = dataMap;
            _nodeMap = nodeMap;
            _keys = keys;
            _values = values;
            _children = children;
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

        public Node Set(string key, int hash, int shift, TValue value, out bool added)
        {
            if (IsCollision(shift))
            {
                return SetInCollision(key, value, out added);
            }

            var bit = Bit(hash, shift);
            if ((_dataMap & bit) != 0)
            {
                var i = Index(_dataMap, bit);
                if (string.Equals(_keys[i], key, StringComparison.Ordinal))
                {
                    added = false;
                    return ReferenceEquals(_values[i], value) ? this : new Node(_dataMap, _nodeMap, _keys, Replace(_values, i, value), _children);
                }

                added = true;
                var pair = Pair(_keys[i], _keys[i].GetHashCode(), _values[i], key, hash, value, shift + BitsPerLevel);
                return new Node(_dataMap & ~bit, _nodeMap | bit, RemoveAt(_keys, i), RemoveAt(_values, i), Insert(_children, Index(_nodeMap, bit), pair));
            }

            if ((_nodeMap & bit) != 0)
            {
                var j = Index(_nodeMap, bit);
                var child = _children[j].Set(key, hash, shift + BitsPerLevel, value, out added);
                return ReferenceEquals(child, _children[j]) ? this : new Node(_dataMap, _nodeMap, _keys, _values, Replace(_children, j, child));
            }

            added = true;
            var at = Index(_dataMap, bit);
            return new Node(_dataMap | bit, _nodeMap, Insert(_keys, at, key), Insert(_values, at, value), _children);
        }

        public Node Remove(string key, int hash, int shift, out bool removed)
        {
            if (IsCollision(shift))
            {
                var at = Array.IndexOf(_keys, key);
                removed = at >= 0;
                return removed ? new Node(0, 0, RemoveAt(_keys, at), RemoveAt(_values, at), []) : this;
            }

            var bit = Bit(hash, shift);
            if ((_dataMap & bit) != 0)
            {
                var i = Index(_dataMap, bit);
                removed = string.Equals(_keys[i], key, StringComparison.Ordinal);
                return removed ? new Node(_dataMap & ~bit, _nodeMap, RemoveAt(_keys, i), RemoveAt(_values, i), _children) : this;
            }

            if ((_nodeMap & bit) == 0)
            {
                removed = false;
                return this;
            }

            var j = Index(_nodeMap, bit);
            var child = _children[j].Remove(key, hash, shift + BitsPerLevel, out removed);
            if (!removed)
            {
                return this;
            }

            // A subtree left with one entry becomes an entry of this node again, so that a slot holds
            // a subtree only when two or more names fall in it, whatever the order of the changes.
            if (child._keys.Length == 1 && child._children.Length == 0)
            {
                var at = Index(_dataMap, bit);
                return new Node(_dataMap | bit, _nodeMap & ~bit, Insert(_keys, at, child._keys[0]), Insert(_values, at, child._values[0]), RemoveAt(_children, j));
            }

            return new Node(_dataMap, _nodeMap, _keys, _values, Replace(_children, j, child));
        }

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

        private Node SetInCollision(string key, TValue value, out bool added)
        {
            var at = Array.IndexOf(_keys, key);
            added = at < 0;
            return added ? new Node(0, 0, [.. _keys, key], [.. _values, value], [])
                : ReferenceEquals(_values[at], value) ? this
                : new Node(0, 0, _keys, Replace(_values, at, value), []);
        }

        /// <summary>A node of two entries with different names, at <paramref name="shift"/>.</summary>
        private static Node Pair(string key1, int hash1, TValue value1, string key2, int hash2, TValue value2, int shift)
        {
            if (IsCollision(shift))
            {
                return new Node(0, 0, [key1, key2], [value1, value2], []);
            }

            var bit1 = Bit(hash1, shift);
            var bit2 = Bit(hash2, shift);
            if (bit1 == bit2)
            {
                return new Node(0, bit1, [], [], [Pair(key1, hash1, value1, key2, hash2, value2, shift + BitsPerLevel)]);
            }

            return bit1 < bit2
                ? new Node(bit1 | bit2, 0, [key1, key2], [value1, value2], [])
                : new Node(bit1 | bit2, 0, [key2, key1], [value2, value1], []);
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
