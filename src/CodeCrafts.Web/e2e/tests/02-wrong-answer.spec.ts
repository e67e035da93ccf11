import { test, expect } from '../support/fixtures.ts';
import { correctOptionTexts, lesson } from '../support/curriculum.ts';
import { newLearner, openLesson, signUp } from '../support/learner.ts';
import { answer, feedback } from '../support/player.ts';

const firstSteps = lesson('python-01-first-steps');

test('a wrong answer shows the explanation and the right answer', async ({ page }) => {
  await signUp(page, newLearner('Grace'));
  await openLesson(page, firstSteps);

  const question = firstSteps.questions[0]!;
  if (question.type !== 'multipleChoice') throw new Error('python-01 starts with a multiple-choice question');
  await answer(page, question, 'wrong');

  await expect(feedback(page)).toContainText(question.explanation.replace(/`/g, ''));
  await expect(feedback(page)).toContainText(`Correct answer: ${correctOptionTexts(question).join(', ')}`);
  await expect(feedback(page)).not.toContainText('XP');
});
