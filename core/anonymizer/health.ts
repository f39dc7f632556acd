/**
 * Health data (special category, statute 2.1.6): diagnoses, disability, addiction, psychiatric
 * findings. A diagnosis word with the qualifiers around it ("xroniki alkoqolizm", "II qrup əlil",
 * "autizm spektri pozuntusu") is replaced by "[tibbi məlumat]". Injuries that the legal qualification
 * needs are not health data in the policy and stay.
 */
import type { Token } from './normalize';
import type { Finding } from './types';

const DIAGNOSIS = /^(alkoqolizm|narkomaniya|şizofreniya|epilepsiya|autizm|alzheimer|demensiya|depressiya|psixoz|oliqofreniya|diabet|vərəm|xərçəng|onkoloji|hiv|qiçs|hepatit|iflic|serebral|daun|intoksikasiya|asılılıq|asılılığ|əlil|əlillik|psixi|psixiatrik)/;
const BEFORE = /^(xroniki|paranoid|kəskin|ağır|uşaq|serebral|opioid|alkoqol|narkotik|şəkərli|psixi|qrup|i|ii|iii|ı|ıı|ııı)$/;
const AFTER = /^(spektri|pozuntusu|pozuntusundan|sindromu|sindromunun|xəstəliyi|xəstəliyindən|asılılığı|asılılığından|intoksikasiyası|iflici|qrup|əlil|əlilliyi|əlillik|diaqnozu)$/;

export function findHealth(text: string, toks: Token[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!DIAGNOSIS.test(toks[i].fold)) continue;
    // "əlil" alone ("əlil oğlu") is a status, not a diagnosis, unless a disability group is named.
    if (/^əlil/.test(toks[i].fold) && !(i > 0 && /^qrup/.test(toks[i - 1].fold))) continue;
    let s = i;
    while (s > 0 && i - s < 3 && BEFORE.test(toks[s - 1].fold) && /^\s+$/.test(text.slice(toks[s - 1].end, toks[s].start))) s--;
    let e = i;
    while (e + 1 < toks.length && e - i < 2 && AFTER.test(toks[e + 1].fold) && /^\s+$/.test(text.slice(toks[e].end, toks[e + 1].start))) e++;
    if (out.some((f) => f.start <= toks[s].start && toks[e].end <= f.end)) continue;
    out.push({ start: toks[s].start, end: toks[e].end, label: 'HEALTH', mask: '[tibbi məlumat]', source: 'pattern' });
    i = e;
  }
  return out;
}
