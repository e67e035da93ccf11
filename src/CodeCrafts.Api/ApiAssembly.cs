namespace CodeCrafts.Api;

/// <summary>
/// Names this assembly for WebApplicationFactory: the AppHost has a Program class too, so the
/// tests cannot say WebApplicationFactory&lt;Program&gt; without ambiguity.
/// </summary>
public sealed class ApiAssembly;
