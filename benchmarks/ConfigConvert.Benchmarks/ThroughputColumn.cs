using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ConfigConvert.Benchmarks;

/// <summary>MB/s of input: the size of the benchmark's input (its <c>Input</c> parameter) over the mean time.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Megabytes of input parsed per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var input = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Input")?.Value as string;
        var bytes = input switch
        {
            "typical" => System.Text.Encoding.UTF8.GetByteCount(Inputs.TypicalConfig),
            "large" => System.Text.Encoding.UTF8.GetByteCount(Inputs.LargeConfig),
            _ => 0,
        };
        if (report?.ResultStatistics is null || bytes == 0)
        {
            return "-";
        }

        var seconds = report.ResultStatistics.Mean / 1e9;
        return (bytes / seconds / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
