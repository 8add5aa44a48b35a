namespace ConfigConvert.BuiltModules.Packaging;

/// <summary>
/// Writes the dependency a module package should declare. pkg-oss pins a module to one nginx
/// version (its blog post shows <c>nginx-plus (&gt;&gt; 1.11.4), nginx-plus (&lt;&lt; 1.11.6)</c>;
/// <c>&gt;=</c> the version itself says the same without admitting <c>1.11.4-2</c>); its RPM specs
/// say <c>Requires: nginx-r%{base_version}</c>. Debian's module packages depend on
/// <c>nginx-abi-1.22.1-7</c>, the virtual package of one ABI revision, which nginx-dev records in
/// <c>/usr/share/nginx/src/debian/libnginx-mod.abisubstvars</c> (<c>nginx:abi=nginx-abi-1.22.1-7</c>).
/// </summary>
internal static class PackageAdvisor
{
    public const string DebianAbiFile = "/usr/share/nginx/src/debian/libnginx-mod.abisubstvars";

    public static PackageDependencies For(NginxVersion version, string abiFile = DebianAbiFile)
        => new(
            version,
            $"nginx (>= {version}), nginx (<< {version.NextPatch})",
            DebianAbi(version, abiFile),
            $"Requires: nginx-r{version}");

    /// <summary>The <c>nginx:abi</c> of nginx-dev when it is of the same version, else null: the revision is Debian's to say.</summary>
    private static string? DebianAbi(NginxVersion version, string abiFile)
    {
        try
        {
            foreach (var line in File.Exists(abiFile) ? File.ReadLines(abiFile) : [])
            {
                const string key = "nginx:abi=";
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    var abi = line[key.Length..].Trim();
                    return abi.StartsWith($"nginx-abi-{version}-", StringComparison.Ordinal) ? abi : null;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }
}
