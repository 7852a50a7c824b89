using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using CloudTrailNotifier.Aws;
using CloudTrailNotifier.Aws.Credentials;
using CloudTrailNotifier.LogFiles;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Cli.S3;

/// <summary>
/// A bucket through AWSSDK.S3: ListObjectsV2 and GetObject, each failure one <see cref="LogStoreException"/> whose
/// message holds no secret. The command line is synchronous, so each call waits for the SDK's task (no
/// synchronization context here, so this cannot deadlock).
/// </summary>
internal sealed class S3LogStore(string bucket, IAmazonS3 client, AWSCredentials credentials) : ILogStore
{
    /// <exception cref="LogStoreException">No credentials could be found.</exception>
    public static S3LogStore Create(string bucket, AwsCredentialsSource source, Uri? endpoint, string region)
    {
        AWSCredentials credentials;
        try
        {
            credentials = source.Get();
        }
        catch (AmazonClientException ex)
        {
            throw new LogStoreException("CredentialsUnavailable", ex is CredentialsProblem ? ex.Message : CredentialsError.Describe(ex), ex);
        }

        return new S3LogStore(bucket, new AmazonS3Client(credentials, S3Clients.Config(endpoint, region)), credentials);
    }

    public LogListing List(string prefix, string? delimiter, string? continuationToken)
    {
        var request = new ListObjectsV2Request { BucketName = bucket, Delimiter = delimiter, ContinuationToken = continuationToken };
        if (prefix.Length > 0)
        {
            request.Prefix = prefix;
        }

        var response = Call(() => client.ListObjectsV2Async(request));
        return new LogListing(
            response.S3Objects?.Select(o => o.Key).ToList() ?? [],
            response.CommonPrefixes ?? [],
            response.IsTruncated == true ? response.NextContinuationToken : null);
    }

    public Stream Open(string key)
    {
        var response = Call(() => client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }));
        return new ReadErrorStream(response.ResponseStream, response);
    }

    private T Call<T>(Func<Task<T>> call)
    {
        try
        {
            return call().GetAwaiter().GetResult();
        }
        catch (AmazonServiceException ex)
        {
            var code = string.IsNullOrEmpty(ex.ErrorCode) ? Status(ex.StatusCode) : SnsErrorText.CleanCode(ex.ErrorCode);
            throw new LogStoreException(code, Clean(ex.Message is { Length: > 0 } said ? said : $"S3 answered HTTP {(int)ex.StatusCode}"), ex);
        }
        catch (AmazonClientException ex) when (Find<CredentialsProblem>(ex) is { } problem)
        {
            throw new LogStoreException("CredentialsUnavailable", problem.Message, ex);
        }
        catch (Exception ex) when (Find<HttpRequestException>(ex) is { } network)
        {
            throw new LogStoreException("Unreachable", "S3 could not be reached: " + Clean(network.Message), ex);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            throw new LogStoreException("Timeout", "S3 did not answer in time", ex);
        }
        catch (AmazonClientException ex)
        {
            throw new LogStoreException("ClientError", Clean(ex.Message), ex);
        }
    }

    private static string Status(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "NotFound",
        HttpStatusCode.Forbidden => "AccessDenied",
        _ => $"Http{(int)status}",
    };

    /// <summary>The first line, without the key pair's secret or session token should an answer echo them.</summary>
    private string Clean(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var line = (end < 0 ? text : text[..end]).Trim();
        string?[] secrets;
        try
        {
            var held = credentials.GetCredentials();
            // A real secret key is 40 characters; a very short test value would blank out ordinary letters.
            secrets = new[] { held.SecretKey, held.Token }.Where(secret => secret is { Length: >= 8 }).ToArray();
        }
        catch (AmazonClientException)
        {
            secrets = [];
        }

        return SnsErrorText.Clean(line, secrets);
    }

    private static TException? Find<TException>(Exception ex)
        where TException : Exception
    {
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            if (current is TException found)
            {
                return found;
            }
        }

        return null;
    }
}
