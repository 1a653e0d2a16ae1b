// Imported first by index.ts: OpenTelemetry must patch http before restify, botbuilder and Cosmos load.
// (src/config.ts reads the same variable for the rest of the app.)
import { startTelemetry } from './telemetry';

startTelemetry(process.env.APPLICATIONINSIGHTS_CONNECTION_STRING || undefined);
