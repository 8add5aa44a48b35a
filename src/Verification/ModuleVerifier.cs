using ConfigConvert.Verification.Steps;

namespace ConfigConvert.Verification;

/// <summary>
/// Proves a module on this machine the way the project's conformance tests do, with nginx's real
/// configure, make and binary: for an old-style config, the converted config (in a copy of the module)
/// gives the same static build as the original (modules in order, sources, include dirs, libs,
/// defines); the module builds as a dynamic module with <c>--with-compat</c> and <c>make modules</c>;
/// and the nginx binary loads it under <c>nginx -t</c> in a throwaway prefix, with the module's
/// directives. Nothing in the module directory is changed.
/// </summary>
public static class ModuleVerifier
{
    /// <summary>Verifies a module. Never throws for bad input: problems are in <see cref="VerificationReport.Problems"/>, failures in its steps.</summary>
    public static VerificationReport Verify(VerificationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return VerificationRun.Execute(request, cancellationToken);
    }
}
