using ConfigConvert.Cli.Hosting;

namespace ConfigConvert.Cli.Tests.Hosting;

/// <summary>The kernel's mode of transparent huge pages, as <c>/sys/kernel/mm/transparent_hugepage/enabled</c> shows it.</summary>
public sealed class TransparentHugePagesTests
{
    [Theory]
    [InlineData("always [madvise] never", true)]
    [InlineData("[always] madvise never", true)]
    [InlineData("always madvise [never]", false)]
    [InlineData("always inherit madvise [never]", false)]
    [InlineData("always madvise never", false)]
    [InlineData("", false)]
    public void Pages_are_given_on_request_in_the_modes_always_and_madvise(string enabled, bool allows)
        => Assert.Equal(allows, TransparentHugePages.AllowsOnRequest(enabled));
}
