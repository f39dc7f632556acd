/**
 * Every identifier kind of the policy, in several formats, each with its validator where it has
 * one (docs/anonymization.md "Remove"): what identifies goes, what the policy lets stay stays.
 */
import { anonymize } from '../../../../core/anonymizer';
import { ibanValid, luhnValid, phoneDigitsValid, voenKind } from '../../../../core/anonymizer/validators';

function replaced(text: string) {
  const r = anonymize(text, []);
  return { out: r.textOut, found: r.spans.map((s) => [s.label, text.slice(s.start, s.end)]) };
}

describe('identifiers', () => {
  it('FIN after "FİN", "FIN-i" and in lower case. Result: all seven characters masked', () => {
    const r = replaced('FİN: F8U56Z0, onun FİN-i 4xk2m7p, FIN BAD14WR.');
    expect(r.found).toEqual([['FIN', 'F8U56Z0'], ['FIN', '4xk2m7p'], ['FIN', 'BAD14WR']]);
    expect(r.out).toBe('FİN: *******, onun FİN-i *******, FIN *******.');
  });

  it('A sole trader\'s VÖEN (10th digit 2) beside a company\'s (10th digit 1). Result: the first masked, the company\'s kept', () => {
    const r = replaced('Sahibkar (VÖEN 1495400362) və “Bakı Su Təchizatı” ASC (VÖEN 9585079371).');
    expect(r.found).toEqual([['VOEN_PRIVATE', '1495400362']]);
    expect(voenKind('9585079371')).toBe('entity');
  });

  it('Identity documents: old and new ID cards, spaced, a passport, a driving licence, a registry extract. Result: the numbers masked, the series letters kept', () => {
    const text = 'şəxsiyyət vəsiqəsi AZE25650099, AA 0472319, AZE 1155 0876; pasport C02371845; sürücülük vəsiqəsi AB 567812; çıxarışın nömrəsi 1180-0093-4471.';
    const r = replaced(text);
    expect(r.found.map((f) => f[0])).toEqual(['ID_DOC', 'ID_DOC', 'ID_DOC', 'ID_DOC', 'ID_DOC', 'ID_DOC']);
    expect(r.out).toBe('şəxsiyyət vəsiqəsi AZE********, AA *******, AZE **** ****; pasport C********; sürücülük vəsiqəsi AB ******; çıxarışın nömrəsi ****-****-****.');
  });

  it.each([
    ['0707171909'], ['+994 51 438 81 18'], ['(050) 623-99-58'], ['055 412 33 07'], ['+994552347715'], ['050-318-44-92'],
    ['+994(51)7223064'], ['994505512287'], ['(012) 498-17-32'], ['8 050 221 44 35'], ['050.417.22.91'], ['+994-12-310-44-50'],
    ['+994 (10) 234 56 78'], ['+7 918 443-27-61'],
  ])('A phone written as %s. Result: the last seven digits masked, the country and operator code may stay', (phone) => {
    const r = replaced(`Onun ${phone} nömrəli telefonuna zəng edilmişdir.`);
    expect(r.found).toEqual([['PHONE', phone]]);
    expect(r.out.replace(/\D/g, '').length).toBe(phone.replace(/\D/g, '').length - 7);
  });

  it('Amounts, dates and case numbers that look like digit runs. Result: none is taken for a phone', () => {
    const text = 'İş № 2(031)-7554/2024, 23.200 manat, 04.03.2016 tarixli, 46 000 manat, 1981-1994-cü illərdə.';
    expect(replaced(text).found).toEqual([]);
  });

  it('E-mails. Result: the local part masked, the domain kept', () => {
    expect(replaced('ramin.cebrayilov91@gmail.com və n_huseynova@mail.ru ünvanlarına').out).toBe('*****@gmail.com və *****@mail.ru ünvanlarına');
  });

  it('Street-level addresses: a street named like a place, a microdistrict, an initialed street, a house after "nömrəli". Result: street names and every number masked, the city stays', () => {
    const text = 'Bakı şəhəri, Şirvan küçəsi, ev 61; Bakı şəhəri, 2-ci mikrorayon, bina 47, mənzil 114; Şüvəlan qəsəbəsi, Ə.Ələkbərov küçəsi 12/34; Nəsimi küçəsinin sonunda, 17 nömrəli evin yanında.';
    const r = replaced(text);
    expect(r.out).toBe('Bakı şəhəri, xxxxx küçəsi, ev **; Bakı şəhəri, **-ci mikrorayon, bina **, mənzil **; Şüvəlan qəsəbəsi, Ə.xxxxx küçəsi **/**; xxxxx küçəsinin sonunda, ** nömrəli evin yanında.');
  });

  it('Birth dates in three formats next to a birth word; an event date is not one. Result: day and month masked, the year stays', () => {
    const text = '12 dekabr 1962-ci il tarixdə Gəncə şəhərində anadan olmuş; 04.03.2016 təvəllüdlü; 1963-cü il 22 mart tarixdə anadan olmuşdur; hadisə 15 avqust 2023-cü il tarixdə baş vermişdir.';
    expect(replaced(text).out).toBe('xx xxxxxx 1962-ci il tarixdə Gəncə şəhərində anadan olmuş; xx.xx.2016 təvəllüdlü; 1963-cü il xx xxxxxx tarixdə anadan olmuşdur; hadisə 15 avqust 2023-cü il tarixdə baş vermişdir.');
  });

  it('An IBAN compact and in groups, a Luhn-valid card compact, spaced and dashed, a plain account after "hesab". Result: the account part and card digits 7–12 masked', () => {
    const text = 'AZ29NABZ67098498605911938386 hesabı, AZ89 UBAZ 7104 9746 5075 2917 0342, kart 4169731177774121, 5398 2715 4728 0384, 5221-8252-5388-8533, 38090019440012345678 nömrəli hesab.';
    const r = replaced(text);
    expect(r.found.map((f) => f[0])).toEqual(['ACCOUNT', 'ACCOUNT', 'ACCOUNT', 'ACCOUNT', 'ACCOUNT', 'ACCOUNT']);
    expect(r.out).toBe('AZ29NABZ******************** hesabı, AZ89 UBAZ **** **** **** **** ****, kart 416973******4121, 5398 27** **** 0384, 5221-82**-****-8533, ******************** nömrəli hesab.');
  });

  it('A 16-digit number that fails Luhn and has no card word. Result: left alone', () => {
    expect(luhnValid('4169731177774122')).toBe(false);
    expect(replaced('Arxiv nömrəsi 4169 7311 7777 4122 olan sənəd.').found).toEqual([]);
  });

  it('Vehicle plates with dashes, spaces, none, spaced dashes and Cyrillic look-alike letters. Result: series and number masked, the region code stays', () => {
    const r = replaced('01-XU-594, 10 RT 447, 01VM366, 55 - FK - 403, 10-АВ-123 nömrəli avtomobillər.');
    expect(r.found.map((f) => f[0])).toEqual(['CAR_PLATE', 'CAR_PLATE', 'CAR_PLATE', 'CAR_PLATE', 'CAR_PLATE']);
    expect(r.out).toBe('01-**-***, 10 ** ***, 01*****, 55 - ** - ***, 10-**-*** nömrəli avtomobillər.');
  });

  it('Health data: an addiction, a psychiatric diagnosis, a disability group. Result: replaced by "[tibbi məlumat]"; a bare "əlil oğlu" is a status and stays', () => {
    const r = replaced('xroniki alkoqolizm diaqnozu ilə; paranoid şizofreniya; II qrup əlil olduğunu; onun əlil oğlu.');
    expect(r.out).toBe('[tibbi məlumat] ilə; [tibbi məlumat]; [tibbi məlumat] olduğunu; onun əlil oğlu.');
  });

  it('The validators on their own: IBAN mod 97, Luhn, phone prefixes', () => {
    expect(ibanValid('AZ21NABZ00000000137010001944')).toBe(true);
    expect(ibanValid('AZ22NABZ00000000137010001944')).toBe(false);
    expect(luhnValid('4169731177774121')).toBe(true);
    expect(phoneDigitsValid('0707171909', { plus: false, cue: false })).toBe(true);
    expect(phoneDigitsValid('0337171909', { plus: false, cue: false })).toBe(false);
  });
});
