import { MAX_SNAPSHOT_BYTES, snapshotSizeRefusal } from './snapshot-rules';

describe('snapshot size', () => {
  it('accepts up to 300 KB of image data and names the limit beyond it', () => {
    expect(snapshotSizeRefusal(MAX_SNAPSHOT_BYTES)).toBeNull();
    expect(snapshotSizeRefusal(MAX_SNAPSHOT_BYTES + 1)).toBe(
      'The snapshot is 301 KB; at most 300 KB of image data is accepted. Send a smaller, low-resolution JPEG.',
    );
  });
});
