/** The deterministic synthetic registers the mock agencies answer from (mocks/README.md). */
export { REFERENCE_DATE } from './dates';
export { DEMO_PEOPLE, DEMO_PLAINTIFF, DEMO_PHONES, DEMO_COMPANIES } from './demo-people';
export { findPerson, isInPopulation } from './population';
export { findPhoneNumbers, hasPhoneRecord, MOBILE_PREFIXES } from './phones';
export { findCompany, isRegisteredCompany, type Company } from './companies';
export { hash32, mulberry32, rngFor, type Rng } from './prng';
