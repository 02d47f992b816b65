import type { Env, Route } from './context';

export function plannerRoutes(_env: Env): Route[] {
  return [];
}
