using CodeCrafts.Api;

namespace CodeCrafts.Tests.Architecture;

/// <summary>A feature folder owns its code; features may use each other, but never in a circle.</summary>
public sealed class FeatureDependencyTests
{
    private static readonly Dictionary<string, Dictionary<string, string>> Edges = FeatureDependencies.Of(typeof(ApiAssembly).Assembly);

    [Fact]
    public void NoFeatureFoldersUseEachOtherInACycle()
    {
        var cycles = FeatureDependencies.Cycles(Edges);

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(cycle =>
            string.Join(" → ", cycle) + ": " + string.Join("; ", cycle.Zip(cycle.Skip(1)).Select(step => Edges[step.First][step.Second])))));
    }

    [Fact]
    public void TheAnswerPipelineUsesNeitherTheBoardsNorTheDuels()
    {
        var questions = Edges["Questions"];

        Assert.DoesNotContain("Leaderboards", questions.Keys);
        Assert.DoesNotContain("Duels", questions.Keys);
    }

    [Fact]
    public void TheScanSeesWhatMethodBodiesUseAndNothingElse()
    {
        var edges = FeatureDependencies.Of(typeof(FeatureDependencyTests).Assembly, "CodeCrafts.Tests.Architecture.Sample.");

        Assert.Equal(["Beta"], edges["Alpha"].Keys);
        Assert.Equal(["Gamma"], edges["Beta"].Keys);
        Assert.Empty(edges["Gamma"]);
    }

    [Fact]
    public void ACycleIsFoundWhereThereIsOne()
    {
        var edges = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "a → b" },
            ["B"] = new() { ["C"] = "b → c" },
            ["C"] = new() { ["A"] = "c → a" },
            ["D"] = new() { ["A"] = "d → a" },
        };

        var cycles = FeatureDependencies.Cycles(edges);

        Assert.Equal(["A", "B", "C", "A"], Assert.Single(cycles));
    }
}
