import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  DEFAULT_FACTORY_RULES,
  EMPTY_LEARNED,
  type FactoryRules,
  factoryRulesSchema,
  type FactorySettings,
  type Learned,
  type learnedPatchSchema,
  type ProfileRule,
  profileRuleSchema,
} from '../../../contracts/factory.ts';
import type { Clock } from '../../adapters/clock.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../http/router.ts';
import type { FeedsRepository } from '../feeds/feeds.repository.ts';
import type { FactoryRepository, SettingsRow } from './factory.repository.ts';
import { effectiveRules, readLearned } from './learning.ts';
import { ruleKindOf } from './writing-profile.ts';

export interface StoredSettings {
  rules: FactoryRules;
  learned: Learned;
  profile: ProfileRule[];
}

const readRules = (raw: unknown): FactoryRules => {
  const parsed = factoryRulesSchema.safeParse({ ...DEFAULT_FACTORY_RULES, ...(raw as object) });
  return parsed.success ? parsed.data : { ...DEFAULT_FACTORY_RULES };
};
export const readProfile = (raw: unknown): ProfileRule[] => {
  const parsed = z.array(profileRuleSchema).safeParse(raw);
  return parsed.success ? parsed.data : [];
};
const MAX_PROFILE_RULES = 50;

/** The author's factory rules, what it learned and the writing profile: read, edited, reset. */
export class FactorySettingsService {
  constructor(
    private readonly repository: FactoryRepository,
    private readonly feeds: FeedsRepository,
    private readonly clock: Clock,
  ) {}

  async read(ownerId: string): Promise<StoredSettings> {
    const row = await this.repository.ensureSettings(ownerId, { rules: DEFAULT_FACTORY_RULES, learned: EMPTY_LEARNED });
    return this.stored(row);
  }

  private stored(row: SettingsRow): StoredSettings {
    return { rules: readRules(row.rules), learned: readLearned(row.learned), profile: readProfile(row.profile) };
  }

  async get(user: AuthContext): Promise<FactorySettings> {
    const { rules, learned, profile } = await this.read(user.userId);
    const row = (await this.repository.settings(user.userId))!;
    const now = this.clock.now().toISOString();
    return {
      rules,
      learned,
      profile,
      effective: effectiveRules(rules, learned),
      usage: {
        draftsToday: row.usageDay === now.slice(0, 10) ? row.draftsToday : 0,
        spentThisMonth: row.usageMonth === now.slice(0, 7) ? row.spentMicros / 1_000_000 : 0,
      },
    };
  }

  /** Replaces the rules; the feeds named must be the author's own. */
  async updateRules(user: AuthContext, rules: FactoryRules): Promise<FactorySettings> {
    await this.read(user.userId);
    const own = new Set((await this.feeds.listForOwner(user.userId)).map((f) => f.id));
    const unknown = rules.feedIds.findIndex((id) => !own.has(id));
    if (unknown >= 0) {
      throw new AppError('VALIDATION_FAILED', `feedIds.${unknown}: no feed of yours has this id`, { issues: [{ path: `feedIds.${unknown}`, message: 'no feed of yours has this id' }] });
    }
    await this.repository.updateSettings(user.userId, { rules });
    return this.get(user);
  }

  async patchLearned(user: AuthContext, patch: z.infer<typeof learnedPatchSchema>): Promise<FactorySettings> {
    await this.read(user.userId);
    const at = this.clock.now().toISOString();
    await this.repository.changeLearning(user.userId, (learned, profile) => {
      const current = readLearned(learned);
      const changed = Object.keys(patch).join(', ');
      const history = [{ at, change: 'edited', vars: { fields: changed } }, ...current.history].slice(0, 50);
      return { learned: { ...current, ...patch, history }, profile };
    });
    return this.get(user);
  }

  async addRule(user: AuthContext, text: string): Promise<FactorySettings> {
    await this.changeProfile(user.userId, (rules) => {
      if (rules.length >= MAX_PROFILE_RULES) throw new AppError('CONFLICT', `The writing profile holds at most ${MAX_PROFILE_RULES} rules; delete one first`, { reason: 'PROFILE_FULL' });
      return [...rules, this.newRule(text, 'author')];
    });
    return this.get(user);
  }

  async editRule(user: AuthContext, ruleId: string, text: string): Promise<FactorySettings> {
    await this.changeProfile(user.userId, (rules) => {
      if (!rules.some((r) => r.id === ruleId)) throw new AppError('NOT_FOUND', 'No such rule in your writing profile');
      return rules.map((r) => (r.id === ruleId ? { ...r, text, kind: ruleKindOf(text) } : r));
    });
    return this.get(user);
  }

  async deleteRule(user: AuthContext, ruleId: string): Promise<FactorySettings> {
    await this.changeProfile(user.userId, (rules) => {
      if (!rules.some((r) => r.id === ruleId)) throw new AppError('NOT_FOUND', 'No such rule in your writing profile');
      return rules.filter((r) => r.id !== ruleId);
    });
    return this.get(user);
  }

  newRule(text: string, source: ProfileRule['source']): ProfileRule {
    return { id: randomUUID(), text, kind: ruleKindOf(text), source, createdAt: this.clock.now().toISOString() };
  }

  /** Adds rules learned from a note, skipping ones the profile already says (same text, case aside). */
  withLearnedRules(profile: ProfileRule[], texts: string[], source: ProfileRule['source']): ProfileRule[] {
    const known = new Set(profile.map((r) => r.text.toLowerCase()));
    const added = texts.filter((t) => !known.has(t.toLowerCase())).map((t) => this.newRule(t, source));
    return [...profile, ...added].slice(-MAX_PROFILE_RULES);
  }

  private async changeProfile(ownerId: string, change: (rules: ProfileRule[]) => ProfileRule[]): Promise<void> {
    await this.read(ownerId);
    let failure: unknown = null;
    await this.repository.changeLearning(ownerId, (learned, profile) => {
      try {
        return { learned, profile: change(readProfile(profile)) };
      } catch (error) {
        failure = error;
        return { learned, profile };
      }
    });
    if (failure) throw failure;
  }
}
