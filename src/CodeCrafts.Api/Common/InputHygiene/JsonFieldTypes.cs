using System.Reflection;
using System.Text.RegularExpressions;

namespace CodeCrafts.Api.Common.InputHygiene;

/// <summary>The CLR type behind a JSON path of a request body ("answer.rating", "blanks[2]"), to explain a binding error.</summary>
internal static partial class JsonFieldTypes
{
    public static Type? Resolve(Type? root, string path)
    {
        var type = root;
        foreach (var segment in path.Split('.'))
        {
            if (type is null)
            {
                return null;
            }
            var name = Index().Replace(segment, "");
            var property = Unwrap(type).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            type = property?.PropertyType;
            if (type is not null && segment.Length != name.Length)
            {
                type = Element(type);
            }
        }
        return type is null ? null : Unwrap(type);
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static Type? Element(Type type) => type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
