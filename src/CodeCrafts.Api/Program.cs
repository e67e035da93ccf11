using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.CodeExecution;
using CodeCrafts.Api.Features.Home;
using CodeCrafts.Data;

var builder = WebApplication.CreateBuilder(args);

builder.Configuration.AddLegacyEnvironmentNames();
builder.AddServiceDefaults();
builder.AddCodeCraftsData();
builder.AddCache();
builder.AddWebDefaults();
builder.AddAuth();
builder.AddCodeExecution();

var app = builder.Build();

app.UseWebDefaults();
app.MapDefaultEndpoints();
app.MapHomeApi();
app.MapCodeExecutionApi();

app.Run();
