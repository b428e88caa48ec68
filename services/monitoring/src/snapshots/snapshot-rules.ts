/** Largest image accepted, in bytes once decoded (the data URL's length limit in contracts stops most before). */
export const MAX_SNAPSHOT_BYTES = 300 * 1024;

/** Snapshots kept per participant: older ones are deleted as new ones arrive. */
export const SNAPSHOTS_KEPT_PER_PARTICIPANT = 100;

/** A whole session's list stops here (100 per participant adds up); one participant's is always complete. */
export const SNAPSHOT_LIST_LIMIT = 500;

/** Why an image of `bytes` bytes is refused, or null. */
export function snapshotSizeRefusal(bytes: number): string | null {
  if (bytes <= MAX_SNAPSHOT_BYTES) return null;
  return `The snapshot is ${Math.ceil(bytes / 1024)} KB; at most 300 KB of image data is accepted. Send a smaller, low-resolution JPEG.`;
}
