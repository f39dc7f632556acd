/**
 * Names the synthetic world draws from: institutions, offices, places. Public bodies carry their
 * real names (they are addressees, not persons); banks, insurers and companies are synthetic.
 */
export const COURTS = [
  'Bakı şəhəri Nəsimi rayon məhkəməsi', 'Bakı şəhəri Yasamal rayon məhkəməsi', 'Bakı şəhəri Xətai rayon məhkəməsi',
  'Bakı şəhəri Binəqədi rayon məhkəməsi', 'Sumqayıt şəhər məhkəməsi', 'Gəncə şəhər məhkəməsi',
  'Bakı şəhəri 1 saylı İnzibati-İqtisadi Məhkəmə', 'Bakı Ağır Cinayətlər Məhkəməsi', 'Lənkəran şəhər məhkəməsi',
] as const;

export const ENFORCEMENT_OFFICES = [
  'Nəsimi rayon İcra Şöbəsi', 'Yasamal rayon İcra Şöbəsi', 'Xətai rayon İcra Şöbəsi', 'Binəqədi rayon İcra Şöbəsi',
  'Sumqayıt şəhər İcra Şöbəsi', 'Gəncə şəhər İcra Şöbəsi', 'Lənkəran rayon İcra Şöbəsi',
] as const;

export const NOTARY_OFFICES = [
  'Bakı şəhəri 3 saylı Dövlət Notariat Kontoru', 'Bakı şəhəri 7 saylı Dövlət Notariat Kontoru',
  'Bakı şəhəri 12 saylı Dövlət Notariat Kontoru', 'Sumqayıt şəhəri 1 saylı Dövlət Notariat Kontoru',
  'Gəncə şəhəri 2 saylı Dövlət Notariat Kontoru', 'Bakı şəhəri Xüsusi Notarius Kontoru №4',
] as const;

export const INSURERS = ['"Xəzər Sığorta" ASC', '"Qafqaz Sığorta" ASC', '"Atəşgah Sığorta" ASC', '"Günəş Sığorta" ASC', '"Abşeron Sığorta" ASC'] as const;

export const TAX_OFFICES = [
  'Bakı şəhəri 1 saylı Ərazi Vergilər İdarəsi', 'Bakı şəhəri 3 saylı Ərazi Vergilər İdarəsi',
  'Bakı şəhəri 5 saylı Ərazi Vergilər İdarəsi', 'Sumqayıt Regional Vergilər İdarəsi', 'Gəncə Regional Vergilər İdarəsi',
] as const;

export const INSPECTION_AUTHORITIES = [
  'Dövlət Vergi Xidməti', 'Fövqəladə Hallar Nazirliyi (yanğın təhlükəsizliyi)', 'Qida Təhlükəsizliyi Agentliyi',
  'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi (Dövlət Əmək Müfəttişliyi)', 'Ekologiya və Təbii Sərvətlər Nazirliyi',
] as const;

/** Per INSPECTION_AUTHORITIES entry: typical findings and the Code of Administrative Offences article fining them. */
export const INSPECTION_AREAS: readonly { article: string; findings: readonly string[] }[] = [
  { article: '58.1', findings: ['Nağd hesablaşmalarda nəzarət-kassa aparatından istifadə edilməmişdir', 'Əməliyyatların uçotu qaydaları pozulmuşdur'] },
  { article: '211.1', findings: ['Evakuasiya çıxışları bağlı saxlanılmışdır', 'Yanğınsöndürmə vasitələrinin yoxlama müddəti keçmişdir'] },
  { article: '407.1', findings: ['Qida məhsullarının saxlanma temperaturu pozulmuşdur', 'Məhsulların mənşəyini təsdiq edən sənədlər yoxdur'] },
  { article: '192.1', findings: ['İşçilərlə əmək müqaviləsi bağlanmadan işə cəlb edilmişdir', 'Əmək mühafizəsi qaydalarına dair təlimat keçirilməmişdir'] },
  { article: '247.1', findings: ['Tullantıların yerləşdirilməsi qaydaları pozulmuşdur', 'Atmosferə atılan tullantıların uçotu aparılmamışdır'] },
];

/** The State Housing Agency's (MİDA) residential complexes sold on rent-to-own terms. */
export const HOUSING_COMPLEXES: readonly { place: string; complex: string }[] = [
  { place: 'Bakı, Yasamal r.', complex: 'Yasamal' },
  { place: 'Gəncə, Kəpəz r.', complex: 'Gəncə' },
  { place: 'Sumqayıt', complex: 'Sumqayıt' },
];

export const PENITENTIARY_FACILITIES = [
  'Bakı İstintaq Təcridxanası', 'Şüvəlan İstintaq Təcridxanası', '2 saylı Cəzaçəkmə Müəssisəsi',
  '10 saylı Cəzaçəkmə Müəssisəsi', '12 saylı Cəzaçəkmə Müəssisəsi', 'Gəncə İstintaq Təcridxanası',
] as const;

export const BORDER_CHECKPOINTS: readonly { name: string; countries: readonly string[] }[] = [
  { name: 'Heydər Əliyev Beynəlxalq Aeroportu', countries: ['TUR', 'RUS', 'ARE', 'GEO', 'DEU', 'GBR', 'QAT', 'UKR', 'KAZ'] },
  { name: 'Qırmızı Körpü sərhəd-buraxılış məntəqəsi', countries: ['GEO'] },
  { name: 'Samur sərhəd-buraxılış məntəqəsi', countries: ['RUS'] },
  { name: 'Astara sərhəd-buraxılış məntəqəsi', countries: ['IRN'] },
  { name: 'Gəncə Beynəlxalq Aeroportu', countries: ['TUR', 'RUS'] },
];

export const UNIVERSITIES = [
  'Bakı Dövlət Universiteti', 'Azərbaycan Dövlət İqtisad Universiteti', 'Azərbaycan Texniki Universiteti',
  'Azərbaycan Dövlət Neft və Sənaye Universiteti', 'ADA Universiteti', 'Gəncə Dövlət Universiteti',
  'Azərbaycan Tibb Universiteti', 'Bakı Slavyan Universiteti', 'Azərbaycan Dövlət Pedaqoji Universiteti',
] as const;

export const SPECIALITIES = [
  'Hüquqşünaslıq', 'İqtisadiyyat', 'Maliyyə', 'Kompüter elmləri', 'Neft-qaz mühəndisliyi', 'Müalicə işi',
  'Filologiya', 'Mühasibat uçotu', 'İnşaat mühəndisliyi', 'Beynəlxalq münasibətlər', 'Pedaqogika',
] as const;

export const VOCATIONAL_SCHOOLS = ['Bakı Dövlət Peşə Təhsil Mərkəzi', 'Sumqayıt Dövlət Texniki Kolleci', 'Gəncə Dövlət Peşə Məktəbi'] as const;

export const POSITIONS = [
  'mühasib', 'mühəndis', 'satış meneceri', 'sürücü', 'müəllim', 'həkim', 'operator', 'hüquqşünas', 'fəhlə',
  'anbardar', 'proqramçı', 'aşpaz', 'kassir', 'təhlükəsizlik işçisi', 'layihə meneceri',
] as const;

/** NACE rev. 2 main activities. */
export const ACTIVITIES: readonly { code: string; title: string }[] = [
  { code: '41.20', title: 'Yaşayış və qeyri-yaşayış binalarının tikintisi' },
  { code: '46.90', title: 'İxtisaslaşdırılmamış topdan ticarət' },
  { code: '47.11', title: 'Ərzaq məhsulları ilə pərakəndə ticarət' },
  { code: '49.41', title: 'Avtomobil nəqliyyatı ilə yük daşımaları' },
  { code: '62.01', title: 'Kompüter proqramlaşdırılması' },
  { code: '56.10', title: 'Restoranların fəaliyyəti' },
  { code: '01.13', title: 'Tərəvəzçilik' },
  { code: '68.20', title: 'Daşınmaz əmlakın icarəsi' },
];

export const VEHICLE_MODELS: readonly { make: string; model: string; kind: 'car' | 'truck' | 'bus' | 'motorcycle' }[] = [
  { make: 'Toyota', model: 'Camry', kind: 'car' }, { make: 'Toyota', model: 'Prius', kind: 'car' },
  { make: 'Hyundai', model: 'Elantra', kind: 'car' }, { make: 'Kia', model: 'Sportage', kind: 'car' },
  { make: 'Mercedes-Benz', model: 'E 200', kind: 'car' }, { make: 'Lada', model: 'Priora', kind: 'car' },
  { make: 'Chevrolet', model: 'Cobalt', kind: 'car' }, { make: 'Nissan', model: 'Qashqai', kind: 'car' },
  { make: 'Ford', model: 'Transit', kind: 'bus' }, { make: 'KamAZ', model: '65115', kind: 'truck' },
  { make: 'MAN', model: 'TGS', kind: 'truck' }, { make: 'Honda', model: 'CB500', kind: 'motorcycle' },
];

export const COLOURS = ['ağ', 'qara', 'gümüşü', 'boz', 'göy', 'qırmızı', 'yaşıl'] as const;

/** Districts people were displaced from (1990s) — the IDP register's origin. */
export const OCCUPIED_DISTRICTS = ['Ağdam', 'Şuşa', 'Laçın', 'Kəlbəcər', 'Füzuli', 'Cəbrayıl', 'Qubadlı', 'Zəngilan', 'Xocalı', 'Xocavənd'] as const;

/** Plate region codes: Bakı 10, 90, 99, 77; Sumqayıt 50; Gəncə 20; Lənkəran 45; Şəki 60; Mingəçevir 40. */
export const PLATE_REGIONS: Readonly<Record<string, readonly string[]>> = {
  Bakı: ['10', '90', '99', '77'], Sumqayıt: ['50'], Gəncə: ['20'], Lənkəran: ['45'], Şəki: ['60'], Mingəçevir: ['40'],
};
