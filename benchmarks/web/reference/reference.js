// The least an answer can cost: fetch a verdict, put it on screen. Measured exactly like the app's Check.
document.getElementById('check').addEventListener('click', async () => {
  document.querySelector('[aria-label="Answer feedback"]')?.remove();
  const response = await fetch('./answer.json', { cache: 'no-store' });
  const verdict = await response.json();
  const panel = document.createElement('div');
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Answer feedback');
  panel.textContent = verdict.correct ? 'Correct!' : 'Not quite';
  document.body.append(panel);
});
