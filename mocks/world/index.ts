/**
 * The one synthetic world behind every mock agency: a subject (FIN or VÖEN) has the same person,
 * assets, loans, arrests and records in every register, deterministic from the identifier
 * (mocks/README.md, "The synthetic world"). A mock agency answers an operation by calling the
 * function of the same name; undefined means the register holds nothing about the subject.
 */
export { factsOf, personFacts, companyFacts, entrepreneurPairs, subjectKey, type Facts, type PersonFacts, type CompanyFacts, type Traits } from './subjects';
export { assets } from './assets';
export { loans } from './credit';
export { proceedings } from './enforcement';
export { travelBans } from './restrictions';
export { bankDirectory, bankById, homeBanksFor, HOME_BANK_COUNT, UTILITIES, type BankEntry, type UtilityId } from './banks';
export { isValidIban } from './ids';
export { taxpayerRecord, taxAudits, inspections, collateral, securities } from './business-records';
export { employment, education, drivingLicences, borderCrossings, travelBanRecord, idpStatus, rentToOwn, criminalRecord, detention } from './person-records';
export {
  realEstateRights, realEstateEncumbrances, vehicles, mortgageLoans, bankAccounts, creditReport, utilityAccounts,
  insuranceContracts, notarialActs, enforcementStatus,
} from './asset-records';
export { DEMO_PROCEEDINGS } from './demo-traits';
