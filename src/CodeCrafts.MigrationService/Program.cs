using CodeCrafts.CodeExecution;
using CodeCrafts.Data;
using CodeCrafts.MigrationService;
using CodeCrafts.MigrationService.Curriculum;

// Judging the code questions needs a working code runner, so it is asked for explicitly (tests and CI do);
// a plain start seeds without it and works on a machine that has no sandbox.
const string VerifyCodeSwitch = "--verify-code";
var builder = Host.CreateApplicationBuilder(args.Where(a => a != VerifyCodeSwitch).ToArray());
if (args.Contains(VerifyCodeSwitch))
{
    builder.Configuration[$"{CurriculumOptions.Section}:{nameof(CurriculumOptions.VerifyCodeQuestions)}"] = "true";
}

builder.AddServiceDefaults();
builder.AddCodeCraftsData(retryOnFailure: true);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<CurriculumOptions>().Bind(builder.Configuration.GetSection(CurriculumOptions.Section));
builder.Services.AddSingleton<CurriculumLoader>();
builder.Services.AddCodeExecution(builder.Configuration);
builder.Services.AddSingleton<CodeQuestionVerifier>();
builder.Services.AddScoped<CurriculumSeeder>();
builder.Services.AddHostedService<MigrationWorker>();

builder.Build().Run();
