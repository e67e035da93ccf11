import { describe, expect, it } from 'vitest';
import { parseHeaders } from './telemetry';

describe('OTLP headers', () => {
  it('reads the OTEL_EXPORTER_OTLP_HEADERS format', () => {
    expect(parseHeaders('x-otlp-api-key=abc%3D%3D, other = 1')).toEqual({ 'x-otlp-api-key': 'abc==', other: '1' });
    expect(parseHeaders(undefined)).toEqual({});
  });
});
