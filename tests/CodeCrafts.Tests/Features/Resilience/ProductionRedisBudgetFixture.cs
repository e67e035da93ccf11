using CodeCrafts.Tests.Infrastructure;

namespace CodeCrafts.Tests.Features.Resilience;

/// <summary>The usual fixture, with the Api's Redis budget at its production default instead of the tests' generous one.</summary>
public sealed class ProductionRedisBudgetFixture : ApiFixture
{
    public const string Setting = "Redis:RequestBudget";
    public const string Budget = "00:00:00.250";

    protected override void Configure(Dictionary<string, string?> settings) => settings[Setting] = Budget;
}
