import { z } from 'zod';
import { ModerationUnavailableError } from './moderation-unavailable.error';
import {
  isModerationCategory,
  type ModerationCategory,
  type ModerationDirection,
  type ModerationVerdict,
  type Moderator,
} from '../../ports/moderation.port';
import { verdictFrom } from './verdict-policy';

export { ModerationUnavailableError } from './moderation-unavailable.error';

export interface OpenAiModeratorOptions {
  /** The OpenAI-compatible API root, e.g. `https://api.openai.com/v1`; `/moderations` is appended. */
  baseUrl: string;
  /** Sent as a bearer token; leave out for local servers that take none. */
  apiKey?: string;
  model?: string;
  /** For the whole exchange, body included. Moderation sits in front of every turn, so keep it short. */
  timeoutMs?: number;
  /** Injectable for tests and instrumentation. */
  fetch?: typeof fetch;
}

export const DEFAULT_MODERATION_MODEL = 'omni-moderation-latest';
const DEFAULT_TIMEOUT_MS = 5_000;

/** The provider's finer categories, folded into ours. */
const FOLDED_CATEGORIES: Readonly<Record<string, ModerationCategory>> = {
  'hate/threatening': 'hate',
  'violence/graphic': 'violence',
  'illicit/violent': 'illicit',
};

const moderationResponseSchema = z.looseObject({
  results: z
    .array(
      z.looseObject({
        flagged: z.boolean(),
        categories: z.record(z.string(), z.boolean().nullish()),
        category_scores: z.record(z.string(), z.number().nullish()).optional(),
      }),
    )
    .min(1),
});

type ModerationResult = z.infer<typeof moderationResponseSchema>['results'][number];

/**
 * Moderation through an OpenAI-compatible `POST /moderations` (OpenAI, Azure, the project's
 * stub, ...). The provider's own flags decide, so its thresholds apply; our policy decides
 * the action. Any failure to get a verdict is a ModerationUnavailableError.
 */
export class OpenAiModerator implements Moderator {
  private readonly url: string;
  private readonly model: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: OpenAiModeratorOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/moderations`;
    this.model = options.model ?? DEFAULT_MODERATION_MODEL;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetch = options.fetch ?? fetch;
  }

  /** `direction` does not change the request: the endpoint classifies text, whoever wrote it. */
  async moderate(text: string, _direction: ModerationDirection): Promise<ModerationVerdict> {
    if (text.trim() === '') return verdictFrom([], {});
    const body = await this.post(text);
    const parsed = moderationResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new ModerationUnavailableError('malformed', `moderation response has an unexpected shape: ${parsed.error.message}`);
    }
    return toVerdict(parsed.data.results);
  }

  private async post(text: string): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    // One signal for the request and the body read, so a server that stalls mid-body times out too.
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await this.fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.model, input: text }),
        signal,
      });
      if (!response.ok) {
        const detail = (await response.text()).slice(0, 300);
        const message = `moderation failed with HTTP ${response.status}: ${detail}`;
        throw new ModerationUnavailableError('http', message, response.status);
      }
      const raw = await response.text();
      try {
        return JSON.parse(raw) as unknown;
      } catch (error) {
        throw new ModerationUnavailableError('malformed', 'moderation response is not JSON', response.status, { cause: error });
      }
    } catch (error) {
      if (error instanceof ModerationUnavailableError) throw error;
      if (signal.aborted) {
        const message = `moderation timed out after ${this.timeoutMs} ms`;
        throw new ModerationUnavailableError('timeout', message, undefined, { cause: error });
      }
      const message = `moderation request failed: ${describe(error)}`;
      throw new ModerationUnavailableError('network', message, undefined, { cause: error });
    }
  }
}

/**
 * Every result counts (a provider may split long input): a category is flagged if any result
 * flags it and scores the highest any result gives. Categories we do not know are ignored;
 * the provider's overall `flagged` alone decides nothing, because the caller needs a category.
 */
function toVerdict(results: readonly ModerationResult[]): ModerationVerdict {
  const flagged = new Set<ModerationCategory>();
  const scores: Partial<Record<ModerationCategory, number>> = {};
  for (const result of results) {
    for (const [name, score] of Object.entries(result.category_scores ?? {})) {
      const category = ourCategory(name);
      if (category && typeof score === 'number') scores[category] = Math.max(scores[category] ?? 0, score);
    }
    for (const [name, isFlagged] of Object.entries(result.categories)) {
      const category = ourCategory(name);
      if (category && isFlagged === true) flagged.add(category);
    }
  }
  return verdictFrom(flagged, scores);
}

function ourCategory(name: string): ModerationCategory | undefined {
  return isModerationCategory(name) ? name : FOLDED_CATEGORIES[name];
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
