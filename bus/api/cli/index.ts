/**
 * The court commands of `court-hub` (bus/cli.ts dispatches `court-hub <name> …` here with the
 * arguments after the name): run(argv, io) → exit code.
 */
import { runAccessReportCli } from './access-report.cmd';
import type { Command } from './io';
import { runLookupCli } from './lookup.cmd';
import { runOrder } from './order.cmd';
import { runVerifyEvidence } from './verify-evidence.cmd';
import { runDelegateCli } from './delegate.cmd';
import { runDecisionCli } from './decision.cmd';
import { runVerifyIdentityCli } from './verify-identity.cmd';

export const COURT_COMMANDS: Record<string, Command> = {
  order: runOrder,
  lookup: runLookupCli,
  'verify-evidence': runVerifyEvidence,
  'access-report': runAccessReportCli,
  delegate: runDelegateCli,
  'verify-identity': runVerifyIdentityCli,
  decision: runDecisionCli,
};

export { runAccessReportCli, runLookupCli, runOrder, runVerifyEvidence };
export { nodeIo, type CliIo, type Command } from './io';
