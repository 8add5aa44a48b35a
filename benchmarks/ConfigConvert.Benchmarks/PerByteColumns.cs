using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ConfigConvert.Benchmarks;

/// <summary>Adds MB/s of input and bytes allocated per input byte to the default columns.</summary>
internal sealed class PerByteConfig : ManualConfig
{
    public PerByteConfig()
    {
        AddColumn(new PerByteColumn("MB/s", "Megabytes of input per second (input bytes over the mean time)", (bytes, report) =>
            report.ResultStatistics is { } statistics ? bytes / (statistics.Mean / 1e9) / 1e6 : null));
        AddColumn(new PerByteColumn("Alloc B/B", "Bytes allocated per byte of input", (bytes, report) =>
            report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } allocated ? allocated / (double)bytes : null));
    }
}

/// <summary>A figure per byte of the input of the benchmark's category (<see cref="Categories.InputBytes"/>).</summary>
internal sealed class PerByteColumn(string name, string legend, Func<long, BenchmarkReport, double?> figure) : IColumn
{
    public string Id => nameof(PerByteColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var bytes = benchmarkCase.Descriptor.Categories.Select(Categories.InputBytes).FirstOrDefault(b => b > 0);
        var value = bytes > 0 && summary[benchmarkCase] is { } report ? figure(bytes, report) : null;
        return value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
