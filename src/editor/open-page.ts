import * as vscode from 'vscode';
import { originOf, throughExternalOrigin } from '../session/external-url';
import { verificationPageUrl } from '../session/links';

/**
 * Opens a created session's verification page in the user's browser, from the notification and from
 * the Sessions view alike. The origin goes through `asExternalUri` and the path and `authToken` are
 * appended afterwards: port-forwarding rewrites (code-server's `/proxy/<port>/`) keep only the origin
 * of a full URL (see ../session/external-url.ts). The resolved link points at the editor's own host,
 * so `openExternal` leaves it as it is.
 */
export async function openVerificationPage(
  baseUrl: string,
  response: Record<string, unknown>,
): Promise<boolean> {
  const page = verificationPageUrl(baseUrl, response);
  const origin = await vscode.env.asExternalUri(vscode.Uri.parse(originOf(page), true));
  return vscode.env.openExternal(vscode.Uri.parse(throughExternalOrigin(origin.toString(true), page), true));
}
