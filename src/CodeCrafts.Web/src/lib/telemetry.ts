export function startTelemetry(endpoint: string): void {
  void endpoint;
}
