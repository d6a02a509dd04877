// Numbers, distances and dates as a reader of the page's language expects them: Swedish uses a
// decimal comma and a (non-breaking) space between thousands ("1 234,5"), English a point and a
// comma; dates and times are local ("4 dec. 2026 15:44"). Pure; built on Intl.

const LOCALE = { sv: 'sv-SE', en: 'en-GB' };
const locale = (lang) => LOCALE[lang] ?? LOCALE.sv;

/** v with the given number of decimals (0 by default) in the language's convention. */
export function number(lang, v, decimals = 0) {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .format(v);
}

/** A length: whole metres below a kilometre ("850 m"), else kilometres with one decimal ("2,8 km"). */
export function distance(lang, meters) {
  const m = Math.round(Number(meters));
  return m < 1000 ? `${number(lang, m)} m` : `${number(lang, m / 1000, 1)} km`;
}

/** A share 0..1 as whole percent with a space before the sign, as both languages write it here. */
export function percent(lang, share) {
  return `${number(lang, Math.round(100 * Number(share)))} %`;
}

/** A date ("2026-12-04" or an instant) as a short local date: "4 dec. 2026" / "4 Dec 2026". */
export function date(lang, value, timeZone = undefined) {
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(d);
}

/** An instant as a local date and time: "4 dec. 2026 15:44". */
export function dateTime(lang, value, timeZone = undefined) {
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone,
  }).format(new Date(value)).replace(' kl. ', ' ').replace(',', '');
}
