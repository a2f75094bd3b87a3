/**
 * Every message the tools show about a call site, in ESLint's `{{name}}` template syntax. The
 * ESLint rules register these templates as their `messages`; the TypeScript plugin renders
 * them with `renderMessage` — so the editor and the linter say the same words.
 */
export const MESSAGES = {
  unknownDomain: "Unknown error domain '{{domain}}' in '{{id}}'.{{didYouMean}}",
  unknownSubdomain: "Unknown subdomain '{{subdomain}}' in domain '{{domain}}' ('{{id}}').{{didYouMean}}",
  unknownError: "Unknown error '{{name}}' in '{{domain}}.{{subdomain}}' ('{{id}}').{{didYouMean}}",
  malformedId: "'{{id}}' is not an error id: expected 'domain.subdomain.name'.{{didYouMean}}",
  missingPart: 'This call names no error {{part}}: it needs {{expected}}.',
  // `since` is ' since 2.2.0', or empty when the catalog gives no version (`"deprecated": true`).
  deprecatedError: "Error id '{{id}}' is deprecated{{since}}{{replacement}}.",
  deprecatedScope: "Error id '{{id}}' is deprecated{{since}}: its {{level}} '{{scope}}' is deprecated.",
  deprecatedWrap: "The {{level}} '{{scope}}' is deprecated{{since}}.",
  missingPlaceholders:
    'Error \'{{id}}\' has {{expected}} placeholder(s) in its message "{{message}}" but the call passes {{given}}; the message would show a raw placeholder.',
  extraPlaceholders:
    'Error \'{{id}}\' has {{expected}} placeholder(s) in its message "{{message}}" but the call passes {{given}}; util.format appends the extra arguments to the message, separated by spaces.',
  dynamicId: 'This error id cannot be resolved statically, so it is not checked against the catalog.',
  replaceWith: "Replace with '{{id}}'.",
  replaceWithPlaceholders:
    "Replace with '{{id}}', then adjust the arguments: its message takes {{expected}} placeholder(s), not {{current}}.",
  catalogProblem: "The error catalog cannot be used: {{problem}}{{more}} Run 'npx error-catalog check' for details.",
} as const;

export type MessageId = keyof typeof MESSAGES;
export type MessageData = Readonly<Record<string, string>>;

/** Renders a template as ESLint does: `{{ name }}` → `data.name`, unknown names left as written. */
export function renderMessage(messageId: MessageId, data: MessageData): string {
  return MESSAGES[messageId].replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, key: string) =>
    Object.hasOwn(data, key) ? data[key]! : whole,
  );
}

/** The `since` of the deprecation messages: ` since 2.2.0`, or nothing when the version is unknown. */
export function sinceText(version: string | undefined): string {
  return version === undefined ? '' : ` since ${version}`;
}

/** ` Did you mean 'a', 'b' or 'c'?` — or nothing. */
export function didYouMean(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const quoted = candidates.map((c) => `'${c}'`);
  const list = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]!}`;
  return ` Did you mean ${list}?`;
}
