using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CodeCrafts.Api.Common.InputHygiene;

/// <summary>
/// One check in front of every handler: no string argument may carry control characters (source code: no NUL), and
/// no enum may hold a value outside its names. Bodies, <c>[AsParameters]</c> groups, route, query and header values are
/// all handler arguments by the time filters run, so new request contracts are covered without a line of their own.
/// </summary>
internal static class InputHygieneFilter
{
    /// <summary>Adds the check to every route handler under <paramref name="builder"/> (hubs and plain delegates have no arguments to check).</summary>
    public static TBuilder WithInputHygiene<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<MethodInfo>().Any())
            {
                endpoint.FilterFactories.Add(Create);
            }
        });
        return builder;
    }

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = new List<(int Index, string Prefix, Inspection Check)>();
        var parameters = context.MethodInfo.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (InputInspector.For(parameter.ParameterType, InputInspector.RuleOf(parameter)) is not { } check)
            {
                continue;
            }
            // A record (body or [AsParameters]) contributes its members as top-level fields, as the client sees them.
            var isScalar = parameter.ParameterType == typeof(string) || (Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType).IsEnum;
            checks.Add((i, isScalar ? InputInspector.WireName(parameter, parameter.Name ?? $"arg{i}") : "", check));
        }
        if (checks.Count == 0)
        {
            return next;
        }
        return invocation =>
        {
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (index, prefix, check) in checks)
            {
                check(invocation.Arguments[index], prefix, errors);
            }
            if (errors.Count == 0)
            {
                return next(invocation);
            }
            InputHygieneTelemetry.Rejected.Add(1);
            return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
                title: "The request contains characters or values these fields do not accept"));
        };
    }
}
