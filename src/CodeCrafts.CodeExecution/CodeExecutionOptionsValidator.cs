using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCrafts.CodeExecution;

/// <summary>Checks the nested sections too (DataAnnotations alone stop at the top level), so a bad value stops start-up.</summary>
internal sealed class CodeExecutionOptionsValidator : IValidateOptions<CodeExecutionOptions>
{
    public ValidateOptionsResult Validate(string? name, CodeExecutionOptions options)
    {
        var failures = new List<string>();
        Check(options.Judge0, "Judge0");
        Check(options.Sandbox, "Sandbox");
        if (options.UsesJudge0 && !(Uri.TryCreate(options.Judge0.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            failures.Add($"{CodeExecutionOptions.Section}:Judge0:Url must be an absolute http(s) URL.");
        }
        if (options.UsesJudge0 && string.IsNullOrWhiteSpace(options.Judge0.AuthHeader))
        {
            failures.Add($"{CodeExecutionOptions.Section}:Judge0:AuthHeader must name a header.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(object section, string prefix)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"{CodeExecutionOptions.Section}:{prefix}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            }
        }
    }
}
