// Reads what became of an earlier agenda in Planner: the tasks whose ids are stored on the actions
// (PlannerTaskId), each by its own GET /planner/tasks/{id} (https://learn.microsoft.com/graph/api/plannertask-get),
// 20 to a $batch (https://learn.microsoft.com/graph/json-batching). Never the whole plan: a
// municipality's plan holds every session's tasks, and Planner v1.0 offers no $filter on a plan's
// tasks (https://learn.microsoft.com/graph/api/plannerplan-list-tasks), the reasoning of plannerPublisher.ts.
import * as z from '../domain/zod';
import { SCOPES } from '../auth/scopes';
import { BatchQueue, type BatchOptions } from './batch';
import type { GraphApi } from './client';
import type { PlannerTaskReader, PlannerTaskRead } from './contracts';
import { NotFoundError } from './errors';
import { segment } from './odata';

/** The fields the status needs, of a plannerTask (https://learn.microsoft.com/graph/api/resources/plannertask). */
const TaskStatusSchema = z.object({
  id: z.string(),
  percentComplete: z.int().check(z.minimum(0), z.maximum(100)),
  dueDateTime: z.nullish(z.string()),
  completedDateTime: z.nullish(z.string()),
});

export function createPlannerTaskReader(options: { api: GraphApi; batch?: BatchOptions }): PlannerTaskReader {
  return {
    async read(taskIds) {
      const unique = [...new Set(taskIds.filter((id) => id !== ''))];
      if (unique.length === 0) return new Map();
      const q = new BatchQueue(options.api, options.batch);
      const reads = unique.map((id) =>
        q.submit({ method: 'GET', url: `/planner/tasks/${segment(id)}` }, SCOPES.planner).then(
          (raw): PlannerTaskRead => {
            const task = TaskStatusSchema.parse(raw);
            return { percentComplete: task.percentComplete, dueDateTime: task.dueDateTime ?? null, completedDateTime: task.completedDateTime ?? null };
          },
          // A task deleted in Planner since the agenda was published: reported as such, not as a failure.
          (err: unknown) => (err instanceof NotFoundError ? null : Promise.reject(err)),
        ),
      );
      const results = await Promise.all(reads);
      return new Map(unique.map((id, i) => [id, results[i] ?? null] as const));
    },
  };
}
