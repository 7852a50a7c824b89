using System.Net;
using System.Text;
using CloudTrailNotifier.Folding;

namespace CloudTrailNotifier.Benchmarks;

/// <summary>
/// DynamoDB answered in process: every call succeeds with <c>{}</c>, except, when a group is given, the open-window
/// update, which is refused with that group as the item (a window is open: the event folds).
/// </summary>
internal sealed class CannedDynamoDb(GroupState? open) : HttpMessageHandler
{
    private readonly byte[]? _refusal = open is null ? null : Encoding.UTF8.GetBytes(
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\","
        + "\"Item\":{\"pk\":{\"S\":\"group#" + open.GroupKey + "\"},\"ver\":{\"N\":\"1\"},\"windowEnd\":{\"N\":\""
        + open.WindowEnd.ToUnixTimeMilliseconds() + "\"},\"folded\":{\"N\":\"0\"},\"account\":{\"S\":\"" + open.Identity.Account + "\"}}}");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "";
        var refused = _refusal is not null && target.EndsWith(".UpdateItem", StringComparison.Ordinal);
        var response = new HttpResponseMessage(refused ? HttpStatusCode.BadRequest : HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(refused ? _refusal! : "{}"u8.ToArray()),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
        return Task.FromResult(response);
    }
}
