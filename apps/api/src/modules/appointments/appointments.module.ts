import { Module } from '@nestjs/common';
import { AbsencesController } from './absences.controller';
import { AbsencesService } from './absences.service';
import { AppointmentSettingsController } from './appointment-settings.controller';
import { AppointmentSettingsService } from './appointment-settings.service';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';
import { MotifsController } from './motifs.controller';
import { MotifsService } from './motifs.service';
import { OpeningHoursController } from './opening-hours.controller';
import { OpeningHoursService } from './opening-hours.service';

/** Appointments and what agendas need around them: motifs, absences, opening hours, reminder settings. */
@Module({
  controllers: [AppointmentsController, MotifsController, AbsencesController, OpeningHoursController, AppointmentSettingsController],
  providers: [AppointmentsService, MotifsService, AbsencesService, OpeningHoursService, AppointmentSettingsService],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
