/**
 * Persons the case file does not list are found by cues and replaced; officials stay in clear
 * (docs/anonymization.md "Keep"): judges, clerks, counsel, experts, enforcement officers, public bodies.
 */
import { anonymize, type Party } from '../../../../core/anonymizer';

const PARTIES: Party[] = [
  { name: 'Nəcəfov Xəzər Cavid oğlu', role: 'iddiaçı', type: 'person' },
  { name: 'Rzayev Ülvi İlham oğlu', role: 'cavabdeh', type: 'person' },
];

describe('persons not in the case file, and officials', () => {
  it('A witness the case file does not list is named in full, then reordered across a line break, then by surname. Result: one Şahid token for all three mentions', () => {
    const text = 'Pulun verilməsində ortaq tanışı Orucov Qurban Vaqif oğlu da iştirak etmişdir. Şahid qismində dindirilən Qurban\nOrucov izah etmişdir ki, Orucov borcu görmüşdür.';
    const r = anonymize(text, PARTIES);
    expect(r.textOut).toBe('Pulun verilməsində ortaq tanışı Şahid da iştirak etmişdir. Şahid qismində dindirilən Şahid izah etmişdir ki, Şahid borcu görmüşdür.');
  });

  it('Children are named by given name after a kinship word and by surname initial and given name. Result: each child gets its own token, the parent is not confused with them', () => {
    const parties: Party[] = [{ name: 'Quliyeva Nərmin Elşən qızı', role: 'iddiaçı', type: 'person' }];
    const text = 'Onların azyaşlı qızı Aysu və oğlu Murad vardır. Azyaşlı Q.Aysunun və Q.Muradın yaşayış yeri anası N.E.Quliyevanın yanında müəyyən edilsin.';
    const r = anonymize(text, parties);
    expect(r.textOut).toBe('Onların azyaşlı qızı Şəxs1 və oğlu Şəxs2 vardır. Azyaşlı Şəxs1-in və Şəxs2-nin yaşayış yeri anası İddiaçı-nın yanında müəyyən edilsin.');
  });

  it('The judge\'s patronymic is a party\'s given name ("Bakıxanov Rəşad Xəzər oğlu" and the plaintiff Xəzər). Result: the judge stays in clear, in the header and in the signature; the plaintiff\'s "Xəzər" is replaced', () => {
    const text = 'Quba Rayon Məhkəməsinin hakimi Bakıxanov Rəşad Xəzər oğlunun sədrliyi ilə. Pulu Xəzərə qaytarmışdır.\n\nHakim                R.Bakıxanov';
    const r = anonymize(text, PARTIES);
    expect(r.textOut).toBe('Quba Rayon Məhkəməsinin hakimi Bakıxanov Rəşad Xəzər oğlunun sədrliyi ilə. Pulu İddiaçı-ya qaytarmışdır.\n\nHakim                R.Bakıxanov');
    expect(r.detection.kept.filter((k) => k.kind === 'official').map((k) => text.slice(k.start, k.end))).toEqual(['Bakıxanov Rəşad Xəzər oğlunun', 'R.Bakıxanov']);
  });

  it('A bench of three judges listed after "hakimlər", a clerk by the role noun after the name, counsel, an expert and an enforcement officer. Result: all stay in clear; the company\'s representative by power of attorney is replaced', () => {
    const text = 'hakimlər Novruzov Vəli Cavid oğlu (sədrlik edən), Quliyev Tural Ramil oğlu və Əliyeva Aygün Vüqar qızından ibarət tərkibdə, '
      + 'Məlikov Araz Aydın oğlunun katibliyi, iddiaçının vəkili Cəfərov Mübariz Emin oğlunun, ekspert Məlikov Rauf Tahir oğlunun, '
      + 'icra məmuru F.Qasımov, cavabdehin nümayəndəsi Musayev Rövşən Vəli oğlunun iştirakı ilə';
    const r = anonymize(text, []);
    expect(r.spans.map((s) => text.slice(s.start, s.end))).toEqual(['Musayev Rövşən Vəli oğlunun']);
  });

  it('A public body\'s representative and a police officer are officials; a company\'s site manager after "rəisi" is not. Result: the first two kept, the manager replaced', () => {
    const text = 'Sabunçu Rayon İcra Hakimiyyətinin nümayəndəsi Rəhimova Sevda Arif qızı rəy vermişdir. Yol polisi əməkdaşı Fərəcov Elvin Şahin oğlu protokol tərtib etmişdir. '
      + '“Anar Tikinti” MMC-nin kadrlar şöbəsinin müdiri və sahə rəisi Orucov Tamerlanın aktları.';
    const r = anonymize(text, []);
    expect(r.spans.map((s) => text.slice(s.start, s.end))).toEqual(['Orucov Tamerlanın']);
  });

  it('A company name holds a given name ("“Anar Tikinti” MMC") and its director is Anar Babayev. Result: the company and its VÖEN stay, the director is replaced; with the switch off, the listed company becomes its role token', () => {
    const parties: Party[] = [{ name: '“Anar Tikinti” MMC', role: 'cavabdeh', type: 'entity' }];
    const text = 'cavabdeh “Anar Tikinti” MMC-nin (VÖEN 1403598271) direktoru Babayev Anar Rüstəm oğlunun əmri ilə.';
    expect(anonymize(text, parties).textOut).toBe('cavabdeh “Anar Tikinti” MMC-nin (VÖEN 1403598271) direktoru Şəxs-in əmri ilə.');
    const off = anonymize(text, parties, { keepLegalEntities: false });
    expect(off.textOut).toBe('cavabdeh Cavabdeh (VÖEN 1403598271) direktoru Şəxs-in əmri ilə.');
    expect(off.spans[0].label).toBe('LEGAL_ENTITY');
  });

  it('Words that are also names ("öz əli ilə", "ümid edərək", "azad edilsin", "Xəzər dənizi", "“Dəniz” kafesi") next to a party named Əli. Result: none of them is touched', () => {
    const parties: Party[] = [{ name: 'Babayev Əli Rauf oğlu', role: 'cavabdeh', type: 'person' }];
    const text = 'Cavabdeh öz əli ilə yazmışdır, borcu qaytaracağına ümid edərək. O, azad edilsin. Xəzər dənizi sahilindəki “Dəniz” kafesində Əli Babayev işləyir.';
    const r = anonymize(text, parties);
    expect(r.textOut).toBe('Cavabdeh öz əli ilə yazmışdır, borcu qaytaracağına ümid edərək. O, azad edilsin. Xəzər dənizi sahilindəki “Dəniz” kafesində Cavabdeh işləyir.');
  });

  it('An ambiguous given name with an honorific ("Səadət xanım"), a double surname, a foreign name after "vətəndaşı". Result: all replaced, the role word before them kept', () => {
    const text = 'Səadət xanım evdə idi. Qohumu Əliyeva-Məmmədova Sevinc Arif qızı gəlmişdir. İtaliya vətəndaşı Marco Rossi iştirak etmişdir. Tərcüməçi Nəbiyev Kamran tərcümə etmişdir.';
    expect(anonymize(text, []).textOut).toBe('Şəxs1 xanım evdə idi. Qohumu Şəxs2 gəlmişdir. İtaliya vətəndaşı Şəxs3 iştirak etmişdir. Tərcüməçi Şəxs4 tərcümə etmişdir.');
  });

  it('A defendant named in capitals in the title and in the body. Result: the title loses the name too', () => {
    const parties: Party[] = [{ name: 'Mirzəyev Elşən Vaqif oğlu', role: 'təqsirləndirilən şəxs', type: 'person' }];
    const text = 'MİRZƏYEV ELŞƏN VAQİF OĞLUNUN barəsində cinayət işi üzrə\n\nTəqsirləndirilən şəxs Elşən Mirzəyev pulu almışdır.';
    expect(anonymize(text, parties).textOut).toBe('Təqsirləndirilən-in barəsində cinayət işi üzrə\n\nTəqsirləndirilən şəxs Təqsirləndirilən pulu almışdır.');
  });
});
