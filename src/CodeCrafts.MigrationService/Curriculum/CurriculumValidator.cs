using System.Text.RegularExpressions;
using CodeCrafts.Data.Content;
using CodeCrafts.Data.Entities;

namespace CodeCrafts.MigrationService.Curriculum;

/// <summary>Checks one lesson file field by field; the first problem stops the seed with its location.</summary>
internal static partial class CurriculumValidator
{
    private const string Blank = "___";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static SeedLesson Validate(string file, LessonFile lesson, string hash)
    {
        var slug = Slug(file, "slug", lesson.Slug);
        if (slug != Path.GetFileNameWithoutExtension(file))
        {
            throw new CurriculumException(file, "slug", $"'{slug}' must equal the file name without .json");
        }

        var language = lesson.Language switch
        {
            "python" => ProgrammingLanguage.Python,
            "cpp" => ProgrammingLanguage.Cpp,
            null => throw new CurriculumException(file, "language", "is required"),
            var other => throw new CurriculumException(file, "language", $"'{other}' must be 'python' or 'cpp'"),
        };
        var difficulty = Range(file, "difficulty", lesson.Difficulty, 1, 5);
        var xpReward = Range(file, "xpReward", lesson.XpReward, 0, 1000);

        if (lesson.Questions is not { Count: > 0 } questions)
        {
            throw new CurriculumException(file, "questions", "must hold at least one question");
        }

        var seeded = questions
            .Select((q, i) => ValidateQuestion(file, $"questions[{i}]", i + 1, q ?? throw new CurriculumException(file, $"questions[{i}]", "is null"), difficulty, xpReward))
            .ToList();
        var duplicate = seeded.GroupBy(q => q.Slug).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CurriculumException(file, "questions", $"slug '{duplicate.Key}' is used twice");
        }

        return new SeedLesson(
            file, slug,
            Text(file, "title", lesson.Title, 200),
            Text(file, "summary", lesson.Summary, 1000),
            language, difficulty, xpReward,
            Range(file, "order", lesson.Order, 1, 10_000),
            lesson.Published ?? true,
            hash, seeded);
    }

    public static void ValidateAcrossFiles(IReadOnlyList<SeedLesson> lessons)
    {
        var clash = lessons.GroupBy(l => (l.Language, l.Order)).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var files = string.Join(", ", clash.Select(l => l.FileName));
            throw new CurriculumException(clash.Last().FileName, "order", $"{clash.Key.Order} is used by more than one {clash.Key.Language} lesson ({files})");
        }
    }

    private static SeedQuestion ValidateQuestion(string file, string at, int order, QuestionFile q, int lessonDifficulty, int lessonXp)
    {
        var type = q.Type switch
        {
            "multipleChoice" => QuestionType.MultipleChoice,
            "fillInTheBlank" => QuestionType.FillInTheBlank,
            "flashcard" => QuestionType.Flashcard,
            "code" => QuestionType.Code,
            null => throw new CurriculumException(file, $"{at}.type", "is required"),
            var other => throw new CurriculumException(file, $"{at}.type", $"'{other}' must be multipleChoice, fillInTheBlank, flashcard or code"),
        };
        var prompt = Text(file, $"{at}.prompt", q.Prompt, 8000);
        var (options, key) = type switch
        {
            QuestionType.MultipleChoice => MultipleChoice(file, at, q),
            QuestionType.FillInTheBlank => FillInTheBlank(file, at, q, prompt),
            QuestionType.Flashcard => (null, new AnswerKey { Back = Text(file, $"{at}.back", q.Back, 4000) }),
            _ => (null, new AnswerKey
            {
                ReferenceSolution = Text(file, $"{at}.referenceSolution", q.ReferenceSolution, 64_000),
                WrongSolutions = q.WrongSolutions,
            }),
        };

        string? tests = null, limits = null;
        if (type == QuestionType.Code)
        {
            if (q.Tests is not { Count: > 0 })
            {
                throw new CurriculumException(file, $"{at}.tests", "a code question needs at least one test");
            }
            var cases = q.Tests.Select((t, i) => new CodeTestCase(
                t.Stdin ?? "",
                t.ExpectedStdout ?? throw new CurriculumException(file, $"{at}.tests[{i}].expectedStdout", "is required"),
                t.Hidden ?? false)).ToList();
            if (cases.All(c => c.Hidden))
            {
                throw new CurriculumException(file, $"{at}.tests", "at least one test must be visible");
            }
            tests = ContentJson.Serialize(cases);
            limits = q.Limits is null ? null : ContentJson.Serialize(new CodeLimits(q.Limits.CpuTimeSeconds, q.Limits.MemoryMb));
        }

        return new SeedQuestion(
            Slug(file, $"{at}.slug", q.Slug), type, order, prompt,
            q.Explanation?.Trim() ?? "",
            q.Difficulty is null ? lessonDifficulty : Range(file, $"{at}.difficulty", q.Difficulty, 1, 5),
            q.XpReward is null ? lessonXp : Range(file, $"{at}.xpReward", q.XpReward, 0, 1000),
            q.TypicalSeconds is null ? DefaultTypicalSeconds(type) : Range(file, $"{at}.typicalSeconds", q.TypicalSeconds, 1, 3600),
            options is null ? null : ContentJson.Serialize(options),
            ContentJson.Serialize(key),
            type == QuestionType.Code ? q.StarterCode ?? "" : null,
            tests, limits);
    }

    private static (QuestionOptions, AnswerKey) MultipleChoice(string file, string at, QuestionFile q)
    {
        if (q.Options is not { Count: >= 2 } options)
        {
            throw new CurriculumException(file, $"{at}.options", "a multiple-choice question needs at least two options");
        }
        var choices = options.Select((o, i) => new ChoiceOption(
            Text(file, $"{at}.options[{i}].id", o.Id, 20),
            Text(file, $"{at}.options[{i}].text", o.Text, 2000))).ToList();
        if (choices.Select(c => c.Id).Distinct().Count() != choices.Count)
        {
            throw new CurriculumException(file, $"{at}.options", "option ids must be unique");
        }
        if (q.CorrectOptionIds is not { Count: > 0 } correct)
        {
            throw new CurriculumException(file, $"{at}.correctOptionIds", "must name at least one option");
        }
        var unknown = correct.FirstOrDefault(id => choices.All(c => c.Id != id));
        if (unknown is not null)
        {
            throw new CurriculumException(file, $"{at}.correctOptionIds", $"'{unknown}' is not an option id");
        }
        return (new QuestionOptions { Choices = choices, MultipleAnswers = correct.Count > 1 },
                new AnswerKey { CorrectOptionIds = correct.Distinct().ToList() });
    }

    private static (QuestionOptions, AnswerKey) FillInTheBlank(string file, string at, QuestionFile q, string prompt)
    {
        if (q.Blanks is not { Count: > 0 } blanks)
        {
            throw new CurriculumException(file, $"{at}.blanks", "a fill-in-the-blank question needs at least one blank");
        }
        var inPrompt = Regex.Count(prompt, Regex.Escape(Blank));
        if (inPrompt != blanks.Count)
        {
            throw new CurriculumException(file, $"{at}.blanks", $"has {blanks.Count} entries but the prompt has {inPrompt} blanks ({Blank})");
        }
        var keys = blanks.Select((b, i) => b.Accepted is { Count: > 0 } accepted && accepted.All(a => !string.IsNullOrWhiteSpace(a))
            ? new BlankKey(accepted, b.CaseSensitive ?? false)
            : throw new CurriculumException(file, $"{at}.blanks[{i}].accepted", "must list at least one non-empty answer")).ToList();
        return (new QuestionOptions { BlankCount = keys.Count },
                new AnswerKey { Blanks = keys, NormalizeWhitespace = q.NormalizeWhitespace ?? true });
    }

    private static int DefaultTypicalSeconds(QuestionType type) => type switch
    {
        QuestionType.Flashcard => 10,
        QuestionType.MultipleChoice => 20,
        QuestionType.FillInTheBlank => 30,
        _ => 180,
    };

    private static string Slug(string file, string field, string? value)
    {
        var slug = Text(file, field, value, 100);
        return SlugPattern().IsMatch(slug)
            ? slug
            : throw new CurriculumException(file, field, $"'{slug}' must be lowercase letters, digits and single hyphens");
    }

    private static string Text(string file, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CurriculumException(file, field, "is required");
        }
        return value.Length <= maxLength ? value.Trim() : throw new CurriculumException(file, field, $"is longer than {maxLength} characters");
    }

    private static int Range(string file, string field, int? value, int min, int max)
    {
        if (value is null)
        {
            throw new CurriculumException(file, field, "is required");
        }
        return value >= min && value <= max
            ? value.Value
            : throw new CurriculumException(file, field, $"{value} must be between {min} and {max}");
    }
}
