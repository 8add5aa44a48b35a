namespace ConfigConvert.BuiltModules;

/// <summary>
/// What a package of a module built for <see cref="Version"/> should depend on, so that the package
/// manager refuses an nginx upgrade the module would not load into.
/// </summary>
/// <param name="Version">The nginx version the module was built for.</param>
/// <param name="Deb">For nginx.org's packages, pkg-oss style: <c>nginx (&gt;= 1.22.1), nginx (&lt;&lt; 1.22.2)</c>.</param>
/// <param name="DebianAbi">For Debian's own nginx: the <c>nginx-abi-VERSION-REVISION</c> virtual package its <c>nginx</c> provides (what <c>dh_nginx</c> puts in <c>${nginx:abi}</c>), read from nginx-dev; null when nginx-dev of that version is not installed.</param>
/// <param name="Rpm">For nginx.org's packages, pkg-oss style: <c>Requires: nginx-r1.22.1</c> (nginx provides <c>nginx-r%{base_version}</c>).</param>
public sealed record PackageDependencies(NginxVersion Version, string Deb, string? DebianAbi, string Rpm);
