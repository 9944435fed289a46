const MOOD = ['', 'The mood is calm.', 'The mood is easy.', 'The mood is a little tense.', 'The mood is tense.', 'The mood is charged.'];

/**
 * The shared scene as plain sentences for a role-play prompt. The scenario-generator's scene
 * starts with the template's facts in labelled lines ("Scene: …", "Setting: …", "What is at
 * stake: …", "Tension: 3 on a scale of 1 to 5"); a small model recites labelled lines, so
 * the labels become sentences and the tension a mood. Other lines (the model-written
 * description) are kept as they are.
 */
export function plainScene(scene: string): string {
  return scene
    .split('\n')
    .map((line) => {
      const l = line.trim();
      let m: RegExpExecArray | null;
      if ((m = /^Scene:\s*[^.]*\.\s*(.*)$/i.exec(l))) return m[1]!;
      if ((m = /^Setting:\s*(.*?)\.?$/i.exec(l))) return m[1] ? `Right now: ${m[1]}.` : '';
      if ((m = /^What is at stake:\s*(.*?)\.?$/i.exec(l))) return m[1] ? `This is about ${m[1]}.` : '';
      if ((m = /^Tension:\s*(\d)/i.exec(l))) return MOOD[Number(m[1])] ?? '';
      return l;
    })
    .filter(Boolean)
    .join(' ');
}
