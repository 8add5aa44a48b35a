using System.Text;

namespace ConfigConvert.CSources.Tests;

/// <summary>Texts of pieces drawn at random, for the properties the quick scans keep, and a text as a failure shows it.</summary>
internal static class RandomTexts
{
    /// <summary><paramref name="count"/> texts, each of fewer than <paramref name="maxPieces"/> pieces, the same ones for the same seed.</summary>
    public static IEnumerable<string> Of(string[] pieces, int seed, int count, int maxPieces)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, maxPieces);
            for (var j = 0; j < length; j++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return text.ToString();
        }
    }

    /// <summary>The text with its backslashes, newlines and carriage returns escaped, as a failure message shows it.</summary>
    public static string Show(string text) => text.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r");
}
