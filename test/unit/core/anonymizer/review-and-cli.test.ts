/**
 * The reviewer's edits (add, undo) on a draft, the batch CLI over JSON lines, and the labelled
 * evaluation set kept above the targets of docs/anonymization.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { addReplacement, anonymize, anonymizeRecord, detect, render, undoReplacement, type Party } from '../../../../core/anonymizer';
import { runAnonymizeCli } from '../../../../core/anonymizer/anonymize-cli';
import { loadLabelledDir, readJsonl } from '../../../eval/anonymizer/build-gold';
import { loadEvalSet } from '../../../eval/anonymizer/run-eval';
import { recall, score } from '../../../eval/anonymizer/score';

const PARTIES: Party[] = [{ name: 'Rzayev Ülvi İlham oğlu', role: 'cavabdeh', type: 'person' }];
const TEXT = 'Cavabdeh Rzayev Ülvi İlham oğlundan pul tutulsun. Pulu Bahar adlı qonşusu gətirmişdir.';

describe('review, batch use and the measured set', () => {
  it('A reviewer adds a name the anonymizer left ("Bahar", an ordinary word too) and undoes nothing else. Result: a new person token there; the party\'s replacement is unchanged', () => {
    const d = detect(TEXT, PARTIES);
    expect(render(TEXT, d).textOut).toBe('Cavabdeh Cavabdeh-dən pul tutulsun. Pulu Bahar adlı qonşusu gətirmişdir.');
    const at = TEXT.indexOf('Bahar');
    const edited = addReplacement(TEXT, d, { start: at, end: at + 5, label: 'PERSON' });
    expect(render(TEXT, edited).textOut).toBe('Cavabdeh Cavabdeh-dən pul tutulsun. Pulu Şəxs1 adlı qonşusu gətirmişdir.');
    expect(edited.findings.find((f) => f.start === at)?.source).toBe('review');
  });

  it('A reviewer undoes a replacement. Result: that span is in clear again and the others stay replaced; undoing a span that was never replaced is refused', () => {
    const r = anonymize('FİN: F8U56Z0, telefon 0707171909.', []);
    const fin = r.spans.find((s) => s.label === 'FIN')!;
    const undone = render('FİN: F8U56Z0, telefon 0707171909.', undoReplacement(r.detection, fin));
    expect(undone.textOut).toBe('FİN: F8U56Z0, telefon 070*******.');
    expect(() => undoReplacement(r.detection, { start: 0, end: 3 })).toThrow(RangeError);
  });

  it('Output spans point into the input and into the output: each replaced input slice maps to its replacement', () => {
    const r = anonymize(TEXT, PARTIES);
    for (const s of r.spans) expect(r.textOut.slice(s.outStart, s.outEnd)).toBe(s.replacement);
  });

  it('The CLI reads JSON lines and writes { id, text_out, spans }; a malformed line is reported by number, without its content, and makes the exit code 1', async () => {
    const lines = [JSON.stringify({ id: 'a', text: TEXT, parties: PARTIES }), '{not json', JSON.stringify({ id: 'b', text: 7 })];
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAnonymizeCli([], { input: Readable.from([lines.join('\n')]), stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
    expect(code).toBe(1);
    expect(out.map((l) => JSON.parse(l))).toEqual([anonymizeRecord({ id: 'a', text: TEXT, parties: PARTIES })]);
    expect(Object.keys(JSON.parse(out[0]))).toEqual(['id', 'text_out', 'spans']);
    expect(err).toEqual(['line 2: HUB_ERR_VALIDATION_BAD_JSON: not valid JSON', expect.stringMatching(/^line 3: HUB_ERR_VALIDATION_BAD_REQUEST/)]);
    expect(err.join('\n')).not.toContain('Rzayev');
  });

  it('The compiled entry behind `npm run -s anonymize` turns a dev-sample line into an output line', () => {
    const entry = path.join(__dirname, '../../../../dist/bus/anonymize-cli.js');
    const input = fs.readFileSync(path.join(__dirname, '../../../fixtures/anonymization/dev-sample.jsonl'), 'utf8').split('\n')[0];
    const run = spawnSync(process.execPath, [entry], { input, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout);
    expect(line.id).toBe('dev-01');
    expect(line.text_out).not.toContain('Rzayev');
    expect(line.text_out).toContain('Bakıxanov Rəşad Xəzər oğlunun');
  });

  it('The labelled set (dev sample and our decisions). Result: recall_direct ≥ 0.995, every listed party removed, keep_preserved ≥ 0.98', () => {
    const gold = loadEvalSet();
    expect(gold.length).toBeGreaterThanOrEqual(45);
    const rep = score(gold, gold.map((d) => anonymizeRecord(d)));
    expect(recall(rep.direct)).toBeGreaterThanOrEqual(0.995);
    expect(recall(rep.knownParties)).toBe(1);
    expect(recall(rep.keep)).toBeGreaterThanOrEqual(0.98);
  });

  it('The committed gold lines (eval-set.jsonl) are the build of the labelled sources', () => {
    const dir = path.join(__dirname, '../../../fixtures/anonymization');
    expect(readJsonl(path.join(dir, 'eval-set.jsonl'))).toEqual(loadLabelledDir(path.join(dir, 'decisions')));
  });
});
