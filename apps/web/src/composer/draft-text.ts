/**
 * A draft is one text on the API (`PUT /tickets/:id/draft {body}`); the Cc rides along as a
 * first line `Cc: …` and a blank line, readable by anyone who fetches it. A reply that itself
 * starts with "Cc:" always gets the line (empty), so reading it back never takes its text for a Cc.
 */
const CC_LINE = /^Cc:[ \t]*([^\n]*)\n\n/;

export interface DraftContent {
  body: string;
  cc: string;
}

export function encodeDraft({ body, cc }: DraftContent): string {
  const trimmed = cc.trim();
  return trimmed !== '' || /^Cc:/.test(body) ? `Cc: ${trimmed}\n\n${body}` : body;
}

export function decodeDraft(text: string): DraftContent {
  const line = CC_LINE.exec(text);
  return line ? { cc: line[1]!.trim(), body: text.slice(line[0].length) } : { cc: '', body: text };
}
