using ConfigConvert.ModuleModel.Evaluation;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// A world's state changes its variable map in place between two copies of it; a map that left the state (read
/// whole, or held by a copy: a snapshot, a subshell) must never see those changes, nor the state see the copy's.
/// </summary>
public sealed class ShellStateTests
{
    [Fact]
    public void A_map_read_whole_keeps_what_it_held_when_the_state_changes_again()
    {
        var state = new ShellState();
        state.SetVariable("a", ShellValue.Text("1"));
        state.SetVariable("a", ShellValue.Text("2"));
        var read = state.Variables;

        state.SetVariable("a", ShellValue.Text("3"));
        state.SetVariable("b", ShellValue.Text("4"));
        state.Unset("a");

        Assert.Equal("2", read["a"].KnownText);
        Assert.False(read.ContainsKey("b"));
        Assert.False(state.TryGetVariable("a", out _));
        Assert.True(state.TryGetVariable("b", out var b) && b.KnownText == "4");
    }

    [Fact]
    public void A_copy_and_its_original_change_apart()
    {
        var state = new ShellState();
        foreach (var i in Enumerable.Range(0, 200))
        {
            state.SetVariable("v" + i, ShellValue.Text("original"));
        }

        var copy = state.Clone();
        state.SetVariable("v1", ShellValue.Text("state"));
        copy.SetVariable("v1", ShellValue.Text("copy"));
        copy.SetVariable("v2", ShellValue.Text("copy"));
        state.Unset("v3");

        Assert.True(state.TryGetVariable("v1", out var one) && one.KnownText == "state");
        Assert.True(state.TryGetVariable("v2", out var two) && two.KnownText == "original");
        Assert.True(copy.TryGetVariable("v1", out var copied) && copied.KnownText == "copy");
        Assert.True(copy.TryGetVariable("v3", out var three) && three.KnownText == "original");
        Assert.Equal(["v1", "v2"], NameMap<ShellValue>.Differences(state.Variables, copy.Variables).Select(d => d.Name).Where(n => n != "v3").Order(StringComparer.Ordinal));
    }
}
