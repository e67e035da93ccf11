import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { restoreSession, session } from './lib/api';
import { onRetry, reportOutage } from './lib/service-status';
import './styles/tokens.css';
import './styles/base.css';

const otlpEndpoint = import.meta.env.VITE_OTEL_EXPORTER_OTLP_ENDPOINT as string | undefined;
if (otlpEndpoint) {
  // Loaded apart from the app, so tracing costs the first paint nothing; without an endpoint it is never loaded.
  void import('./lib/telemetry').then((telemetry) => telemetry.startTelemetry(otlpEndpoint)).catch(() => undefined);
}

function restore(): void {
  if (session.getState().status !== 'restoring') return;
  restoreSession().catch((error: unknown) => reportOutage(error));
}
onRetry(restore);
restore();

// Another tab signed out (its refresh token is gone from storage): follow it.
window.addEventListener('storage', (event) => {
  if (event.key === 'codecrafts.refreshToken' && event.newValue === null && session.getState().status === 'signedIn') {
    session.signedOut();
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
