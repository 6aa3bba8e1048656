/** A maximal run of characters that are all CJK or all not CJK, inside one word. */
export interface ScriptRun {
  text: string;
  /** Offset of the run in the word, in UTF-16 code units. */
  start: number;
  cjk: boolean;
}

// Han, kana and Hangul: scripts written without spaces between words (or, for Korean, with
// spaces between phrases), so a whitespace split leaves whole sentences as one "word".
// Script_Extensions, not Script: the long-vowel mark ー and the iteration mark 々 are `Common`.
const cjkChar = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;

/** Whether the text contains a CJK character. */
export function hasCjk(text: string): boolean {
  return cjkChar.test(text);
}

/** Split a word into runs of CJK and non-CJK characters, keeping their offsets. */
export function splitScriptRuns(word: string): ScriptRun[] {
  if (!cjkChar.test(word)) return [{ text: word, start: 0, cjk: false }];
  const runs: ScriptRun[] = [];
  let offset = 0;
  for (const char of word) {
    const cjk = cjkChar.test(char);
    const last = runs[runs.length - 1];
    if (last && last.cjk === cjk) last.text += char;
    else runs.push({ text: char, start: offset, cjk });
    offset += char.length;
  }
  return runs;
}
