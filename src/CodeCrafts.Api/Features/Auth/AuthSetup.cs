using CodeCrafts.Api.Common;
using CodeCrafts.Api.Common.Limits;
using CodeCrafts.Data.Entities;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CodeCrafts.Api.Features.Auth;

/// <summary>The whole authentication set-up in one place: options, bearer validation, passwords, limits.</summary>
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
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
                    // The injected clock, not DateTime.UtcNow: tests move time, and expiry must follow it.
                    LifetimeValidator = (notBefore, expires, _, parameters) => IsWithinLifetime(notBefore, expires, parameters.ClockSkew, time),
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = options.CreateSecurityKey(),
                    RequireSignedTokens = true,
                    // Only the configured algorithm: no "none", and no algorithm confusion.
                    ValidAlgorithms = [options.Algorithm],
                    NameClaimType = JwtRegisteredClaimNames.Sub,
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ReadHubTokenFromQuery,
                    OnTokenValidated = UserExistence.RejectDeletedUsersAsync,
                };
            });

        builder.Services.AddSingleton<UserExistence>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        builder.Services.AddSingleton<Passwords>();
        builder.Services.AddSingleton<RefreshTokenSuccessor>();
        builder.Services.AddScoped<RefreshTokenStore>();
        builder.Services.AddSingleton<FailedLoginLimiter>();
        builder.Services.AddScoped<RefreshTokenPurge>();
        builder.Services.AddHostedService<RefreshTokenPurgeService>();
        builder.Services.AddAuthorization();
        return builder;
    }

    private static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } expiry
               && expiry.ToUniversalTime() + skew > now
               && (notBefore is not { } start || start.ToUniversalTime() - skew <= now);
    }

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

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth")
            .WithTags("Auth")
            .AllowAnonymous()
            .WithRequestBodyLimit();

        group.MapPost("/register", AuthApi.Register)
            .WithName("Register")
            .WithSummary("Create an account and start a session")
            .RequireNetworkLimit(AuthLimits.RegistrationsPerNetwork, o => o.RegisterPerNetwork, "registrations")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/login", AuthApi.Login)
            .WithName("Login")
            .WithSummary("Exchange email and password for an access token and a refresh token")
            .RequireNetworkLimit(AuthLimits.LoginsPerNetwork, o => o.LoginPerNetwork, "logins")
            .DescribesLimit(o => $"after {o.FailedLogins.FreeFailures} failed logins for one account from one network, "
                                 + $"{o.FailedLogins.FirstLockoutSeconds} s doubling per further failure up to {o.FailedLogins.MaxLockoutSeconds} s")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/refresh", AuthApi.Refresh)
            .WithName("Refresh")
            .WithSummary("Exchange a refresh token for a new pair; the old refresh token stops working")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/logout", AuthApi.Logout)
            .WithName("Logout")
            .WithSummary("End the session of this refresh token: it and every token rotated from it stop working")
            .ProducesValidationProblem();
        return app;
    }
}
