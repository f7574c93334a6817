import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app.js';

export interface CreatedBriefing {
  id: string;
  items: { id: string; position: number; text: string }[];
}

export interface CreatedClaim {
  id: string;
  version: number;
  status: string;
}

/** A briefing with a unique URL, so tests sharing the run's database never collide. */
export async function createBriefing(
  t: TestApp,
  overrides: { title?: string; outletName?: string | null; items?: string[] } = {},
): Promise<CreatedBriefing> {
  const response = await t.gql<{ createBriefing: CreatedBriefing }>(
    `mutation ($input: CreateBriefingInput!) {
      createBriefing(input: $input) { id items { id position text } }
    }`,
    {
      input: {
        title: overrides.title ?? 'Test briefing',
        url: `https://news.example/${randomUUID()}`,
        outletName: overrides.outletName === undefined ? 'Test Gazette' : overrides.outletName,
        publishedAt: '2023-09-14T08:00:00.000Z',
        items: overrides.items ?? [
          'Kremlin spokesman Dmitry Peskov said Putin accepted the invitation.',
          'Ukraine did not immediately confirm the strikes, Yonhap reported.',
        ],
      },
    },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data.createBriefing;
}

/** A claim in `itemId`; the speaker is unique to the test unless given. */
export async function createClaim(
  t: TestApp,
  itemId: string,
  input: Record<string, unknown> = {},
): Promise<CreatedClaim> {
  const response = await t.gql<{ createClaim: CreatedClaim }>(
    `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { id version status } }`,
    {
      input: {
        itemId,
        text: 'Putin accepted the invitation',
        ...(input.speakerId ? {} : { speakerName: `Speaker ${randomUUID()}` }),
        ...input,
      },
    },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data.createClaim;
}

export function uniqueName(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}
