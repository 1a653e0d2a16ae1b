/**
 * Application Insights through Azure Monitor OpenTelemetry when its connection string is set
 * (App Service): incoming requests, outgoing HTTP (Cosmos, the Bot connector), exceptions with
 * the user-facing error id, and custom events. Nothing is loaded or sent when it is unset (locally, tests).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
let enabled = false;

/** Call first, before the HTTP and Cosmos modules load, so their calls are instrumented. */
export function startTelemetry(connectionString: string | undefined): boolean {
  if (!connectionString || enabled) return enabled;
  const { useAzureMonitor } = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString }, enableLiveMetrics: false });
  enabled = true;
  return true;
}

export function telemetryEnabled(): boolean {
  return enabled;
}

/** The failure, with the error id the user was shown (an exception record; on the request's span too when there is one). */
export function trackException(err: unknown, properties: Record<string, string>): void {
  if (!enabled) return;
  const error = err instanceof Error ? err : new Error(String(err));
  const attributes = Object.fromEntries(Object.entries(properties).map(([k, v]) => [`finsam.${k}`, v]));
  const { trace } = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  trace.getActiveSpan()?.setAttributes(attributes);
  const { logs, SeverityNumber } = require('@opentelemetry/api-logs') as typeof import('@opentelemetry/api-logs');
  logs.getLogger('finsam').emit({
    severityNumber: SeverityNumber.ERROR,
    body: error.message,
    attributes: { 'exception.type': error.name, 'exception.message': error.message, 'exception.stacktrace': error.stack ?? '', ...attributes },
  });
}

/** A custom event in Application Insights (customEvents), e.g. a decision, a filing, a reminder run. */
export function trackEvent(name: string, properties: Record<string, string | number> = {}): void {
  if (!enabled) return;
  const { logs } = require('@opentelemetry/api-logs') as typeof import('@opentelemetry/api-logs');
  logs.getLogger('finsam').emit({ body: name, attributes: { 'microsoft.custom_event.name': name, ...properties } });
}
