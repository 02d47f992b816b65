/** The host refused or failed a request; `code` is teams-js's SdkError code when it gave one. */
export class HostRequestError extends Error {
  constructor(
    readonly request: string,
    readonly code: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'HostRequestError';
  }
}

/** Outside a Teams meeting there is no stage to share to. */
export class StageSharingUnavailableError extends Error {
  constructor() {
    super('Sharing to the meeting stage needs a Teams meeting.');
    this.name = 'StageSharingUnavailableError';
  }
}
