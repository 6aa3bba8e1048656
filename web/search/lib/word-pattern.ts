/**
 * A word: letters, numbers and combining marks. Marks are part of words (Devanagari vowel
 * signs, kana voicing marks); FlexSearch's default splitter, `[^\p{L}\p{N}]+`, cuts words there.
 * The encoder splits with the complement; snippets and queries find words with this.
 */
export const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;
