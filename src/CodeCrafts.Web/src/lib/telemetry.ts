// Browser tracing (OpenTelemetry web SDK, OTLP/HTTP), loaded only when VITE_OTEL_EXPORTER_OTLP_ENDPOINT is set
// (see main.tsx). Every fetch becomes a span, and calls to this origin (/api, proxied to the Api) carry W3C
// `traceparent`, so a click on Check is one trace: browser → api → database.
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { FetchInstrumentation } from '@opentelemetry/instrumentation-fetch';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';

/** `key=value,key2=value2`, the OTEL_EXPORTER_OTLP_HEADERS format (values may be URL-encoded). */
export function parseHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function startTelemetry(endpoint: string): void {
  const url = `${endpoint.replace(/\/+$/, '')}/v1/traces`;
  const provider = new WebTracerProvider({
    resource: resourceFromAttributes({
      'service.name': (import.meta.env.VITE_OTEL_SERVICE_NAME as string | undefined) || 'web',
    }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url, headers: parseHeaders(import.meta.env.VITE_OTEL_EXPORTER_OTLP_HEADERS as string | undefined) })),
    ],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new FetchInstrumentation({
        // Same-origin calls get traceparent anyway; naming the origin keeps it explicit.
        propagateTraceHeaderCorsUrls: [new RegExp(`^${escapeRegExp(window.location.origin)}/`)],
        // The exporter's own requests would otherwise trace themselves forever.
        ignoreUrls: [new RegExp(`^${escapeRegExp(url)}`), /\/hubs\//],
        clearTimingResources: true,
      }),
    ],
  });
}
