/**
 * What both lesson runtimes (the simulator's and the real cluster's) show the same way: the
 * lesson's opening text, the feedback when a step is done, and the step fields of a snapshot.
 */
import type { Lang, Localized, Scenario, Step } from '../lesson/scenario-types.js';
import type { UiStrings } from './strings.js';

/** The title, then the intro with each paragraph joined (its line breaks are the author's, not the terminal's). */
export function introText(scenario: Scenario, lang: Lang): string {
  const intro = scenario.text?.[lang].trim().split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' '));
  return `${scenario.title[lang]}\n${intro ? `${intro.join('\n\n')}\n\n` : ''}`;
}

/** `✓ Done: <step>`, then `Next: <step>` when a step follows. */
export function stepDoneLines(text: UiStrings, lang: Lang, done: Step, next: Step | undefined): string[] {
  const lines = [text.stepDone(done.title[lang])];
  if (next) lines.push(text.nextStep(next.title[lang]));
  return lines;
}

/** What a lesson reports of its progress (LessonSession and RealLesson alike). */
export interface LessonProgressView {
  scenario: Scenario;
  currentStep(): Step | undefined;
  progress(): { completed: readonly string[]; skipped: readonly string[]; hints: Readonly<Record<string, number>> };
}

/** The step fields of a runtime snapshot; `hints` are the current step's shown hints. */
export function stepFields(lesson: LessonProgressView, hints: readonly Localized[], lang: Lang) {
  const steps = lesson.scenario.steps;
  const step = lesson.currentStep();
  const { completed, skipped, hints: used } = lesson.progress();
  return {
    step,
    stepNumber: step ? steps.indexOf(step) + 1 : steps.length,
    stepCount: steps.length,
    completed,
    skipped,
    hintsUsed: Object.values(used).reduce((a, b) => a + b, 0),
    hints: hints.map((h) => h[lang]),
  };
}
