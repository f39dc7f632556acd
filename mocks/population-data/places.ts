/**
 * Cities, their districts (rayon; mikrorayon / qəsəbə outside Baku) and streets. Real names;
 * synthetic house and flat numbers.
 */
export interface City {
  city: string;
  /** Relative weight of residents in the synthetic population. */
  weight: number;
  districts: readonly string[];
  streets: readonly string[];
}

export const CITIES: readonly City[] = [
  {
    city: 'Bakı',
    weight: 6,
    districts: ['Nəsimi', 'Yasamal', 'Nərimanov', 'Xətai', 'Səbail', 'Binəqədi', 'Nizami', 'Sabunçu', 'Suraxanı', 'Xəzər', 'Qaradağ'],
    streets: [
      'Azadlıq prospekti', 'Nizami küçəsi', 'Füzuli küçəsi', 'Səməd Vurğun küçəsi', 'Rəşid Behbudov küçəsi',
      'Hüseyn Cavid prospekti', 'Şərifzadə küçəsi', 'İnşaatçılar prospekti', 'Təbriz küçəsi', 'Atatürk prospekti',
      'Babək prospekti', 'Xətai prospekti', 'Neftçilər prospekti', 'İstiqlaliyyət küçəsi', 'Tbilisi prospekti',
      'Bülbül prospekti', 'Qara Qarayev prospekti', 'Həsən bəy Zərdabi prospekti', 'Mətbuat prospekti', 'Heydər Əliyev prospekti',
    ],
  },
  {
    city: 'Gəncə',
    weight: 2,
    districts: ['Kəpəz', 'Nizami'],
    streets: ['Atatürk prospekti', 'Cavad xan küçəsi', 'Heydər Əliyev prospekti', 'Şah İsmayıl Xətai prospekti', 'Nizami Gəncəvi küçəsi'],
  },
  {
    city: 'Sumqayıt',
    weight: 2,
    districts: ['1-ci mikrorayon', '3-cü mikrorayon', '9-cu mikrorayon', '17-ci mikrorayon', 'Corat qəsəbəsi'],
    streets: ['Sülh küçəsi', 'Heydər Əliyev prospekti', 'Nizami küçəsi', 'Səməd Vurğun küçəsi', 'Cəlil Məmmədquluzadə küçəsi'],
  },
  {
    city: 'Mingəçevir',
    weight: 1,
    districts: ['Mingəçevir şəhəri'],
    streets: ['Heydər Əliyev prospekti', 'Zərifə Əliyeva küçəsi', 'Dilarə Əliyeva küçəsi'],
  },
  {
    city: 'Lənkəran',
    weight: 1,
    districts: ['Lənkəran şəhəri', 'Liman qəsəbəsi'],
    streets: ['Həzi Aslanov küçəsi', 'Mirzə Fətəli Axundov küçəsi', 'Heydər Əliyev prospekti'],
  },
  {
    city: 'Şəki',
    weight: 1,
    districts: ['Şəki şəhəri'],
    streets: ['Məhəmməd Əmin Rəsulzadə prospekti', 'Axundzadə küçəsi', 'Şəhriyar küçəsi'],
  },
];

/** The weighted list the generator picks from. */
export const WEIGHTED_CITIES: readonly City[] = CITIES.flatMap((c) => Array.from({ length: c.weight }, () => c));
