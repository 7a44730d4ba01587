/**
 * The `<Say>` voices Twilio documents for the languages a hotline speaks, each with the
 * `language` values Twilio accepts for it (Twilio's text-to-speech table,
 * https://www.twilio.com/docs/voice/twiml/say/text-speech). Twilio's default voice, `man`,
 * speaks only English, Spanish, French and German; a `<Say>` whose voice and language do not
 * belong together fails on a real line, so every `<Say>` names both, from this table.
 */
const letters = (prefix: string, from: string, to: string): string[] =>
  Array.from(
    { length: to.charCodeAt(0) - from.charCodeAt(0) + 1 },
    (_, index) => `${prefix}${String.fromCharCode(from.charCodeAt(0) + index)}`,
  );

const voices = (language: string, names: string[]): [string, string[]][] =>
  names.map((name) => [name, [language]]);

export const SAY_VOICES: ReadonlyMap<string, readonly string[]> = new Map([
  // Chinese (Mandarin, mainland)
  ...voices('cmn-CN', [
    'Polly.Zhiyu',
    'Polly.Zhiyu-Neural',
    ...letters('Google.cmn-CN-Standard-', 'A', 'D'),
    ...letters('Google.cmn-CN-Wavenet-', 'A', 'D'),
  ]),
  // Chinese (Mandarin, Taiwan) and Cantonese
  ...voices('cmn-TW', [
    ...letters('Google.cmn-TW-Standard-', 'A', 'C'),
    ...letters('Google.cmn-TW-Wavenet-', 'A', 'C'),
  ]),
  ...voices('yue-CN', ['Polly.Hiujin-Neural']),
  ...voices('yue-HK', letters('Google.yue-HK-Standard-', 'A', 'D')),
  // English (US)
  ...voices('en-US', [
    ...['Ivy', 'Joanna', 'Joey', 'Justin', 'Kendra', 'Kimberly', 'Matthew', 'Salli'].flatMap(
      (name) => [`Polly.${name}`, `Polly.${name}-Neural`],
    ),
    'Polly.Kevin-Neural',
    'Polly.Ruth-Neural',
    'Polly.Stephen-Neural',
    'Polly.Danielle-Neural',
    'Polly.Gregory-Neural',
    ...letters('Google.en-US-Standard-', 'A', 'J'),
    ...letters('Google.en-US-Wavenet-', 'A', 'J'),
    ...['A', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map(
      (letter) => `Google.en-US-Neural2-${letter}`,
    ),
  ]),
  // English (UK)
  ...voices('en-GB', [
    'Polly.Amy',
    'Polly.Brian',
    'Polly.Emma',
    'Polly.Amy-Neural',
    'Polly.Emma-Neural',
    'Polly.Brian-Neural',
    'Polly.Arthur-Neural',
    ...['A', 'B', 'C', 'D', 'F'].map((letter) => `Google.en-GB-Standard-${letter}`),
    ...['A', 'B', 'C', 'D', 'F'].map((letter) => `Google.en-GB-Wavenet-${letter}`),
  ]),
  // Twilio's basic voices
  ['man', ['en-US', 'en-GB', 'es-ES', 'fr-FR', 'de-DE']],
  ['woman', ['en-US', 'en-GB', 'es-ES', 'fr-FR', 'de-DE']],
]);

export interface SayVoice {
  voice: string;
  language: string;
}

/** Why Twilio would not speak with this voice in this language, or undefined if it would. */
export function sayVoiceProblem({ voice, language }: Partial<SayVoice>): string | undefined {
  if (!voice) return `<Say> without a voice is spoken by "man", which cannot speak ${language}`;
  if (!language) return `<Say voice="${voice}"> needs the language it speaks`;
  const languages = SAY_VOICES.get(voice);
  if (!languages) return `"${voice}" is not one of Twilio's voices`;
  if (!languages.includes(language))
    return `"${voice}" speaks ${languages.join(', ')}, not ${language}`;
  return undefined;
}

/** The voices that speak one of these languages (for a message naming the supported pairs). */
export function voicesFor(languages: readonly string[]): SayVoice[] {
  return [...SAY_VOICES].flatMap(([voice, spoken]) =>
    spoken
      .filter((language) => languages.includes(language))
      .map((language) => ({ voice, language })),
  );
}
