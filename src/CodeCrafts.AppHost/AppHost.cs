using Microsoft.Extensions.Configuration;
using CodeCrafts;
using CodeCrafts.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddCodeCraftsInfrastructure();
builder.AddConsoleStory();

var signingKey = builder.AddSigningKeyParameter();

var migrations = builder.AddProject<Projects.CodeCrafts_MigrationService>(ResourceNames.Migrations)
    .WithDatabase(infrastructure)
    .WithSettingsFrom(builder.Configuration, "Curriculum", "CodeExecution");

var api = builder.AddProject<Projects.CodeCrafts_Api>(ResourceNames.Api)
    .WithDatabase(infrastructure)
    .WithCache(infrastructure)
    .WithEnvironment("SECRET_KEY", signingKey)
    .WithSettingsFrom(builder.Configuration, "CodeExecution", "Jwt")
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithReplicas(builder.Configuration.GetValue("CodeCrafts:ApiReplicas", 1));

builder.AddWebApp(api);

builder.Build().Run();
