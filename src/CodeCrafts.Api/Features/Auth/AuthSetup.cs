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
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Issuer,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    // Judged by the injected clock that issued the token, not the machine's (tests move it across days).
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = time.GetUtcNow().UtcDateTime;
                        return expires is { } end && end.Add(parameters.ClockSkew) >= now
                               && (notBefore is not { } start || start.Subtract(parameters.ClockSkew) <= now);
                    },
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = options.CreateSecurityKey(),
                    RequireSignedTokens = true,
                    // Only the configured algorithm: no "none", and no algorithm confusion.
                    ValidAlgorithms = [options.Algorithm],
                    NameClaimType = JwtRegisteredClaimNames.Sub,
                };
            });

        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddAuthorization();
        return builder;
    }
}
