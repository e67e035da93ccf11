/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** OTLP/HTTP base address (e.g. the Aspire dashboard's http://localhost:18890); unset = no browser telemetry. */
  readonly VITE_OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  /** Extra exporter headers, `key=value,…` (e.g. x-otlp-api-key=… for a secured dashboard). */
  readonly VITE_OTEL_EXPORTER_OTLP_HEADERS?: string;
  readonly VITE_OTEL_SERVICE_NAME?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
