import { espeakVoiceFor } from './espeak-voice';

describe('espeakVoiceFor', () => {
  it('When the text is English and the voice an OpenAI one, Then American English in a matching variant', () => {
    expect(espeakVoiceFor('See you tomorrow!', { voice: 'nova', speed: 1 })).toEqual({ voices: ['en-us+f3', 'en-us'], wordsPerMinute: 175 });
    expect(espeakVoiceFor('See you tomorrow!', { voice: 'onyx', speed: 1 }).voices[0]).toBe('en-us+m1');
    expect(espeakVoiceFor('See you tomorrow!', { voice: 'fable', speed: 1 }).voices).toEqual(['en-gb-x-rp+m6', 'en-gb-x-rp', 'en-us']);
  });

  it('When the text is mostly Chinese, Then Mandarin, even with an English word in it; Cantonese when the persona asks for it', () => {
    expect(espeakVoiceFor('今天过得怎么样？', { voice: 'alloy', speed: 1 }).voices).toEqual(['cmn+f1', 'cmn', 'en-us']);
    expect(espeakVoiceFor('我今天去了Starbucks买咖啡', { voice: 'alloy', speed: 1 }).voices[0]).toBe('cmn+f1');
    expect(espeakVoiceFor('今天过得怎么样？', { voice: 'yue', speed: 1 }).voices).toEqual(['yue', 'en-us']);
    expect(espeakVoiceFor('See you at 星巴克 tomorrow then', { voice: 'alloy', speed: 1 }).voices[0]).toBe('en-us+f1');
  });

  it('When the text is Japanese or Korean, Then that language', () => {
    expect(espeakVoiceFor('こんにちは、元気ですか', { voice: 'echo', speed: 1 }).voices[0]).toBe('ja+m3');
    expect(espeakVoiceFor('안녕하세요 잘 지냈어요', { voice: 'echo', speed: 1 }).voices[0]).toBe('ko+m3');
  });

  it('When the voice name is an eSpeak language, Then it is tried first, with English as the fallback', () => {
    expect(espeakVoiceFor('Bonjour, ça va ?', { voice: 'fr', speed: 1 }).voices).toEqual(['fr', 'en-us']);
    expect(espeakVoiceFor('Hello', { voice: 'my_custom.voice', speed: 1 }).voices).toEqual(['en-us']);
  });

  it('When the speed changes, Then the rate scales from 175 words a minute within eSpeak’s 80–450', () => {
    expect(espeakVoiceFor('Hi', { voice: 'alloy', speed: 1.5 }).wordsPerMinute).toBe(263);
    expect(espeakVoiceFor('Hi', { voice: 'alloy', speed: 0.25 }).wordsPerMinute).toBe(80);
    expect(espeakVoiceFor('Hi', { voice: 'alloy', speed: 4 }).wordsPerMinute).toBe(450);
  });
});
