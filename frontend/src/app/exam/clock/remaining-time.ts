/** Formats whole seconds as mm:ss; minutes go past 59 for long exams (e.g. "90:00"), never below "00:00". */
export function formatRemainingTime(totalSeconds: number): string {
  const seconds = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
