/**
 * The words of the live-send guard: a profile marked live asks before each Create Session (billable)
 * and Delete Personal Data (irreversible), naming the profile and the clientId, so the question can be
 * answered from the modal alone. Pure, so the wording is unit-tested.
 */
export interface LiveConfirmation {
  message: string;
  detail: string;
  /** The one button that sends; Cancel (VS Code's own) sends nothing. */
  button: string;
}

export function liveConfirmation(
  input:
    | { action: 'create'; profile: string; clientId: string; host: string; fileName: string }
    | { action: 'delete'; profile: string; clientId: string; host: string; scanRef: string },
): LiveConfirmation {
  const client = input.clientId === '' ? '(no clientId)' : input.clientId;
  if (input.action === 'create') {
    return {
      message: `Create a billable iDenfy session for clientId "${client}" with the LIVE profile "${input.profile}"?`,
      detail: `${input.fileName} is sent to ${input.host} with the credentials of "${input.profile}". iDenfy bills each session created, whether or not anyone completes it.`,
      button: 'Create Billable Session',
    };
  }
  return {
    message: `Irreversibly delete the personal data of clientId "${client}" with the LIVE profile "${input.profile}"?`,
    detail: `Verification ${input.scanRef} on ${input.host}: names, document data and photos are deleted for good and cannot be restored; only the record and its status remain.`,
    button: 'Delete Personal Data',
  };
}
