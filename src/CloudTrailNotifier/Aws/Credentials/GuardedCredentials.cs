using Amazon.Runtime;

namespace CloudTrailNotifier.Aws.Credentials;

/// <summary>
/// Wraps credentials from wherever they come (the SDK's providers or ours) so that getting them takes at most
/// <c>timeout</c> and any failure is one <see cref="CredentialsProblem"/> that names the source: STS and SSO
/// refusals, an unreadable token file and a helper that hangs alike, never a stack trace or a wait without end.
/// </summary>
internal sealed class GuardedCredentials(AWSCredentials inner, string source, TimeSpan timeout) : AWSCredentials
{
    /// <summary>Where these credentials come from, as the error lines name it (e.g. <c>profile 'dev'</c>).</summary>
    public string Source { get; } = source;

    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        try
        {
            return await inner.GetCredentialsAsync().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new CredentialsProblem($"{Source} gave no AWS credentials within {timeout.TotalSeconds:0.#} s");
        }
        catch (CredentialsProblem)
        {
            throw;
        }
        catch (Exception ex) when (Find<AmazonServiceException>(ex) is { } refusal)
        {
            // The SDK wraps AWS's answer ("Error calling AssumeRole for role ..."); the answer is what helps.
            throw new CredentialsProblem(
                $"{Source}: AWS refused to issue credentials: {refusal.ErrorCode ?? refusal.StatusCode.ToString()}: {FirstLine(refusal.Message)}", ex);
        }
        catch (Exception ex) when (Find<HttpRequestException>(ex) is { } network)
        {
            throw new CredentialsProblem($"{Source}: AWS could not be reached for credentials: {FirstLine(network.Message)}", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CredentialsProblem($"{Source} gave no AWS credentials: {Describe(ex)}", ex);
        }
    }

    private static T? Find<T>(Exception ex)
        where T : Exception
    {
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The innermost message that says something; SDK wrappers often only name the inner exception's type.</summary>
    private static string Describe(Exception ex)
    {
        var message = FirstLine(ex.Message);
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is not AggregateException && FirstLine(inner.Message) is { Length: > 0 } said)
            {
                message = $"{message} ({said})";
                break;
            }
        }

        return message;
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? trimmed : trimmed[..end]).TrimEnd();
    }
}
