/**
 * How deeply brackets nest in a source text, measured before it reaches the native parser:
 * oxc-parser recurses on the native stack and crashes the whole process (a segmentation fault,
 * not an exception) on nesting a few thousand levels deeper than any real code — `f(` 16,000
 * times kills tsserver, the language server or the CLI. Real code stays far below the limit.
 */
export const MAX_NESTING = 1_000;

/**
 * The offset at which bracket nesting (`(`, `[`, `{`, and `${` in templates) first exceeds
 * `limit`, or -1. Strings, template text and comments are skipped, so brackets written in them do
 * not count; a regular expression's are counted (they are rare and balanced in practice), which
 * can only make the measure higher, never let a deep text through.
 */
export function nestingBeyond(text: string, limit = MAX_NESTING): number {
  let depth = 0;
  // One entry per open `{` or `${`: true when it opened a template expression.
  const braces: boolean[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x27: // '
      case 0x22: // "
        i = skipString(text, i + 1, c);
        continue;
      case 0x60: // `
        i = skipTemplate(text, i + 1);
        if (text.charCodeAt(i - 1) !== 0x60) {
          // Stopped at `${`: an expression inside the template.
          braces.push(true);
          if (++depth > limit) return i;
        }
        continue;
      case 0x2f: {
        // /
        const next = text.charCodeAt(i + 1);
        if (next === 0x2f) {
          i = skipLine(text, i + 2);
          continue;
        }
        if (next === 0x2a) {
          const end = text.indexOf('*/', i + 2);
          i = end < 0 ? length : end + 2;
          continue;
        }
        break;
      }
      case 0x28: // (
      case 0x5b: // [
        if (++depth > limit) return i;
        break;
      case 0x7b: // {
        braces.push(false);
        if (++depth > limit) return i;
        break;
      case 0x29: // )
      case 0x5d: // ]
        if (depth > 0) depth--;
        break;
      case 0x7d: // }
        if (depth > 0) depth--;
        if (braces.pop() === true) {
          // The end of a template expression: the template's text goes on.
          i = skipTemplate(text, i + 1);
          if (text.charCodeAt(i - 1) !== 0x60) {
            braces.push(true);
            if (++depth > limit) return i;
          }
          continue;
        }
        break;
      default:
        break;
    }
    i++;
  }
  return -1;
}

/** After the opening quote: the offset just past the closing one (or the line's end: an unterminated string). */
function skipString(text: string, i: number, quote: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === quote) return i + 1;
    else if (c === 0x0a) return i;
    else i++;
  }
  return i;
}

/** Inside a template's text: the offset just past the closing backtick, or just past a `${`. */
function skipTemplate(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x60) return i + 1;
    else if (c === 0x24 && text.charCodeAt(i + 1) === 0x7b) return i + 2;
    else i++;
  }
  return i;
}

function skipLine(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
}
