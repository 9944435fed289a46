import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

export enum ChatLogFormatInput {
  AUTO = 'AUTO',
  WHATSAPP = 'WHATSAPP',
  LINE = 'LINE',
  TELEGRAM = 'TELEGRAM',
  PLAIN = 'PLAIN',
}
registerEnumType(ChatLogFormatInput, {
  name: 'ChatLogFormat',
  description: 'WhatsApp (Android or iOS .txt), LINE .txt, Telegram Desktop JSON, plain "Name: message" lines, or AUTO-detect.',
  valuesConfig: {
    AUTO: { description: 'Detect the format from the content.' },
    WHATSAPP: { description: 'WhatsApp’s “Export chat” .txt (Android or iOS).' },
    LINE: { description: 'LINE’s “Save chat” .txt export.' },
    TELEGRAM: { description: 'Telegram Desktop’s JSON export (result.json).' },
    PLAIN: { description: 'Plain “Name: message” lines, one message per line.' },
  },
});

@InputType({ description: 'A chat-log export to import into one of your personas, and who in it is the persona.' })
export class ImportChatLogInput {
  @Field(() => ID, { description: 'One of your personas: the person whose messages these are.' })
  personaId!: string;

  @Field(() => ChatLogFormatInput, { description: 'The export’s format; AUTO detects it.', defaultValue: ChatLogFormatInput.AUTO })
  format!: ChatLogFormatInput;

  @Field({ description: 'The export file’s text (at most 1.5 MB, 20,000 messages).' })
  content!: string;

  @Field({ description: 'Which speaker in the log is this persona (as written in the export).' })
  personaSpeaker!: string;

  @Field(() => Int, { nullable: true, description: 'Exports carry local times without a zone: minutes east of UTC (e.g. 480 for UTC+8). Default 0.' })
  timeZoneOffsetMinutes?: number;
}
