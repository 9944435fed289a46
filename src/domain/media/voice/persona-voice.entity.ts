import { Entity, OneToOne, OptionalProps, Property, type Ref } from '@mikro-orm/core';
import { Persona } from '../../personas/persona.entity';

/** How a persona's replies are spoken (text-to-speech); personas without a row use the defaults. */
@Entity({ tableName: 'persona_voice_settings' })
export class PersonaVoiceSettings {
  [OptionalProps]?: 'updatedAt';

  @OneToOne(() => Persona, { ref: true, primary: true, owner: true, deleteRule: 'cascade', fieldName: 'persona_id' })
  persona!: Ref<Persona>;

  /** An OpenAI-compatible voice name (alloy, nova, shimmer…, or whatever the endpoint offers). */
  @Property({ type: 'string', length: 40 })
  voice!: string;

  /** 0.25–4, 1 normal. */
  @Property({ type: 'double' })
  speed!: number;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export const DEFAULT_VOICE = { voice: 'alloy', speed: 1 } as const;
