import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FileIncidentRequest, IncidentView, ListIncidentsRequest, Requests } from '@invigil/contracts';
import { IncidentsService } from './incidents.service';

@Controller()
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @MessagePattern(Requests.fileIncident)
  file(@Payload() request: FileIncidentRequest): Promise<IncidentView> {
    return this.incidents.file(request);
  }

  @MessagePattern(Requests.listIncidents)
  list(@Payload() request: ListIncidentsRequest): Promise<IncidentView[]> {
    return this.incidents.list(request);
  }
}
