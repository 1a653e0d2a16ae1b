/** Every question answered the expected way, as the kvartalsrapport form's fields. */
export const allYesAnswers: Record<string, string> = {
  choice_inPhase: 'Ja',
  choice_forecast: 'Målen kommer att nås',
  choice_meetings: 'Ja',
  choice_representatives: 'Ja',
  choice_followUp: 'Ja',
  choice_targetGroup: 'Ja',
  choice_method: 'Ja',
  choice_equality: 'Ja',
  choice_implementation: 'Ja',
  choice_deviation: 'Nej',
  choice_vacanciesFunded: 'Nej',
  choice_vacanciesOwn: 'Nej',
  meetingCount: '2',
  goalFulfilment: 'Mål 1 enligt plan, mål 2 något efter.',
  costsToDate: '1 200 000',
  other: '',
};

/** A complete, consistent kvartalsrapport for an individinsats with no earlier report (pågående confirmed). */
export const reportFields: Record<string, string> = {
  ...allYesAnswers,
  p_enrolled_k: '4',
  p_enrolled_m: '3',
  p_exited_k: '2',
  p_exited_m: '1',
  p_exitedToWorkOrStudies_k: '1',
  p_exitedToWorkOrStudies_m: '1',
  p_exitedToRehab_k: '0',
  p_exitedToRehab_m: '0',
  p_ongoing_k: '12',
  p_ongoing_m: '10',
  confirmOngoing: 'true',
};
