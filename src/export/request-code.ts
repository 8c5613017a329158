/**
 * What every "Copy as cURL / Code" generator takes: one POST with a JSON body, sent with HTTP basic
 * auth whose key and secret the generated text reads from the environment. The body is the exact
 * text Create Session (or a lifecycle call) sends: generators quote it, they never re-serialize it.
 */
export interface RequestCode {
  /** Absolute URL, e.g. from idenfyUrl(base, 'token'). */
  url: string;
  /** The exact body (UTF-8 on the wire). */
  body: string;
  /** One line saying what the request does, written as a comment at the top. */
  title: string;
}

/** The only way credentials appear in generated text: these names, read from the environment. */
export const API_KEY_VARIABLE = 'IDENFY_API_KEY';
export const API_SECRET_VARIABLE = 'IDENFY_API_SECRET';

/** The title as one comment line: a newline in it must not end the comment. */
export function commentLine(title: string): string {
  return title.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
