/**
 * Given names, surnames and places used to recognise persons the case file does not list.
 * The name list and its sources are in data/README.md. Places are here because a place can look
 * like a name ("Şirvan", "Nərimanov rayonu") and because "-lı" surnames are built on places
 * ("Lənkəranlı") as well as on given names ("Həsənli").
 */
import names from './data/az-names.json';
import { memo } from './memo';
import { fold, skel } from './normalize';
import { splits, type Split } from './morphology';

const toSkel = (w: string) => skel(fold(w));

const GIVEN = new Map<string, 'm' | 'f'>();
for (const n of names.givenMale) GIVEN.set(toSkel(n), 'm');
for (const n of names.givenFemale) if (!GIVEN.has(toSkel(n))) GIVEN.set(toSkel(n), 'f');
const AMBIGUOUS = new Set(names.ambiguousGiven.map(toSkel));
const SURNAMES = new Set(names.surnames.map(toSkel));

// Cities, districts (rayon) and Baku's districts: neutral in the policy, but never a person on their own.
const PLACE_NAMES = `Bakı Gəncə Sumqayıt Mingəçevir Naftalan Şirvan Naxçıvan Xankəndi Yevlax Lənkəran Şəki Quba Qusar
Xaçmaz Şamaxı Ağdam Ağdaş Ağcabədi Ağstafa Ağsu Astara Babək Balakən Bərdə Beyləqan Biləsuvar Cəbrayıl Cəlilabad
Culfa Daşkəsən Füzuli Gədəbəy Goranboy Göyçay Göygöl Hacıqabul Xızı Xocalı Xocavənd İmişli İsmayıllı Kəlbəcər
Kəngərli Kürdəmir Qax Qazax Qəbələ Qobustan Qubadlı Laçın Lerik Masallı Neftçala Oğuz Ordubad Saatlı Sabirabad
Salyan Samux Sədərək Siyəzən Şabran Şahbuz Şamkir Şəmkir Şərur Şuşa Tərtər Tovuz Ucar Yardımlı Zaqatala Zəngilan
Zərdab Binəqədi Qaradağ Xətai Xəzər Nərimanov Nəsimi Nizami Pirallahı Sabunçu Səbail Suraxanı Yasamal Abşeron
Mərdəkan Bakıxanov Bülbülə Masazır Xırdalan Gürcüstan Rusiya Türkiyə Krasnodar Moskva İran Ukrayna Dağıstan`
  .split(/\s+/).filter(Boolean);
const PLACES = new Set(PLACE_NAMES.map(toSkel));

export interface NameHit { split: Split; gender?: 'm' | 'f'; ambiguous: boolean }

/** The word read as a given name (with its suffix), or undefined. */
export const givenName = memo(findGiven);

function findGiven(folded: string): NameHit | undefined {
  for (const s of splits(folded)) {
    const g = GIVEN.get(skel(s.stem));
    if (g) return { split: s, gender: g, ambiguous: AMBIGUOUS.has(skel(s.stem)) };
  }
  return undefined;
}

export const isPlace = memo(findPlace);

function findPlace(folded: string): boolean {
  return splits(folded).some((s) => PLACES.has(skel(s.stem)));
}

const SURNAME_END = /(ov|ova|ev|eva|yev|yeva|zadə|zade|oğlu|bəyli|bəyov|xanlı|xanov|ski|skaya)$/;
const LI_END = /(li|lı|lu|lü)$/;

/** The word read as a surname by list or by shape ("Orucov", "Həsənli", "Tağızadə"), or undefined. */
export const surnameShape = memo(findSurname);

function findSurname(folded: string): Split | undefined {
  for (const s of splits(folded)) {
    const st = s.stem;
    if (SURNAMES.has(skel(st))) return s;
    if (st.length >= 5 && SURNAME_END.test(st)) return s;
    const li = LI_END.exec(st);
    if (li && st.length >= 5) {
      const base = st.slice(0, st.length - 2);
      // "Həsənli", "Lənkəranlı", "Famillı" (a doubled l of "Famil" + "lı").
      const bases = [base, base.replace(/l$/, '')];
      if (bases.some((b) => GIVEN.has(skel(b)) || PLACES.has(skel(b)))) return s;
    }
  }
  return undefined;
}

/** True for a given name that is also an ordinary word or a place (Azad, Ümid, Xəzər…). */
export function isAmbiguousGiven(skeleton: string): boolean {
  return AMBIGUOUS.has(skeleton) || PLACES.has(skeleton);
}

export function genderOfGiven(skeleton: string): 'm' | 'f' | undefined {
  return GIVEN.get(skeleton);
}
