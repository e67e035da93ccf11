namespace CodeCrafts.Data.Entities;

public enum ProgrammingLanguage
{
    Python,
    Cpp,
}

public enum QuestionType
{
    MultipleChoice,
    FillInTheBlank,
    Flashcard,
    Code,
}

public enum DuelStatus
{
    Pending,
    Active,
    Finished,
    Cancelled,
    Expired,
}

public enum OpponentKind
{
    User,
    Bot,
}

public enum DuelOutcome
{
    ChallengerWon,
    OpponentWon,
    Draw,
}

public enum ReviewState
{
    Learning,
    Review,
    Relearning,
}
