import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ParticipantAddedEvent, ParticipantTimeLimitChangedEvent } from '../events/participant-events';
import { describeValidationErrors } from '../validation';
import {
  AddParticipantsBody,
  AddParticipantsRequest,
  UpdateTimeLimitBody,
  UpdateTimeLimitRequest,
} from './participant';
import { givesOneTimeLimitForm, ONE_TIME_LIMIT_FORM } from './time-limit-form';

const ids = {
  orgId: '6f1c7c52-9a3f-4c55-9d0e-3a8f7b0c2d11',
  actorId: '0d4a3e9b-8c1f-4a2b-9e7d-5c6b4a3f2e10',
  sessionId: '2b9e4f1a-7c3d-4e5f-8a9b-1c2d3e4f5a6b',
  participantId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  userId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
};
const problems = async <T extends object>(cls: new () => T, plain: object) =>
  describeValidationErrors(await validate(plainToInstance(cls, plain)));

describe('minutes or multiplier, not both', () => {
  it('accepts either form or neither', () => {
    expect(givesOneTimeLimitForm({ timeLimitMinutes: 60, timeLimitMultiplier: null })).toBe(true);
    expect(givesOneTimeLimitForm({ timeLimitMultiplier: 1.5 })).toBe(true);
    expect(givesOneTimeLimitForm({})).toBe(true);
    expect(givesOneTimeLimitForm({ timeLimitMinutes: 60, timeLimitMultiplier: 1.5 })).toBe(false);
  });

  it('refuses both in the HTTP bodies', async () => {
    expect(await problems(UpdateTimeLimitBody, { timeLimitMinutes: 60, timeLimitMultiplier: 1.5 })).toEqual([
      `timeLimitMinutes: ${ONE_TIME_LIMIT_FORM}`,
    ]);
    const body = {
      sendInvitation: false,
      entries: [{ userId: ids.userId, timeLimitMinutes: 60, timeLimitMultiplier: 1.5 }],
    };
    expect(await problems(AddParticipantsBody, body)).toEqual([`entries.0.timeLimitMinutes: ${ONE_TIME_LIMIT_FORM}`]);
    expect(await problems(UpdateTimeLimitBody, { timeLimitMinutes: null, timeLimitMultiplier: 1.5 })).toEqual([]);
  });

  it('refuses both in the NATS requests and events', async () => {
    const both = { timeLimitMinutes: 60, timeLimitMultiplier: 1.5 };
    expect(await problems(UpdateTimeLimitRequest, { ...ids, ...both })).toEqual([
      `timeLimitMinutes: ${ONE_TIME_LIMIT_FORM}`,
    ]);
    const request = { ...ids, sendInvitation: true, entries: [{ userId: ids.userId, ...both }] };
    expect(await problems(AddParticipantsRequest, request)).toEqual([
      `entries.0.timeLimitMinutes: ${ONE_TIME_LIMIT_FORM}`,
    ]);
    expect(await problems(ParticipantTimeLimitChangedEvent, { ...ids, ...both })).toEqual([
      `timeLimitMinutes: ${ONE_TIME_LIMIT_FORM}`,
    ]);
    const added = { ...ids, displayName: 'A', status: 'invited', invitationRequested: false, ...both };
    expect(await problems(ParticipantAddedEvent, added)).toEqual([`timeLimitMinutes: ${ONE_TIME_LIMIT_FORM}`]);
    expect(await problems(ParticipantAddedEvent, { ...added, timeLimitMinutes: null })).toEqual([]);
  });
});
