using System.Globalization;

namespace ConfigConvert.Cli.Hosting;

/// <summary>What Linux says, under <c>/sys/kernel/mm/transparent_hugepage</c>, of the huge pages it gives a process's private memory.</summary>
internal static class TransparentHugePages
{
    private const string Settings = "/sys/kernel/mm/transparent_hugepage/";

    /// <summary>The size of a huge page where the kernel gives them to memory that asks (its mode <c>always</c> or <c>madvise</c>); 0 where it does not, or cannot say.</summary>
    public static ulong OnRequestSize()
    {
        return AllowsOnRequest(ReadSetting("enabled")) && ulong.TryParse(ReadSetting("hpage_pmd_size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0;
    }

    /// <summary>
    /// True for the modes <c>always</c> and <c>madvise</c>, which the setting shows in brackets among the others
    /// (<c>always [madvise] never</c>); false for <c>never</c> and for anything unreadable.
    /// </summary>
    public static bool AllowsOnRequest(string enabled) => enabled.Contains("[always]", StringComparison.Ordinal) || enabled.Contains("[madvise]", StringComparison.Ordinal);

    private static string ReadSetting(string name)
    {
        try
        {
            return File.ReadAllText(Settings + name).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
