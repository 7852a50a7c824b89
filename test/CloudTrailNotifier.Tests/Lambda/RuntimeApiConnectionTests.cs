using System.Diagnostics;
using System.Text;
using CloudTrailNotifier.Lambda;
using CloudTrailNotifier.Tests.Support;

namespace CloudTrailNotifier.Tests.Lambda;

/// <summary>The blocking HTTP/1.1 connection to the Runtime API, against a server that scripts the exact bytes.</summary>
public sealed class RuntimeApiConnectionTests
{
    private const string Next = "/2018-06-01/runtime/invocation/next";

    private static (byte[], bool) Ok(string body, string extraHeaders = "", bool close = false) =>
        (ScriptedTcpServer.Ascii($"HTTP/1.1 200 OK\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n{extraHeaders}\r\n{body}"), close);

    [Fact]
    public void Answers_with_a_Content_Length_come_back_with_their_headers_and_the_connection_is_kept_for_the_next_request()
    {
        using var server = new ScriptedTcpServer((_, n, _) => Ok($"{{\"n\":{n}}}", $"Lambda-Runtime-Aws-Request-Id: req-{n}\r\n")).Run();
        using var connection = new RuntimeApiConnection(server.Authority);

        var first = connection.Send("GET", Next, null, null, CancellationToken.None);
        var second = connection.Send("POST", "/2018-06-01/runtime/invocation/req-1/response", "{\"messageId\":\"m\"}"u8.ToArray(), null, CancellationToken.None);

        Assert.Equal((200, "req-1", "{\"n\":1}"), (first.Status, first.Header("lambda-runtime-aws-request-id"), Encoding.UTF8.GetString(first.Body)));
        Assert.Equal((200, "req-2", "{\"n\":2}"), (second.Status, second.Header("Lambda-Runtime-Aws-Request-Id"), Encoding.UTF8.GetString(second.Body)));
        Assert.Equal(1, server.Connections);
        var post = server.Requests.Last();
        Assert.StartsWith("POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\nHost: " + server.Authority + "\r\n", post, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/json\r\nContent-Length: 17\r\n", post, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"messageId\":\"m\"}", post, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chunked_body_is_put_together_whatever_its_chunk_extensions_and_trailers()
    {
        var wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nLambda-Runtime-Deadline-Ms: 42\r\n\r\n"
            + "5;name=value\r\n{\"a\":\r\n" + "B\r\n\"0123456789\r\n" + "1\r\n}\r\n" + "0\r\nTrailer: x\r\n\r\n";
        using var server = new ScriptedTcpServer((_, _, _) => (ScriptedTcpServer.Ascii(wire), false)).Run();
        using var connection = new RuntimeApiConnection(server.Authority);

        var response = connection.Send("GET", Next, null, null, CancellationToken.None);
        var again = connection.Send("GET", Next, null, null, CancellationToken.None);

        Assert.Equal("{\"a\":\"0123456789}", Encoding.UTF8.GetString(response.Body));
        Assert.Equal("42", response.Header("Lambda-Runtime-Deadline-Ms"));
        Assert.Equal(response.Body, again.Body);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public void An_HTTP_1_0_answer_without_a_length_is_read_to_the_end_and_the_next_request_opens_a_new_connection()
    {
        using var server = new ScriptedTcpServer((c, _, _) => (ScriptedTcpServer.Ascii($"HTTP/1.0 202 Accepted\r\nServer: test\r\n\r\nconnection {c}"), true)).Run();
        using var connection = new RuntimeApiConnection(server.Authority);

        var first = connection.Send("POST", "/2018-06-01/runtime/init/error", "{}"u8.ToArray(), "Runtime.ConfigurationError", CancellationToken.None);
        var second = connection.Send("GET", Next, null, null, CancellationToken.None);

        Assert.Equal((202, "connection 1"), (first.Status, Encoding.UTF8.GetString(first.Body)));
        Assert.Equal((202, "connection 2"), (second.Status, Encoding.UTF8.GetString(second.Body)));
        Assert.Contains("\r\nLambda-Runtime-Function-Error-Type: Runtime.ConfigurationError\r\n", server.Requests.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kept_alive_connection_the_server_closed_is_replaced_and_the_request_sent_once_on_the_new_one()
    {
        // The first answer promises keep-alive, then the server closes: the next request finds the connection dead.
        using var server = new ScriptedTcpServer((c, _, _) => Ok($"connection {c}", close: c == 1)).Run();
        using var connection = new RuntimeApiConnection(server.Authority);

        connection.Send("GET", Next, null, null, CancellationToken.None);
        Thread.Sleep(100);
        var second = connection.Send("POST", "/2018-06-01/runtime/invocation/r/response", "{}"u8.ToArray(), null, CancellationToken.None);

        Assert.Equal("connection 2", Encoding.UTF8.GetString(second.Body));
        Assert.Equal(2, server.Connections);
        Assert.Single(server.Requests, r => r.StartsWith("POST ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_answer_cut_off_in_its_body_fails_without_sending_the_request_again()
    {
        using var server = new ScriptedTcpServer((_, _, _) => (ScriptedTcpServer.Ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"), true)).Run();
        using var connection = new RuntimeApiConnection(server.Authority);

        var ex = Assert.Throws<RuntimeApiException>(() => connection.Send("GET", Next, null, null, CancellationToken.None));

        Assert.Contains(server.Authority, ex.Message, StringComparison.Ordinal);
        Assert.Contains("middle of an answer", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public void An_error_type_with_line_breaks_stays_one_header_line()
    {
        using var server = new ScriptedTcpServer((_, _, _) => Ok("")).Run();
        using var connection = new RuntimeApiConnection(server.Authority);

        connection.Send("POST", "/2018-06-01/runtime/invocation/r/error", "{}"u8.ToArray(), "Sns.Bad\r\nX-Injected: yes", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Contains("\r\nLambda-Runtime-Function-Error-Type: Sns.Bad__X-Injected: yes\r\n", request, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nX-Injected", request, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_Content_Length_is_refused_before_anything_is_read()
    {
        using var server = new ScriptedTcpServer((_, _, _) => (ScriptedTcpServer.Ascii("HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n"), false)).Run();
        using var connection = new RuntimeApiConnection(server.Authority);

        var ex = Assert.Throws<RuntimeApiException>(() => connection.Send("GET", Next, null, null, CancellationToken.None));

        Assert.Contains("Content-Length of '999999999'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_listening_is_a_Runtime_API_failure_naming_the_address()
    {
        var authority = $"127.0.0.1:{FreePort.Next()}";
        using var connection = new RuntimeApiConnection(authority);

        var ex = Assert.Throws<RuntimeApiException>(() => connection.Send("GET", Next, null, null, CancellationToken.None));

        Assert.StartsWith($"the Runtime API at {authority} failed: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_ends_a_wait_for_the_next_event_promptly()
    {
        var answered = new ManualResetEventSlim();
        using var server = new ScriptedTcpServer((_, _, _) =>
        {
            answered.Wait(TimeSpan.FromSeconds(30));
            return Ok("late");
        }).Run();
        using var connection = new RuntimeApiConnection(server.Authority);
        using var cancel = new CancellationTokenSource();

        var waiting = Task.Run(() => connection.Send("GET", Next, null, null, cancel.Token));
        await Task.Delay(200);
        var stopwatch = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        answered.Set();
    }
}
