using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace CodeCrafts.Api.Common.InputHygiene;

/// <summary>Checks one bound value and records what is wrong under the field's wire name.</summary>
internal delegate void Inspection(object? value, string path, IDictionary<string, List<string>> errors);

/// <summary>
/// Builds, once per type, the checks for every string and enum a request can carry: strings directly, in lists, and in
/// the request records of this assembly (bodies and <c>[AsParameters]</c> groups), however deeply nested. Anything else
/// (services, the principal, a token) is not input and is skipped.
/// </summary>
internal static class InputInspector
{
    private const int MaxDepth = 8;

    public static Inspection? For(Type type, TextRule rule, int depth = 0)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return (value, path, errors) =>
            {
                if (value is string text && TextRules.Violation(text, rule) is { } violation)
                {
                    Add(errors, path, violation);
                }
            };
        }
        if (type.IsEnum)
        {
            return (value, path, errors) =>
            {
                if (value is not null && !Enum.IsDefined(type, value))
                {
                    Add(errors, path, EnumRule(type));
                }
            };
        }
        if (depth >= MaxDepth)
        {
            return null;
        }
        if (ElementType(type) is { } element && For(element, rule, depth + 1) is { } each)
        {
            return (value, path, errors) =>
            {
                if (value is IEnumerable items)
                {
                    var i = 0;
                    foreach (var item in items)
                    {
                        each(item, $"{path}[{i++}]", errors);
                    }
                }
            };
        }
        return IsRequestRecord(type) ? ForRecord(type, depth) : null;
    }

    /// <summary>What an enum field accepts, in the words of the contract: its names (numbers are refused).</summary>
    public static string EnumRule(Type enumType) =>
        $"Must be one of {string.Join(", ", Enum.GetNames(enumType))} (a name, not a number).";

    /// <summary>The field's name as the client sends it: a binding or JSON name when given, else camelCase.</summary>
    public static string WireName(ICustomAttributeProvider member, string clrName)
    {
        foreach (var attribute in member.GetCustomAttributes(inherit: true))
        {
            var name = attribute switch
            {
                FromQueryAttribute q => q.Name,
                FromHeaderAttribute h => h.Name,
                FromRouteAttribute r => r.Name,
                JsonPropertyNameAttribute j => j.Name,
                _ => null,
            };
            if (!string.IsNullOrEmpty(name))
            {
                return name;
            }
        }
        return JsonNamingPolicy.CamelCase.ConvertName(clrName);
    }

    public static TextRule RuleOf(ICustomAttributeProvider member) =>
        member.IsDefined(typeof(SourceCodeAttribute), inherit: true) ? TextRule.SourceCode : TextRule.SingleLine;

    public static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static Inspection? ForRecord(Type type, int depth)
    {
        var checks = new List<(PropertyInfo Property, string Name, Inspection Check)>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.CanRead && property.Name != "EqualityContract"
                && For(property.PropertyType, RuleOf(property), depth + 1) is { } check)
            {
                checks.Add((property, WireName(property, property.Name), check));
            }
        }
        if (checks.Count == 0)
        {
            return null;
        }
        return (value, path, errors) =>
        {
            if (value is null)
            {
                return;
            }
            foreach (var (property, name, check) in checks)
            {
                check(property.GetValue(value), Join(path, name), errors);
            }
        };
    }

    // Records declared in this assembly are the request contracts; services are classes, and framework types are not ours.
    private static bool IsRequestRecord(Type type) =>
        type.Assembly == typeof(InputInspector).Assembly && type.GetMethod("<Clone>$") is not null;

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?
            .GetGenericArguments()[0];
    }

    private static void Add(IDictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            errors[path] = messages = [];
        }
        messages.Add(message);
    }
}
