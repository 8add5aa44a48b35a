namespace ConfigConvert.Action.Tests;

/// <summary>Repositories with a pull request, built in a test's workspace.</summary>
internal static class PullRequests
{
    /// <summary>
    /// Two modules changed (modules/hello and modules/echo), one left alone and a document changed;
    /// the event payload names the two commits. Returns them.
    /// </summary>
    public static (string BaseSha, string HeadSha) ChangeTwoModules(ActionRun run)
    {
        run.InitRepository();
        run.Write("modules/hello/config", "ngx_addon_name=ngx_http_hello_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_hello_module\"\n");
        run.Write("modules/hello/hello.c", "int hello;\n");
        run.Write("modules/echo/config", "ngx_module_type=HTTP\nngx_module_name=ngx_http_echo_module\n. auto/module\n");
        run.Write("modules/echo/echo.c", "int echo;\n");
        run.Write("modules/quiet/config", "ngx_addon_name=ngx_http_quiet_module\n");
        run.Write("README.md", "# Modules\n");
        var baseSha = run.Commit("base");
        run.Write("modules/hello/hello.c", "int hello;\nint world;\n");
        run.Write("modules/echo/echo.c", "int echo = 1;\n");
        run.Write("README.md", "# Modules\nThree.\n");
        var headSha = run.Commit("head");
        run.WriteEvent(Recorded.PullRequestEvent(baseSha, headSha));
        return (baseSha, headSha);
    }
}
