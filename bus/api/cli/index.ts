/**
 * The court commands of `court-hub` (bus/cli.ts dispatches `court-hub <name> …` here with the
 * arguments after the name): run(argv, io) → exit code. Each command's module is loaded only when
 * that command runs (`court-hub help` loads none): add a command as one `lazy(() => …)` line.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { Command } from './io';

const lazy = (load: () => Command): Command => (argv, io) => load()(argv, io);

export const COURT_COMMANDS: Record<string, Command> = {
  order: lazy(() => (require('./order.cmd') as typeof import('./order.cmd')).runOrder),
  lookup: lazy(() => (require('./lookup.cmd') as typeof import('./lookup.cmd')).runLookupCli),
  'verify-evidence': lazy(() => (require('./verify-evidence.cmd') as typeof import('./verify-evidence.cmd')).runVerifyEvidence),
  'access-report': lazy(() => (require('./access-report.cmd') as typeof import('./access-report.cmd')).runAccessReportCli),
  delegate: lazy(() => (require('./delegate.cmd') as typeof import('./delegate.cmd')).runDelegateCli),
  'verify-identity': lazy(() => (require('./verify-identity.cmd') as typeof import('./verify-identity.cmd')).runVerifyIdentityCli),
  decision: lazy(() => (require('./decision.cmd') as typeof import('./decision.cmd')).runDecisionCli),
  publication: lazy(() => (require('./publication.cmd') as typeof import('./publication.cmd')).runPublicationCli),
};

export type { CliIo, Command } from './io';
