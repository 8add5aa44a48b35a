using System.Text;
using System.Xml;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// <c>--format checkstyle</c>: Checkstyle's XML report, which CI servers and reviewdog (<c>-f=checkstyle</c>) read:
/// <c>&lt;checkstyle version="4.3"&gt;&lt;file name&gt;&lt;error line column severity message source/&gt;</c>, one
/// <c>file</c> per file (paths relative to the repository root), <c>source</c> <c>ngx-convert.CCxxxx</c>.
/// </summary>
internal sealed class CheckstyleFormatter : IReportFormatter
{
    public void Write(Report report, FormatContext context)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("checkstyle");
            writer.WriteAttributeString("version", "4.3");
            foreach (var file in report.FindingsWithConversions.GroupBy(f => context.Options.RelativePath(f.Location.Path) ?? string.Empty))
            {
                writer.WriteStartElement("file");
                writer.WriteAttributeString("name", file.Key);
                foreach (var finding in file)
                {
                    WriteError(writer, finding);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        context.Console.Out.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteError(XmlWriter writer, Diagnostic finding)
    {
        writer.WriteStartElement("error");
        writer.WriteAttributeString("line", finding.Location.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteAttributeString("column", finding.Location.Start.Column.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteAttributeString("severity", SeverityNames.Name(finding.Severity));
        writer.WriteAttributeString("message", XmlText(finding.Message));
        writer.WriteAttributeString("source", "ngx-convert." + finding.Id);
        writer.WriteEndElement();
    }

    // XML cannot hold every character a message may quote (a NUL byte, a stray control character): those become U+FFFD.
    private static string XmlText(string text) => string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));
}
