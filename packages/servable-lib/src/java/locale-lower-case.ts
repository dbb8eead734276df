/** The locale-sensitive case rules Java's `String.toLowerCase(Locale)` applies. */
export type JavaCaseRules = 'root' | 'turkic' | 'lithuanian';

/**
 * The case rules of `new Locale(localeString)` — Java's one-argument constructor, which takes the
 * whole string as the *language* and lower-cases it: `"tr"`/`"TR"` → Turkish rules, `"az"` →
 * Azeri (same rules), `"lt"` → Lithuanian; anything else, including `"tr_TR"` (language
 * `"tr_tr"`), → the root rules.
 */
export function javaCaseRulesOf(localeString: string): JavaCaseRules {
  const language = localeString.toLowerCase();
  if (language === 'tr' || language === 'az') return 'turkic';
  if (language === 'lt') return 'lithuanian';
  return 'root';
}

const LITHUANIAN_MORE_ABOVE =
  /([IJ\u012e])(?=[\u0300-\u0314\u033d-\u0344\u0346\u034a-\u034c\u0350-\u0352\u0357\u035b\u0363-\u036f])/g;

/**
 * Java's `s.toLowerCase(locale)` for the given case rules:
 *
 * - `root`: Unicode's default lower-casing (JavaScript's `toLowerCase()`; both map final sigma
 *   and `İ` → `i̇`);
 * - `turkic` (tr, az): `I` → `ı` (dotless), `İ` → `i`, `I` + combining dot above → `i`;
 * - `lithuanian` (lt): `I`, `J`, `Į` before an accent above keep a dot (`i̇`), and `Ì`, `Í`,
 *   `Ĩ` become `i̇̀`, `i̇́`, `i̇̃`.
 */
export function javaToLowerCase(s: string, rules: JavaCaseRules): string {
  switch (rules) {
    case 'root':
      return s.toLowerCase();
    case 'turkic':
      return s
        .replace(/I\u0307/g, 'i')
        .replace(/I/g, '\u0131')
        .replace(/\u0130/g, 'i')
        .toLowerCase();
    case 'lithuanian':
      return s
        .replace(/\u00cc/g, 'i\u0307\u0300')
        .replace(/\u00cd/g, 'i\u0307\u0301')
        .replace(/\u0128/g, 'i\u0307\u0303')
        .replace(LITHUANIAN_MORE_ABOVE, (c) => `${c.toLowerCase()}\u0307`)
        .toLowerCase();
  }
}
