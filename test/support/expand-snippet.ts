/**
 * VS Code's snippet insertion, for the tests of the snippet files:
 * inserts a snippet the way VS Code does, every tab stop left at its default: `\$`, `\}` and `\\`
 * are escapes, `${1:x}` gives x, `${1|a,b|}` gives a, `$1` gives nothing.
 */
export function expandSnippet(source: string): string {
  let i = 0;
  const parse = (stopAt: string): string => {
    let out = '';
    while (i < source.length) {
      const c = source[i] as string;
      if (stopAt.includes(c)) return out;
      if (c === '\\' && '$}\\,|'.includes(source[i + 1] ?? '')) {
        // `,` and `|` are escapes only inside a choice; elsewhere the backslash stays.
        const next = source[i + 1] as string;
        out += ',|'.includes(next) && !stopAt.includes('|') ? c + next : next;
        i += 2;
        continue;
      }
      const stop = /^\$\{(\d+)([:|])/.exec(source.slice(i));
      if (stop) {
        i += stop[0].length;
        if (stop[2] === ':') {
          out += parse('}');
          i++; // the closing }
        } else {
          const choices = [parse(',|')];
          while (source[i] === ',') {
            i++;
            choices.push(parse(',|'));
          }
          i += 2; // the closing |}
          out += choices[0];
        }
        continue;
      }
      const bare = /^\$\d+/.exec(source.slice(i));
      if (bare) {
        i += bare[0].length;
        continue;
      }
      out += c;
      i++;
    }
    return out;
  };
  return parse('');
}
