import type { ChatMessage } from '../../src/ports/model-provider.port';

/** A line of the shared transcript as a role-play agent reads it. */
export interface SpokenLine {
  speaker: 'self' | 'partner' | 'narrator';
  name: string;
  text: string;
}

/**
 * What a role-play agent is asked: its system prompt, then the conversation so far as one
 * transcript ("Mei: …" lines, scene events in brackets) ending with whose message is next.
 *
 * Not one chat turn per line: a small chat-tuned model (TinyLlama) answers each "user" turn
 * as an assistant would — the other side's text is a query to help with ("Places to visit in
 * Shanghai: …") — while a transcript to continue gets it writing as the person (measured on
 * the quick start's couple; large models do as well with either). It also keeps the prompt's
 * beginning fixed as the episode grows, so the local model re-reads only the new lines.
 * With `prefill` (models that continue a final assistant message) the name starts the reply instead.
 */
export function rolePlayMessages(system: string, lines: readonly SpokenLine[], speakerName: string, options: { prefill?: boolean; other?: string } = {}): ChatMessage[] {
  const transcript = lines.map((l) => (l.speaker === 'narrator' ? `[${l.text}]` : `${l.name}: ${l.text.replace(/\s*\n\s*/g, ' ')}`)).join('\n');
  if (options.prefill) {
    // The reply itself starts with the speaker's name (assistant prefill, which the offline
    // server and llama.cpp servers continue): measured on TinyLlama, a transcript ending in
    // "Alex:" inside the user turn got replies that opened with "Mei:" (the other side's line,
    // cut to nothing by the stop) or narrated the couple; prefilled, it wrote Alex's message.
    return [
      { role: 'system', content: system },
      // An empty chat as "New chat with Mei.": tried on TinyLlama (6 seeds each), "Alex starts the
      // chat" got talk about starting the chat, "(No messages yet.)" and "(nothing yet)" recitals of
      // the persona; this one got greetings.
      { role: 'user', content: transcript ? `The chat so far:\n${transcript}` : `New chat with ${options.other ?? 'them'}.` },
      { role: 'assistant', content: `${speakerName}:` },
    ];
  }
  // The transcript ends on the speaker's name, as a script's next line would: the model fills
  // in the message (asked "what does Mei text next?", it narrated: "Mei texted: …"). The
  // heading stays: tried without it (one offline episode), TinyLlama summarised the lines in
  // the third person ("Mei confirmed that the flat is already hers…") instead of writing one.
  return [
    { role: 'system', content: system },
    { role: 'user', content: transcript ? `The chat so far:\n${transcript}\n${speakerName}:` : `${speakerName} starts the chat.\n${speakerName}:` },
  ];
}
