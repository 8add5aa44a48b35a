using System.Collections.Immutable;

namespace ConfigConvert.BuiltModules.Signature;

/// <summary>
/// What each position of <c>NGX_MODULE_SIGNATURE</c> means, per nginx version: the table nginx keeps
/// in <c>src/core/ngx_module.h</c>. The signature is <c>"PTR,SIG_ATOMIC,TIME,"</c> (the sizes of a
/// pointer, <c>sig_atomic_t</c> and <c>time_t</c>) followed by one <c>0</c>/<c>1</c> per position
/// <c>NGX_MODULE_SIGNATURE_1</c> .. <c>_33</c> (<c>_34</c> from 1.11.5). nginx compares it with
/// <c>strcmp()</c>, so any difference refuses the module ("is not binary compatible").
/// </summary>
/// <remarks>
/// Sources, read with <c>git show release-X:src/core/ngx_module.h</c> from the nginx repository at
/// every release tag from 1.9.11 to 1.31.4; the header changed at exactly these five releases:
/// <list type="bullet">
/// <item>1.9.11 (lines 22-227): the first layout, 33 positions.</item>
/// <item>1.11.2: positions 17 and 18 (<c>NGX_HAVE_MD5</c>, <c>NGX_HAVE_SHA1</c>) become constant "0"
/// (lines 122-123).</item>
/// <item>1.11.5 (<c>--with-compat</c> appears): positions 3, 4, 22 and 24 also hold under
/// <c>NGX_COMPAT</c> (lines 39, 45, 131, 143); 9, 10, 12, 25 and 27 become constant "1" (lines 74, 75,
/// 83, 148, 156); position 34 is <c>NGX_COMPAT</c> itself (line 195).</item>
/// <item>1.21.5: position 4 tests <c>NGX_HAVE_SENDFILE_NODISKIO</c> instead of
/// <c>NGX_HAVE_AIO_SENDFILE</c> (line 45).</item>
/// <item>1.25.3: position 18 is <c>NGX_QUIC || NGX_COMPAT</c> (line 112): the position that changed
/// meaning, unused since 1.11.2.</item>
/// </list>
/// The header of 1.31.4, the newest release read, is the same as 1.25.3's. A test checks the layout
/// of 1.21.5 against the installed nginx-dev header (1.22.1).
/// </remarks>
internal static class SignatureLayouts
{
    /// <summary>The newest release whose header was read.</summary>
    public static NginxVersion NewestRead { get; } = NginxVersion.From(1, 31, 4);

    /// <summary>The layouts, oldest first.</summary>
    public static ImmutableArray<SignatureLayout> All { get; } = Build();

    /// <summary>The layout of <paramref name="version"/>; <paramref name="exact"/> is false when the version is older or newer than the table.</summary>
    public static SignatureLayout For(NginxVersion version, out bool exact)
    {
        exact = version >= NginxVersion.FirstDynamic && version <= NewestRead;
        var layout = All[0];
        foreach (var candidate in All)
        {
            if (candidate.Since <= version)
            {
                layout = candidate;
            }
        }

        return layout;
    }

    private static ImmutableArray<SignatureLayout> Build()
    {
        var first = new Dictionary<int, SignaturePosition>
        {
            [1] = new(1, "NGX_HAVE_KQUEUE", "kqueue"),
            [2] = new(2, "NGX_HAVE_IOCP", "IOCP"),
            [3] = new(3, "NGX_HAVE_FILE_AIO", "file AIO"),
            [4] = new(4, "NGX_HAVE_AIO_SENDFILE", "sendfile with AIO"),
            [5] = new(5, "NGX_HAVE_EVENTFD", "eventfd"),
            [6] = new(6, "NGX_HAVE_EPOLL", "epoll"),
            [7] = new(7, "NGX_HAVE_KEEPALIVE_TUNABLE", "TCP keepalive tuning"),
            [8] = new(8, "NGX_HAVE_INET6", "IPv6"),
            [9] = new(9, "NGX_HAVE_INET6 && defined IPV6_V6ONLY", "IPV6_V6ONLY"),
            [10] = new(10, "NGX_HAVE_REUSEPORT", "SO_REUSEPORT"),
            [11] = new(11, "NGX_HAVE_DEFERRED_ACCEPT && defined SO_ACCEPTFILTER", "accept filters (SO_ACCEPTFILTER)"),
            [12] = new(12, "NGX_HAVE_DEFERRED_ACCEPT && defined TCP_DEFER_ACCEPT", "TCP_DEFER_ACCEPT"),
            [13] = new(13, "NGX_HAVE_SETFIB", "SO_SETFIB"),
            [14] = new(14, "NGX_HAVE_TCP_FASTOPEN", "TCP Fast Open"),
            [15] = new(15, "NGX_HAVE_UNIX_DOMAIN", "unix domain sockets"),
            [16] = new(16, "NGX_HAVE_VARIADIC_MACROS", "variadic macros"),
            [17] = new(17, "NGX_HAVE_MD5", "system MD5"),
            [18] = new(18, "NGX_HAVE_SHA1", "system SHA1"),
            [19] = new(19, "NGX_HAVE_OPENAT", "openat()"),
            [20] = new(20, "NGX_HAVE_ATOMIC_OPS", "atomic operations"),
            [21] = new(21, "NGX_HAVE_POSIX_SEM", "POSIX semaphores"),
            [22] = new(22, "NGX_THREADS", "threads"),
            [23] = new(23, "NGX_PCRE", "PCRE"),
            [24] = new(24, "NGX_HTTP_SSL", "HTTP SSL"),
            [25] = new(25, "NGX_HTTP_V2", "HTTP/2"),
            [26] = new(26, "NGX_HTTP_GZIP", "gzip"),
            [27] = new(27, "NGX_HTTP_DEGRADATION", "HTTP degradation"),
            [28] = new(28, "NGX_HTTP_X_FORWARDED_FOR", "X-Forwarded-For"),
            [29] = new(29, "NGX_HTTP_REALIP", "realip"),
            [30] = new(30, "NGX_HTTP_HEADERS", "HTTP headers"),
            [31] = new(31, "NGX_HTTP_DAV", "WebDAV"),
            [32] = new(32, "NGX_HTTP_CACHE", "HTTP cache"),
            [33] = new(33, "NGX_HTTP_UPSTREAM_ZONE", "upstream zone"),
        };

        var v1_9_11 = Layout(NginxVersion.From(1, 9, 11), first);
        var v1_11_2 = v1_9_11.With(NginxVersion.From(1, 11, 2), Constant(17, '0'), Constant(18, '0'));
        var v1_11_5 = v1_11_2.With(
            NginxVersion.From(1, 11, 5),
            new SignaturePosition(3, "NGX_HAVE_FILE_AIO || NGX_COMPAT", "file AIO"),
            new(4, "NGX_HAVE_AIO_SENDFILE || NGX_COMPAT", "sendfile with AIO"),
            Constant(9, '1'),
            Constant(10, '1'),
            Constant(12, '1'),
            new(22, "NGX_THREADS || NGX_COMPAT", "threads"),
            new(24, "NGX_HTTP_SSL || NGX_COMPAT", "HTTP SSL"),
            Constant(25, '1'),
            Constant(27, '1'),
            new(34, "NGX_COMPAT", "--with-compat"));
        var v1_21_5 = v1_11_5.With(NginxVersion.From(1, 21, 5), new SignaturePosition(4, "NGX_HAVE_SENDFILE_NODISKIO || NGX_COMPAT", "sendfile SF_NODISKIO"));
        var v1_25_3 = v1_21_5.With(NginxVersion.From(1, 25, 3), new SignaturePosition(18, "NGX_QUIC || NGX_COMPAT", "QUIC"));
        return [v1_9_11, v1_11_2, v1_11_5, v1_21_5, v1_25_3];
    }

    private static SignaturePosition Constant(int number, char value) => new(number, null, "unused, always " + value, value);

    private static SignatureLayout Layout(NginxVersion since, Dictionary<int, SignaturePosition> positions)
        => new(since, [.. positions.OrderBy(p => p.Key).Select(p => p.Value)]);
}

/// <summary>The meaning of the signature's positions from a version on.</summary>
internal sealed record SignatureLayout(NginxVersion Since, ImmutableArray<SignaturePosition> Positions)
{
    /// <summary>This layout with <paramref name="changes"/> applied, from <paramref name="since"/> on.</summary>
    public SignatureLayout With(NginxVersion since, params SignaturePosition[] changes)
    {
        var positions = Positions.ToDictionary(p => p.Number);
        foreach (var change in changes)
        {
            positions[change.Number] = change;
        }

        return new SignatureLayout(since, [.. positions.Values.OrderBy(p => p.Number)]);
    }

    /// <summary>The position that records whether <c>--with-compat</c> was used, if this version has one.</summary>
    public SignaturePosition? CompatPosition => Positions.FirstOrDefault(p => p.Condition == "NGX_COMPAT");
}

/// <summary>
/// One position: the preprocessor condition that makes it <c>1</c> (null for a position defined as a
/// constant), the feature's name, and the constant.
/// </summary>
internal sealed record SignaturePosition(int Number, string? Condition, string Feature, char? ConstantValue = null);
