using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>The whole authentication set-up in one place: options, bearer validation, authorization.</summary>
internal static class AuthSetup
{
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtOptions>, DevelopmentSigningKey>();
        builder.Services.AddOptions<JwtOptions>()
            .Bind(builder.Configuration.GetSection(JwtOptions.Section))
            .ValidateOnStart();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, TimeProvider>((bearer, jwt, time) =>
            {
                var options = jwt.Value;
                bearer.MapInboundClaims = false;
                bearer.Events = new JwtBearerEvents { OnMessageReceived = ReadHubTokenFromQuery };
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = options.CreateSecurityKey(),
                    RequireSignedTokens = true,
                    // Only the configured algorithm: no "none", and no algorithm confusion.
                    ValidAlgorithms = [options.Algorithm],
                    NameClaimType = JwtRegisteredClaimNames.Sub,
                    // Lifetimes are checked on the injected clock, the one that issued the token (tests move it).
                    LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(time.GetUtcNow().UtcDateTime, notBefore, expires, parameters.ClockSkew),
                };
            });

        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddAuthorization();
        return builder;
    }

    private static bool IsWithinLifetime(DateTime now, DateTime? notBefore, DateTime? expires, TimeSpan skew) =>
        expires is { } end && now - skew < end && (notBefore is not { } start || start <= now + skew);

    /// <summary>
    /// Browsers cannot set headers on WebSocket and Server-Sent Events requests, so SignalR sends the token as
    /// <c>access_token</c> in the query string; accepted on hub paths only, where a header is impossible.
    /// </summary>
    private static Task ReadHubTokenFromQuery(MessageReceivedContext context)
    {
        var token = context.Request.Query["access_token"];
        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Token = token;
        }
        return Task.CompletedTask;
    }
}
