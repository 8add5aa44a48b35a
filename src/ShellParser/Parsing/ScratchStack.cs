using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ConfigConvert.ShellParser;

/// <summary>
/// Lists under construction, shared by the nested calls of one parse: a call notes where its items
/// start (<see cref="Mark"/>), adds them, and takes them out as a list node (<see cref="PopList"/>). Calls
/// nest (a word's parts hold a <c>$(...)</c> whose commands hold words), and an inner call always takes
/// its items out before the outer one adds more, so one buffer serves them all and building a list
/// allocates nothing but its final array.
/// </summary>
internal sealed class ScratchStack<T>
    where T : SyntaxElement
{
    private T[] _items = new T[16];
    private int _count;

    /// <summary>Where the items a caller is about to add will start.</summary>
    public int Mark => _count;

    /// <summary>How many items were added since <paramref name="mark"/>.</summary>
    public int CountFrom(int mark) => _count - mark;

    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        // `_items` is exactly a T[] and `item` a T: the store needs none of the covariance check an
        // array of a class type costs (a store into an array happens for every part, word and command).
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_items), _count++) = item;
    }

    /// <summary>The items added since <paramref name="mark"/> as a list node, removed from the stack.</summary>
    public SyntaxList<T> PopList(int mark)
    {
        var list = SyntaxList<T>.Create(_items.AsSpan(mark, _count - mark));
        DropFrom(mark);
        return list;
    }

    /// <summary>The one item added since <paramref name="mark"/>, removed from the stack.</summary>
    public T PopOne(int mark)
    {
        var item = _items[mark];
        DropFrom(mark);
        return item;
    }

    /// <summary>Forgets the items added since <paramref name="mark"/>.</summary>
    public void DropFrom(int mark)
    {
        // Cleared so that the buffer does not keep nodes of finished statements alive.
        // Most lists hold an item or two: a loop of null stores (which need no check) beats a call.
        for (var i = mark; i < _count; i++)
        {
            _items[i] = null!;
        }

        _count = mark;
    }
}
