namespace CodeCrafts.AppHost.Infrastructure;

internal static class SigningKeyParameter
{
    /// <summary>
    /// The JWT signing key as a secret parameter: taken from Parameters:jwt-signing-key when set,
    /// otherwise generated once and kept in the AppHost's user secrets, never in the repository.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddSigningKeyParameter(this IDistributedApplicationBuilder builder)
    {
        var parameter = ParameterResourceBuilderExtensions.CreateGeneratedParameter(
            builder, ResourceNames.JwtSigningKey, secret: true,
            new GenerateParameterDefault { MinLength = 64, Special = false });
        return builder.AddResource(parameter);
    }
}
