using Spectre.Console;

namespace ConfigConvert.Cli;

/// <summary>
/// A progress bar on standard error while a tree of modules is worked on, when the console is a terminal;
/// nothing at all otherwise (output redirected to a file or a pipe, as in CI). The bar is cleared when
/// the work ends, so what stays on the screen is the same as without it.
/// </summary>
internal static class RunProgress
{
    /// <summary>Runs <paramref name="work"/>, giving it a progress to report (done, total) to, or null when nothing is shown.</summary>
    public static T Run<T>(CliConsole console, string title, Func<IProgress<(int Done, int Total)>?, T> work)
    {
        if (!console.ShowsProgress)
        {
            return work(null);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Yes,
        });
        return terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => work(new TaskProgress(context.AddTask(title, maxValue: 1))));
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            lock (task)
            {
                task.MaxValue = Math.Max(value.Total, 1);
                task.Value = Math.Max(task.Value, value.Done);
            }
        }
    }
}
