// Category codes and the names people read: the workspace's table (settings.categoryNames, code ->
// {sv, en}) turns typed names into the stored codes and codes into names. Pure.

/**
 * The codes meant by a comma-separated text: each part is a code, or the Swedish or English name of
 * one (letter case ignored); a part that is neither is kept as typed, so the service can say it
 * matches nothing.
 */
export function codesOf(text, names = {}) {
  const byName = new Map();
  for (const [code, n] of Object.entries(names)) {
    for (const v of [code, n?.sv, n?.en]) if (v) byName.set(v.toLocaleLowerCase('sv'), code);
  }
  const parts = String(text).split(',').map((p) => p.trim()).filter(Boolean);
  return [...new Set(parts.map((p) => byName.get(p.toLocaleLowerCase('sv')) ?? p))];
}

/** The codes as the names of the language, comma-separated (a code without a name stays a code). */
export function namesOf(codes, names = {}, lang = 'sv') {
  return codes.map((c) => names[c]?.[lang] ?? names[c]?.sv ?? c).join(', ');
}
