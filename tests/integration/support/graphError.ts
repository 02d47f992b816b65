import type { GraphError } from '@microsoft/microsoft-graph-client';

/** The GraphError a request rejects with; fails the test when the request succeeds. */
export async function graphError(p: Promise<unknown>): Promise<GraphError> {
  try {
    await p;
  } catch (e) {
    return e as GraphError;
  }
  throw new Error('expected the request to fail');
}
