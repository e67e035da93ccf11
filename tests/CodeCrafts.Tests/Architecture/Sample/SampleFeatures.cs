// Three tiny "features" for FeatureDependencyTests: Alpha uses Beta only inside a method body (a static call in a lambda),
// Beta uses Gamma only as a local's type, and Gamma names the others only in a comment. Alpha → Beta, Beta → Gamma.
#pragma warning disable CA1812, CA1822, IDE0059 // instantiated by nobody, on purpose
namespace CodeCrafts.Tests.Architecture.Sample.Alpha
{
    internal static class Caller
    {
        public static Func<int> Run() => () => Beta.Helper.Twice(21);
    }
}

namespace CodeCrafts.Tests.Architecture.Sample.Beta
{
    internal static class Helper
    {
        public static int Twice(int value)
        {
            Gamma.Counter? unused = null;
            return unused is null ? value * 2 : 0;
        }
    }
}

namespace CodeCrafts.Tests.Architecture.Sample.Gamma
{
    // Alpha, Beta.
    internal sealed class Counter;
}
#pragma warning restore CA1812, CA1822, IDE0059
