import { z } from 'zod';
import {
  approveDraftBodySchema,
  approveResultSchema,
  draftSchema,
  factoryRulesSchema,
  factoryRunSchema,
  factorySettingsSchema,
  learnedPatchSchema,
  profileRuleBodySchema,
  rejectDraftBodySchema,
  reviseDraftBodySchema,
} from '../../../contracts/factory.ts';
import { jobSchema } from '../../../contracts/jobs.ts';
import type { ApiRouter } from '../../http/router.ts';
import type { FactoryReviewService } from './factory-review.service.ts';
import type { FactorySettingsService } from './factory-settings.service.ts';
import type { FactoryService } from './factory.service.ts';

const draftParams = z.object({ draftId: z.uuid({ message: 'must be a draft id (UUID)' }) });
const ruleParams = z.object({ ruleId: z.uuid({ message: 'must be a rule id (UUID)' }) });
const tags = ['factory'];

export interface FactoryServices {
  factory: FactoryService;
  settings: FactorySettingsService;
  review: FactoryReviewService;
}

export function registerFactoryRoutes(router: ApiRouter, { factory, settings, review }: FactoryServices) {
  router.add({ method: 'GET', url: '/api/factory/settings', summary: 'Your factory rules, what it learned, your writing profile and this period\'s usage', tags, response: factorySettingsSchema, handler: ({ user }) => settings.get(user) });
  router.add({
    method: 'PUT',
    url: '/api/factory/rules',
    summary: 'Replace your factory rules (feeds, keywords, age, score, formats, length, language, tone, drafts per day, budget, on/off)',
    tags,
    body: factoryRulesSchema,
    response: factorySettingsSchema,
    errors: [400],
    handler: ({ user, body }) => settings.updateRules(user, body),
  });
  router.add({
    method: 'PATCH',
    url: '/api/factory/learned',
    summary: 'Correct or reset what the factory learned (minimum score change, avoided topics, format votes, length factor)',
    tags,
    body: learnedPatchSchema,
    response: factorySettingsSchema,
    errors: [400],
    handler: ({ user, body }) => settings.patchLearned(user, body),
  });
  router.add({ method: 'POST', url: '/api/factory/profile', summary: 'Add a rule to your writing profile', tags, body: profileRuleBodySchema, response: factorySettingsSchema, status: 201, errors: [400, 409], handler: ({ user, body }) => settings.addRule(user, body.text) });
  router.add({ method: 'PATCH', url: '/api/factory/profile/:ruleId', summary: 'Reword a rule of your writing profile', tags, params: ruleParams, body: profileRuleBodySchema, response: factorySettingsSchema, errors: [400, 404], handler: ({ user, params, body }) => settings.editRule(user, params.ruleId, body.text) });
  router.add({ method: 'DELETE', url: '/api/factory/profile/:ruleId', summary: 'Delete a rule of your writing profile', tags, params: ruleParams, response: factorySettingsSchema, errors: [404], handler: ({ user, params }) => settings.deleteRule(user, params.ruleId) });

  router.add({ method: 'POST', url: '/api/factory/run', summary: 'Run the factory now (a job; a run already queued or running is returned)', tags, response: jobSchema, status: 202, handler: ({ user }) => factory.runNow(user) });
  router.add({ method: 'GET', url: '/api/factory/runs', summary: 'Recent runs with every story taken up and its step log', tags, response: z.array(factoryRunSchema), handler: ({ user }) => factory.recentRuns(user) });

  router.add({
    method: 'GET',
    url: '/api/factory/drafts',
    summary: 'Drafts in the review queue (pending by default)',
    tags,
    query: z.object({ status: z.enum(['pending', 'approved', 'rejected', 'all']).default('pending') }),
    response: z.array(draftSchema),
    handler: ({ user, query }) => review.list(user, query.status === 'all' ? undefined : query.status),
  });
  router.add({ method: 'GET', url: '/api/factory/drafts/:draftId', summary: 'One draft with its versions', tags, params: draftParams, response: draftSchema, errors: [404], handler: ({ user, params }) => review.get(user, params.draftId) });
  router.add({
    method: 'POST',
    url: '/api/factory/drafts/:draftId/approve',
    summary: 'Approve a draft (optionally with edited scenes): a project at the voice stage, or with mode "video" also the fast path to a rendered video',
    tags,
    params: draftParams,
    body: approveDraftBodySchema,
    response: approveResultSchema,
    errors: [400, 404, 409],
    handler: ({ user, params, body }) => review.approve(user, params.draftId, body),
  });
  router.add({
    method: 'POST',
    url: '/api/factory/drafts/:draftId/revise',
    summary: 'Rewrite the draft (or only the chosen scenes) following your notes; at most 5 revisions, each kept as a version',
    tags,
    params: draftParams,
    body: reviseDraftBodySchema,
    response: draftSchema,
    errors: [400, 404, 409],
    handler: ({ user, params, body }) => review.revise(user, params.draftId, body),
  });
  router.add({
    method: 'POST',
    url: '/api/factory/drafts/:draftId/reject',
    summary: 'Reject a draft with a category and an optional reason',
    tags,
    params: draftParams,
    body: rejectDraftBodySchema,
    response: draftSchema,
    errors: [400, 404, 409],
    handler: ({ user, params, body }) => review.reject(user, params.draftId, body),
  });
}
