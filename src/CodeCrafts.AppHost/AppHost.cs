using Microsoft.Extensions.Configuration;
using CodeCrafts;
using CodeCrafts.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddCodeCraftsInfrastructure();

var signingKey = builder.AddSigningKeyParameter();

var migrations = builder.AddProject<Projects.CodeCrafts_MigrationService>(ResourceNames.Migrations)
    .WithDatabase(infrastructure);

var api = builder.AddProject<Projects.CodeCrafts_Api>(ResourceNames.Api)
    .WithDatabase(infrastructure)
    .WithCache(infrastructure)
    .WithEnvironment("SECRET_KEY", signingKey)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithReplicas(builder.Configuration.GetValue("CodeCrafts:ApiReplicas", 1));

builder.AddWebApp(api);

builder.Build().Run();
