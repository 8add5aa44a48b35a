using System.Globalization;

namespace ConfigConvert.BuiltModules;

/// <summary>
/// The <c>type</c> field of an <c>ngx_module_t</c>: four ASCII letters read as a little-endian
/// number. The known ones are nginx's constants; a module can define a type of its own
/// (nginx-rtmp's <c>NGX_RTMP_MODULE</c>, "RTMP"), shown by its letters.
/// </summary>
public readonly record struct ModuleType(ulong Value)
{
    /// <summary>
    /// nginx's module types, from the headers of nginx 1.22.1: src/core/ngx_conf_file.h lines 70-71
    /// (CORE, CONF), src/event/ngx_event.h line 425 (EVENT), src/http/ngx_http_config.h line 39
    /// (HTTP), src/mail/ngx_mail.h line 354 (MAIL), src/stream/ngx_stream.h line 250 (STREAM).
    /// </summary>
    private static readonly (ulong Value, string Name, string Constant)[] Known =
    [
        (0x45524F43, "CORE", "NGX_CORE_MODULE"),
        (0x464E4F43, "CONF", "NGX_CONF_MODULE"),
        (0x544E5645, "EVENT", "NGX_EVENT_MODULE"),
        (0x50545448, "HTTP", "NGX_HTTP_MODULE"),
        (0x4C49414D, "MAIL", "NGX_MAIL_MODULE"),
        (0x4D525453, "STREAM", "NGX_STREAM_MODULE"),
    ];

    /// <summary>CORE, HTTP, EVENT, MAIL, STREAM, CONF; the four letters of another type; or its value in hex.</summary>
    public string Name => KnownEntry() is { } known ? known.Name : Letters ?? Hex;

    /// <summary>The nginx constant (<c>NGX_HTTP_MODULE</c>), or null for a type nginx does not define.</summary>
    public string? Constant => KnownEntry()?.Constant;

    /// <summary>The value as C writes it, <c>0x50545448</c>.</summary>
    public string Hex => "0x" + Value.ToString("X8", CultureInfo.InvariantCulture);

    private (ulong Value, string Name, string Constant)? KnownEntry()
    {
        foreach (var known in Known)
        {
            if (known.Value == Value)
            {
                return known;
            }
        }

        return null;
    }

    private string? Letters
    {
        get
        {
            if (Value > uint.MaxValue)
            {
                return null;
            }

            var chars = new char[4];
            for (var i = 0; i < 4; i++)
            {
                var c = (char)((Value >> (8 * i)) & 0xff);
                if (c is < ' ' or > '~')
                {
                    return null;
                }

                chars[i] = c;
            }

            return new string(chars);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
