import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/*
 * CodeMirror's default highlight style is built for white and misses AA contrast (#e40, #219 on the code
 * background); these colours come from the design tokens, each checked for 4.5:1 on the editor's background and
 * its active line in both colour schemes.
 */
const highlightStyle = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.modifier, t.self], color: 'var(--color-code-keyword)' },
  { tag: [t.string, t.special(t.string), t.regexp, t.escape, t.character, t.inserted], color: 'var(--color-code-string)' },
  { tag: [t.number, t.bool, t.atom, t.null, t.literal, t.unit], color: 'var(--color-code-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: 'var(--color-code-comment)', fontStyle: 'italic' },
  { tag: [t.typeName, t.className, t.namespace, t.standard(t.variableName)], color: 'var(--color-code-type)' },
  { tag: [t.function(t.variableName), t.definition(t.variableName), t.definition(t.propertyName), t.macroName, t.labelName], color: 'var(--color-code-function)' },
  { tag: [t.meta, t.processingInstruction], color: 'var(--color-text-muted)' },
  { tag: [t.invalid, t.deleted], color: 'var(--color-danger)' },
  { tag: t.strong, fontWeight: 'bold' },
  { tag: t.emphasis, fontStyle: 'italic' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--color-code-bg)', color: 'var(--color-text)' },
  '.cm-content': { caretColor: 'var(--color-text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)' },
  '.cm-gutters': { backgroundColor: 'var(--color-surface-muted)', color: 'var(--color-text-muted)', borderRight: '1px solid var(--color-border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--color-surface-muted)' },
  '.cm-activeLineGutter': { color: 'var(--color-text)' },
});

export const codeColours = [theme, syntaxHighlighting(highlightStyle)];
