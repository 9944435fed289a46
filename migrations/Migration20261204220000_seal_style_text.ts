import { Migration } from '@mikro-orm/migrations';

/**
 * Style fingerprints now keep the person's words (representative samples, habitual phrases)
 * sealed with the owner's data key (src/domain/personas/style-samples.ts). A migration cannot
 * reach the data keys (they are wrapped by MASTER_KEY, which only the app holds), so the
 * plaintext words of fingerprints computed from imported chats are removed here, in SQL, and
 * nothing readable is left behind; the measurements stay. The words are derived data: the
 * persona's next import (re-importing the same export adds no message twice) recomputes them
 * from the encrypted transcripts and stores them sealed. Fingerprints of Character Card
 * imports hold the card's own samples, the only copy, and are left as they are (read as
 * legacy plaintext) until the card is imported again.
 */
export class Migration20261204220000_seal_style_text extends Migration {

  override async up(): Promise<void> {
    this.addSql(`update "personas" set "style_fingerprint" = "style_fingerprint" - 'samples' - 'frequentPhrases'
      where "style_fingerprint" is not null
        and ("style_fingerprint" -> 'samples' is not null or "style_fingerprint" -> 'frequentPhrases' is not null)
        and "style_fingerprint" -> 'sealedText' is null
        and coalesce("style_fingerprint" ->> 'source', '') <> 'character-card';`);
  }

  override async down(): Promise<void> {
    // The removed words cannot be restored here; a re-import recomputes them (sealed).
  }

}
