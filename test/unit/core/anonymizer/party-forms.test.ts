/**
 * Every form of a listed party is replaced by the party's one role token, with the case ending of
 * the replaced word after a hyphen (statute 2.1.6; docs/anonymization.md "Remove").
 */
import { anonymize, type Party } from '../../../../core/anonymizer';

const PLAINTIFF: Party = { name: 'Nəcəfov Xəzər Cavid oğlu', role: 'iddiaçı', type: 'person' };
const DEFENDANT: Party = { name: 'İsmayılov Elnur Ramiz oğlu', role: 'cavabdeh', type: 'person' };
const RUSSIAN: Party = { name: 'Məmmədov Nizami Süleyməddin oğlu', role: 'cavabdeh', type: 'person' };

function out(text: string, parties: Party[]) {
  const r = anonymize(text, parties);
  return { text: r.textOut, spans: r.spans.map((s) => text.slice(s.start, s.end)), result: r };
}

describe('listed parties in every form', () => {
  it('The plaintiff is written inflected, with his patronymic, reordered and by given name in the dative. Result: each mention becomes İddiaçı with the same case, no part of the name or patronymic left', () => {
    const text = 'iddiaçı Nəcəfov Xəzər Cavid oğlunun iştirakı ilə. Qətnamənin surəti Xəzər Nəcəfova göndərilsin. Pulu Xəzərə qaytarmışdır. Nəcəfovun evində.';
    const r = out(text, [PLAINTIFF]);
    expect(r.text).toBe('iddiaçı İddiaçı-nın iştirakı ilə. Qətnamənin surəti İddiaçı-ya göndərilsin. Pulu İddiaçı-ya qaytarmışdır. İddiaçı-nın evində.');
    expect(r.text).not.toMatch(/Cavid|oğlu|Nəcəf|Xəzər/);
  });

  it('The defendant appears in initialed short forms ("E.R.İsmayılovdan", "İsmayılov E.R.", "E.İsmayılova"). Result: Cavabdeh with the ablative, bare and dative; the initials go with the name', () => {
    const text = 'İddiaçı E.R.İsmayılovdan borcun tutulmasını xahiş etmişdir. Cavabdeh İsmayılov E.R. borcu inkar etmişdir. Qərarın surəti E.İsmayılova göndərilsin.';
    expect(out(text, [DEFENDANT]).text).toBe('İddiaçı Cavabdeh-dən borcun tutulmasını xahiş etmişdir. Cavabdeh Cavabdeh borcu inkar etmişdir. Qərarın surəti Cavabdeh-ə göndərilsin.');
  });

  it('A party is written in Russian Cyrillic, with a misspelt Russian patronymic and in passport Latin capitals. Result: all three are the same Cavabdeh', () => {
    const text = 'Orderdə oğlu Мамедов Низами Сулейманович göstərilmişdir. Cavabdeh Nizami Sulaydinoviç 2009-cu ildən Rusiyada yaşayır. Pasportda adı NIZAMI MAMMADOV kimi yazılmışdır.';
    const r = out(text, [RUSSIAN]);
    expect(r.spans).toEqual(['Мамедов Низами Сулейманович', 'Nizami Sulaydinoviç', 'NIZAMI MAMMADOV']);
    expect(r.text).toBe('Orderdə oğlu Cavabdeh göstərilmişdir. Cavabdeh Cavabdeh 2009-cu ildən Rusiyada yaşayır. Pasportda adı Cavabdeh kimi yazılmışdır.');
  });

  it('A name hides a Cyrillic look-alike letter, is split by a line break, and is hyphenated across a line. Result: all are found and the spans point at the original characters', () => {
    const parties: Party[] = [{ name: 'Süleymanov Namiq Əli oğlu', role: 'təqsirləndirilən şəxs', type: 'person' }];
    const text = 'Təqsirləndirilən şəxs Süleymanоv təqsirini etiraf etmişdir. Hökmün surəti Namiq\nSüleymanova və N.Süley-\nmanova göndərilsin.';
    const r = out(text, parties);
    expect(r.spans).toEqual(['Süleymanоv', 'Namiq\nSüleymanova', 'N.Süley-\nmanova']);
    expect(r.text).not.toMatch(/Süley|Namiq/);
  });

  it('A misspelt surname of a listed party ("Hüsenyov" for "Hüseynov") within the edit distance. Result: the party token; a different real surname ("Həsənov") is not taken for it', () => {
    const parties: Party[] = [{ name: 'Hüseynov Yaşar Məhəmməd oğlu', role: 'cavabdeh', type: 'person' }];
    const r = anonymize('Cavabdeh Hüsenyov məhkəməyə gəlməmişdir. Hakim Həsənov Oqtay Samir oğlu.', parties);
    expect(r.textOut).toBe('Cavabdeh Cavabdeh məhkəməyə gəlməmişdir. Hakim Həsənov Oqtay Samir oğlu.');
  });

  it('Two parties share a surname (spouses); short forms are told apart by their initials. Result: each keeps its own token', () => {
    const parties: Party[] = [
      { name: 'Həsənova Aytən Əli qızı', role: 'iddiaçı', type: 'person' },
      { name: 'Həsənov Əli Mahmud oğlu', role: 'cavabdeh', type: 'person' },
    ];
    const r = anonymize('A.Həsənova göstərmişdir ki, mənzil Ə.M.Həsənovun adına alınmışdır.', parties);
    expect(r.textOut).toBe('İddiaçı göstərmişdir ki, mənzil Cavabdeh-in adına alınmışdır.');
  });
});
