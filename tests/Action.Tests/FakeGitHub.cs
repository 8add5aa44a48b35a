using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConfigConvert.Action.Tests;

/// <summary>A request the scripts made, as the server received it.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string Body, string? Authorization);

/// <summary>
/// A local stand-in for GitHub's REST API on 127.0.0.1: it answers the routes a test gives it with
/// recorded responses, answers anything else 404 as GitHub does, and records every request.
/// </summary>
internal sealed class FakeGitHub : IDisposable
{
    private sealed record Response(int Status, string Body, string? Link);

    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, Response> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _serving;

    public FakeGitHub()
    {
        (_listener, BaseUrl) = Listen();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The API base, as GitHub gives it in <c>GITHUB_API_URL</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Answers <paramref name="method"/> on <paramref name="pathAndQuery"/> with a recorded response file.</summary>
    public void Respond(string method, string pathAndQuery, int status, string recordedFile, string? nextPage = null)
        => _routes[method + " " + pathAndQuery] = new Response(status, Recorded.Text(recordedFile), nextPage is null ? null : $"<{BaseUrl}{nextPage}>; rel=\"next\", <{BaseUrl}{nextPage}>; rel=\"last\"");

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    /// <summary>
    /// A listener on a port that was free a moment ago. HttpListener cannot be given port 0, and another
    /// process or test may take the probed port before it binds it (CI saw "Address already in use"), so
    /// a taken port is probed for again.
    /// </summary>
    private static (HttpListener Listener, string BaseUrl) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var baseUrl = $"http://127.0.0.1:{FreePort()}";
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUrl + "/");
            try
            {
                listener.Start();
                return (listener, baseUrl);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.PathAndQuery, reader.ReadToEnd(), request.Headers["Authorization"]));
        }

        var response = _routes.GetValueOrDefault(request.HttpMethod + " " + request.Url.PathAndQuery)
            ?? new Response(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""", null);
        var bytes = Encoding.UTF8.GetBytes(response.Body);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (response.Link is not null)
        {
            context.Response.AddHeader("Link", response.Link);
        }

        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }
}
