import { assertCleanServerLog } from './support/server-log.ts';

/** The server log of the run has no error or warning lines (expected 4xx are not logged as such). */
export default function globalTeardown() {
  assertCleanServerLog(process.env.E2E_SERVER_LOG!);
}
