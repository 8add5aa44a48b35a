using System.Text.RegularExpressions;
using ConfigConvert.BuiltModules.Signature;

namespace ConfigConvert.BuiltModules.Tests;

/// <summary>The signature table and the module types, checked against the headers of the installed nginx-dev.</summary>
public sealed partial class SignatureLayoutTests
{
    private static string Header(string path)
    {
        RealNginx.Require();
        return File.ReadAllText(Path.Combine(RealNginx.Source, path));
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void The_layout_of_the_installed_nginx_is_its_header()
    {
        var version = ulong.Parse(VersionDefine().Match(Header("src/core/nginx.h")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var layout = SignatureLayouts.For(new NginxVersion(version), out var exact);
        Assert.True(exact);

        var fromHeader = ReadPositions(Header("src/core/ngx_module.h"));
        Assert.Equal(34, fromHeader.Count);
        Assert.Equal(fromHeader.Count, layout.Positions.Length);
        foreach (var position in layout.Positions)
        {
            var (condition, constant) = fromHeader[position.Number];
            Assert.True(condition == position.Condition && constant == position.ConstantValue, $"position {position.Number}: header says {condition ?? "constant " + constant}, the table {position.Condition ?? "constant " + position.ConstantValue}");
        }
    }

    [Fact]
    public void Debian_nginx_signature_decodes_into_named_features()
    {
        var signature = SignatureDecoder.Decode("8,4,8,0011111111010111001111111111111111", NginxVersion.From(1, 22, 1));
        Assert.True(signature.IsWellFormed);
        Assert.Equal((8, 4, 8), (signature.PointerSize, signature.SigAtomicSize, signature.TimeSize));
        Assert.True(signature.WithCompat);
        Assert.Equal(["kqueue", "IOCP", "accept filters (SO_ACCEPTFILTER)", "SO_SETFIB", "unused, always 0", "unused, always 0"], signature.Features.Where(f => !f.Enabled).Select(f => f.Name).ToArray());
        Assert.Contains(signature.Features, f => f is { Name: "threads", Enabled: true, Condition: "NGX_THREADS || NGX_COMPAT" });
    }

    [Fact]
    public void Position_18_means_QUIC_from_1_25_3_and_nothing_before()
    {
        const string flags = "8,4,8,0011111111010111011111111111111111";
        Assert.Equal("unused, always 0", SignatureDecoder.Decode(flags, NginxVersion.From(1, 25, 2)).Features[17].Name);
        Assert.Equal("QUIC", SignatureDecoder.Decode(flags, NginxVersion.From(1, 25, 3)).Features[17].Name);
        Assert.Equal("system SHA1", SignatureDecoder.Decode("8,4,8,001111111101011100111111111111111", NginxVersion.From(1, 9, 11)).Features[17].Name);
        Assert.Null(SignatureDecoder.Decode("8,4,8,001111111101011100111111111111111", NginxVersion.From(1, 10, 3)).WithCompat);
    }

    [Fact]
    public void A_string_that_is_not_a_signature_is_kept_and_marked()
    {
        var signature = SignatureDecoder.Decode("not a signature", NginxVersion.From(1, 22, 1));
        Assert.False(signature.IsWellFormed);
        Assert.Empty(signature.Features);
        Assert.Equal([new SignatureDifference("signature", "not a signature", "8,4,8,0")], SignatureDecoder.Compare(signature, SignatureDecoder.Decode("8,4,8,0", NginxVersion.From(1, 22, 1))).ToArray());
    }

    [Trait("Requires", "nginx")]
    [Theory]
    [InlineData("src/core/ngx_conf_file.h", "NGX_CORE_MODULE", "CORE")]
    [InlineData("src/core/ngx_conf_file.h", "NGX_CONF_MODULE", "CONF")]
    [InlineData("src/event/ngx_event.h", "NGX_EVENT_MODULE", "EVENT")]
    [InlineData("src/http/ngx_http_config.h", "NGX_HTTP_MODULE", "HTTP")]
    [InlineData("src/mail/ngx_mail.h", "NGX_MAIL_MODULE", "MAIL")]
    [InlineData("src/stream/ngx_stream.h", "NGX_STREAM_MODULE", "STREAM")]
    public void Module_types_are_nginx_constants(string header, string constant, string name)
    {
        var match = Regex.Match(Header(header), $@"#define {constant}\s+0x([0-9A-Fa-f]+)");
        Assert.True(match.Success, $"{constant} not in {header}");
        var type = new ModuleType(Convert.ToUInt64(match.Groups[1].Value, 16));
        Assert.Equal(name, type.Name);
        Assert.Equal(constant, type.Constant);
    }

    [Fact]
    public void A_type_of_its_own_is_named_by_its_letters()
    {
        Assert.Equal("RTMP", new ModuleType(0x504D5452).Name);
        Assert.Equal("0x00000001", new ModuleType(1).Name);
    }

    /// <summary>Each NGX_MODULE_SIGNATURE_N of the header: its #if condition, or the constant it is defined as.</summary>
    private static Dictionary<int, (string? Condition, char? Constant)> ReadPositions(string header)
    {
        var positions = new Dictionary<int, (string?, char?)>();
        string? condition = null;
        foreach (var line in header.Split('\n'))
        {
            if (IfLine().Match(line) is { Success: true } ifMatch)
            {
                condition = ifMatch.Groups[1].Value;
            }
            else if (line.StartsWith("#endif", StringComparison.Ordinal))
            {
                condition = null;
            }
            else if (DefineLine().Match(line) is { Success: true } define && int.Parse(define.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var number and > 0)
            {
                positions.TryAdd(number, condition is null ? (null, define.Groups[2].Value[0]) : (condition, null));
            }
        }

        return positions;
    }

    [GeneratedRegex(@"^#define nginx_version\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex VersionDefine();

    [GeneratedRegex(@"^#if \((.*)\)\s*$")]
    private static partial Regex IfLine();

    [GeneratedRegex("^#define NGX_MODULE_SIGNATURE_(\\d+)\\s+\"([01])\"")]
    private static partial Regex DefineLine();
}
