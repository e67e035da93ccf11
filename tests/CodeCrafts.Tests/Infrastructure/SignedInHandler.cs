using System.Net.Http.Headers;
using CodeCrafts.Api.Features.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCrafts.Tests.Infrastructure;

/// <summary>
/// Signs each request with a bearer token taken as the request leaves (TodoApi's AuthHandler, for our tokens). With
/// <see cref="For"/> the token comes from the host's own issuer at the host's (test) time: tests that move the clock by
/// days never send an expired token, and the whole bearer pipeline still validates every request.
/// </summary>
public sealed class SignedInHandler(Func<string> token) : DelegatingHandler
{
    public static SignedInHandler For(IServiceProvider host, Guid userId, string displayName = "Learner") =>
        new(() => host.GetRequiredService<AccessTokenIssuer>().Issue(userId, displayName).Token);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token());
        return base.SendAsync(request, cancellationToken);
    }
}
