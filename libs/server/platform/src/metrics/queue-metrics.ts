import type { Queue, Worker } from 'bullmq';
import type { InvigilMetrics } from './metrics';

/** Queue depth by state, read at scrape time; KEDA scales job workers on the `wait` list. */
export function registerQueueMetrics(metrics: InvigilMetrics, queue: Queue): void {
  metrics.gauge('invigil_bullmq_queue_depth', 'BullMQ jobs by queue and state', ['queue', 'state'], async (gauge) => {
    const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'failed', 'completed');
    for (const [state, count] of Object.entries(counts)) gauge.set({ queue: queue.name, state }, count);
  });
}

/** Job durations from the worker's own timestamps. */
export function observeWorker(metrics: InvigilMetrics, worker: Worker): void {
  worker.on('completed', (job) => {
    if (job.processedOn && job.finishedOn)
      metrics.jobDuration.observe(
        { queue: worker.name, outcome: 'completed' },
        (job.finishedOn - job.processedOn) / 1000,
      );
  });
  worker.on('failed', (job) => {
    if (job?.processedOn && job.finishedOn)
      metrics.jobDuration.observe({ queue: worker.name, outcome: 'failed' }, (job.finishedOn - job.processedOn) / 1000);
  });
}
