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
