using CodeCrafts.CodeExecution;
using CodeCrafts.Data;
using CodeCrafts.MigrationService;
using CodeCrafts.MigrationService.Curriculum;

var builder = Host.CreateApplicationBuilder(args);

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
