// A small highlighter for the code in prompts: keywords, strings, numbers and comments of Python and C++.
// The full editor (CodeMirror) is loaded only for code questions; prompts must paint at once.

export type TokenKind = 'keyword' | 'string' | 'number' | 'comment' | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

const PYTHON_KEYWORDS =
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield print len range int str float bool list dict set tuple input';
const CPP_KEYWORDS =
  'auto bool break case catch char class const constexpr continue default delete do double else enum explicit false float for if inline int long namespace new nullptr operator private protected public return short signed sizeof static std struct switch template this throw true try typedef typename unsigned using virtual void while include cout cin endl string vector map';

const keywordSets: Record<string, Set<string>> = {
  python: new Set(PYTHON_KEYWORDS.split(' ')),
  cpp: new Set(CPP_KEYWORDS.split(' ')),
};

const patterns: Record<string, RegExp> = {
  python: /(#[^\n]*)|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|(\b\d+(?:\.\d+)?\b)|([A-Za-z_]\w*)/g,
  cpp: /(\/\/[^\n]*|\/\*[\s\S]*?\*\/|^\s*#\s*\w+[^\n]*)|("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|(\b\d+(?:\.\d+)?[fFlLuU]*\b)|([A-Za-z_]\w*)/gm,
};

export function normalizeLanguage(language: string | null | undefined): 'python' | 'cpp' | null {
  const value = language?.toLowerCase();
  if (value === 'python' || value === 'py') return 'python';
  if (value === 'cpp' || value === 'c++' || value === 'cc') return 'cpp';
  return null;
}

export function highlight(code: string, language: string | null | undefined): Token[] {
  const lang = normalizeLanguage(language);
  if (!lang) return [{ kind: 'plain', text: code }];
  const pattern = new RegExp(patterns[lang]!.source, patterns[lang]!.flags);
  const keywords = keywordSets[lang]!;
  const tokens: Token[] = [];
  let last = 0;
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
    const [text, comment, string, number, word] = match;
    let kind: TokenKind = 'plain';
    if (comment) kind = 'comment';
    else if (string) kind = 'string';
    else if (number) kind = 'number';
    else if (word && keywords.has(word)) kind = 'keyword';
    if (kind === 'plain') continue;
    if (match.index > last) tokens.push({ kind: 'plain', text: code.slice(last, match.index) });
    tokens.push({ kind, text });
    last = match.index + text.length;
  }
  if (last < code.length) tokens.push({ kind: 'plain', text: code.slice(last) });
  return tokens;
}
