import type { ScoringKeyView } from '@invigil/contracts';
import { QuestionType, Requests, RpcErrorCode } from '@invigil/contracts';
import type { RpcClient } from '@invigil/server-platform';
import { RemoteCallError } from '@invigil/server-platform';
import { ScoringKeys } from './scoring-keys';

const ORG = 'org-1';
const key = (assessmentVersionId: string): ScoringKeyView => ({
  assessmentVersionId,
  title: 'Safety Basics',
  passingPercent: 60,
  questions: [{ id: 'q1', type: QuestionType.SingleChoice, correctOption: 1, points: 1 }],
});

/** A stand-in for the RPC client that answers from `answer` and counts the questions asked. */
function sessionsAnswering(answer: (orgId: string, versionId: string) => ScoringKeyView) {
  const asked: string[] = [];
  const rpc = {
    request: (_subject: typeof Requests.getScoringKey, request: { orgId: string; assessmentVersionId: string }) => {
      asked.push(`${request.orgId}/${request.assessmentVersionId}`);
      try {
        return Promise.resolve(answer(request.orgId, request.assessmentVersionId));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
  return { keys: new ScoringKeys(rpc as unknown as RpcClient), asked };
}

const notFound = () =>
  new RemoteCallError(Requests.getScoringKey, { code: RpcErrorCode.NotFound, message: 'No such version' });

describe('ScoringKeys', () => {
  it('asks sessions once per version: the key of an immutable version is kept', async () => {
    const { keys, asked } = sessionsAnswering((_org, version) => key(version));
    expect(await keys.of(ORG, 'v1')).toEqual(key('v1'));
    expect(await keys.of(ORG, 'v1')).toEqual(key('v1'));
    expect(await keys.of(ORG, 'v2')).toEqual(key('v2'));
    expect(asked).toEqual([`${ORG}/v1`, `${ORG}/v2`]);
  });

  it('keeps keys per organization, so another organization asks for itself', async () => {
    const { keys, asked } = sessionsAnswering((org, version) => {
      if (org !== ORG) throw notFound();
      return key(version);
    });
    await keys.of(ORG, 'v1');
    expect(await keys.of('org-2', 'v1')).toBeNull();
    expect(asked).toEqual([`${ORG}/v1`, 'org-2/v1']);
  });

  it('answers null for a version sessions does not know, without keeping the miss', async () => {
    const { keys, asked } = sessionsAnswering(() => {
      throw notFound();
    });
    expect(await keys.of(ORG, 'gone')).toBeNull();
    expect(await keys.of(ORG, 'gone')).toBeNull();
    expect(asked).toHaveLength(2);
  });

  it('throws any other failure, so the event is retried', async () => {
    const { keys } = sessionsAnswering(() => {
      throw new RemoteCallError(Requests.getScoringKey, { code: RpcErrorCode.Unavailable, message: 'busy' });
    });
    await expect(keys.of(ORG, 'v1')).rejects.toThrow('busy');
  });
});
