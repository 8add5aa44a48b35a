using System.Runtime.CompilerServices;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// Pairs compared by the identity of both members (a null member equals only null): the keys of memos
/// whose members are shared instances (a tree and its node, a list and the value appended to it),
/// where comparing by content would cost what the memo saves.
/// </summary>
internal sealed class IdentityPairComparer<TFirst, TSecond> : IEqualityComparer<(TFirst First, TSecond Second)>
    where TFirst : class?
    where TSecond : class?
{
    public static IdentityPairComparer<TFirst, TSecond> Instance { get; } = new();

    public bool Equals((TFirst First, TSecond Second) x, (TFirst First, TSecond Second) y)
        => ReferenceEquals(x.First, y.First) && ReferenceEquals(x.Second, y.Second);

    public int GetHashCode((TFirst First, TSecond Second) obj)
        => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.First), RuntimeHelpers.GetHashCode(obj.Second));
}
