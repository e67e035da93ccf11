// Prompts are a little Markdown: paragraphs, fenced code blocks, `inline code`, **bold**, and ___ for a blank.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'blank'; index: number };

export type Block =
  | { kind: 'paragraph'; parts: Inline[] }
  | { kind: 'code'; language: string | null; parts: Array<{ kind: 'text'; text: string } | { kind: 'blank'; index: number }> };

const BLANK = /_{3,}/g;

export function parsePrompt(prompt: string): Block[] {
  const blocks: Block[] = [];
  const counter = { next: 0 };
  const fence = /```([\w+#-]*)[^\n]*\n([\s\S]*?)(?:\n```|$)/g;
  let last = 0;
  for (let match = fence.exec(prompt); match; match = fence.exec(prompt)) {
    pushParagraphs(prompt.slice(last, match.index), blocks, counter);
    blocks.push({ kind: 'code', language: match[1] || null, parts: splitBlanks(match[2] ?? '', counter) });
    last = match.index + match[0].length;
  }
  pushParagraphs(prompt.slice(last), blocks, counter);
  return blocks;
}

export function countBlanks(prompt: string): number {
  return (prompt.match(BLANK) ?? []).length;
}

function pushParagraphs(text: string, blocks: Block[], counter: { next: number }) {
  for (const paragraph of text.split(/\n\s*\n/)) {
    const trimmed = paragraph.trim();
    if (trimmed) blocks.push({ kind: 'paragraph', parts: parseInline(trimmed, counter) });
  }
}

function splitBlanks(text: string, counter: { next: number }) {
  const parts: Array<{ kind: 'text'; text: string } | { kind: 'blank'; index: number }> = [];
  let last = 0;
  for (const match of text.matchAll(BLANK)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'blank', index: counter.next++ });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

export function parseInline(text: string, counter = { next: 0 }): Inline[] {
  const parts: Inline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|_{3,}/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    if (match[1] !== undefined) {
      // A blank inside inline code (`print(___)`) is still a blank: split the code around it.
      for (const piece of splitBlanks(match[1], counter)) {
        parts.push(piece.kind === 'blank' ? piece : { kind: 'code', text: piece.text });
      }
    } else if (match[2] !== undefined) parts.push({ kind: 'strong', text: match[2] });
    else parts.push({ kind: 'blank', index: counter.next++ });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
