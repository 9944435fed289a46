/**
 * Escapes text for HTML element content and quoted attribute values (SVG text included): every
 * name, title and column an analyst supplied goes through here. The kernel's own copy of the
 * domain report helper, so the kernel imports nothing from the domain layer.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
