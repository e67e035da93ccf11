// Short names for the generated schemas, so features read `Lesson` rather than components['schemas'][...].
import type { components } from './schema';

type Schemas = components['schemas'];

export type UserProfile = Schemas['UserProfile'];
export type UserStats = Schemas['UserStats'];
export type StreakFreezeSummary = Schemas['StreakFreezeSummary'];
export type TokenPair = Schemas['TokenPair'];
export type AuthResponse = Schemas['AuthResponse'];
export type LessonSummary = Schemas['LessonSummary'];
export type LessonDetail = Schemas['LessonDetail'];
export type LessonProgress = Schemas['LessonProgress'];
export type Question = Schemas['QuestionView'];
export type QuestionType = Schemas['QuestionType'];
export type AnswerSubmission = Schemas['AnswerSubmission'];
export type SelfRating = Schemas['SelfRating'];
export type AttemptResult = Schemas['AttemptResult'];
export type AttemptHistoryItem = Schemas['AttemptHistoryItem'];
export type CodeJudgement = Schemas['CodeJudgementResponse'];
export type CodeTestResult = Schemas['CodeTestResultResponse'];
export type DueReviews = Schemas['DueReviews'];
export type DueReview = Schemas['DueReview'];
export type DuelView = Schemas['DuelView'];
export type DuelSummary = Schemas['DuelSummary'];
export type DuelQuestion = Schemas['DuelQuestionView'];
export type DuelResult = Schemas['DuelResultView'];
export type DuelStatus = Schemas['DuelStatus'];
export type ProgrammingLanguage = Schemas['ProgrammingLanguage'];
export type LeaderboardResponse = Schemas['LeaderboardResponse'];
export type LeaderboardEntry = Schemas['LeaderboardEntry'];
export type LeagueCurrent = Schemas['LeagueCurrentResponse'];
export type LeagueStanding = Schemas['LeagueStanding'];
export type ProblemDetails = Schemas['ProblemDetails'];
export type ValidationProblem = Schemas['HttpValidationProblemDetails'];
export type DuelAnswerResult = Schemas['DuelAnswerResult'];
export type MemorySettings = Schemas['MemorySettings'];
export type WeightsSource = Schemas['WeightsSource'];
