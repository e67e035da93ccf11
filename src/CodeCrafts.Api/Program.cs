using CodeCrafts.Api.Common;
using CodeCrafts.Api.Common.InputHygiene;
using CodeCrafts.Api.Features.Attempts;
using CodeCrafts.Api.Features.Auth;
using CodeCrafts.Api.Features.CodeExecution;
using CodeCrafts.Api.Features.Duels;
using CodeCrafts.Api.Features.Home;
using CodeCrafts.Api.Features.Leagues;
using CodeCrafts.Api.Features.Leaderboards;
using CodeCrafts.Api.Features.Lessons;
using CodeCrafts.Api.Features.Memory;
using CodeCrafts.Api.Features.Progress;
using CodeCrafts.Api.Features.Questions;
using CodeCrafts.Api.Features.Reviews;
using CodeCrafts.Api.Features.Streaks;
using CodeCrafts.Api.Features.Users;
using CodeCrafts.Data;

var builder = WebApplication.CreateBuilder(args);

builder.Configuration.AddLegacyEnvironmentNames();
builder.AddServiceDefaults();
builder.AddCodeCraftsData();
builder.AddCache();
builder.AddWebDefaults();
builder.AddAuth();
builder.AddLessons();
builder.AddAttempts();
builder.AddQuestions();
builder.AddProgress();
builder.AddStreaks();
builder.AddReviews();
builder.AddMemory();
builder.AddLeaderboards();
builder.AddLeagues();
builder.AddDuels();
builder.AddCodeExecution();

var app = builder.Build();

app.UseWebDefaults();
app.MapDefaultEndpoints();
// Every feature's endpoints refuse control characters and undefined enum values before their handlers run.
var api = app.MapGroup("").WithInputHygiene();
api.MapHomeApi();
api.MapAuthApi();
api.MapUsersApi();
api.MapLessonsApi();
api.MapQuestionsApi();
api.MapProgressApi();
api.MapReviewsApi();
api.MapMemoryApi();
api.MapLeaderboardsApi();
api.MapLeaguesApi();
api.MapDuelsApi();
api.MapCodeExecutionApi();

app.Run();
