// Descriptions every generation type (Image, Avatar, BRoll) shares: its status, failure and live progress.

export const generationDocs = {
  statuses: {
    PENDING: { description: 'Written and handed (or being handed) to the generator; `progress` tells more.' },
    SUCCEEDED: { description: 'The result is stored: its URLs are set.' },
    FAILED: { description: 'The generator refused or failed it, or it timed out: see `failureReason`.' },
    CANCELLED: { description: 'You cancelled it (cancelGeneration) before the generator produced it: not billed.' },
  },
  failureReason: "Why it FAILED, fit to show (the generator's refusal, or a timeout); null otherwise.",
  progress: 'Live queue position, elapsed time and estimate while PENDING; null otherwise.',
} as const;
