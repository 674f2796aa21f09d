/**
 * Search words typed after `/tickets`, checked before any store sees them:
 * a NUL byte makes MongoDB refuse the whole query (its regular expressions
 * cannot hold one), other control characters can only come from pasted
 * binary or terminal escapes, and a broken UTF-16 surrogate cannot be
 * encoded for the store at all. Each is a clear message for the person,
 * never "Something went wrong".
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be searched for, or null when it can. Tabs and line breaks are plain spacing. */
export function searchTextProblem(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  if (text.includes('\u0000')) return 'Search words cannot contain a NUL character (\\0). Type the words you are looking for as plain text.';
  if (CONTROL.test(text)) return 'Search words cannot contain control characters. Type the words you are looking for as plain text.';
  if (LONE_SURROGATE.test(text)) return 'Search words contain a broken character (half of an emoji or symbol). Type them again.';
  return null;
}
