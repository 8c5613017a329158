import * as vscode from 'vscode';
import { type LiveConfirmation, liveConfirmation } from '../profiles/live-confirmation';

/**
 * Test builds only: the integration tests cannot click a modal, so they queue the answer here and
 * read back what the modal said. Production bundles have no hooks (__IDENFY_TEST_BUILD__ is false).
 */
export interface LiveGuardHooks {
  liveAnswers: boolean[];
  liveQuestions: LiveConfirmation[];
}

/** Asks in a modal; true only when the user chose the button that sends. */
export async function confirmLive(
  input: Parameters<typeof liveConfirmation>[0],
  hooks?: LiveGuardHooks,
): Promise<boolean> {
  const question = liveConfirmation(input);
  if (__IDENFY_TEST_BUILD__ && hooks && hooks.liveAnswers.length > 0) {
    hooks.liveQuestions.push(question);
    return hooks.liveAnswers.shift() === true;
  }
  const answer = await vscode.window.showWarningMessage(
    question.message,
    { modal: true, detail: question.detail },
    question.button,
  );
  return answer === question.button;
}
