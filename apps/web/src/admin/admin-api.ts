import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client';
import type { Page, Role, Team } from '../api/api-types';

/** An account as admins manage it (GET /api/users). */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  /** Categories an agent handles; empty: any of their team's. */
  skills: string[];
  capacity: number;
  away: boolean;
  /** A customer's service tier, e.g. standard or vip. */
  tier: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export type UserPage = Page<AdminUser>;

export interface RoutingRule {
  id: string;
  category: string;
  teamId: string;
  teamName: string;
  createdAt: string;
  updatedAt: string;
}

/** An API key as listed: never the key itself. */
export interface ApiKey {
  id: string;
  name: string;
  userId: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /api/api-keys: the one answer that holds the key. */
export type CreatedApiKey = ApiKey & { key: string };

export type ModelTask = 'category' | 'sentiment';
export const MODEL_TASKS: ModelTask[] = ['category', 'sentiment'];
/** Where each task's endpoints live under /api. */
export const MODEL_API: Record<ModelTask, string> = { category: '/api/categorization', sentiment: '/api/sentiment' };

export interface TrainedModel {
  id: string;
  task: ModelTask;
  version: number;
  algorithm: string;
  labels: string[];
  exampleCounts: Record<string, number>;
  /** holdoutAccuracy (absent with too little data), holdoutExamples, examples, labels, ... */
  metrics: Record<string, number>;
  trainingMs: number;
  trainedBy: string;
  active: boolean;
  activatedAt: string | null;
  createdAt: string;
}

export interface ModelList {
  /** 0: the untrained baseline (few-shot categories, rule-based sentiment). */
  activeVersion: number;
  models: TrainedModel[];
}

export interface TrainingJob {
  jobId: string;
  state: 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'prioritized' | 'waiting-children' | 'unknown';
  requestedBy: string;
  queuedAt: string;
  finishedAt: string | null;
  outcome: { version: number; metrics: Record<string, number> } | { skipped: string } | null;
  failedReason: string | null;
}

export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actor: string;
  action: 'insert' | 'update' | 'delete' | string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The tables the audit trigger watches (the gateway's filter accepts these). */
export const AUDITED_ENTITIES = [
  'tickets',
  'ticket_messages',
  'ticket_ratings',
  'suggestion_feedback',
  'users',
  'teams',
  'routing_rules',
  'api_keys',
  'macros',
  'kb_article_versions',
  'trained_models',
  'attachments',
  'ticket_links',
] as const;

export const ROLES: Role[] = ['customer', 'agent', 'manager', 'admin'];

export function useTeams() {
  return useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => api<Team[]>('/api/teams', { signal }) });
}

export function useRoutingRules() {
  return useQuery({ queryKey: ['routing-rules'], queryFn: ({ signal }) => api<RoutingRule[]>('/api/routing/rules', { signal }) });
}
