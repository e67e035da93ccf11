// Loaded only when a code question is on screen (React.lazy): CodeMirror is most of the app's JavaScript.
import { cpp } from '@codemirror/lang-cpp';
import { python } from '@codemirror/lang-python';
import { EditorView, basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { codeColours } from './code-highlight';

export interface CodeEditorProps {
  value: string;
  language: 'python' | 'cpp';
  onChange: (value: string) => void;
  label: string;
  readOnly?: boolean;
}

export default function CodeEditor({ value, language, onChange, label, readOnly = false }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      doc: value,
      parent: host.current,
      extensions: [
        basicSetup,
        codeColours,
        language === 'cpp' ? cpp() : python(),
        EditorView.lineWrapping,
        EditorView.editable.of(!readOnly),
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor owns its text after creation; recreate it only for another language or mode.
  }, [language, readOnly, label]);

  return <div ref={host} data-testid="code-editor" />;
}
