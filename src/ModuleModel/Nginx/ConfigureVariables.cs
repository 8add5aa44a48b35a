using System.Collections.Immutable;

namespace ConfigConvert.ModuleModel.Nginx;

/// <summary>
/// Which shell variables nginx's configure sets, and so which a config reads from configure rather than
/// from the environment of whoever runs it. A variable of configure's that the reference build does not
/// hold is unset there (configure did not set it in that build); any other variable a config reads
/// without setting it comes from the environment, and its value is unknown.
/// </summary>
internal static class ConfigureVariables
{
    /// <summary>
    /// The names nginx's <c>configure</c> and <c>auto/</c> scripts assign, those starting with
    /// <c>ngx_</c> or <c>NGX_</c> apart (configure's own prefixes, taken as configure's whatever the
    /// release), as the parser reads the scripts of nginx 1.22.1. A test reads them back from nginx-dev.
    /// </summary>
    public static ImmutableHashSet<string> Assigned { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "CC", "CC_AUX_FLAGS", "CC_TEST_FLAGS", "CFLAGS", "CORE_DEPS", "CORE_INCS", "CORE_LIBS", "CORE_LINK", "CORE_MODULES", "CORE_SRCS",
        "CPP", "CPU", "CPU_OPT", "CRYPT_LIB", "DARWIN_DEPS", "DARWIN_SENDFILE_SRCS", "DARWIN_SRCS", "DEVPOLL_MODULE", "DEVPOLL_SRCS",
        "DYNAMIC_ADDONS", "DYNAMIC_MODULES", "DYNAMIC_MODULES_SRCS", "EPOLL_MODULE", "EPOLL_SRCS", "EVENTPORT_MODULE", "EVENTPORT_SRCS",
        "EVENT_DEPS", "EVENT_FOUND", "EVENT_INCS", "EVENT_MODULES", "EVENT_POLL", "EVENT_SELECT", "EVENT_SRCS", "FILE_AIO_SRCS",
        "FREEBSD_DEPS", "FREEBSD_SENDFILE_SRCS", "FREEBSD_SRCS", "HTTP", "HTTP_ACCESS", "HTTP_ADDITION", "HTTP_AUTH_BASIC",
        "HTTP_AUTH_REQUEST", "HTTP_AUTOINDEX", "HTTP_BROWSER", "HTTP_CACHE", "HTTP_CHARSET", "HTTP_DAV", "HTTP_DEGRADATION", "HTTP_DEPS",
        "HTTP_EMPTY_GIF", "HTTP_FASTCGI", "HTTP_FILE_CACHE_SRCS", "HTTP_FILTER_MODULES", "HTTP_FLV", "HTTP_GEO", "HTTP_GEOIP", "HTTP_GRPC",
        "HTTP_GUNZIP", "HTTP_GZIP", "HTTP_GZIP_STATIC", "HTTP_HUFF_SRCS", "HTTP_IMAGE_FILTER", "HTTP_INCS", "HTTP_INIT_FILTER_MODULES",
        "HTTP_LIMIT_CONN", "HTTP_LIMIT_REQ", "HTTP_MAP", "HTTP_MEMCACHED", "HTTP_MIRROR", "HTTP_MODULES", "HTTP_MP4", "HTTP_PERL",
        "HTTP_PROXY", "HTTP_RANDOM_INDEX", "HTTP_REALIP", "HTTP_REFERER", "HTTP_REWRITE", "HTTP_SCGI", "HTTP_SECURE_LINK", "HTTP_SLICE",
        "HTTP_SPLIT_CLIENTS", "HTTP_SRCS", "HTTP_SSI", "HTTP_SSL", "HTTP_STATUS", "HTTP_STUB_STATUS", "HTTP_SUB", "HTTP_UPSTREAM_HASH",
        "HTTP_UPSTREAM_IP_HASH", "HTTP_UPSTREAM_KEEPALIVE", "HTTP_UPSTREAM_LEAST_CONN", "HTTP_UPSTREAM_RANDOM", "HTTP_UPSTREAM_ZONE",
        "HTTP_USERID", "HTTP_UWSGI", "HTTP_V2", "HTTP_XSLT", "IOCP_MODULE", "IOCP_SRCS", "IPO", "KQUEUE_MODULE", "KQUEUE_SRCS", "LC_ALL", "LINK",
        "LIBC", "LINK_DEPS", "LINUX_AIO_SRCS", "LINUX_DEPS", "LINUX_SENDFILE_SRCS", "LINUX_SRCS", "MAIL", "MAIL_DEPS", "MAIL_IMAP", "MAIL_INCS",
        "MAIL_MODULES", "MAIL_POP3", "MAIL_SMTP", "MAIL_SSL", "MAIN_LINK", "MAKEFILE", "MISC_MODULES", "MODULE_LINK", "OPENSSL",
        "OPENSSL_OPT", "OS_CONFIG", "PCRE", "PCRE2", "PCRE_CONF_OPT", "PCRE_JIT", "PCRE_LIBRARY", "PCRE_OPT", "PIPE", "POLL_MODULE",
        "POLL_SRCS", "POSIX_DEPS", "SELECT_MODULE", "SELECT_SRCS", "SOLARIS_DEPS", "SOLARIS_SENDFILEV_SRCS", "SOLARIS_SRCS", "STREAM",
        "STREAM_ACCESS", "STREAM_DEPS", "STREAM_GEO", "STREAM_GEOIP", "STREAM_INCS", "STREAM_LIMIT_CONN", "STREAM_MAP", "STREAM_MODULES",
        "STREAM_REALIP", "STREAM_RETURN", "STREAM_SET", "STREAM_SPLIT_CLIENTS", "STREAM_SSL", "STREAM_SSL_PREREAD", "STREAM_UPSTREAM_HASH",
        "STREAM_UPSTREAM_LEAST_CONN", "STREAM_UPSTREAM_RANDOM", "STREAM_UPSTREAM_ZONE", "THREAD_POOL_DEPS", "THREAD_POOL_MODULE",
        "THREAD_POOL_SRCS", "UNIX_DEPS", "UNIX_INCS", "UNIX_SRCS", "USE_GEOIP", "USE_LIBGD", "USE_LIBXSLT", "USE_OPENSSL", "USE_PCRE",
        "USE_PERL", "USE_THREADS", "USE_ZLIB", "WIN32_CONFIG", "WIN32_DEPS", "WIN32_INCS", "WIN32_POLL_SRCS", "WIN32_SELECT_SRCS",
        "WIN32_SRCS", "ZLIB", "ZLIB_ASM", "ZLIB_OPT", "cc_aux_flags", "done", "found", "have", "help", "lib", "libs", "mod", "modules", "old",
        "opt", "option", "osreldate", "shrd", "src", "srcs", "value", "version");

    /// <summary>True when configure sets <paramref name="name"/> (or may, in another build): never a value from the environment.</summary>
    public static bool IsConfigures(string name)
        => name.StartsWith("ngx_", StringComparison.Ordinal) || name.StartsWith("NGX_", StringComparison.Ordinal)
            || Assigned.Contains(name) || IsTypeList(name);

    /// <summary>
    /// The value /bin/sh itself gives a variable that is not in the environment (<c>IFS</c> is blank, tab,
    /// newline; <c>OPTIND</c> is 1), or null.
    /// </summary>
    public static string? ShellDefault(string name) => name switch
    {
        "IFS" => " \t\n",
        "OPTIND" => "1",
        _ => null,
    };

    // auto/module appends to every type's list through eval (`${ngx_module_type}_MODULES`), configure sets some only with the type's option.
    private static bool IsTypeList(string name)
        => ModuleType.All.Any(t => t.ModulesList == name) || ConfigureLists.Sources.Contains(name) || ConfigureLists.Deps.Contains(name) || ConfigureLists.Incs.Contains(name);
}
