/** A filled ansökan, section by section, as the forms' fields (two insatsägare, amounts written several ways). */
export const SECTION_1 = {
  name: 'Vägen vidare Heby',
  type: 'Individinsats',
  owner_org: 'Heby kommun',
  owner_contact: 'Anna Andersson',
  owner_email: 'anna.andersson@heby.example',
  partner1_org: 'Arbetsförmedlingen',
  partner1_contact: 'Bo Berg',
  partner1_email: 'bo.berg@af.example',
};
export const SECTION_2 = {
  purpose: 'Fler i arbete.',
  goal_overall: 'Egen försörjning.',
  goal_effect: '40 % till arbete eller studier.',
  goal_initiative: '60 deltagare.',
  background: 'Många står långt från arbetsmarknaden.',
};
export const SECTION_3 = {
  start: '2027-01-01',
  end: '2028-06-30',
  last_intake: '2028-03-31',
  target_group: 'Unga vuxna 18–29 år.',
  participants: '60',
  method: 'Individuellt stöd enligt IPS.',
  follow_up: 'Kvartalsvis uppföljning.',
  implementation: 'Kommunen tar över metoden i ordinarie verksamhet.',
  lokus_date: '2026-10-15',
};
export const SECTION_4 = {
  b1_s1_title: 'Arbetsmarknadskonsulent',
  b1_s1_percent: '100',
  b1_s1_from: '2027-01-01',
  b1_s1_to: '2028-06-30',
  b1_s1_amount: '1,5 mkr',
  b1_other1_post: 'Utvärdering',
  b1_other1_amount: '150 tkr',
  b1_premises: '0',
  b1_self: '200 000',
  b2_org: 'Region Uppsala',
  b2_s1_title: 'Arbetsterapeut',
  b2_s1_percent: '50',
  b2_s1_from: '2027-01-01',
  b2_s1_to: '2027-12-31',
  b2_s1_monthly: '40 000',
  b2_s1_po: '31,42',
};
