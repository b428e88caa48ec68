import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetSnapshotRequest,
  ListSnapshotsRequest,
  Requests,
  SnapshotFile,
  SnapshotView,
  StoreSnapshotRequest,
} from '@invigil/contracts';
import { SnapshotsService } from './snapshots.service';

@Controller()
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @MessagePattern(Requests.storeSnapshot)
  store(@Payload() request: StoreSnapshotRequest): Promise<SnapshotView> {
    return this.snapshots.store(request);
  }

  @MessagePattern(Requests.listSnapshots)
  list(@Payload() request: ListSnapshotsRequest): Promise<SnapshotView[]> {
    return this.snapshots.list(request);
  }

  @MessagePattern(Requests.getSnapshot)
  get(@Payload() request: GetSnapshotRequest): Promise<SnapshotFile> {
    return this.snapshots.get(request);
  }
}
