import type { CategoryEntry } from './types';

/**
 * Statute §11.2: the data a court may obtain over EHİS "by the judge's request or on the basis of
 * a decision confirmed by the judge's qualified signature and entered into legal force".
 * `basis: 'decision'` marks data protected by the secrecy laws named in 11.1 (bank, tax,
 * commercial secret); the rest needs the judge's signed request (docs/catalog.md).
 * This is data: the owner may change a basis or timeout without touching code.
 */
const T = 3000;

export const CATEGORIES: CategoryEntry[] = [
  { section: '11.2.1', provider: 'tax', operation: 'getTaxpayer', protocol: 'soap', basis: 'request', secrecy: 'public-register', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'Hüquqi şəxslər və hüquqi şəxs yaratmadan sahibkarlıq fəaliyyəti göstərən fiziki şəxslər barədə məlumatlar', en: 'Legal entities and individual entrepreneurs' } },
  { section: '11.2.2', provider: 'tax', operation: 'getTaxAudits', protocol: 'soap', basis: 'decision', secrecy: 'tax', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'Vergi ödəyicisi ilə bağlı keçirilmiş yoxlamalar haqqında məlumatlar', en: 'Tax audits of a taxpayer' } },
  { section: '11.2.3', provider: 'phone', operation: 'getPhoneNumbers', protocol: 'rest', basis: 'request', secrecy: 'personal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Telefon nömrələri barədə məlumatlar', en: 'Phone numbers of a person' } },
  { section: '11.2.4', provider: 'labour', operation: 'getEmployment', protocol: 'rest', basis: 'request', secrecy: 'personal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Əmək müqaviləsi, pensiya və sosial müavinətlər haqqında məlumatlar', en: 'Employment contracts, pensions and social benefits' } },
  { section: '11.2.5', provider: 'property', operation: 'getRealEstateRights', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'Daşınmaz əmlakın dövlət reyestrində qeydiyyata alınmış mülkiyyət və istifadə hüquqlarına dair məlumatlar', en: 'Real-estate ownership and use rights' } },
  { section: '11.2.6', provider: 'property', operation: 'getEncumbrances', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'Daşınmaz əmlakın mülkiyyət, icarə və istifadə hüquqlarının məhdudlaşdırılmasına (yüklülüyünə) dair məlumatlar', en: 'Real-estate encumbrances (arrests, mortgages, leases)' } },
  { section: '11.2.7', provider: 'police', operation: 'getCriminalRecords', protocol: 'soap', basis: 'request', secrecy: 'criminal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Şəxslər barəsində axtarış və cinayət işlərinə, məhkumluğa, cərimə ödənişlərinə dair məlumatlar', en: 'Wanted persons, criminal cases, convictions and unpaid fines' } },
  { section: '11.2.8', provider: 'road-police', operation: 'getVehicles', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'Şəxsə məxsus olan nəqliyyat vasitələri barədə məlumatlar', en: 'Vehicles owned' } },
  { section: '11.2.9', provider: 'road-police', operation: 'getDrivingLicences', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Sürücülük vəsiqələri barədə məlumatlar', en: 'Driving licences' } },
  { section: '11.2.10', provider: 'migration', operation: 'getBorderCrossings', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Şəxslərin və nəqliyyat vasitələrinin sərhədkeçmə uçotu', en: 'Border crossings of persons and vehicles' } },
  { section: '11.2.11', provider: 'migration', operation: 'getTravelBans', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Sərhədkeçməsinə məhdudiyyət qoyulmuş şəxslər barədə məlumatlar', en: 'Persons barred from leaving the country' } },
  { section: '11.2.12', provider: 'mortgage-fund', operation: 'getMortgageLoans', protocol: 'rest', basis: 'decision', secrecy: 'bank', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'İpoteka kreditləşməsi və təminat verilən kreditlər üzrə bank sirri təşkil edən məlumatlar', en: 'Mortgage and guaranteed loans' } },
  // 11.2.13 is answered by every credit institution: a scatter-gather over N banks.
  { section: '11.2.13', provider: 'banks', operation: 'getBankAccounts', protocol: 'rest', basis: 'decision', secrecy: 'bank', subjects: ['fin', 'voen'], timeoutMs: 5000,
    title: { az: 'Kredit təşkilatlarında mövcud olan hesablar, əmanətlər və hesablardakı vəsaitlərin miqdarı barədə məlumatlar', en: 'Bank accounts, deposits and balances' } },
  { section: '11.2.14', provider: 'credit-registry', operation: 'getCreditReport', protocol: 'rest', basis: 'decision', secrecy: 'bank', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'Kredit məlumatlarının icmalı, borcalanın aktiv, bağlanmış və zamin olduğu öhdəliklər', en: 'Credit report: active, closed and guaranteed obligations' } },
  { section: '11.2.15', provider: 'collateral', operation: 'getCollateral', protocol: 'rest', basis: 'request', secrecy: 'commercial', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'İpoteka və ya girov saxlayan qismində xeyrinə yüklü edilən daşınmaz və ya daşınar əşyalar barədə məlumatlar', en: 'Movable and immovable collateral' } },
  { section: '11.2.16', provider: 'idp', operation: 'getIdpStatus', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Məcburi köçkünlər barədə məlumatlar', en: 'Internally displaced persons' } },
  // 11.2.17 names three utilities (electricity, drinking water, gas): a scatter-gather.
  { section: '11.2.17', provider: 'utilities', operation: 'getUtilityAccounts', protocol: 'rest', basis: 'request', secrecy: 'personal', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'Elektrik enerjisi, içməli su və qaz abunəçiləri, onların borcları barədə məlumatlar', en: 'Electricity, water and gas subscriptions and debts' } },
  { section: '11.2.18', provider: 'housing', operation: 'getRentToOwn', protocol: 'rest', basis: 'request', secrecy: 'personal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Yaşayış sahələrini satmaq öhdəliyi ilə kirayəyə vermə mexanizmi üzrə kirayəçiyə dair məlumatlar', en: 'Rent-to-own housing tenants' } },
  { section: '11.2.19', provider: 'securities', operation: 'getSecurities', protocol: 'soap', basis: 'decision', secrecy: 'commercial', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'Qiymətli kağızlar və onların yüklülüyü barədə məlumatlar', en: 'Securities and their encumbrances' } },
  { section: '11.2.20', provider: 'insurance', operation: 'getInsuranceContracts', protocol: 'rest', basis: 'request', secrecy: 'personal', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'İcbari sığorta müqavilələrinə dair məlumatlar', en: 'Compulsory insurance contracts' } },
  { section: '11.2.21', provider: 'education', operation: 'getEducation', protocol: 'rest', basis: 'request', secrecy: 'personal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Şəxsin təhsili və təhsil sənədləri barədə məlumatlar', en: 'Education and diplomas' } },
  { section: '11.2.22', provider: 'population', operation: 'getPerson', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin'], timeoutMs: T,
    title: { az: 'Əhalinin Dövlət Reyestrindən vətəndaşlar, daimi yaşayan və ya qaçqın statusu almış əcnəbilər və vətəndaşlığı olmayan şəxslər, habelə vətəndaşlıq vəziyyəti aktları barədə məlumatlar', en: 'Population register: citizens, residents, refugees and civil-status acts' } },
  { section: '11.2.23', provider: 'enforcement', operation: 'getEnforcementStatus', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: '"Elektron icra" informasiya sistemindən məhkəmə qərarlarının icrası vəziyyəti barədə məlumatlar', en: 'Enforcement status of court decisions ("Elektron icra")' } },
  { section: '11.2.24', provider: 'penitentiary', operation: 'getDetentionStatus', protocol: 'soap', basis: 'request', secrecy: 'criminal', subjects: ['fin'], timeoutMs: T,
    title: { az: '"Cəza çəkən məhkumlar və həbs edilmiş şəxslər" informasiya sistemindən məlumatlar', en: 'Detainees and convicts' } },
  { section: '11.2.25', provider: 'inspections', operation: 'getInspections', protocol: 'rest', basis: 'request', secrecy: 'commercial', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: 'Sahibkarlıq sahəsində aparılan yoxlamaların vahid məlumat reyestrindən yoxlamalar barədə məlumatlar', en: 'Inspections of businesses' } },
  { section: '11.2.26', provider: 'notary', operation: 'getNotarialActs', protocol: 'soap', basis: 'request', secrecy: 'personal', subjects: ['fin', 'voen'], timeoutMs: T,
    title: { az: '"Elektron notariat" informasiya sistemindən notariat hərəkətləri barədə məlumatlar', en: 'Notarial acts ("Elektron notariat")' } },
];
