export { courtAliases, SIGNED_REQUEST_HEADER } from './court.aliases';
export { publicationAliases } from './publication.aliases';
export { COURT_COMMANDS, type CliIo, type Command } from './cli';
export { nodeIo } from './cli/io';
export { runAccessReportCli } from './cli/access-report.cmd';
export { runLookupCli } from './cli/lookup.cmd';
export { runOrder } from './cli/order.cmd';
export { runVerifyEvidence } from './cli/verify-evidence.cmd';
