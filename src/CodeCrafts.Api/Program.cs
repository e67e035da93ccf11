using CodeCrafts.Api.Common;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Api.Features.Home;
using CodeCrafts.Data;

var builder = WebApplication.CreateBuilder(args);

builder.Configuration.AddLegacyEnvironmentNames();
builder.AddServiceDefaults();
builder.AddCodeCraftsData();
builder.AddCache();
builder.AddWebDefaults();
builder.AddAuth();
builder.AddDuels();

var app = builder.Build();

app.UseWebDefaults();
app.MapDefaultEndpoints();
app.MapHomeApi();
app.MapDuelsApi();

app.Run();
