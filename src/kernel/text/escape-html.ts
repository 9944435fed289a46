/**
 * Escapes text for HTML element content and quoted attribute values (SVG text included).
 * Every string from a user or a model (names, quotes, notes, titles, ids, the seed) goes
 * through here: a quote containing `<script>` must stay text.
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
