/** Query keys of appointments: agendas (per agent or site and period), a file's list, the to-do list. */
export interface AgendaFilters {
  from: string;
  to: string;
  /** `me`, or a member id; or else the site's agenda. */
  agentId?: string;
  siteId?: string;
}

export const appointmentKeys = {
  all: ['appointments'] as const,
  agendas: () => [...appointmentKeys.all, 'agenda'] as const,
  agenda: (filters: AgendaFilters) => [...appointmentKeys.agendas(), filters] as const,
  ofFile: (beneficiaryId: string) => [...appointmentKeys.all, 'file', beneficiaryId] as const,
  toDo: () => [...appointmentKeys.all, 'to-do'] as const,
  absences: (filters: AgendaFilters) => [...appointmentKeys.all, 'absences', filters] as const,
  motifs: () => [...appointmentKeys.all, 'motifs'] as const,
};
