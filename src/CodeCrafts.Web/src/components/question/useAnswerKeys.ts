import { useEffect, useRef } from 'react';

interface AnswerKeys {
  /** 1-based number key pressed (1–9), outside text fields. */
  onNumber?: (n: number) => void;
  /** Enter, unless a button, link or multi-line editor has focus (they handle Enter themselves). */
  onEnter?: () => void;
}

function isMultiLineEditor(target: HTMLElement): boolean {
  return target.isContentEditable || target.tagName === 'TEXTAREA';
}

function isTextField(target: HTMLElement): boolean {
  return isMultiLineEditor(target) || target.tagName === 'INPUT' && !['radio', 'checkbox'].includes((target as HTMLInputElement).type) || target.tagName === 'SELECT';
}

/** Keyboard play: 1–4 pick an option, Enter checks and continues. */
export function useAnswerKeys(keys: AnswerKeys): void {
  const latest = useRef(keys);
  latest.current = keys;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      if (event.key === 'Enter') {
        if (target.closest('button, a, summary') || isMultiLineEditor(target) || !latest.current.onEnter) return;
        event.preventDefault();
        latest.current.onEnter();
        return;
      }
      if (/^[1-9]$/.test(event.key) && !isTextField(target) && latest.current.onNumber) {
        event.preventDefault();
        latest.current.onNumber(Number(event.key));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
