import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodeJudgement } from '@/api/types';
import { session } from '@/lib/api';
import { json, question, tokens, user } from '@/test/fixtures';
import { renderWithClient } from '@/test/render';
import { CodeQuestion } from './CodeQuestion';

// CodeMirror needs real layout; a plain textarea stands in for it with the same label.
vi.mock('./CodeEditor', () => ({
  default: ({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) => (
    <textarea aria-label={label} defaultValue={value} onChange={(e) => onChange(e.target.value)} />
  ),
}));

const codeQuestion = question({
  type: 'Code',
  choices: null,
  starterCode: 'minutes = int(input())\n',
  tests: [
    { stdin: '135\n', expectedStdout: '2:15\n' },
    { stdin: '5\n', expectedStdout: '0:05\n' },
  ],
});

const judgement: CodeJudgement = {
  verdict: 'WrongAnswer',
  passed: 1,
  total: 2,
  compileOutput: null,
  message: null,
  tests: [
    { index: 1, hidden: false, passed: true, verdict: 'Accepted', stdin: '135\n', expectedStdout: '2:15\n', stdout: '2:15\n', stderr: '', timeSeconds: 0.02, memoryKb: 9000, message: null },
    { index: 2, hidden: false, passed: false, verdict: 'WrongAnswer', stdin: '5\n', expectedStdout: '0:05\n', stdout: '0:5\n', stderr: 'warning: padding', timeSeconds: 0.03, memoryKb: 9000, message: null },
  ],
};

function Harness() {
  const [code, setCode] = useState(codeQuestion.starterCode!);
  return <CodeQuestion question={codeQuestion} language="python" code={code} onChange={setCode} />;
}

describe('code question', () => {
  let sent: unknown[];
  beforeEach(() => {
    session.signedIn(user, tokens('access', 'refresh'));
    sent = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        sent.push({ url: new URL(request.url).pathname, body: await request.json() });
        return json(judgement);
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the starter code in the editor and the visible tests', async () => {
    renderWithClient(<Harness />);

    expect(await screen.findByRole('textbox', { name: 'Code editor' })).toHaveValue('minutes = int(input())\n');
    expect(screen.getByRole('region', { name: 'Visible tests' })).toHaveTextContent('135');
    expect(screen.getByRole('region', { name: 'Visible tests' })).toHaveTextContent('2:15');
  });

  it('runs the current code and shows each test’s verdict, output, errors and time', async () => {
    renderWithClient(<Harness />);
    const editor = await screen.findByRole('textbox', { name: 'Code editor' });
    await userEvent.type(editor, 'print(1)');

    await userEvent.click(screen.getByRole('button', { name: 'Run' }));

    const results = await screen.findByRole('region', { name: 'Run' });
    expect(sent).toEqual([{ url: '/api/code/run', body: { questionId: codeQuestion.id, code: 'minutes = int(input())\nprint(1)' } }]);
    expect(results).toHaveTextContent('1 of 2 tests passed');
    expect(results).toHaveTextContent('Wrong output');
    expect(results).toHaveTextContent('0:5');
    expect(results).toHaveTextContent('warning: padding');
    expect(results).toHaveTextContent('0.03 s');
  });
});
