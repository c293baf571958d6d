/** Sentences of a draft with their offsets; a decimal point or "e.g." does not end one. */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const BOUNDARY = /[。！？!?；\n]+|\.(?=\s|$)/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (text.slice(start, end).trim() !== '') sentences.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  if (text.slice(start).trim() !== '') sentences.push({ text: text.slice(start), start, end: text.length });
  return sentences;
}
