// Functions that run inside the page (passed to page.evaluate / addInitScript): they only use the browser's own
// performance APIs, so the app and the bare reference are measured the same way.

/** The Largest Contentful Paint so far (ms since navigation start), from the buffered entries. */
export function largestContentfulPaint() {
  return new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      const last = entries[entries.length - 1];
      resolve(last.renderTime || last.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/**
 * Arms a watch for the next answer: resolves with how long after the answer's response ended (Resource Timing) the
 * feedback was painted. "Painted" is the second animation frame after the feedback entered the DOM: the first frame
 * is the one that renders it, the second starts once that one was presented.
 */
export function armFeedbackWatch([feedbackSelector, answerUrlPart]) {
  window.__feedbackPaint = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(feedbackSelector)) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const painted = performance.now();
          const responses = performance.getEntriesByType('resource').filter((e) => e.name.includes(answerUrlPart));
          const response = responses[responses.length - 1];
          resolve(response ? painted - response.responseEnd : null);
        }),
      );
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

export function feedbackPaint() {
  return window.__feedbackPaint;
}
