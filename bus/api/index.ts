export { courtAliases, SIGNED_REQUEST_HEADER } from './court.aliases';
export { publicationAliases } from './publication.aliases';
export { COURT_COMMANDS, runAccessReportCli, runLookupCli, runOrder, runVerifyEvidence, nodeIo, type CliIo, type Command } from './cli';
