using System.Reflection;
using System.Reflection.Emit;

namespace CodeCrafts.Tests.Architecture;

/// <summary>
/// Which feature folder uses which, read from the compiled Api: every type of <c>CodeCrafts.Api.Features.X</c> (nested and
/// compiler-generated ones too: lambdas, async state machines) and everything it names — base types, interfaces, fields,
/// properties, signatures, locals, attributes, and each type, method and field its IL touches. So a static call such as
/// <c>StreakRules.EarnXp(…)</c> counts, not only what appears in signatures, and an unused <c>using</c> does not.
/// </summary>
internal static class FeatureDependencies
{
    public const string ApiFeatures = "CodeCrafts.Api.Features.";
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Feature → the features it uses, each with one example (user type → used type) for the message.</summary>
    /// <param name="prefix">The namespace whose next segment names the feature.</param>
    public static Dictionary<string, Dictionary<string, string>> Of(Assembly assembly, string prefix = ApiFeatures)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in assembly.GetTypes())
        {
            if (FeatureOf(type, prefix) is not { } from)
            {
                continue;
            }
            var uses = edges.TryGetValue(from, out var existing) ? existing : edges[from] = [];
            foreach (var used in ReferencedTypes(type))
            {
                if (FeatureOf(used, prefix) is { } to && to != from)
                {
                    uses.TryAdd(to, $"{type.FullName} → {used.FullName}");
                }
            }
        }
        return edges;
    }

    /// <summary>Every cycle's path (A → B → … → A), found by depth-first search.</summary>
    public static List<List<string>> Cycles(Dictionary<string, Dictionary<string, string>> edges)
    {
        var cycles = new List<List<string>>();
        var state = new Dictionary<string, int>(); // 1 on the current path, 2 done
        var path = new List<string>();
        void Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    cycles.Add([.. path.Skip(path.IndexOf(next)), next]);
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }
        foreach (var node in edges.Keys.Order())
        {
            if (state.GetValueOrDefault(node) == 0)
            {
                Visit(node);
            }
        }
        return cycles;
    }

    public static string? FeatureOf(Type type, string prefix = ApiFeatures)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = ns[prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }
            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }
        foreach (var a in type.GetCustomAttributesData())
        {
            Add(a.AttributeType);
        }
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
        }
        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }
            foreach (var used in UsedInBody(method))
            {
                Add(used);
            }
        }
        return found;
    }

    /// <summary>The types of every local and every type, method and field token in the method's IL.</summary>
    private static IEnumerable<Type> UsedInBody(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }
        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, i);
                Type? used = null;
                try
                {
                    used = method.Module.ResolveMember(token, typeArguments, methodArguments) switch
                    {
                        Type t => t,
                        MethodBase m => m.DeclaringType,
                        FieldInfo f => f.DeclaringType,
                        _ => null,
                    };
                }
                catch (ArgumentException)
                {
                    // A member of a generic type that cannot be resolved without its instantiation: not a feature type.
                }
                if (used is not null)
                {
                    yield return used;
                }
            }
            i += OperandSize(opCode.OperandType, il, i);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
