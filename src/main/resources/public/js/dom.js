// Small DOM helpers shared by the panels. Text is always set as text, never as markup, so a
// comment or a street name can never inject HTML.

export const $ = (id) => document.getElementById(id);

/** An element with attributes ('text' sets textContent, 'on' adds listeners) and children. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'on') Object.entries(v).forEach(([ev, fn]) => e.addEventListener(ev, fn));
    else if (v !== false && v !== undefined && v !== null) e.setAttribute(k, v === true ? '' : v);
  }
  children.flat().forEach((c) => e.append(c));
  return e;
}

/** A popup built from text only: rows of [label, value], empty values left out. */
export function popupOf(rows) {
  const dl = el('dl', { class: 'popup' });
  for (const [label, value] of rows) {
    if (value !== undefined && value !== null && value !== '') {
      dl.append(el('dt', { text: label }), el('dd', { text: String(value) }));
    }
  }
  return dl;
}
