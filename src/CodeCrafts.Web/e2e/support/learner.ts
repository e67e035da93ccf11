import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { CurriculumLesson } from './curriculum.ts';

export interface Learner {
  displayName: string;
  email: string;
  password: string;
}

/** A learner nobody has met yet: every journey starts from its own account, so journeys never share state. */
export function newLearner(firstName: string): Learner {
  const id = randomUUID().slice(0, 8);
  return { displayName: `${firstName} ${id}`, email: `${firstName.toLowerCase()}-${id}@example.test`, password: `Correct horse ${id}!` };
}

export async function signUp(page: Page, learner: Learner): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Display name').fill(learner.displayName);
  await page.getByLabel('Email').fill(learner.email);
  await page.getByLabel('Password').fill(learner.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hi, ${learner.displayName}!` })).toBeVisible();
}

export async function signIn(page: Page, learner: Learner): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(learner.email);
  await page.getByLabel('Password').fill(learner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hi, ${learner.displayName}!` })).toBeVisible();
}

/** From anywhere in the signed-in app, through the main navigation. */
export async function goTo(page: Page, screen: 'Learn' | 'Reviews' | 'Duels' | 'Leaderboards' | 'Profile'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true }).click();
}

/** The lesson's link in its track on the Learn screen (C++ and Python have lessons of the same name). */
export function lessonLink(page: Page, lesson: CurriculumLesson) {
  const track = lesson.language === 'cpp' ? 'C++ lessons' : 'Python lessons';
  return page.getByRole('list', { name: track }).getByRole('link', { name: lesson.title, exact: true });
}

/** The lesson's entry in its track, with its state (New, In progress, Completed). */
export function lessonEntry(page: Page, lesson: CurriculumLesson) {
  const track = lesson.language === 'cpp' ? 'C++ lessons' : 'Python lessons';
  return page.getByRole('list', { name: track }).getByRole('listitem').filter({ has: page.getByRole('link', { name: lesson.title, exact: true }) });
}

export async function openLesson(page: Page, lesson: CurriculumLesson): Promise<void> {
  await lessonLink(page, lesson).click();
  await expect(page.getByRole('progressbar', { name: 'Lesson progress' })).toBeVisible();
}
