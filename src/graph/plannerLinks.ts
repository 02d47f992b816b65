// Links people follow from the app and from SharePoint into Planner. The new Planner web app
// (planner.cloud.microsoft) replaced tasks.office.com in 2024 and accepts plan and task deep links
// of this form; tasks.office.com links still redirect there, but need the tenant in the path.
const PLANNER_WEB = 'https://planner.cloud.microsoft/webui';

export function planUrl(planId: string): string {
  return `${PLANNER_WEB}/plan/${encodeURIComponent(planId)}/view/board`;
}

export function taskUrl(planId: string, taskId: string): string {
  return `${PLANNER_WEB}/plan/${encodeURIComponent(planId)}/view/board/task/${encodeURIComponent(taskId)}`;
}

// Planner's ids are URL-safe base64-like strings (e.g. "xqQg5FS2LkCp935s-FIFm2QAFkHM"); an id with
// anything else is not one Planner gave out.
const PLANNER_ID = '[A-Za-z0-9_-]{1,64}';
const TASK_PATH = new RegExp(`^/webui/plan/(${PLANNER_ID})/view/board/task/(${PLANNER_ID})$`);

/**
 * Whether `address` is a Planner task link of exactly the shape taskUrl() writes: https, Planner's own
 * host, no port, user, query or fragment. PlannerTaskUrl is a plain text column anyone with edit
 * rights on the list can change, so anything else (another site, a javascript: URL, a look-alike
 * host) must never become a link labelled "Taak in Planner".
 */
export function isPlannerTaskUrl(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.href !== address) return false;
  return `${url.protocol}//${url.host}` === new URL(PLANNER_WEB).origin && url.username === '' && url.password === '' && url.search === '' && url.hash === '' && TASK_PATH.test(url.pathname);
}
